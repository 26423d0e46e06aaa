"""Steps of the keyboard-only journey: the same guide sentences, performed with Tab, Enter, Space
and the arrows only (harness.clavier)."""

from __future__ import annotations

import pytest
from pytest_bdd import parsers, then, when

from harness.actor import Actor
from harness.browser import PortalPage
from harness.clavier import Keyboard


@pytest.fixture
def clavier(portal_page: PortalPage) -> Keyboard:
    return Keyboard(portal_page.page)


@then("chaque commande de la page est atteignable au clavier")
def commandes_atteignables(clavier: Keyboard) -> None:
    clavier.every_control_reachable()


@when(parsers.parse('au clavier je suis le lien "{nom}"'))
def suivre_lien(clavier: Keyboard, nom: str) -> None:
    clavier.follow_link(nom)


@when(parsers.parse('au clavier j\'appuie sur "{nom}"'))
def appuyer(clavier: Keyboard, nom: str) -> None:
    clavier.press_button(nom)


@when("au clavier je saisis mon adresse email et sa confirmation")
def saisir_email(clavier: Keyboard, acteur: Actor) -> None:
    clavier.type_into("Adresse email", acteur.email)
    clavier.type_into("Confirmation de l'adresse email", acteur.email)


@when("au clavier je m'identifie avec le mot de passe provisoire")
def identification(clavier: Keyboard, acteur: Actor) -> None:
    clavier.type_into("Identifiant", acteur.identifiant)
    clavier.type_into("Mot de passe", acteur.mot_de_passe_provisoire)
    clavier.press_button("S'identifier")


@when(parsers.parse('au clavier je saisis mon mot de passe dans "{champ}" et "{confirmation}"'))
def saisir_mot_de_passe(clavier: Keyboard, acteur: Actor, champ: str, confirmation: str) -> None:
    clavier.type_into(champ, acteur.persona.mot_de_passe)
    clavier.type_into(confirmation, acteur.persona.mot_de_passe)
    acteur.notes.mot_de_passe = acteur.persona.mot_de_passe


@when(parsers.parse('au clavier je choisis "{libelle}" avec les flèches'))
def choisir(clavier: Keyboard, libelle: str) -> None:
    clavier.choose(libelle)


@when(parsers.parse('au clavier je coche "{libelle}" avec la barre d\'espace'))
def cocher(clavier: Keyboard, libelle: str) -> None:
    clavier.tick(libelle)
