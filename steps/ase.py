"""Steps of guide 03 (étranger confié à l'ASE, première demande): who acts, what they type at each
step, what the préambule, the confirmation of the dépôt and "Mes demandes en cours" show."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from harness import ase, journeys, parcours
from harness.actor import Actor
from harness.demarche import Demarche
from harness.documents import PdfDocument, words
from harness.preconditions import Preconditions
from harness.recoupement import meme_document
from harness.referentiel import Referentiel
from personas import add_years

CAS = {"mineur non émancipé": 1, "mineur émancipé": 2, "majeur": 3}


# Who acts ---------------------------------------------------------------------------------------
@given(parsers.re("un demandeur (?P<cas>mineur non émancipé|mineur émancipé|majeur) confié à l'ASE, "
                  "dont le numéro étranger est connu du portail"), target_fixture="acteur")
def demandeur_ase(personas, actor_factory, referentiel: Referentiel, cas: str) -> Actor:  # type: ignore[no-untyped-def]
    return actor_factory(referentiel.identite(personas, lambda f: f.ase(cas=CAS[cas])))


@given("un demandeur majeur confié à l'ASE après ses 16 ans, dont le numéro étranger est connu du portail",
       target_fixture="acteur")
def demandeur_non_eligible(personas, actor_factory, referentiel: Referentiel) -> Actor:  # type: ignore[no-untyped-def]
    return actor_factory(referentiel.identite(personas, lambda f: f.ase(cas=3, eligible=False)))


@given("un demandeur majeur marié confié à l'ASE, dont le numéro étranger est connu du portail",
       target_fixture="acteur")
def demandeur_marie(personas, actor_factory, referentiel: Referentiel) -> Actor:  # type: ignore[no-untyped-def]
    return actor_factory(referentiel.identite(personas, lambda f: f.ase(cas=3, situation="Marié(e)")))


@given("j'ai créé mon compte avec mon numéro étranger et je suis connecté")
def compte_numero(acteur: Actor, preconditions: Preconditions) -> None:
    journeys.create_account_with_number(acteur, preconditions)


@given(parsers.parse('j\'ai rempli la demande ASE jusqu\'à l\'étape "{titre}"'))
def rempli_jusqua(acteur: Actor, titre: str, preconditions: Preconditions) -> None:
    """The former wording of steps.demarche's "j'ai rempli ma demande jusqu'à l'étape …"."""
    parcours.du(acteur).advance_to(acteur, titre, preconditions)


# The préambule ----------------------------------------------------------------------------------
@then(parsers.parse('la page présente "{titre}" :'))
def preambule_etapes(acteur: Actor, titre: str, datatable: list[list[str]]) -> None:
    acteur.browser.expect_text(titre)
    ase.expect_preambule_steps(acteur, datatable)


# Step 1 -----------------------------------------------------------------------------------------
@then("mon état civil est celui que l'administration connaît, sans pouvoir être modifié")
def etat_civil(acteur: Actor) -> None:
    ase.expect_etat_civil_read_only(acteur)


@then(parsers.parse('la case "{libelle}" est proposée'))
def case_proposee(acteur: Actor, libelle: str) -> None:
    ase.expect_checkbox(acteur, libelle, True)


@then(parsers.parse('la case "{libelle}" n\'est pas proposée'))
def case_non_proposee(acteur: Actor, libelle: str) -> None:
    ase.expect_checkbox(acteur, libelle, False)


@when("je complète mes informations personnelles : émancipation s'il y a lieu, lieu de naissance, adresse et téléphone")
def informations(acteur: Actor) -> None:
    ase.fill_informations(acteur)


# Step 2 -----------------------------------------------------------------------------------------
@when("je renseigne ma date de prise en charge par l'ASE et ma situation familiale")
def prise_en_charge(acteur: Actor) -> None:
    ase.fill_prise_en_charge(acteur)
    ase.fill_situation_familiale(acteur)


@when("je coche les attestations sur l'honneur proposées")
def attester(acteur: Actor) -> None:
    ase.attest_all(acteur)


@then(parsers.parse('l\'attestation sur l\'honneur propose "{libelle}"'))
def attestation_proposee(acteur: Actor, libelle: str) -> None:
    expect(ase.attestation(acteur, libelle)).to_be_visible()


@then(parsers.parse('l\'attestation sur l\'honneur ne propose pas "{libelle}"'))
def attestation_absente(acteur: Actor, libelle: str) -> None:
    expect(ase.attestation(acteur, libelle)).to_be_hidden()


@then(parsers.parse('la page offre "{premier}" et "{second}"'))
def propose_deux(demarche: Demarche, premier: str, second: str) -> None:
    for nom in (premier, second):
        pattern = re.compile(rf"^\W*{re.escape(nom)}\W*$", re.IGNORECASE)
        expect(demarche.page.get_by_role("link", name=pattern).or_(demarche.page.get_by_role("button", name=pattern)).first).to_be_visible()


@then("la page montre ma date de prise en charge par l'ASE")
def montre_prise(acteur: Actor, demarche: Demarche) -> None:
    prise = acteur.persona.date_prise_en_charge_ase
    group = demarche.zone.section("INFORMATION SUR LA PRISE EN CHARGE PAR L'ASE").group("Date de prise en charge par l'ASE").root
    expect(group.get_by_label("Jour")).to_have_value(f"{prise.day:02d}")
    expect(group.get_by_label("Année")).to_have_value(str(prise.year))


@when("je saisis comme date de prise en charge par l'ASE le jour de mes 16 ans")
def prise_seize_ans(acteur: Actor) -> None:
    ase.fill_prise_en_charge(acteur, add_years(acteur.persona.date_naissance, 16))


# Step 3 -----------------------------------------------------------------------------------------
@when("je confirme mon numéro ephoto (22 chiffres)")
def ephoto(acteur: Actor, demarche: Demarche) -> None:
    demarche.confirm_ephoto(acteur.persona.ephoto, ase.EPHOTO)
    demarche.expect_ephoto_confirmed(acteur.persona.ephoto)


# Confirmation, mail, "Mes demandes en cours" ----------------------------------------------------
@then("ce courriel me salue par mon prénom et mon nom")
def courriel_salue(acteur: Actor) -> None:
    first_line = acteur.last_mail.text.strip().splitlines()[0]
    p = acteur.persona
    # Guide 03 étape 5: "Bonjour Mineur Etranger," — the name as the record has it, not upper-cased.
    assert words(first_line) == f"Bonjour {p.prenoms[0]} {p.nom},", (
        f"guide 03, section « ETAPE 5 : CONFIRMATION » : attendu « Bonjour {p.prenoms[0]} {p.nom}, », lu « {first_line} »")


@then(parsers.parse('le suivi montre ma demande, de type "{type_demande}", avec mon numéro étranger, '
                    'envoyée le jour du dépôt'))
def suivi(acteur: Actor, type_demande: str) -> None:
    ase.expect_suivi(acteur, acteur.numero_demande, type_demande, acteur.notes.exige("date_depot"))


@then("le document téléchargé est ma confirmation de dépôt")
def document_confirmation(acteur: Actor, document: PdfDocument) -> None:
    comparison = ase.compare(document, acteur.persona)
    comparison.check()
    assert comparison.printed["N° de la demande"] == acteur.numero_demande
    ecarts = meme_document(document, acteur.notes.exige("confirmation"), quoi="la confirmation retéléchargée")
    assert not ecarts, "\n".join(ecarts)
