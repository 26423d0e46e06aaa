"""Deterministic generation of plausible applicants for each ANEF journey.

Why: a conformance run needs many different, believable people whose data satisfies (or, on
purpose, breaks) the rules of the guides, and any failure must be replayable.  A
:class:`PersonaFactory` is a pure function of ``(seed, today)`` and of the sequence of calls made on
it: the same seed rebuilds the same people, numbers included.  Names come from Faker, one instance
per locale, each seeded from the factory seed; all other choices come from one ``random.Random``
seeded from the same seed.

Each journey constructor enforces the constraints of its guide and raises ``ValueError`` on an
impossible request (a French applicant, a married 16-year-old, an "étudiant" host with an ascendant
...).
"""

from __future__ import annotations

from datetime import timedelta

from personas.countries import (
    pays_par_code,
)
from personas.familles import Familles
from personas.model import (
    LIENS_PARENT,
    SEXES,
    SITUATIONS_FAMILIALES,
    Accueillant,
    Demandeur,
    ParentFrancais,
    Titre,
    UnionCivile,
)
from personas.tirages import (
    DEPARTEMENTS,
    TAUX_NOMS_PARTICULIERS,
    add_months,
    add_years,
    pays_ue_hors_france,
    source_des_noms,
)

__all__ = [
    "PersonaFactory",
    "ACTIVITES_ACCUEILLANT",
    "LIENS_ACCUEILLANT",
    "PARENTES_DESCENDANT",
    "KINDS_COMPTE",
    "DEPARTEMENTS",
    "TAUX_NOMS_PARTICULIERS",
    "add_years",
    "add_months",
    "source_des_noms",
]

#: Activities of the EU citizen host (guide 05, étape 2, 2/9, and the justificatifs of étape 3).
ACTIVITES_ACCUEILLANT = (
    "salarié",
    "non salarié",
    "étudiant",
    "retraité ou inactif",
    "en cessation involontaire d'activité",
)
#: The applicant's situation towards the host (guide 05, étape 2, 3/9 to 5/9).
LIENS_ACCUEILLANT = (
    "conjoint",
    "partenaire enregistré",
    "concubin",
    "descendant",
    "ascendant",
    "personne à charge",
)
#: "vous devez indiquer votre lien de parenté : père, mère ou autre" (guide 05, 5/9).
PARENTES_DESCENDANT = ("Père", "Mère", "Autre")

#: The ways to create an account (guide 01): no numéro étranger, numéro étranger without a title,
#: title number with its validity dates, visa number.
KINDS_COMPTE = ("sans_numero_etranger", "numero_etranger", "titre", "visa")
_KIND_ALIASES = {
    "sans_numero": "sans_numero_etranger",
    "sans numéro étranger": "sans_numero_etranger",
    "aucun": "sans_numero_etranger",
    "email": "sans_numero_etranger",
    "numero": "numero_etranger",
    "numéro étranger": "numero_etranger",
    "numero etranger": "numero_etranger",
}


_BPI_PAYS = ("AF", "SY", "SD", "ER", "SO", "GN", "CI", "BD", "CD", "IR", "IQ", "ET", "CF", "TD")
_ASE_PAYS = ("GN", "CI", "ML", "SN", "CM", "TN", "MA", "DZ", "AF", "BD", "PK", "EG", "CD", "GA",
             "TD", "SO", "ER", "BF")

_TITRES_COURANTS = (
    ("Vie privée et familiale", "VIE PRIVEE ET FAMILIALE", 1),
    ("Étudiant", "ETUDIANT", 1),
    ("Salarié", "SALARIE", 1),
    ("Travailleur temporaire", "TRAVAILLEUR TEMPORAIRE", 1),
    ("Visiteur", "VISITEUR", 1),
    ("Passeport talent", "PASSEPORT TALENT", 4),
)

CATEGORIE_UE = "Membre de famille de ressortissant UE/EEE/Suisse"
MENTION_UE = "MEMBRE DE FAMILLE D'UN CITOYEN UE/EEE/SUISSE"



