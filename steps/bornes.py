"""Steps of the boundary and required-item scenarios (issue 16, features/bornes.feature): the clock
moved by hours and minutes, a field emptied, every justificatif joined but one, a document shown
joined to its justificatif."""

from __future__ import annotations

from datetime import date, timedelta

from pytest_bdd import parsers, then, when

from harness import enfant_de_francais as edf
from harness import fichiers
from harness.actor import Actor
from harness.browser import PortalPage
from harness.demarche import Demarche
from harness.horloge import Horloge
from personas import add_years


@when(parsers.parse("{heures:d} h {minutes:d} passent sur l'horloge du portail"))
def horloge_avance_minutes(horloge: Horloge, heures: int, minutes: int) -> None:
    """The closest values of a time limit: 23 h 59 and 24 h 01 for the 24-hour link."""
    horloge.advance(heures + minutes / 60)


@when(parsers.re(r"je saisis une date de naissance à laquelle mes (?P<ans>\d+) ans tombent (?P<quand>aujourd'hui|demain)"))
def naissance_anniversaire(demarche: Demarche, ans: str, quand: str) -> None:
    """The closest values of an age limit: the birthday today (the age is reached) or tomorrow
    (one day short of it), counted from the day the tester runs the scenario."""
    jour = add_years(date.today(), -int(ans)) + timedelta(days=1 if quand == "demain" else 0)
    demarche.zone.section("ÉTAT CIVIL").fill_date("Date de naissance", jour)


@when(parsers.parse('je vide le champ "{champ}"'))
def vider(portal_page: PortalPage, champ: str) -> None:
    portal_page.fill(champ, "")


@when(parsers.parse('je joins un document à chaque justificatif demandé sauf "{titre}"'))
def joindre_tout_sauf(acteur: Actor, demarche: Demarche, titre: str) -> None:
    for i, title in enumerate(edf.requested_justificatifs(acteur)):
        if not title.startswith(titre):
            name = f"piece-{i + 1}.pdf"
            demarche.attach(title, fichiers.pdf(name))
            demarche.expect_joined(title, name)


@then(parsers.parse('le document "{nom}" est joint au justificatif "{titre}"'))
def document_joint(demarche: Demarche, nom: str, titre: str) -> None:
    demarche.expect_joined(titre, nom)


@then("chaque autre justificatif demandé garde son document")
def autres_gardes(acteur: Actor, demarche: Demarche) -> None:
    requested = edf.requested_justificatifs(acteur)
    with_document = [t for t in requested if demarche.joined_count(t) == 1]
    assert len(with_document) == len(requested) - 1, (requested, with_document)
