"""Countries, nationalities and French addresses, loaded from ``personas/data``.

Why: the portal's drop-downs speak French ("Côte d'Ivoire", "tunisienne") while the people are
keyed by ISO codes; the data files are the single place where the two meet, and where the Faker
locale used to draw a nationality's names is chosen.  Loading is cached (the files never change at
run time).
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from personas.model import Adresse

__all__ = [
    "Pays",
    "UE_EEE_SUISSE",
    "tous_les_pays",
    "pays_par_code",
    "pays_par_nom",
    "pays_par_adjectif",
    "adresses",
    "villes",
]

#: Member states of the EU, the EEA and Switzerland (their citizens need no title; their family
#: members are the subject of guide 05).
UE_EEE_SUISSE = frozenset(
    "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK "
    "IS LI NO CH".split()
)


@dataclass(frozen=True)
class Pays:
    code: str
    pays: str
    nationalite_m: str
    nationalite_f: str
    faker_locale: str

    @property
    def ue_eee_suisse(self) -> bool:
        return self.code in UE_EEE_SUISSE


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("personas").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _cle(texte: str) -> str:
    """Comparison key: lower case, no accents, apostrophes unified."""
    texte = texte.replace("’", "'").strip().lower()
    return "".join(c for c in unicodedata.normalize("NFD", texte) if unicodedata.category(c) != "Mn")


@cache
def tous_les_pays() -> tuple[Pays, ...]:
    return tuple(
        Pays(r["code"], r["pays"], r["nationalite_m"], r["nationalite_f"], r["faker_locale"])
        for r in _rows("pays.csv")
    )


@cache
def _index() -> dict[str, dict[str, Pays]]:
    by_code: dict[str, Pays] = {}
    by_nom: dict[str, Pays] = {}
    by_adj: dict[str, Pays] = {}
    for p in tous_les_pays():
        by_code[p.code] = p
        by_nom.setdefault(_cle(p.pays), p)
        by_adj.setdefault(_cle(p.nationalite_m), p)
        by_adj.setdefault(_cle(p.nationalite_f), p)
    return {"code": by_code, "nom": by_nom, "adj": by_adj}


def pays_par_code(code: str) -> Pays:
    try:
        return _index()["code"][code.upper()]
    except KeyError:
        raise ValueError(f"unknown country code {code!r}") from None


def pays_par_nom(nom: str) -> Pays:
    """``"cote d'ivoire"`` or ``"Côte d’Ivoire"`` -> the Côte d'Ivoire row."""
    try:
        return _index()["nom"][_cle(nom)]
    except KeyError:
        raise ValueError(f"unknown country name {nom!r}") from None


def pays_par_adjectif(adjectif: str) -> Pays:
    """``"tunisienne"``, ``"Algérien"`` -> the country (first row wins when two share it)."""
    try:
        return _index()["adj"][_cle(adjectif)]
    except KeyError:
        raise ValueError(f"unknown nationality adjective {adjectif!r}") from None


@cache
def adresses() -> tuple[Adresse, ...]:
    """Real French addresses (the bundled portal's type-ahead offers the same list)."""
    return tuple(
        Adresse(
            numero=r["numero"],
            voie=r["voie"],
            complement=r["complement"],
            code_postal=r["code_postal"],
            ville=r["ville"],
            pays="France",
            code_insee=r["code_insee"],
        )
        for r in _rows("adresses.csv")
    )


@cache
def _villes() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for r in _rows("villes.csv"):
        out.setdefault(r["code"], []).append(r["ville"])
    return {k: tuple(v) for k, v in out.items()}


def villes(code: str) -> tuple[str, ...]:
    """Birth places for a country (French exonyms: "Alger", "Pékin", "Montréal")."""
    v = _villes().get(code.upper())
    if not v:
        raise ValueError(f"no city known for country {code!r}")
    return v
