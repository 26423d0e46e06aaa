"""Steps of issue 15's screens and texts (points 10 to 12): the guides' own labels of a button, a
mail's greeting, a notification's signature. Each one quotes the guide's text, checked verbatim
through the requirement catalogue (harness/textes.py)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from harness import textes
from harness.actor import Actor
from harness.browser import PortalPage
from harness.documents import words
from harness.referentiel import Referentiel


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


# Point 10: the login pages, the connected header ---------------------------------------------
@when(parsers.parse('j\'ouvre l\'aide "{nom}"'))
def ouvrir_aide(portal_page: PortalPage, nom: str) -> None:
    """A "?" (guide 01 §III) or a menu ("Démarches ▾", guide 03 §7) that opens in place, named `nom`."""
    textes.current().verifier(nom, lambda: expect(portal_page.page.get_by_label(_name(nom))).to_be_visible(),
                              lieu="le nom accessible de l'aide")
    portal_page.page.get_by_label(_name(nom)).click()


@when(parsers.parse('j\'ouvre le menu "{nom}"'))
def ouvrir_menu(portal_page: PortalPage, nom: str) -> None:
    menu = portal_page.page.get_by_text(_name(nom))
    textes.current().verifier(nom, lambda: expect(menu.first).to_be_visible(), lieu="l'en-tête")
    menu.first.click()


@then(parsers.parse('le menu propose "{libelle}"'))
def menu_propose(portal_page: PortalPage, libelle: str) -> None:
    link = portal_page.page.get_by_role("link", name=_name(libelle))
    textes.current().verifier(libelle, lambda: expect(link.first).to_be_visible(), lieu="le menu « Démarches »")


@then("l'en-tête me nomme par mon prénom et mon nom")
def entete_nomme(acteur: Actor) -> None:
    """Guide 03 §7: "Accueil Démarches ▾ 🔔 👤 Mineur Etranger" — the name as the record has it."""
    p = acteur.persona
    nom = f"{p.prenoms[0]} {p.nom}"
    expect(acteur.browser.page.get_by_text(nom, exact=True).first).to_be_visible()


@when("je me déconnecte")
def deconnexion(portal_page: PortalPage) -> None:
    portal_page.click("Se déconnecter")


@when(parsers.parse('je m\'identifie par "{bouton}" avec mon numéro étranger et mon mot de passe'))
def identifie_par(acteur: Actor, bouton: str) -> None:
    b = acteur.browser
    b.fill("Identifiant", acteur.persona.numero_etranger)
    b.fill("Mot de passe", acteur.notes.get("mot_de_passe") or acteur.persona.mot_de_passe)
    button = b.page.get_by_role("button", name=_name(bouton))
    textes.current().verifier(bouton, lambda: expect(button).to_be_visible(), lieu="la page de connexion")
    button.click()


@then(parsers.parse('la page propose le bouton "{libelle}"'))
def page_propose_bouton(portal_page: PortalPage, libelle: str) -> None:
    """A button (or a link drawn as one) named `libelle` exactly (guide 04 §13's préambule)."""
    page = portal_page.page
    target = page.get_by_role("button", name=_name(libelle)).or_(page.get_by_role("link", name=_name(libelle)))
    textes.current().verifier(libelle, lambda: expect(target.first).to_be_visible(), lieu="les boutons de la page")


# Point 8: guide 04 §4 Option 2, the holder of a visa long séjour only -------------------------
@given(parsers.parse("un bénéficiaire de la protection internationale au titre « {statut} », {situation}, "
                     "titulaire uniquement d'un visa long séjour connu du portail"), target_fixture="acteur")
def beneficiaire_visa(personas, actor_factory, referentiel: Referentiel, statut: str, situation: str) -> Actor:  # type: ignore[no-untyped-def]
    if situation not in ("marié", "non marié"):
        raise pytest.UsageError(f"situation « {situation} » : « marié » ou « non marié »")
    persona = referentiel.titre(
        personas, lambda f: f.bpi(statut="réfugié" if statut.lower().startswith("r") else "BPS",
                                  marie=situation == "marié", kind="visa"), tous_les_prenoms=True)
    return actor_factory(persona)
