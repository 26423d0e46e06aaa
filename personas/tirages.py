"""The draws every journey's persona is made of: names by nationality (Faker, one instance per
locale), dates, unique numbers (numéro étranger, e-photo, phone, e-mail), people and families.

Why apart from personas.factory: the journeys (one constructor per guide) read as the guides'
constraints; the draws they share are the same for all. Deterministic: a pure function of the seed
and of the sequence of calls (see personas.factory)."""

from __future__ import annotations

import hashlib
import importlib.util
import random
import string
from datetime import date, timedelta
from functools import cache

from dateutil.relativedelta import relativedelta
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
    SEXES,
    Adresse,
)

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


# ------------------------------------------------------------------------------------------
# dates
# ------------------------------------------------------------------------------------------
def add_years(d: date, n: int) -> date:
    """Same day ``n`` years later (29 February -> 28 February in common years)."""
    return d + relativedelta(years=n)


def add_months(d: date, n: int) -> date:
    """Same day ``n`` months later, clamped to the end of the month (31 January + 1 -> 28/29 February)."""
    return d + relativedelta(months=n)


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


def pays_ue_hors_france() -> tuple[str, ...]:
    return tuple(p.code for p in tous_les_pays() if p.code in UE_EEE_SUISSE and p.code != "FR")


_SEXE_ALIASES = {"m": "M", "masculin": "M", "homme": "M", "f": "F", "féminin": "F", "feminin": "F",
                 "femme": "F"}


class Tirages:
    """The draws (seeded from ``seed``) the journeys of :class:`~personas.factory.PersonaFactory` are
    made of; numbers are unique within one instance."""

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
