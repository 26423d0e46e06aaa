"""The journey table (harness.parcours): every journey the persona factory builds people for has a
row, each row's fillers are steps of that journey and cover every step before its dépôt, and a persona
of no known journey is told so, naming the journeys there are. No browser."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest

from harness import parcours
from harness.actor import Actor, Decision, Etat
from personas import PersonaFactory


def _actor(persona: Any) -> Actor:
    return Actor(persona=persona, browser=None, mailbox=None)  # type: ignore[arg-type]


@pytest.mark.parametrize("build", [
    lambda f: f.enfant_de_francais(), lambda f: f.ase(cas=3), lambda f: f.bpi(), lambda f: f.famille_ue(),
])
def test_every_journey_persona_has_its_table(build: Any) -> None:
    persona = build(PersonaFactory(7, date(2026, 1, 15)))
    journey = parcours.du(_actor(persona))
    assert journey.nom == persona.parcours
    assert set(journey.fillers) <= set(journey.steps)
    assert journey.depot in journey.steps
    assert set(journey.steps[: journey.steps.index(journey.depot)]) <= set(journey.fillers)


def test_unknown_journey_and_step_are_named() -> None:
    with pytest.raises(AssertionError, match="enfant_de_francais, ase, bpi, famille_ue"):
        parcours.du(_actor(SimpleNamespace(parcours="compte")))
    edf = parcours.PARCOURS["enfant_de_francais"]
    with pytest.raises(AssertionError, match="« Récapitulatif » n'est pas une étape"):
        edf.advance_to(_actor(SimpleNamespace(parcours="enfant_de_francais")), "Récapitulatif")


def test_actor_state_is_typed_and_still_reads_as_a_mapping() -> None:
    etat = Etat()
    etat["numero_demande"] = "1234"
    etat.decision = Decision(debut=date(2026, 1, 1), fin=date(2027, 1, 1), taxe="225")
    etat["champ_d_un_autre_module"] = 3
    assert etat.numero_demande == "1234" and etat["decision"].taxe == "225"
    assert "numero_demande" in etat and "adp" not in etat and etat.get("adp", "x") == "x"
    assert etat["champ_d_un_autre_module"] == 3 and etat.autres == {"champ_d_un_autre_module": 3}
    with pytest.raises(KeyError):
        etat["identifiant"]
    with pytest.raises(AssertionError, match="identifiant"):
        assert _actor(None).identifiant
