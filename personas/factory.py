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

import hashlib
import importlib.util
import random
import string
from datetime import date, timedelta
from functools import cache

from faker import Faker

from personas import names as _names
from personas.countries import (
    UE_EEE_SUISSE,
    adresses,
    pays_par_code,
    pays_par_nom,
    tous_les_pays,
    villes,
)
from personas.model import (
    CARACTERES_SPECIAUX,
    LIENS_PARENT,
    SEXES,
    SITUATIONS_AVEC_CONJOINT,
    SITUATIONS_AVEC_UNION,
    SITUATIONS_FAMILIALES,
    Accueillant,
    Adresse,
    Demandeur,
    ParentFrancais,
    Personne,
    Titre,
    UnionCivile,
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

#: First two digits of generated numéros étrangers: départements with a busy préfecture.
DEPARTEMENTS = (
    "75", "93", "92", "94", "95", "91", "78", "77", "59", "69", "13", "31", "33", "44", "67",
    "34", "06", "38", "35", "76", "57", "54", "62", "83", "84", "30", "42", "63", "21", "37",
    "45", "49", "14", "29", "86", "87", "25", "68", "80", "51",
)

#: Share of applicants whose surname has a particle, an apostrophe or a hyphen.
TAUX_NOMS_PARTICULIERS = 0.25

#: ARCEP range reserved for fiction (films, books, tests): 06 39 98 00 00 to 06 39 98 99 99.
_PREFIXE_TELEPHONE_FICTIF = "063998"

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
_DUREES = {"BPS": 4, "Réfugié": 10, "VLS-TS": 1, "Membre de famille de ressortissant UE/EEE/Suisse": 5}

CATEGORIE_UE = "Membre de famille de ressortissant UE/EEE/Suisse"
MENTION_UE = "MEMBRE DE FAMILLE D'UN CITOYEN UE/EEE/SUISSE"


# ------------------------------------------------------------------------------------------
# dates
# ------------------------------------------------------------------------------------------
def add_years(d: date, n: int) -> date:
    """Same day ``n`` years later (29 February -> 28 February in common years)."""
    try:
        return d.replace(year=d.year + n)
    except ValueError:
        return d.replace(year=d.year + n, day=28)


def add_months(d: date, n: int) -> date:
    """Same day ``n`` months later, clamped to the end of the month."""
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(y, m, min(d.day, day))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _derive(seed: int, *parts: object) -> int:
    h = hashlib.sha256(repr((seed, *parts)).encode("utf-8")).digest()
    return int.from_bytes(h[:8], "big")


# ------------------------------------------------------------------------------------------
# where a country's names come from
# ------------------------------------------------------------------------------------------
def _a_un_fournisseur_de_noms(locale: str) -> bool:
    return importlib.util.find_spec(f"faker.providers.person.{locale}") is not None


_TRANSLIT = {"ru": "ru", "uk": "uk", "bg": "bg", "mk": "mk", "el": "el", "be": "be"}


@cache
def source_des_noms(code: str) -> tuple[str, str, str | None]:
    """How names are drawn for a nationality: ``("faker", locale, translit_lang_or_None)`` or
    ``("pool", pool_name, None)``."""
    p = pays_par_code(code)
    loc = _names.LATIN_SIBLING.get(p.faker_locale, p.faker_locale)
    if loc and _a_un_fournisseur_de_noms(loc):
        probe = Faker(loc)
        probe.seed_instance(0)
        sample = " ".join(
            [probe.first_name_male(), probe.first_name_female(), probe.last_name()]
        )
        if _names.est_latin(sample):
            return ("faker", loc, None)
        lang = loc.split("_")[0]
        if lang in _TRANSLIT:
            return ("faker", loc, _TRANSLIT[lang])
    pool = _names.POOL_PAR_PAYS.get(code)
    if pool is None:
        raise ValueError(f"no source of names for nationality {code!r}")
    return ("pool", pool, None)


def _pays_demandeurs() -> tuple[str, ...]:
    return tuple(p.code for p in tous_les_pays() if p.code not in UE_EEE_SUISSE)


def _pays_ue() -> tuple[str, ...]:
    return tuple(p.code for p in tous_les_pays() if p.code in UE_EEE_SUISSE and p.code != "FR")


_SEXE_ALIASES = {"m": "M", "masculin": "M", "homme": "M", "f": "F", "féminin": "F", "feminin": "F",
                 "femme": "F"}


class PersonaFactory:
    """Builds :class:`~personas.model.Demandeur` objects for the journeys of the guides.

    ``seed`` fixes everything; ``today`` is the date the people live at (ages, title validity,
    renewal window).  Numbers (numéro étranger, e-photo, phone, e-mail, visa number) are unique
    within one factory.  ``telephones_fictifs`` (default) draws phone numbers from the ARCEP range
    reserved for fiction (06 39 98 xx xx) so that no real subscriber is ever texted by a deployment
    under test; ``False`` draws any 06/07 number.
    """

    def __init__(self, seed: int, today: date | None = None, *, telephones_fictifs: bool = True):
        self.seed = int(seed)
        self.today = today if today is not None else date.today()
        self.telephones_fictifs = telephones_fictifs
        self._rng = random.Random(_derive(self.seed, "rng"))
        self._fakers: dict[str, Faker] = {}
        self._numeros: set[str] = set()
        self._ephotos: set[str] = set()
        self._telephones: set[str] = set()
        self._emails: set[str] = set()

    # --------------------------------------------------------------------------------------
    # low-level draws
    # --------------------------------------------------------------------------------------
    def _faker(self, locale: str) -> Faker:
        f = self._fakers.get(locale)
        if f is None:
            f = Faker(locale)
            f.seed_instance(_derive(self.seed, "faker", locale))
            self._fakers[locale] = f
        return f

    def _date_entre(self, debut: date, fin: date) -> date:
        if fin < debut:
            raise ValueError(f"empty date range {debut} .. {fin}")
        return debut + timedelta(days=self._rng.randint(0, (fin - debut).days))

    def _naissance(self, age_min: int, age_max: int, *, au_plus_tard: date | None = None) -> date:
        """A birth date giving an age in [age_min, age_max] today."""
        debut = add_years(self.today, -(age_max + 1)) + timedelta(days=1)
        fin = add_years(self.today, -age_min)
        if au_plus_tard is not None:
            fin = min(fin, au_plus_tard)
        return self._date_entre(debut, fin)

    def _sexe(self, sexe: str | None) -> str:
        if sexe is None:
            return self._rng.choice(SEXES)
        s = _SEXE_ALIASES.get(str(sexe).strip().lower())
        if s is None:
            raise ValueError(f"sexe must be 'M' or 'F', not {sexe!r}")
        return s

    def _code_pays(self, nationalite: str | None, choix: tuple[str, ...] | None = None) -> str:
        if nationalite is None:
            return self._rng.choice(choix or _pays_demandeurs())
        n = nationalite.strip()
        try:
            code = pays_par_code(n).code if len(n) == 2 else None
        except ValueError:
            code = None
        if code is None:
            from personas.countries import pays_par_adjectif

            try:
                code = pays_par_adjectif(n).code
            except ValueError:
                code = pays_par_nom(n).code
        return code

    def _code_demandeur(self, nationalite: str | None, choix: tuple[str, ...] | None = None) -> str:
        code = self._code_pays(nationalite, choix)
        if code == "FR":
            raise ValueError("a French national needs no titre de séjour: not an applicant")
        if code in UE_EEE_SUISSE:
            raise ValueError(
                f"{pays_par_code(code).pays}: EU/EEA/Swiss citizens are not applicants of these "
                "journeys"
            )
        return code

    def _unique(self, registre: set[str], tirage) -> str:
        for _ in range(10_000):
            v = tirage()
            if v not in registre:
                registre.add(v)
                return v
        raise RuntimeError("no unique value left")

    def _chiffres(self, n: int) -> str:
        return "".join(self._rng.choice(string.digits) for _ in range(n))

    def numero_etranger(self) -> str:
        """A fresh 10-digit numéro étranger (first two digits a département)."""
        return self._unique(
            self._numeros, lambda: self._rng.choice(DEPARTEMENTS) + self._chiffres(8)
        )

    def numero_visa(self) -> str:
        """A fresh 10-digit visa number (the form's example is "9999999999")."""
        return self._unique(self._numeros, lambda: self._rng.choice("123456789") + self._chiffres(9))

    def ephoto(self) -> str:
        """A fresh 22-digit e-photo number."""
        return self._unique(self._ephotos, lambda: self._chiffres(22))

    def telephone(self) -> str:
        if self.telephones_fictifs:
            return self._unique(
                self._telephones, lambda: _PREFIXE_TELEPHONE_FICTIF + self._chiffres(4)
            )
        return self._unique(
            self._telephones, lambda: self._rng.choice(("06", "07")) + self._chiffres(8)
        )

    def email(self, prenom: str, nom: str) -> str:
        base = f"{_names.ascii_slug(prenom) or 'usager'}.{_names.ascii_slug(nom) or 'anef'}"
        alphabet = string.ascii_lowercase + string.digits
        return self._unique(
            self._emails,
            lambda: f"{base}.{''.join(self._rng.choice(alphabet) for _ in range(4))}@example.org",
        )

    def mot_de_passe(self) -> str:
        """A password the portal accepts (≥ 8 chars, upper, lower, digit, special)."""
        r = self._rng
        chars = [
            r.choice(string.ascii_uppercase),
            r.choice(string.ascii_lowercase),
            r.choice(string.digits),
            r.choice(CARACTERES_SPECIAUX),
        ]
        pool = string.ascii_letters + string.digits + CARACTERES_SPECIAUX
        chars += [r.choice(pool) for _ in range(r.randint(6, 12))]
        r.shuffle(chars)
        return "".join(chars)

    def adresse(self) -> Adresse:
        return self._rng.choice(adresses())

    # --------------------------------------------------------------------------------------
    # names
    # --------------------------------------------------------------------------------------
    def _brut(self, code: str, sexe: str, quoi: str) -> str:
        """One raw name ("prenom" or "nom") for nationality ``code``, in admin Latin letters."""
        kind, src, lang = source_des_noms(code)
        if kind == "pool":
            pool = _names.POOLS[src]
            if quoi == "prenom":
                return self._rng.choice(pool["m"] if sexe == "M" else pool["f"])
            return self._rng.choice(pool["noms"])
        f = self._faker(src)
        if quoi == "prenom":
            v = f.first_name_male() if sexe == "M" else f.first_name_female()
        else:
            v = f.last_name_male() if sexe == "M" else f.last_name_female()
        if lang is not None:
            v = _names.translitterer(v, lang)
        if src in _names.LOCALES_SANS_DIACRITIQUES:
            v = _names.sans_diacritiques(v)
        return _names.latin_administratif(v).strip()

    def _nom_simple(self, code: str, sexe: str) -> str:
        v = ""
        for _ in range(30):
            v = self._brut(code, sexe, "nom")
            if v and not _names.a_particule(v):
                return v
        # Last resort: the longest word of the last draw.
        return max(v.replace("'", " ").replace("-", " ").split(), key=len)

    def _nom_particulier(self, code: str, sexe: str) -> str:
        kind, src, _ = source_des_noms(code)
        choix = _names.PARTICULES_PAR_PAYS.get(code) or (
            _names.POOLS[src]["particules"] if kind == "pool" else ()
        )
        # "Ould" (son of) is for men, "Mint" (daughter of) for women.
        choix = tuple(
            c for c in choix if not c.startswith("Mint " if sexe == "M" else "Ould ")
        ) or choix
        if choix:
            return self._rng.choice(choix)
        a = self._nom_simple(code, sexe)
        b = a
        for _ in range(10):
            b = self._nom_simple(code, sexe)
            if b != a:
                break
        return f"{a}-{b}" if b != a else f"{a}-{a}"

    def _prenoms(self, code: str, sexe: str) -> list[str]:
        prenoms = self._brut(code, sexe, "prenom").split()
        if len(prenoms) == 1 and self._rng.random() < 0.2:
            autre = self._brut(code, sexe, "prenom").split()[0]
            if autre != prenoms[0]:
                prenoms.append(autre)
        return prenoms

    def _identite_demandeur(self, code: str, sexe: str) -> tuple[str, list[str]]:
        special = self._rng.random() < TAUX_NOMS_PARTICULIERS
        nom = self._nom_particulier(code, sexe) if special else self._nom_simple(code, sexe)
        prenoms = self._prenoms(code, sexe)
        for _ in range(10):
            if prenoms[0].lower() != nom.lower():
                break
            prenoms = self._prenoms(code, sexe)
        return nom, prenoms

    def _ville(self, code: str) -> str:
        return self._rng.choice(villes(code))

    # --------------------------------------------------------------------------------------
    # people around the applicant
    # --------------------------------------------------------------------------------------
    def personne(
        self,
        nationalite: str = "FR",
        sexe: str | None = None,
        *,
        naissance: date | None = None,
        age: tuple[int, int] = (18, 80),
        nom: str | None = None,
    ) -> Personne:
        """Someone around the applicant (French parent, spouse, child, accueillant)."""
        code = self._code_pays(nationalite)
        s = self._sexe(sexe)
        if naissance is None:
            naissance = self._naissance(*age)
        return Personne(
            nom=nom if nom is not None else self._brut(code, s, "nom"),
            prenoms=self._prenoms(code, s),
            sexe=s,
            date_naissance=naissance,
            ville_naissance=self._ville(code),
            pays_naissance=pays_par_code(code).pays,
            nationalites=[code],
        )

    def _conjoint(self, d: Demandeur, union_date: date | None, francais: bool = False) -> Personne:
        code = "FR" if francais else (d.nationalite if self._rng.random() < 0.8 else
                                      self._code_pays(None))
        sexe = ("F" if d.sexe == "M" else "M") if self._rng.random() < 0.95 else d.sexe
        limite = add_years(union_date or self.today, -18)
        debut = max(add_years(d.date_naissance, -10), add_years(self.today, -90))
        fin = min(add_years(d.date_naissance, 8), limite)
        naissance = self._date_entre(debut, fin)
        return self.personne(code, sexe, naissance=naissance)

    def _enfants(self, d: Demandeur, n: int) -> list[Personne]:
        if n < 0:
            raise ValueError("enfants must be >= 0")
        if n > 12:
            raise ValueError("more than 12 children requested")
        if n == 0:
            return []
        au_plus_tot = add_years(d.date_naissance, 16)
        confortable = add_years(d.date_naissance, 18)
        fin = self.today - timedelta(days=1)
        if au_plus_tot > fin:
            raise ValueError(
                "children must be at least 16 years younger than the applicant: applicant too young"
            )
        debut = confortable if confortable <= fin else au_plus_tot
        enfants = []
        for _ in range(n):
            naissance = self._date_entre(debut, fin)
            sexe = self._rng.choice(SEXES)
            en_france = d.date_entree_france is not None and naissance > d.date_entree_france
            enfant = Personne(
                nom=d.nom,
                prenoms=self._prenoms(d.nationalite, sexe),
                sexe=sexe,
                date_naissance=naissance,
                ville_naissance=self._ville("FR" if en_france else d.nationalite),
                pays_naissance="France" if en_france else pays_par_code(d.nationalite).pays,
                nationalites=[d.nationalite],
            )
            enfants.append(enfant)
        enfants.sort(key=lambda e: e.date_naissance)
        return enfants

    def _famille(self, d: Demandeur, situation: str, enfants: int, *, union_avant: date | None = None,
                 union_pays: tuple[str, ...] | None = None) -> None:
        """Fill situation, union, conjoint and children of ``d`` consistently."""
        if situation not in SITUATIONS_FAMILIALES:
            raise ValueError(f"situation must be one of {SITUATIONS_FAMILIALES}, not {situation!r}")
        d.situation_familiale = situation
        majorite = add_years(d.date_naissance, 18)
        if situation != "Célibataire" and majorite > self.today:
            raise ValueError(f"{situation}: the applicant must be an adult (union after 18)")
        if situation in SITUATIONS_AVEC_UNION:
            fin = min(self.today, union_avant or self.today)
            debut = majorite
            if situation == "Pacsé(e)":
                # A PACS is registered in France, so after the applicant's arrival when possible.
                pays = "France"
                if d.date_entree_france is not None and max(debut, d.date_entree_france) <= fin:
                    debut = max(debut, d.date_entree_france)
            else:
                choix = union_pays or ("France", pays_par_code(d.nationalite).pays)
                pays = self._rng.choice(choix)
            d.union = UnionCivile(date=self._date_entre(debut, fin), pays=pays)
        if situation in SITUATIONS_AVEC_CONJOINT:
            d.conjoint = self._conjoint(d, d.union.date if d.union else None)
        d.enfants = self._enfants(d, enfants)

    # --------------------------------------------------------------------------------------
    # the applicant
    # --------------------------------------------------------------------------------------
    def _demandeur(self, code: str, sexe: str, naissance: date, parcours: str) -> Demandeur:
        nom, prenoms = self._identite_demandeur(code, sexe)
        return Demandeur(
            nom=nom,
            prenoms=prenoms,
            sexe=sexe,
            date_naissance=naissance,
            ville_naissance=self._ville(code),
            pays_naissance=pays_par_code(code).pays,
            nationalites=[code],
            email=self.email(prenoms[0], nom),
            telephone=self.telephone(),
            adresse=self.adresse(),
            mot_de_passe=self.mot_de_passe(),
            ephoto=self.ephoto(),
            parcours=parcours,
        )

    def _titre(self, *, numero: str, kind: str, categorie: str, mention: str, fin_min: date,
               fin_max: date, duree: int) -> Titre:
        date_fin = self._date_entre(fin_min, fin_max)
        date_debut = add_years(date_fin, -duree) + timedelta(days=1)
        return Titre(numero, kind, categorie, mention, date_debut, date_fin)

    def _entree_avant(self, d: Demandeur, avant: date, *, max_annees: int = 5) -> date:
        debut = max(d.date_naissance + timedelta(days=1), add_years(avant, -max_annees))
        return self._date_entre(debut, avant - timedelta(days=1))

    def _titulaire(self, *, categorie: str, mention: str, kind: str, renouvellement: bool,
                   nationalite: str | None, sexe: str | None, parcours: str,
                   duree: int | None = None, choix_pays: tuple[str, ...] | None = None,
                   age_max: int = 65) -> Demandeur:
        if kind not in ("titre", "visa"):
            raise ValueError(f"kind must be 'titre' or 'visa', not {kind!r}")
        if not categorie:
            raise ValueError("categorie is required")
        if duree is None:
            if kind == "visa":
                duree = 1
            elif categorie in _DUREES:
                duree = _DUREES[categorie]
            else:
                duree = self._rng.choice((1, 2, 4))
        if duree < 1:
            raise ValueError("duree must be >= 1 year")
        code = self._code_demandeur(nationalite, choix_pays)
        s = self._sexe(sexe)
        # The title started after the 18th birthday.
        age_min = 18 + duree + 1
        if age_min > age_max:
            raise ValueError(f"a {duree}-year title cannot be held by someone under {age_min}")
        d = self._demandeur(code, s, self._naissance(age_min, age_max), parcours)
        if renouvellement:
            fin_min, fin_max = add_months(self.today, 2), add_months(self.today, 4)
        else:
            fin_min = self.today + timedelta(days=1)
            fin_max = max(fin_min, add_years(self.today, duree) - timedelta(days=1))
        # Every holder has a numéro étranger: a title carries it, and a VLS-TS gets one when it is
        # validated (guide 01, FAQ 2: the validation reference is the numéro étranger).  A visa's
        # own number is distinct.
        d.numero_etranger = self.numero_etranger()
        numero = d.numero_etranger if kind == "titre" else self.numero_visa()
        t = self._titre(numero=numero, kind=kind, categorie=categorie, mention=mention,
                        fin_min=fin_min, fin_max=fin_max, duree=duree)
        d.titres = [t]
        d.titre = t
        if kind == "visa":
            # A long-stay visa holder enters France within the first weeks of the visa.
            d.date_entree_france = self._date_entre(
                t.date_debut, min(self.today, t.date_debut + timedelta(days=60))
            )
        else:
            d.date_entree_france = self._entree_avant(d, t.date_debut)
        return d

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
        code_h = "FR" if qualite == "français" else self._rng.choice(_pays_ue())
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

