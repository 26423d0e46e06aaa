"""Steps of "Mes demandes en cours" after the dépôt (guide 01 FAQ 7 and 12, guide 03): one sentence,
one call into harness.suivi."""

from __future__ import annotations

from pytest_bdd import parsers, then, when

from harness import suivi
from harness.actor import Actor
from harness.documents import PdfDocument


@then(parsers.parse('« Mes demandes en cours » montre ma demande à l\'état "{etat}", envoyée le jour du dépôt'))
def etat_et_envoi(acteur: Actor, etat: str) -> None:
    suivi.expect_state_and_sent(acteur, etat)


@when(parsers.parse('je télécharge "{lien}" depuis « Mes demandes en cours »'), target_fixture="document")
def telecharger_depuis_suivi(acteur: Actor, lien: str) -> PdfDocument:
    return suivi.download_from_row(acteur, lien)
