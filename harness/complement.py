"""A demande de complément as guides 02-04 show it ("INSTRUCTION DE LA DEMANDE", étape 4), seen
by the applicant document by document: the agent's observations under each document, the answer's
fields appearing with the answer chosen ("Maintenir le Document": the reasons; "Mettre à jour le
Document": "Joindre un document", the joined file with "SUPPRIMER", "Message à l'agent :"), and the
demande closed when the 30-day délai has passed (fake_anef/delai.py says what the simulator chose)."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, expect

from . import fichiers, textes
from .actor import Actor
from .browser import label_pattern
from .instruction import document_zone
from .textes import pattern


def _field(zone: Locator, texte: str) -> Locator:
    """A field of the answer by its label ("Joindre un document" is the label of the file input,
    shown as a button), or else the text itself."""
    return zone.get_by_label(label_pattern(texte)).or_(zone.get_by_text(pattern(texte, whole=True))).first


def choose(actor: Actor, titre: str, choix: str) -> None:
    document_zone(actor, titre).get_by_role("radio", name=choix).check()


def expect_shown(actor: Actor, titre: str, visible: str, cache: str | None = None) -> None:
    zone = document_zone(actor, titre)
    lieu = f"la réponse pour « {titre} »"
    textes.current().verifier(visible, lambda: expect(_field(zone, visible)).to_be_visible(), lieu=lieu)
    if cache is not None:
        expect(_field(zone, cache), f"« {cache} » ne doit pas être proposé ici (guides 02-04)").to_be_hidden()


def expect_hidden(actor: Actor, titre: str, *caches: str) -> None:
    zone = document_zone(actor, titre)
    for cache in caches:
        expect(_field(zone, cache), f"« {cache} » ne doit pas être proposé avant la réponse (guides 02-04)").to_be_hidden()


def expect_observation(actor: Actor, titre: str, texte: str) -> None:
    zone = document_zone(actor, titre)
    textes.current().verifier("Observations :", lambda: expect(zone.get_by_text(pattern("Observations :", whole=True))).to_be_visible(),
                              lieu=f"le document « {titre} » de la demande de complément")
    expect(zone.get_by_text(texte, exact=True)).to_be_visible()


def join(actor: Actor, titre: str, nom: str) -> None:
    zone = document_zone(actor, titre)
    zone.get_by_label(label_pattern("Joindre un document")).set_input_files(fichiers.pdf(nom))
    expect(zone.get_by_text(nom).first).to_be_visible()


def joined(actor: Actor, titre: str, nom: str) -> Locator:
    """The joined file's line: its name and its "SUPPRIMER" button."""
    zone = document_zone(actor, titre)
    return zone.get_by_role("listitem").filter(has_text=nom)


def expect_joined(actor: Actor, titre: str, nom: str, bouton: str) -> None:
    line = joined(actor, titre, nom)
    expect(line).to_have_count(1)
    textes.current().verifier(bouton, lambda: expect(line.get_by_role("button", name=re.compile(rf"{re.escape(bouton)}"))).to_be_visible(),
                              lieu=f"le fichier « {nom} » joint pour « {titre} »")


def remove(actor: Actor, titre: str, nom: str) -> None:
    joined(actor, titre, nom).get_by_role("button", name=re.compile("SUPPRIMER")).click()
    expect(joined(actor, titre, nom)).to_have_count(0)


def write_message(actor: Actor, titre: str, texte: str) -> None:
    zone = document_zone(actor, titre)
    field = zone.get_by_label(label_pattern("Message à l'agent :"))
    textes.current().verifier("Message à l'agent", lambda: expect(field).to_be_visible(), lieu=f"la réponse pour « {titre} »")
    field.fill(texte)


def expect_no_answer(actor: Actor, bouton: str) -> None:
    page = actor.browser.page
    expect(page.get_by_role("button", name=bouton)).to_have_count(0)
    expect(page.get_by_role("radio")).to_have_count(0)
