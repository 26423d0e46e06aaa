"""Countries and nationalities as the portal's drop-down lists show them (bundled CSV)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True)
class Pays:
    code: str
    nom: str
    nationalite_m: str
    nationalite_f: str

    @property
    def nationalite(self) -> str:
        """The drop-down label: the feminine adjective, as "Nationalité : algérienne" reads."""
        return self.nationalite_f.capitalize()


# The member states of the European Union, the other states of the European Economic Area, and
# Switzerland (guide 05: "un autre État membre de l'UE, de l'EEE ou la Suisse").
UE_EEE_SUISSE = frozenset(
    "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK"  # UE
    " IS LI NO"  # EEE
    " CH".split()
)


@cache
def all_countries() -> tuple[Pays, ...]:
    text = files("fake_anef").joinpath("data/pays.csv").read_text(encoding="utf-8")
    rows = [Pays(r["code"], r["pays"], r["nationalite_m"], r["nationalite_f"]) for r in csv.DictReader(text.splitlines())]
    return tuple(sorted(rows, key=lambda p: _sort_key(p.nom)))


@cache
def by_code() -> dict[str, Pays]:
    return {p.code: p for p in all_countries()}


def _sort_key(name: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()
