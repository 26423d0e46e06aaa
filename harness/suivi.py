""""Mes demandes en cours" after the dépôt (guide 01 FAQ 7 and 12, guide 03 "Mes demandes en cours"):
the demande's row, its states, and the documents offered there (the confirmation de dépôt, an ADP),
read and downloaded as a person does: through the link of the header, the row of the demande's
number, the links' names."""

from __future__ import annotations

import re
from datetime import date

from playwright.sync_api import Locator, expect

from . import libelles, textes
from .actor import Actor
from .browser import label_pattern
from .catalogue import catalogue
from .documents import PdfDocument, download
from .textes import pattern

MES_DEMANDES = "Mes demandes en cours"
ENVOYEE = "Demande envoyée : le {date} à {heure}"
# The FAQ 12 state whose words also name a step of the téléprocédures: judged by FAQ 12's requirement.
FAQ12 = {"Dépôt de la demande": "G01-FAQ12-DEPOT-DEMANDE"}


def open_mes_demandes(actor: Actor) -> None:
    page = actor.browser.page
    page.get_by_role("link", name=label_pattern(MES_DEMANDES)).first.click()
    expect(page.get_by_role("heading", name=MES_DEMANDES, level=1)).to_be_visible()


def row(actor: Actor) -> Locator:
    """The row of the demande (its 19-digit number) in "Suivi de ma demande :"."""
    page = actor.browser.page
    table = page.get_by_role("region", name=label_pattern("Suivi de ma demande"))
    return table.get_by_role("row").filter(has_text=actor.notes["numero_demande"])


def expect_state_and_sent(actor: Actor, etat: str) -> None:
    """The row shows the FAQ 12 state and guide 03's "Demande envoyée : le <dépôt> à hh:mm"."""
    open_mes_demandes(actor)
    line = row(actor)
    textes.current().verifier(etat, lambda: expect(line).to_contain_text(pattern(etat)),
                              lieu="l'état de la demande dans « Suivi de ma demande » (guide 01 FAQ 12)",
                              exigence=catalogue().by_id(FAQ12[etat]) if etat in FAQ12 else None)
    depot: date = actor.notes.get("date_depot") or date.today()
    envoyee = re.compile(pattern(ENVOYEE.format(date=f"{depot:%d/%m/%Y}", heure="HHMM")).pattern.replace("HHMM", r"\d\d:\d\d"))
    textes.current().verifier(ENVOYEE, lambda: expect(line).to_contain_text(envoyee),
                              lieu="l'état de la demande dans « Suivi de ma demande » (guide 03)")


def download_from_row(actor: Actor, lien: str) -> PdfDocument:
    """Download a document the demande's row offers, by the link's name."""
    open_mes_demandes(actor)
    line = row(actor)
    # the link judged by the catalogue: a guide's wording must be exact; the simulator's own ("TÉLÉCHARGER :
    # {titre}") worded otherwise is a remarque, and the link is then found by the same words in any case
    link = libelles.role(line, "link", lien,
                         lieu=f"la ligne de la demande {actor.notes['numero_demande']} de « {MES_DEMANDES} »")
    return download(actor.browser.page, link.click)
