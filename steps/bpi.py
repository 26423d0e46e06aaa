"""Steps of guide 04 (renouvellement, bénéficiaire de la protection internationale): who acts, what
they type at each step, the récapitulatif, the attestation de prolongation d'instruction and its
2D-DOC. One sentence, one harness call."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from harness import bpi, journeys, parcours, textes
from harness.actor import Actor
from harness.attestation import AttestationReport, check_adp
from harness.browser import label_pattern
from harness.demarche import Demarche
from harness.documents import PdfDocument, same
from harness.preconditions import Preconditions
from harness.recoupement import courriel_contre_document
from harness.referentiel import Referentiel
from harness.textes import pattern
from harness.twoddoc import TrustList

STATUTS = {"BPS": "BPS", "réfugié": "réfugié", "Réfugié": "réfugié"}


# Who acts ---------------------------------------------------------------------------------------
@given(parsers.parse("un bénéficiaire de la protection internationale au titre « {statut} », {situation}, "
                     "dont le titre de séjour est connu du portail"), target_fixture="acteur")
def beneficiaire(personas, actor_factory, referentiel: Referentiel, statut: str, situation: str) -> Actor:  # type: ignore[no-untyped-def]
    if situation not in ("marié", "mariée", "non marié", "non mariée"):
        raise pytest.UsageError(f"situation « {situation} » : « marié » ou « non marié »")
    marie = not situation.startswith("non")
    persona = referentiel.titre(personas, lambda f: f.bpi(statut=STATUTS[statut], marie=marie), tous_les_prenoms=True)
    return actor_factory(persona)


@given("j'ai ouvert mon compte avec mon titre de séjour")
def compte_ouvert(acteur: Actor, preconditions: Preconditions) -> None:
    bpi.open_account(acteur, preconditions)


@given(parsers.parse('j\'ai rempli ma demande de renouvellement jusqu\'à l\'étape "{titre}"'))
def rempli_jusqua(acteur: Actor, titre: str, preconditions: Preconditions) -> None:
    """The former wording of steps.demarche's "j'ai rempli ma demande jusqu'à l'étape …"."""
    parcours.du(acteur).advance_to(acteur, titre, preconditions)


# Account: a title that does not match -----------------------------------------------------------
@when("je saisis un numéro de titre erroné et ses dates de validité")
def titre_errone(acteur: Actor) -> None:
    titre = acteur.persona.titres[0]
    faux = str((int(titre.numero) + 1) % 10**10).zfill(10)
    acteur.browser.fill("N° de votre visa ou de votre titre de séjour", faux)
    acteur.browser.fill_date("Date de début de validité", titre.date_debut)
    acteur.browser.fill_date("Date de fin de validité", titre.date_fin)


@when("je saisis le numéro de mon titre avec une date de début de validité erronée")
def debut_errone(acteur: Actor) -> None:
    journeys.fill_title(acteur, debut=acteur.persona.titres[0].date_debut - timedelta(days=1))


# Step 1 -----------------------------------------------------------------------------------------
@then("mon état civil est affiché sans pouvoir être modifié")
def etat_civil(acteur: Actor) -> None:
    bpi.expect_etat_civil(acteur)


@when("je renseigne mon lieu de naissance, ma situation familiale, mon adresse et mon téléphone")
def informations(acteur: Actor) -> None:
    bpi.fill_informations(acteur)


@when("je saisis un autre numéro de téléphone")
def autre_telephone(acteur: Actor, demarche: Demarche) -> None:
    nouveau = "0639989" + acteur.persona.telephone[-3:][::-1]
    if nouveau == acteur.persona.telephone:
        nouveau = "0639989999" if nouveau != "0639989999" else "0639989998"
    demarche.zone.section("INFORMATIONS DE CONTACT").fill("Téléphone", nouveau)
    acteur.notes.telephone = nouveau


# Step 2 -----------------------------------------------------------------------------------------
@then(parsers.parse('la page demande d\'attester "{texte}"'))
def demande_attester(demarche: Demarche, texte: str) -> None:
    expect(demarche.page.get_by_label(label_pattern(texte))).to_be_visible()


@then(parsers.parse('la page ne demande pas d\'attester "{texte}"'))
def ne_demande_pas_attester(demarche: Demarche, texte: str) -> None:
    expect(demarche.page.get_by_label(label_pattern(texte))).to_be_hidden()


@when("j'atteste sur l'honneur de ma situation")
def attester(acteur: Actor) -> None:
    bpi.expect_attestation(acteur)
    bpi.attest(acteur)


# Step 3 -----------------------------------------------------------------------------------------
@when("je confirme mon numéro ephoto et je joins mon justificatif de domicile")
def justificatifs(acteur: Actor) -> None:
    bpi.fill_justificatifs(acteur)


# Step 4: the récapitulatif ------------------------------------------------------------------------
@then(parsers.parse('la partie "{titre}" est ouverte'))
def partie_ouverte(demarche: Demarche, titre: str) -> None:
    demarche.expect_part_open(titre)


@then(parsers.parse('la partie "{titre}" est fermée'))
def partie_fermee(demarche: Demarche, titre: str) -> None:
    demarche.expect_part_open(titre, is_open=False)


