"""Steps of issue 15's screens and texts (points 10 to 12): the guides' own labels of a button, a
mail's greeting, a notification's signature. Each one quotes the guide's text, checked verbatim
through the requirement catalogue (harness/textes.py)."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from pytest_bdd import parsers, then

from harness import textes
from harness.actor import Actor
from harness.browser import PortalPage
from harness.documents import words


def _name(texte: str) -> re.Pattern[str]:
    """An accessible name that is `texte`, exactly (typography aside; a decorative ✕ before it)."""
    return re.compile(rf"^\W*{textes.pattern(texte).pattern}\s*$")


@then(parsers.parse('le numéro ephoto confirmé se supprime par le bouton "{libelle}"'))
def bouton_supprimer_ephoto(portal_page: PortalPage, libelle: str) -> None:
    zone = portal_page.page.get_by_role("region", name=re.compile(r"Photographie d'identité récente"))
    textes.current().verifier(libelle, lambda: expect(zone.get_by_role("button", name=_name(libelle))).to_be_visible(),
                              lieu="le justificatif « Photographie d'identité récente »")


@then(parsers.parse('le document "{nom}" du justificatif "{titre}" se supprime par le bouton "{libelle}"'))
def bouton_supprimer_document(portal_page: PortalPage, nom: str, titre: str, libelle: str) -> None:
    zone = portal_page.page.get_by_role("region", name=re.compile(re.escape(titre)))
    item = zone.get_by_role("listitem").filter(has_text=nom)
    textes.current().verifier(libelle, lambda: expect(item.get_by_role("button", name=_name(libelle))).to_be_visible(),
                              lieu=f"le justificatif « {titre} »")


@then(parsers.parse('ce courriel commence par "{salutation}"'))
def courriel_commence(acteur: Actor, salutation: str) -> None:
    """The greeting line as the guide prints it, exactly (guides 01 §III, 04 §7: "Bonjour", no comma)."""
    mail = acteur.last_mail
    first = words(mail.text.strip().splitlines()[0])

    def probe() -> None:
        if first != salutation:
            raise AssertionError(f"première ligne du courriel : « {first} »")
    textes.current().verifier(salutation, probe, lieu=f"la salutation du courriel « {mail.subject} »")


@then(parsers.parse('la notification est signée "{ministere}"'))
def notification_signee(portal_page: PortalPage, ministere: str) -> None:
    """The signature's last line, exactly: guide 03 signs the decision "Ministère de l'Intérieur"
    where guide 02 writes "Ministère de l'Intérieur et des Outre-Mer"."""
    signature = portal_page.page.get_by_text(re.compile(r"L.agent Instructeur")).last

    def probe() -> None:
        lines = [words(x) for x in signature.inner_text().splitlines() if x.strip()]
        if not lines or lines[-1] != words(ministere):
            raise AssertionError(f"signature lue : « {' / '.join(lines)} »")
    textes.current().verifier(ministere, probe, lieu="la signature de la notification")
