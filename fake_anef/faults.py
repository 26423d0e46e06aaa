"""Fault modes: rules the portal can break on purpose (ANEF_FAULTS="name,name"), so that every check
of the harness and every property test is seen to fail on a portal that breaks its rule."""

from __future__ import annotations

FAULTS = {
    "mot_de_passe_sans_special": "a password without a special character is accepted",
    "lien_sans_expiration": "e-mail links never expire",
}


def check(faults: frozenset[str]) -> frozenset[str]:
    unknown = faults - FAULTS.keys()
    if unknown:
        raise ValueError(f"unknown fault mode(s): {', '.join(sorted(unknown))}; known: {', '.join(FAULTS)}")
    return faults