class PersonaFactory(Familles):
    """Builds :class:`~personas.model.Demandeur` objects for the journeys of the guides.

    ``seed`` fixes everything; ``today`` is the date the people live at (ages, title validity,
    renewal window).  Numbers (numéro étranger, e-photo, phone, e-mail, visa number) are unique
    within one factory.  ``telephones_fictifs`` (default) draws phone numbers from the ARCEP range
    reserved for fiction (06 39 98 xx xx) so that no real subscriber is ever texted by a deployment
    under test; ``False`` draws any 06/07 number.
    """

    # ---- account creation -----------------------------------------------------------------
    def compte(self, kind: str = "sans_numero_etranger", *, nationalite: str | None = None,
               sexe: str | None = None) -> Demandeur:
        """Minimal applicant for account creation (guide 01).

        ``kind``: "sans_numero_etranger" (e-mail only), "numero_etranger" (numéro étranger without
        a title: its last title ended less than five years ago), "titre" (title valid today; its
        number is the numéro étranger) or "visa" (VLS-TS valid today, with its own 10-digit number
        and the numéro étranger given at its validation).
        """
        k = _KIND_ALIASES.get(kind, kind)
        if k not in KINDS_COMPTE:
            raise ValueError(f"kind must be one of {KINDS_COMPTE}, not {kind!r}")
        if k in ("titre", "visa"):
            categorie, mention, duree = (
                ("VLS-TS", "VISITEUR", 1) if k == "visa" else self._rng.choice(_TITRES_COURANTS)
            )
            return self._titulaire(categorie=categorie, mention=mention, kind=k,
                                   renouvellement=False, nationalite=nationalite, sexe=sexe,
                                   parcours="compte", duree=duree)
        code = self._code_demandeur(nationalite)
        s = self._sexe(sexe)
        if k == "numero_etranger":
            # A numéro étranger outlives the last title by five years: the person came 2 to 10
            # years ago and holds no title today.
            d = self._demandeur(code, s, self._naissance(23, 60), "compte")
            d.numero_etranger = self.numero_etranger()
            d.date_entree_france = self._date_entre(
                max(d.date_naissance + timedelta(days=1), add_years(self.today, -10)),
                add_years(self.today, -2),
            )
        else:
            d = self._demandeur(code, s, self._naissance(18, 60), "compte")
            d.date_entree_france = self._date_entre(
                max(d.date_naissance + timedelta(days=1), add_years(self.today, -3)),
                self.today - timedelta(days=7),
            )
        return d

    # ---- titles -----------------------------------------------------------------------------
    def titulaire(self, categorie: str, mention: str, kind: str = "titre", *,
                  nationalite: str | None = None, sexe: str | None = None,
                  duree: int | None = None) -> Demandeur:
        """Holder of a title (or a visa) valid at ``today``."""
        return self._titulaire(categorie=categorie, mention=mention, kind=kind,
                               renouvellement=False, nationalite=nationalite, sexe=sexe,
                               parcours="titulaire", duree=duree)

    def renouvellement(self, categorie: str = "Vie privée et familiale",
                       mention: str = "VIE PRIVEE ET FAMILIALE", kind: str = "titre", *,
                       nationalite: str | None = None, sexe: str | None = None,
                       duree: int | None = None) -> Demandeur:
        """Holder of a title expiring 2 to 4 months after ``today`` (guide 01, FAQ 3)."""
        return self._titulaire(categorie=categorie, mention=mention, kind=kind,
                               renouvellement=True, nationalite=nationalite, sexe=sexe,
                               parcours="renouvellement", duree=duree)

    # ---- enfant de Français (guide 02) ------------------------------------------------------
    def enfant_de_francais(self, nationalite: str | None = None, sexe: str | None = None,
                           parent: str | None = None, situation: str = "Célibataire",
                           enfants: int = 0, plus_de_21_ans: bool | None = None, *,
                           age: int | None = None) -> Demandeur:
        """Foreign child (16 or more) of a French parent, first demande, no numéro étranger.

        CAS 1 (all nationalities but Algerian and Tunisian) entered France recently with a long-stay
        visa; CAS 2 (Algerian or Tunisian) may have entered at any time after birth.
        """
        if parent is not None and parent not in LIENS_PARENT:
            raise ValueError(f"parent must be one of {LIENS_PARENT}, not {parent!r}")
        if situation not in SITUATIONS_FAMILIALES:
            raise ValueError(f"situation must be one of {SITUATIONS_FAMILIALES}, not {situation!r}")
        if enfants < 0:
            raise ValueError("enfants must be >= 0")
        code = self._code_demandeur(nationalite)
        s = self._sexe(sexe)
        lien = parent or self._rng.choice(LIENS_PARENT)

        age_min, age_max = 16, 45
        if plus_de_21_ans is True:
            age_min = 22
        elif plus_de_21_ans is False:
            age_max = 20
        if situation != "Célibataire" or enfants > 0:
            age_min = max(age_min, 18)
        if enfants > 0:
            age_min = max(age_min, 19)
            if age_max < age_min:
                age_min = max(18, age_max)
        if age is not None:
            if age < 16:
                raise ValueError("the enfant de Français journey is open from 16 years of age")
            if not age_min <= age <= age_max:
                raise ValueError(
                    f"age {age} incompatible with the request (between {age_min} and {age_max})"
                )
            age_min = age_max = age
        if age_min > age_max:
            raise ValueError("no age satisfies the request")

        cas = 2 if code in ("DZ", "TN") else 1
        naissance = self._naissance(age_min, age_max)
        d = self._demandeur(code, s, naissance, "enfant_de_francais")
        fin_entree = self.today - timedelta(days=14)
        if cas == 1:
            debut_entree = max(naissance + timedelta(days=1), self.today - timedelta(days=330))
        else:
            debut_entree = naissance + timedelta(days=1)
        d.date_entree_france = self._date_entre(debut_entree, fin_entree)

        # French parent: at least 18 years older than the child, at most 45.
        sexe_parent = "M" if lien == "Père" else "F"
        debut_p = max(add_years(naissance, -45), add_years(self.today, -95))
        fin_p = add_years(naissance, -18)
        parent_p = self.personne("FR", sexe_parent, naissance=self._date_entre(debut_p, fin_p))
        if self._rng.random() < 0.7:
            parent_p.nom = d.nom if lien == "Père" else parent_p.nom
        d.parent_francais = ParentFrancais(personne=parent_p, lien=lien)

        self._famille(d, situation, enfants)
        return d

    # ---- ASE (guide 03) ---------------------------------------------------------------------
    def ase(self, cas: int = 1, eligible: bool = True, *, nationalite: str | None = None,
            sexe: str | None = None, age: int | None = None, situation: str = "Célibataire",
            enfants: int = 0) -> Demandeur:
        """Foreigner entrusted to the Aide Sociale à l'Enfance, with a numéro étranger and no title.

        CAS 1: minor (16-17) not emancipated; CAS 2: emancipated minor (16-17); CAS 3: adult
        (18-25).  ``eligible``: prise en charge on or before the 16th birthday; otherwise after it
        (the portal then answers "Demandeur non éligible").
        """
        if cas not in (1, 2, 3):
            raise ValueError(f"cas must be 1, 2 or 3, not {cas!r}")
        age_min, age_max = (16, 17) if cas in (1, 2) else (18, 25)
        if age is not None:
            if not age_min <= age <= age_max:
                raise ValueError(f"CAS {cas} is for ages {age_min}-{age_max}, not {age}")
            age_min = age_max = age
        if situation not in SITUATIONS_FAMILIALES:
            raise ValueError(f"situation must be one of {SITUATIONS_FAMILIALES}, not {situation!r}")
        if cas in (1, 2) and situation != "Célibataire":
            raise ValueError(f"CAS {cas} is a minor: situation must be 'Célibataire'")
        code = self._code_demandeur(nationalite, _ASE_PAYS)
        s = self._sexe(sexe)
        # Not eligible needs a prise en charge strictly after the 16th birthday and not in the
        # future, so the 16th birthday must be in the past.
        limite = None if eligible else add_years(self.today, -16) - timedelta(days=1)
        naissance = self._naissance(age_min, age_max, au_plus_tard=limite)
        d = self._demandeur(code, s, naissance, "ase")
        seize = add_years(naissance, 16)
        dix_huit = add_years(naissance, 18)
        if eligible:
            entree = self._date_entre(add_years(naissance, 12), min(seize, self.today))
            prise = self._date_entre(entree, min(seize, self.today))
        else:
            prise = self._date_entre(
                seize + timedelta(days=1), min(dix_huit - timedelta(days=1), self.today)
            )
            entree = self._date_entre(add_years(naissance, 14), prise)
        d.date_entree_france = entree
        d.date_prise_en_charge_ase = prise
        d.emancipe = cas == 2
        d.numero_etranger = self.numero_etranger()
        d.titres = []
        d.titre = None
        self._famille(d, situation, enfants)
        return d

    # ---- BPI renewal (guide 04) -------------------------------------------------------------
    def bpi(self, statut: str = "BPS", marie: bool = False, *, nationalite: str | None = None,
            sexe: str | None = None, enfants: int = 0, kind: str = "titre") -> Demandeur:
        """Beneficiary of international protection renewing the title (renewal window); `kind`
        "visa": guide 04 §4 Option 2, the holder of a visa long séjour only."""
        st = statut.strip().lower()
        if st in ("bps", "protection subsidiaire", "bénéficiaire de la protection subsidiaire"):
            categorie, mention = "BPS", "BENEFICIAIRE DE LA PROTECTION SUBSIDIAIRE"
        elif st in ("réfugié", "refugie", "réfugiée", "refugiee", "refugié"):
            categorie, mention = "Réfugié", "REFUGIE"
        else:
            raise ValueError(f"statut must be 'BPS' or 'réfugié', not {statut!r}")
        d = self._titulaire(categorie=categorie, mention=mention, kind=kind, renouvellement=True,
                            nationalite=nationalite, sexe=sexe, parcours="bpi",
                            choix_pays=_BPI_PAYS, age_max=60)
        self._famille(d, "Marié(e)" if marie else "Célibataire", enfants)
        return d

    # ---- family member of an EU citizen (guide 05) ------------------------------------------
    def famille_ue(self, accueillant: str = "européen", activite: str | None = None,
                   lien: str | None = None, accueillant_titre: bool = False,
                   sejour_autre_etat_mois: int | None = None, *, parente: str | None = None,
                   nationalite: str | None = None, sexe: str | None = None,
                   enfants: int = 0) -> Demandeur:
        """Family member of an EU/EEA/Swiss citizen (or of a French citizen) renewing the title
        "Membre de famille de ressortissant UE/EEE/Suisse" (permanent residence)."""
        q = accueillant.strip().lower()
        if q in ("français", "francais", "française", "francaise", "fr"):
            qualite = "français"
        elif q in ("européen", "europeen", "européenne", "europeenne", "ue"):
            qualite = "européen"
        else:
            raise ValueError(f"accueillant must be 'français' or 'européen', not {accueillant!r}")
        if activite is None:
            activite = self._rng.choice(
                [a for a in ACTIVITES_ACCUEILLANT if not (a == "étudiant" and lien == "ascendant")]
            )
        if activite not in ACTIVITES_ACCUEILLANT:
            raise ValueError(f"activite must be one of {ACTIVITES_ACCUEILLANT}, not {activite!r}")
        if qualite == "français":
            if lien is None:
                lien = "conjoint"
            if lien != "conjoint":
                raise ValueError("with a French host, the family member must be the spouse")
            if accueillant_titre:
                raise ValueError("a French host has no titre de séjour")
            if sejour_autre_etat_mois is None:
                sejour_autre_etat_mois = self._rng.randint(4, 48)
            if sejour_autre_etat_mois <= 3:
                raise ValueError(
                    "3 months or less in another EU/EEA state: this journey does not apply "
                    "(redirected to the 'conjoint de Français' procedure)"
                )
        else:
            if sejour_autre_etat_mois is not None:
                raise ValueError("sejour_autre_etat_mois is only asked with a French host")
            possibles = [x for x in LIENS_ACCUEILLANT
                         if not (activite == "étudiant" and x == "ascendant")]
            if lien is None:
                lien = self._rng.choice(possibles)
        if lien not in LIENS_ACCUEILLANT:
            raise ValueError(f"lien must be one of {LIENS_ACCUEILLANT}, not {lien!r}")
        if activite == "étudiant" and lien == "ascendant":
            raise ValueError("a student host cannot host an ascendant (guide 05, 2/9)")
        if lien == "descendant":
            parente = parente or self._rng.choice(PARENTES_DESCENDANT)
            if parente not in PARENTES_DESCENDANT:
                raise ValueError(f"parente must be one of {PARENTES_DESCENDANT}, not {parente!r}")
        elif parente is not None:
            raise ValueError("parente is only asked when the applicant is the host's descendant")

        ages = {"descendant": (18, 30), "ascendant": (50, 80), "personne à charge": (18, 75)}
        age_min, age_max = ages.get(lien, (25, 60))
        duree = 5 if qualite == "européen" else self._rng.choice((1, 2, 3, 4))
        age_min = max(age_min, 18 + duree + 1)
        if age_min > age_max:
            age_max = age_min
        code = self._code_demandeur(nationalite)
        s = self._sexe(sexe)
        d = self._demandeur(code, s, self._naissance(age_min, age_max), "famille_ue")
        d.numero_etranger = self.numero_etranger()
        t = self._titre(numero=d.numero_etranger, kind="titre", categorie=CATEGORIE_UE,
                        mention=MENTION_UE, fin_min=add_months(self.today, 2),
                        fin_max=add_months(self.today, 4), duree=duree)
        d.titres, d.titre = [t], t
        premiere_entree = max(d.date_naissance + timedelta(days=1), t.date_debut - timedelta(days=120))
        if qualite == "français":
            # a French host's spouse has been in France for less than five years (more would bring
            # the "plus de 5 ans" path, without the stay in another member state): so even when the
            # title is imposed (a recette record of 5 years)
            premiere_entree = max(premiere_entree, add_years(self.today, -5) + timedelta(days=2))
        d.date_entree_france = self._date_entre(premiere_entree, t.date_debut - timedelta(days=1))

        # The host.
        code_h = "FR" if qualite == "français" else self._rng.choice(pays_ue_hors_france())
        naissance = d.date_naissance
        if lien == "descendant":
            ecart = (36, 70) if parente == "Autre" else (18, 45)
            debut = max(add_years(naissance, -ecart[1]), add_years(self.today, -95))
            n_h = self._date_entre(debut, add_years(naissance, -ecart[0]))
            sexe_h = {"Père": "M", "Mère": "F"}.get(parente or "", self._rng.choice(SEXES))
        elif lien == "ascendant":
            n_h = self._date_entre(add_years(naissance, 18),
                                   min(add_years(naissance, 40), add_years(self.today, -19)))
            sexe_h = self._rng.choice(SEXES)
        elif lien == "personne à charge":
            n_h = self._naissance(25, 70)
            sexe_h = self._rng.choice(SEXES)
        else:
            # Spouse, partner or concubin: an adult when the current title started.
            n_h = self._date_entre(max(add_years(naissance, -10), add_years(self.today, -80)),
                                   min(add_years(naissance, 10), add_years(t.date_debut, -18)))
            sexe_h = ("F" if s == "M" else "M") if self._rng.random() < 0.95 else s
        hote = self.personne(code_h, sexe_h, naissance=n_h)
        if accueillant_titre:
            hote.numero_etranger = self.numero_etranger()
            fin = self._date_entre(self.today + timedelta(days=30), add_years(self.today, 5))
            hote.titre = Titre(hote.numero_etranger, "titre", "Citoyen UE/EEE/Suisse",
                               "CITOYEN UE/EEE/SUISSE", add_years(fin, -5) + timedelta(days=1), fin)
        d.accueillant = Accueillant(personne=hote, qualite=qualite, activite=activite, lien=lien,
                                    parente=parente if lien == "descendant" else None,
                                    sejour_autre_etat_mois=sejour_autre_etat_mois)

        # Family situation follows from the link.
        if lien in ("conjoint", "partenaire enregistré"):
            d.situation_familiale = "Marié(e)" if lien == "conjoint" else "Pacsé(e)"
            # The union predates the title it founded.
            debut_u = max(add_years(d.date_naissance, 18), add_years(n_h, 18))
            fin_u = t.date_debut - timedelta(days=1)
            pays_u = (
                "France" if lien == "partenaire enregistré"
                else self._rng.choice(
                    ("France", pays_par_code(code_h).pays, pays_par_code(code).pays)
                )
            )
            d.union = UnionCivile(self._date_entre(debut_u, fin_u), pays_u)
            d.conjoint = hote
        elif lien == "concubin":
            d.situation_familiale = "Concubin(e)"
            d.conjoint = hote
        elif lien == "ascendant":
            d.situation_familiale = self._rng.choice(("Veuf(ve)", "Divorcé(e)", "Séparé(e)"))
        else:
            d.situation_familiale = "Célibataire"
        d.enfants = self._enfants(d, enfants)
        return d

    # ---- free text ------------------------------------------------------------------------
    def from_description(self, text: str) -> Demandeur:
        """Build an applicant from a sentence in the guides' vocabulary, e.g. "une demandeuse de
        nationalité tunisienne, enfant d'un père français" (see ``personas.description``)."""
        from personas.description import construire

        return construire(self, text)