@then(parsers.parse('la partie "{titre}" montre mon nom de naissance, ma situation familiale et mon téléphone'))
def partie_informations(acteur: Actor, demarche: Demarche, titre: str) -> None:
    p = acteur.persona
    demarche.expect_in_part(titre, "Nom de naissance", p.nom)
    demarche.expect_in_part(titre, "Quelle est votre situation familiale actuelle ?", p.situation_familiale)
    demarche.expect_in_part(titre, "Téléphone", (acteur.notes.telephone or p.telephone))


@then(parsers.parse('la partie "{titre}" montre mon nouveau numéro de téléphone'))
def partie_nouveau_telephone(acteur: Actor, demarche: Demarche, titre: str) -> None:
    demarche.expect_in_part(titre, "Téléphone", acteur.notes.exige("telephone"))


@then(parsers.parse('la partie "{titre}" montre mon attestation sur l\'honneur'))
def partie_motif(acteur: Actor, demarche: Demarche, titre: str) -> None:
    zone = demarche.part(titre).root
    for sentence in (bpi.MOTIF[bpi.statut(acteur)], bpi.attestation(acteur), bpi.SANCTIONS):
        textes.current().verifier(sentence, lambda s=sentence: expect(zone).to_contain_text(pattern(s)),
                                  lieu=f"la partie « {titre} » du récapitulatif")


@then(parsers.parse('la partie "{titre}" montre mon numéro ephoto et mon justificatif de domicile'))
def partie_justificatifs(acteur: Actor, demarche: Demarche, titre: str) -> None:
    zone = demarche.part(titre).root
    expect(zone).to_contain_text(acteur.persona.ephoto)
    expect(zone).to_contain_text("justificatif-domicile.pdf")


@when(parsers.parse('j\'appuie sur "{bouton}" dans la partie "{titre}"'))
def appuyer_dans_partie(demarche: Demarche, bouton: str, titre: str) -> None:
    demarche.press_in_part(titre, bouton)


@when("je valide les trois parties du récapitulatif")
def valider_parties(acteur: Actor) -> None:
    bpi.validate_parts(acteur)


@then(parsers.parse('le bouton "{bouton}" n\'est pas proposé'))
def bouton_absent(demarche: Demarche, bouton: str) -> None:
    expect(demarche.page.get_by_role("button", name=label_pattern(bouton))).to_have_count(0)


@then(parsers.parse('le bouton "{bouton}" est proposé'))
def bouton_present(demarche: Demarche, bouton: str) -> None:
    expect(demarche.page.get_by_role("button", name=label_pattern(bouton))).to_be_visible()


# Step 5: the attestation de prolongation d'instruction ------------------------------------------
@pytest.fixture
def adp_report() -> dict[str, AttestationReport]:
    return {}


@then("le document téléchargé est mon attestation de prolongation d'instruction, valable six mois")
def adp_conforme(acteur: Actor, document: PdfDocument, trust_list: TrustList, adp_report: dict[str, AttestationReport]) -> None:
    report = check_adp(document, acteur.persona, trust_list, statut=acteur.persona.titres[0].categorie)
    adp_report["telechargee"] = report
    acteur.notes.adp = document
    report.check()


@then("son 2D-DOC, signé par une autorité de test, porte mon identité et les dates imprimées")
def adp_2ddoc(acteur: Actor, adp_report: dict[str, AttestationReport]) -> None:
    report = adp_report["telechargee"]
    assert report.verification is not None and report.verification.valid, report.summary()
    code = report.code
    assert code is not None and code.authority.endswith("00"), report.summary()
    fields = report.fields()
    p = acteur.persona
    assert fields["6J"] == "2", report.summary()
    assert fields["6Q"] == p.numero_etranger == report.printed["Identifiant (N° de l'étranger)"], report.summary()
    assert fields["69"] == f"{p.date_naissance:%d%m%Y}", report.summary()
    validite = " ".join(document_dates(acteur.notes.exige("adp")))
    assert f"{fields['6N']} {fields['6O']}" == validite.replace("/", ""), report.summary()


def document_dates(document: PdfDocument) -> tuple[str, str]:
    from harness.attestation import VALIDITE

    match = VALIDITE.search(document.flat)
    assert match, document.flat
    return match.group(1), match.group(2)


@then("ce courriel porte en pièce jointe mon attestation, nommée d'après mon numéro étranger et sa date d'émission")
def adp_jointe(acteur: Actor, adp_report: dict[str, AttestationReport]) -> None:
    jointe = bpi.mail_adp(acteur)
    telechargee: PdfDocument = acteur.notes.exige("adp")
    emission = adp_report["telechargee"].printed["DATE D'EMISSION"].split()[0]
    bpi.expect_file_name(jointe, acteur.persona.numero_etranger, emission)
    assert jointe.filename == telechargee.filename
    assert same(jointe.flat, telechargee.flat), "la pièce jointe et l'attestation téléchargée diffèrent"
    courriel_contre_document(acteur.last_mail, telechargee, acteur.persona).check()
