"""Steps of features/regles_guides.feature (issue 15's rules): only what the other step modules do
not already say. One sentence, one harness call."""

from __future__ import annotations

from pytest_bdd import parsers, when

from harness import famille_ue
from harness.actor import Actor


@when(parsers.parse('je renseigne les modalités de mon séjour en me déclarant "{situation}"'))
def modalites_situation(acteur: Actor, situation: str) -> None:
    """Guide 05 4/9, 8/9: everything from the persona, then another family situation."""
    famille_ue.fill_modalites(acteur)
    section = famille_ue.demarche(acteur).zone.section("LIENS PERSONNELS ET FAMILIAUX")
    section.select("Quelle est votre situation familiale actuelle ?", situation)
