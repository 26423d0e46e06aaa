"""Generic steps of the téléprocédures' wizard: move between steps, read the stepper and the
progress line, join documents, read the downloaded documents. One sentence, one harness call."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from harness import fichiers, parcours, textes
from harness.actor import Actor
from harness.browser import PortalPage
from harness.catalogue import normalise
from harness.demarche import Demarche
from harness.documents import PdfDocument, download
from harness.preconditions import Preconditions
from harness.recoupement import courriel_contre_document
from harness.textes import pattern


@pytest.fixture
def demarche(portal_page: PortalPage) -> Demarche:
    return Demarche(portal_page)


# Any journey: the persona says which (harness.parcours) -------------------------------------------
@given(parsers.parse('j\'ai rempli ma demande jusqu\'à l\'étape "{titre}"'))
def demande_remplie_jusqua(acteur: Actor, titre: str, preconditions: Preconditions) -> None:
    """Every step before `titre` filled with the persona's answers and saved, in its journey (over
    HTTP with fast preconditions, where the journey allows it)."""
    parcours.du(acteur).advance_to(acteur, titre, preconditions)


@then("la confirmation de dépôt porte mon état civil, ma nationalité et mon adresse")
@then("la confirmation de dépôt porte mon numéro étranger, mon état civil, ma nationalité et mon adresse")
def confirmation_conforme(acteur: Actor, document: PdfDocument) -> None:
    """Every line of the confirmation as the persona's journey prints it; its numéro and date are noted."""
    comparison = parcours.du(acteur).compare(document, acteur.persona)
    comparison.check()
    acteur.notes.numero_demande = comparison.printed["N° de la demande"]
    acteur.notes.date_depot = datetime.strptime(comparison.printed["DATE D'ÉMISSION"], "%d/%m/%Y").date()
    acteur.notes.confirmation = document


@then("ce courriel porte en pièce jointe la confirmation de dépôt")
@then("ce courriel porte en pièce jointe la même confirmation de dépôt")
def piece_jointe(acteur: Actor) -> None:
    nom, contenu = acteur.last_mail.attachment(".pdf")
    comparison = parcours.du(acteur).compare(PdfDocument(filename=nom, content=contenu), acteur.persona)
    comparison.check()
    assert comparison.printed["N° de la demande"] == acteur.numero_demande
    courriel_contre_document(acteur.last_mail, acteur.notes.exige("confirmation"), acteur.persona).check()


# Moving -----------------------------------------------------------------------------------------
@when(parsers.parse('j\'appuie sur "{bouton}"'))
def appuyer(demarche: Demarche, bouton: str) -> None:
    demarche.press(bouton)


@then(parsers.parse('je suis à l\'étape "{titre}"'))
def etape(demarche: Demarche, titre: str) -> None:
    demarche.expect_step(titre)


@then(parsers.parse("la démarche est à {pourcentage:d}% terminée, plus que {minutes:d} minutes"))
def progression_minutes(demarche: Demarche, pourcentage: int, minutes: int) -> None:
    demarche.expect_progress(pourcentage, minutes)


@then(parsers.parse("la démarche est à {pourcentage:d}% terminée"))
def progression(demarche: Demarche, pourcentage: int) -> None:
    demarche.expect_progress(pourcentage)


# Fields -----------------------------------------------------------------------------------------
@when(parsers.parse('je choisis "{option}" dans "{champ}"'))
def choisir(demarche: Demarche, option: str, champ: str) -> None:
    demarche.zone.select(champ, option)


@then(parsers.parse('la page propose les champs "{premier}" et "{second}"'))
def propose_champs(demarche: Demarche, premier: str, second: str) -> None:
    for legend in (premier, second):
        expect(demarche.zone.group(legend).root.or_(demarche.zone.field(legend)).first).to_be_visible()


@then(parsers.parse('la case "{libelle}" est cochée'))
def case_cochee(demarche: Demarche, libelle: str) -> None:
    expect(demarche.page.get_by_label(libelle, exact=True)).to_be_checked()


@then(parsers.parse('la case "{libelle}" n\'est pas cochée'))
def case_non_cochee(demarche: Demarche, libelle: str) -> None:
    expect(demarche.page.get_by_label(libelle, exact=True)).not_to_be_checked()


@then(parsers.parse('la case "{libelle}" signale "{message}"'))
def case_signale(demarche: Demarche, libelle: str, message: str) -> None:
    demarche.zone.error(libelle, message)


# Justificatifs ----------------------------------------------------------------------------------
@then(parsers.parse('le justificatif "{titre}" est demandé'))
def justificatif_demande(demarche: Demarche, titre: str) -> None:
    demarche.expect_justificatif(titre)


@then(parsers.parse('le justificatif "{titre}" n\'est pas demandé'))
def justificatif_non_demande(demarche: Demarche, titre: str) -> None:
    demarche.expect_justificatif(titre, present=False)


@when(parsers.parse('je joins {fichier} "{nom}" au justificatif "{titre}"'))
def joindre(demarche: Demarche, fichier: str, nom: str, titre: str) -> None:
    demarche.attach(titre, fichiers.by_kind(fichier, nom))


@then(parsers.parse('le justificatif "{titre}" refuse "{message}"'))
def justificatif_refuse(demarche: Demarche, titre: str, message: str) -> None:
    demarche.expect_refused(titre, message)


@then(parsers.parse('le justificatif "{titre}" montre "{premier}", "{deuxieme}" et "{troisieme}"'))
def justificatif_montre(demarche: Demarche, titre: str, premier: str, deuxieme: str, troisieme: str) -> None:
    for nom in (premier, deuxieme, troisieme):
        demarche.expect_joined(titre, nom)
    assert demarche.joined_count(titre) == 3


# Documents --------------------------------------------------------------------------------------
@when(parsers.parse('je télécharge "{lien}"'), target_fixture="document")
def telecharger(demarche: Demarche, lien: str) -> PdfDocument:
    pattern = re.compile(rf"^\W*{re.escape(lien)}\W*$", re.IGNORECASE)
    link = demarche.page.get_by_role("link", name=pattern).or_(demarche.page.get_by_role("button", name=pattern)).first
    return download(demarche.page, link.click)


@then(parsers.parse('le document téléchargé dit "{texte}"'))
def document_dit(document: PdfDocument, texte: str) -> None:
    textes.current().verifier_dans(texte, document.flat, lieu="le document téléchargé")


@then(parsers.parse('le document téléchargé présente "{titre}" puis "{element}"'))
def document_presente(document: PdfDocument, titre: str, element: str) -> None:
    v = textes.current()
    flat = normalise(document.flat)
    found = {}
    for texte in (titre, element):
        match = pattern(texte).search(flat)
        found[texte] = match.start() if match else -1
        v.verifier(texte, lambda m=match, t=texte: _assert(m is not None, f"« {t} » absent du document : {flat[:600]}"),
                   lieu="le document téléchargé")
    if found[titre] >= 0 and found[element] >= 0:
        assert found[element] > found[titre], f"« {element} » n'est pas après « {titre} » dans le document"


def _assert(condition: bool, detail: str) -> None:
    if not condition:
        raise AssertionError(detail)
