"""The rules of a récapitulatif step (`type: recapitulatif`, guide 04 étape 4): the steps named by its
`parties` are shown back one by one; each must be validated ("Valider et vérifier la suite de ma
saisie") before the dépôt; "Modifier ma saisie" opens the part's step and, once it is saved, comes
back to the récapitulatif (stopping first at any later step the change left incomplete).

The state lives in the demande's data under wizard.RECAPITULATIF: {"valide": "step,step",
"retour": "<recapitulatif step id>"} (plain strings, like every stored value). Pure functions of the
definition and the data: the web layer only stores what they return.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .definition import Definition, Partie, Step
from .wizard import RECAPITULATIF, Pieces, Values, Wizard, parties_validees

__all__ = ["Part", "complete", "next_after_save", "parts", "state_after_modification", "state_after_save",
           "state_validated"]


@dataclass(frozen=True)
class Part:
    numero: int
    partie: Partie
    step: Step
    validee: bool
    ouverte: bool
    sections: list[dict[str, Any]]


def _state(data: Mapping[str, Values]) -> dict[str, str]:
    return dict(data.get(RECAPITULATIF, {}))


def _applicable_parts(wizard: Wizard, step: Step, data: Mapping[str, Values]) -> list[tuple[int, Partie, Step]]:
    applying = {s.id for s in wizard.steps(wizard.variables(data))}
    d = wizard.definition
    return [(i + 1, p, d.step(p.etape)) for i, p in enumerate(step.parties) if p.etape in applying]


def parts(wizard: Wizard, step: Step, data: Mapping[str, Values], open_part: str | None = None) -> list[Part]:
    """The parts as the page shows them: validated ones closed, the first one still to validate open
    (or `open_part`, e.g. the one whose validation just failed)."""
    done = set(parties_validees(data))
    applicable = _applicable_parts(wizard, step, data)
    if open_part is None:
        open_part = next((p.etape for _, p, _ in applicable if p.etape not in done), None)
    return [Part(n, p, s, p.etape in done, p.etape == open_part, wizard.summary(s, data)) for n, p, s in applicable]


def complete(wizard: Wizard, step: Step, data: Mapping[str, Values]) -> bool:
    """Every applicable part validated: "Déposer la demande" is offered, and accepted."""
    done = set(parties_validees(data))
    return all(p.etape in done for _, p, _ in _applicable_parts(wizard, step, data))


def state_validated(data: Mapping[str, Values], etape: str) -> dict[str, str]:
    state = _state(data)
    done = parties_validees(data)
    if etape not in done:
        done.append(etape)
    state["valide"] = ",".join(done)
    return state


def _unvalidated_from(definition: Definition, data: Mapping[str, Values], etape: str) -> dict[str, str]:
    """The state with `etape`'s part and every part after it (in any récapitulatif) no longer validated."""
    state = _state(data)
    done = parties_validees(data)
    for step in definition.steps:
        ids = [p.etape for p in step.parties]
        if etape in ids:
            later = set(ids[ids.index(etape):])
            done = [x for x in done if x not in later]
    state["valide"] = ",".join(done)
    return state


def state_after_modification(definition: Definition, data: Mapping[str, Values], recapitulatif: Step,
                             etape: str) -> dict[str, str]:
    """"Modifier ma saisie" on the part of `etape`: that part and the following ones are to validate
    again, and saving `etape` will lead back to the récapitulatif."""
    state = _unvalidated_from(definition, data, etape)
    state["retour"] = recapitulatif.id
    return state


def state_after_save(definition: Definition, data: Mapping[str, Values], step: Step, following: Step) -> dict[str, str]:
    """A step saved: its part (if it is one) is to validate again; the way back ends on arrival."""
    state = _unvalidated_from(definition, data, step.id)
    if state.get("retour") == following.id:
        del state["retour"]
    return state


def next_after_save(wizard: Wizard, step: Step, data: Mapping[str, Values], pieces: Pieces) -> Step | None:
    """Where "Enregistrer et poursuivre" leads during a "Modifier ma saisie": the first later step
    the change left incomplete, else the récapitulatif. None when no modification is in progress."""
    retour = _state(data).get("retour")
    if not retour:
        return None
    try:
        target = wizard.definition.step(retour)
    except KeyError:
        return None
    return wizard.first_incomplete(step.id, target.id, data, pieces) or target
