"""The famille UE journey (guide 05) from the home page to its dépôt, for the instruction's scenarios
(features/instruction.feature): the same pages and helpers as features/famille_ue.feature, in one call."""

from __future__ import annotations

from . import bpi, famille_ue
from .actor import Actor


def deposit(actor: Actor) -> None:
    """Home → "Je demande ou renouvelle un titre de séjour" → "Moi-même" → the renewal → the five
    steps, every justificatif asked joined, the three parts of the récapitulatif validated, and
    "Déposer la demande" (the applicant connected, their title known to the portal)."""
    b, d = actor.browser, famille_ue.demarche(actor)
    b.open_home()
    b.click("Je demande ou renouvelle un titre de séjour")
    b.choose("Moi-même")
    b.click("Je continue")
    b.choose(bpi.RENOUVELLEMENT)
    b.click("Je commence")
    d.press("Je continue")
    d.expect_step(famille_ue.STEPS[0])
    famille_ue.fill_informations(actor)
    d.press("Enregistrer et poursuivre")
    d.expect_step(famille_ue.STEPS[1])
    famille_ue.fill_modalites(actor, confirmer=True)
    d.press("Enregistrer et poursuivre")
    d.expect_step(famille_ue.STEPS[2])
    famille_ue.fill_justificatifs(actor)
    d.press("Enregistrer et poursuivre")
    d.expect_step(famille_ue.STEPS[3])
    famille_ue.validate_parts(actor)
    d.press("Déposer la demande")
