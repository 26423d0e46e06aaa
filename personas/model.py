"""The people of the ANEF journeys, as plain data.

Why: the conformance scenarios, the simulator's demos and the property tests all need the same
vocabulary for "who is filing": the état civil the portal asks for, the titles the applicant holds,
the French parent, the spouse, the children, the ASE prise en charge, the accueillant of an EU
family member.  These dataclasses carry that data and nothing else: they know no portal, no HTTP,
no vendor.  Field names are the French words of the guides so that a scenario reads like the guide.

Dates are ``datetime.date``; :func:`fr` renders them the way the portal prints them (DD/MM/YYYY).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

__all__ = [
    "SEXES",
    "SITUATIONS_FAMILIALES",
    "SITUATIONS_AVEC_UNION",
    "SITUATIONS_AVEC_CONJOINT",
    "SITUATIONS_APRES_UNION",
    "LIENS_PARENT",
    "CARACTERES_SPECIAUX",
    "Adresse",
    "Titre",
    "UnionCivile",
    "Personne",
    "ParentFrancais",
    "Accueillant",
    "Demandeur",
    "fr",
    "age_at",
    "regles_mot_de_passe_enfreintes",
    "mot_de_passe_valide",
]

SEXES = ("M", "F")

#: Labels of the "Quelle est votre situation familiale actuelle ?" drop-down.
SITUATIONS_FAMILIALES = (
    "Célibataire",
    "Concubin(e)",
    "Marié(e)",
    "Pacsé(e)",
    "Divorcé(e)",
    "Veuf(ve)",
    "Séparé(e)",
)
#: Situations for which the portal asks "Date de début de l'union" and "Pays de l'union".
SITUATIONS_AVEC_UNION = ("Marié(e)", "Pacsé(e)")
#: Situations in which the applicant lives with someone (a conjoint is described).
SITUATIONS_AVEC_CONJOINT = ("Marié(e)", "Pacsé(e)", "Concubin(e)")
#: Situations that imply a past union (so an adult applicant).
SITUATIONS_APRES_UNION = ("Divorcé(e)", "Veuf(ve)", "Séparé(e)")

#: "Votre lien de parenté avec le parent" (guide 02, étape 3).
LIENS_PARENT = ("Père", "Mère")

#: Special characters quoted by the password rule of guide 01: "un caractère spécial (*$%&@!~>?@_".
CARACTERES_SPECIAUX = "*$%&@!~>?_"


def fr(d: date | None) -> str:
    """``date(2022, 12, 22)`` -> ``"22/12/2022"`` (empty string for ``None``)."""
    if d is None:
        return ""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def age_at(naissance: date, at: date) -> int:
    """Age in whole years on ``at`` (birthday counted on the day itself)."""
    years = at.year - naissance.year
    if (at.month, at.day) < (naissance.month, naissance.day):
        years -= 1
    return years


def regles_mot_de_passe_enfreintes(mot_de_passe: str) -> set[str]:
    """Which of the portal's password rules a password breaks.

    Rules (guide 01, "Créez votre mot de passe"): at least 8 characters ("longueur"), an uppercase
    letter ("majuscule"), a lowercase letter ("minuscule"), a digit ("chiffre") and a special
    character ("special") among :data:`CARACTERES_SPECIAUX`.
    """
    broken: set[str] = set()
    if len(mot_de_passe) < 8:
        broken.add("longueur")
    if not re.search(r"[A-Z]", mot_de_passe):
        broken.add("majuscule")
    if not re.search(r"[a-z]", mot_de_passe):
        broken.add("minuscule")
    if not re.search(r"[0-9]", mot_de_passe):
        broken.add("chiffre")
    if not any(c in CARACTERES_SPECIAUX for c in mot_de_passe):
        broken.add("special")
    return broken


def mot_de_passe_valide(mot_de_passe: str) -> bool:
    return not regles_mot_de_passe_enfreintes(mot_de_passe)


@dataclass(frozen=True)
class Adresse:
    """A French postal address as the portal's address block shows it.

    ``ligne()`` is the one-line label of the type-ahead suggestion ("20 Rue Nationale 59000 Lille");
    the complement is a separate field of the form and is not part of that label.
    """

    numero: str
    voie: str
    complement: str
    code_postal: str
    ville: str
    pays: str = "France"
    code_insee: str = ""

    def ligne(self) -> str:
        debut = f"{self.numero} {self.voie}".strip()
        return f"{debut} {self.code_postal} {self.ville}".strip()


@dataclass(frozen=True)
class Titre:
    """A residence title ("titre") or a long-stay visa ("visa").

    ``categorie`` is what the portal says the person is ("Vous êtes titulaire d'un titre de séjour en
    tant que « BPS »"), ``mention`` the text printed on the card ("BENEFICIAIRE DE LA PROTECTION
    SUBSIDIAIRE").  For a "titre", ``numero`` is the holder's numéro étranger, which is what the
    account-creation form asks for ("N° de votre visa ou de votre titre de séjour").
    """

    numero: str
    kind: str  # "titre" | "visa"
    categorie: str
    mention: str
    date_debut: date
    date_fin: date

    def __post_init__(self) -> None:
        if self.kind not in ("titre", "visa"):
            raise ValueError(f"kind must be 'titre' or 'visa', not {self.kind!r}")
        if self.date_fin < self.date_debut:
            raise ValueError("date_fin before date_debut")

    def valide_le(self, d: date) -> bool:
        return self.date_debut <= d <= self.date_fin


@dataclass(frozen=True)
class UnionCivile:
    """Marriage or PACS: "Date de début de l'union" and "Pays de l'union" (French country name)."""

    date: date
    pays: str


@dataclass
class Personne:
    """Someone the portal asks about: the applicant, a French parent, a spouse, a child, an accueillant.

    ``nationalites`` are ISO 3166 alpha-2 codes (see ``personas.countries``); ``pays_naissance`` is
    the French name of the country ("Algérie", "Côte d'Ivoire").  ``titre`` is the person's current
    title, if any.
    """

    nom: str
    prenoms: list[str]
    sexe: str
    date_naissance: date
    ville_naissance: str
    pays_naissance: str
    nationalites: list[str]
    numero_etranger: str | None = None
    titre: Titre | None = None

    def age(self, at: date) -> int:
        return age_at(self.date_naissance, at)

    @property
    def prenom(self) -> str:
        return self.prenoms[0] if self.prenoms else ""

    @property
    def nom_complet(self) -> str:
        """"Prénom NOM" (first given name, surname in capitals), e.g. "Marshall COLLINS"."""
        return f"{self.prenom} {self.nom.upper()}".strip()

    @property
    def nationalite(self) -> str:
        """First nationality (ISO alpha-2)."""
        return self.nationalites[0]

    @property
    def nationalite_adjectif(self) -> str:
        """French adjective agreeing with ``sexe``: "tunisienne", "algérien"."""
        from personas.countries import pays_par_code  # local import: countries loads a CSV

        p = pays_par_code(self.nationalite)
        return p.nationalite_f if self.sexe == "F" else p.nationalite_m


@dataclass
class ParentFrancais:
    """The French parent of the enfant de Français journey and the applicant's "lien" to them."""

    personne: Personne
    lien: str  # "Père" | "Mère"

    def __post_init__(self) -> None:
        if self.lien not in LIENS_PARENT:
            raise ValueError(f"lien must be one of {LIENS_PARENT}, not {self.lien!r}")


@dataclass
class Accueillant:
    """The host of a family member of an EU/EEA/Swiss citizen (guide 05).

    ``qualite`` is "français" or "européen"; ``activite`` one of the activities of guide 05 (see
    ``personas.factory.ACTIVITES_ACCUEILLANT``); ``lien`` the applicant's situation towards the host
    ("conjoint", "descendant", ...); ``parente`` ("Père", "Mère", "Autre") is set when the applicant is
    the host's descendant; ``sejour_autre_etat_mois`` is the time spent together in another EU/EEA
    state or Switzerland, asked when the host is French.
    """

    personne: Personne
    qualite: str
    activite: str
    lien: str
    parente: str | None = None
    sejour_autre_etat_mois: int | None = None

    @property
    def a_un_titre(self) -> bool:
        return self.personne.titre is not None


@dataclass(kw_only=True)
class Demandeur(Personne):
    """The applicant.

    ``titres`` is the applicant's history of titles, oldest first; ``titre`` (inherited) is kept equal
    to the last one.  ``parcours`` names the journey the factory built the person for ("compte",
    "titulaire", "renouvellement", "enfant_de_francais", "ase", "bpi", "famille_ue") or is ``None``.
    """

    email: str
    telephone: str
    adresse: Adresse
    mot_de_passe: str
    ephoto: str
    titres: list[Titre] = field(default_factory=list)
    date_entree_france: date | None = None
    situation_familiale: str = "Célibataire"
    union: UnionCivile | None = None
    conjoint: Personne | None = None
    enfants: list[Personne] = field(default_factory=list)
    parent_francais: ParentFrancais | None = None
    accueillant: Accueillant | None = None
    date_prise_en_charge_ase: date | None = None
    emancipe: bool = False
    nom_usage: str | None = None
    parcours: str | None = None

    def __post_init__(self) -> None:
        if self.titre is None and self.titres:
            self.titre = self.titres[-1]
        elif self.titre is not None and not self.titres:
            self.titres = [self.titre]
        if self.situation_familiale not in SITUATIONS_FAMILIALES:
            raise ValueError(
                f"situation_familiale must be one of {SITUATIONS_FAMILIALES}, "
                f"not {self.situation_familiale!r}"
            )

    @property
    def cas(self) -> int:
        """CAS of the enfant de Français journey: 2 for Algerian or Tunisian applicants, else 1."""
        return 2 if any(n in ("DZ", "TN") for n in self.nationalites) else 1

    @property
    def pays_nationalite(self) -> str:
        from personas.countries import pays_par_code

        return pays_par_code(self.nationalite).pays
