"""Steps every journey uses: navigating, reading the page, filling a field."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from harness.browser import PortalPage


@given("je suis sur la page d'accueil du portail")
@when("je reviens à la page d'accueil du portail")
def page_accueil(portal_page: PortalPage) -> None:
    portal_page.open_home()


@given(parsers.parse('je clique sur "{nom}"'))
@when(parsers.parse('je clique sur "{nom}"'))
def cliquer(portal_page: PortalPage, nom: str) -> None:
    portal_page.click(nom)


@when(parsers.parse('je coche "{libelle}"'))
def cocher(portal_page: PortalPage, libelle: str) -> None:
    portal_page.choose(libelle)


@when(parsers.parse('je saisis "{valeur}" dans le champ "{champ}"'))
def saisir(portal_page: PortalPage, valeur: str, champ: str) -> None:
    portal_page.fill(champ, valeur)


@then(parsers.parse('la page affiche "{texte}"'))
def page_affiche(portal_page: PortalPage, texte: str) -> None:
    portal_page.expect_text(texte)


@then(parsers.parse('la page n\'affiche pas "{texte}"'))
def page_n_affiche_pas(portal_page: PortalPage, texte: str) -> None:
    portal_page.expect_no_text(texte)


@then(parsers.parse('la page propose "{libelle}"'))
def page_propose(portal_page: PortalPage, libelle: str) -> None:
    portal_page.expect_options(libelle)


@then(parsers.parse('le champ "{champ}" signale "{message}"'))
def champ_signale(portal_page: PortalPage, champ: str, message: str) -> None:
    portal_page.expect_field_error(champ, message)


@then(parsers.parse('le groupe "{groupe}" signale "{message}"'))
def groupe_signale(portal_page: PortalPage, groupe: str, message: str) -> None:
    portal_page.expect_group_error(groupe, message)


@then(parsers.parse('la page signale "{message}"'))
def page_signale(portal_page: PortalPage, message: str) -> None:
    portal_page.expect_alert(message)
