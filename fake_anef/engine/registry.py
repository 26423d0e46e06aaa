"""Procedure definitions, the registry: every definition shipped in fake_anef/procedures/, loaded
and checked once, and looked up by id or by the way the user reaches it."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from .. import faults_definitions
from .communs import COMMUNS_FILE
from .loading import load_text
from .schema import Definition, DefinitionError


@cache
def bundled() -> tuple[Definition, ...]:
    """Every definition shipped in fake_anef/procedures/ (but the shared blocs), checked (cached: loaded once at start)."""
    folder = files("fake_anef").joinpath("procedures")
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml") and entry.name != COMMUNS_FILE:
            text = faults_definitions.patch(entry.name, entry.read_text(encoding="utf-8"))  # fault modes
            out.append(load_text(text, source=entry.name))
    ids = [d.id for d in out]
    if len(ids) != len(set(ids)):
        raise DefinitionError("procédures : deux définitions ont le même id")
    return tuple(out)


def by_id(procedure_id: str) -> Definition | None:
    return next((d for d in bundled() if d.id == procedure_id), None)


def by_motif(motif: str) -> Definition | None:
    return next((d for d in bundled() if motif and d.motif == motif), None)


def by_situation(libelle: str) -> Definition | None:
    """The procedure behind an item of "Votre situation actuelle" (guide 03 §8)."""
    return next((d for d in bundled() if libelle and d.situation == libelle), None)


def by_renouvellement(categorie: str) -> Definition | None:
    """The renewal procedure for a title of this category (guide 04 §12, 05 §13), if simulated."""
    return next((d for d in bundled() if categorie in d.renouvellement), None)
