"""The numbers the guides show: numéro de la demande (19 digits = département (2) + "01" + date
YYYYMMDD + sequence (7), e.g. 5901202212220000370) and numéro étranger (10 digits, the first two a
département, e.g. 5903000273)."""

from __future__ import annotations

import re
import secrets
from datetime import date

DEFAULT_DEPARTEMENT = "75"  # DERIVED: an address with no French postcode (abroad, overseas without one)
NUMERO_DEMANDE_RE = re.compile(r"^(?P<dep>\d{2})01(?P<date>\d{8})(?P<seq>\d{7})$")


def departement(code_postal: str) -> str:
    """Two digits from a postcode: "59000" → "59", Corsica "20…" → "20", overseas "974…" → "97"."""
    code = (code_postal or "").strip()
    return code[:2] if re.fullmatch(r"\d{5}", code) else DEFAULT_DEPARTEMENT


def numero_demande(dep: str, jour: date, sequence: int) -> str:
    if not re.fullmatch(r"\d{2}", dep):
        raise ValueError(f"département sur 2 chiffres attendu : {dep!r}")
    if not 0 < sequence < 10**7:
        raise ValueError("séquence entre 1 et 9 999 999")
    numero = f"{dep}01{jour:%Y%m%d}{sequence:07d}"
    assert len(numero) == 19
    return numero


def numero_etranger(dep: str) -> str:
    """A new numéro étranger for département `dep` (uniqueness is checked by the caller)."""
    return f"{dep}{secrets.randbelow(10**8):08d}"
