"""The harness's check of an attestation de décision favorable (ADF), seen to pass on the portal's
own ADF and to fail on each fault it is there to catch (6J, the card's dates, the taxe, the mention,
the identity, an unsigned document).

The ADF is made in-process with the portal's code (fake_anef.documents.attestation and the bundled
enfant de Français definition, a decision as the agent takes it), then read only through the harness."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest

from fake_anef.documents.attestation import attestation_pdf, attestation_values, titre_delivre
from fake_anef.documents.certificates import ensure_certificate, trust_list_pem
from fake_anef.documents.twoddoc import TwoDDocSigner
from fake_anef.engine.definition import Attestation, by_id
from fake_anef.engine.wizard import Wizard
from harness.attestation import check_adf, euros
from harness.documents import PdfDocument
from harness.twoddoc import TrustList
from personas.countries import pays_par_nom
from personas.factory import PersonaFactory

DECIDED = date(2023, 9, 17)  # guide 03's ADF
DEPOSE = date(2023, 6, 2)
DEFINITION = by_id("vpf-enfant-de-francais")
ADF: Attestation = DEFINITION.attestation("adf")  # type: ignore[union-attr,assignment]
NUMERO_DEMANDE = "5901202306020000212"
NUMERO_ETRANGER = "5908002016"
DEBUT, FIN = date(2023, 9, 18), date(2024, 9, 17)


@pytest.fixture(scope="module")
def persona() -> Any:
    return PersonaFactory(7, DECIDED).enfant_de_francais()


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[TwoDDocSigner, bytes]:
    folder = tmp_path_factory.mktemp("2d-doc")
    _, key, certificate_id = ensure_certificate(folder, "FR00", now=datetime(2023, 1, 1))
    return TwoDDocSigner(key, "FR00", certificate_id), trust_list_pem(folder)


def _data(persona: Any) -> dict[str, dict[str, str]]:
    a, d = persona.adresse, persona.date_naissance
    informations = {
        "nom_naissance": persona.nom, "sexe": persona.sexe,
        "date_naissance_jour": f"{d.day:02d}", "date_naissance_mois": str(d.month), "date_naissance_annee": str(d.year),
        "pays_naissance": pays_par_nom(persona.pays_naissance).code, "lieu_naissance": persona.ville_naissance,
        "adresse": a.ligne(), "adresse_numero": a.numero, "adresse_voie": a.voie, "adresse_complement": a.complement,
        "adresse_code_postal": a.code_postal, "adresse_ville": a.ville, "adresse_pays": a.pays,
        "adresse_code_insee": a.code_insee, "telephone": persona.telephone,
    }
    informations.update({f"prenoms-{i}": p for i, p in enumerate(persona.prenoms)})
    informations.update({f"nationalites-{i}": n for i, n in enumerate(persona.nationalites)})
    return {"informations-personnelles": informations}


def make_adf(persona: Any, signer: TwoDDocSigner | None, attestation: Attestation = ADF, taxe: str = "225",
             debut: date = DEBUT, fin: date = FIN) -> PdfDocument:
    data = _data(persona)
    wizard = Wizard(DEFINITION, DECIDED)  # type: ignore[arg-type]
    values = wizard.document_values(data)
    values.update({"numero_demande": NUMERO_DEMANDE, "numero_etranger": NUMERO_ETRANGER,
                   "date_emission": f"{DEPOSE:%d/%m/%Y}", "date_depot": f"{DEPOSE:%d/%m/%Y}",
                   "date_emission.jjmmaaaa": f"{DEPOSE:%d%m%Y}", "date_depot.jjmmaaaa": f"{DEPOSE:%d%m%Y}"})
    nature, mention = titre_delivre(attestation, wizard.variables(data), DECIDED)
    decision = {"date_debut": debut.isoformat(), "date_fin": fin.isoformat(), "taxe": taxe,
                "date_decision": DECIDED.isoformat(), "nature": nature, "mention": mention}
    values = attestation_values(attestation, values, DECIDED, decision)
    pdf = attestation_pdf(attestation, values, wizard.variables(data), DECIDED, signer)
    return PdfDocument(f"ATTESTATION_DECISION_FAVORABLE_{NUMERO_ETRANGER}_20230917.pdf", pdf)


def _check(document: PdfDocument, persona: Any, pem: bytes, **over: Any):  # type: ignore[no-untyped-def]
    kwargs = {"numero_etranger": NUMERO_ETRANGER, "numero_demande": NUMERO_DEMANDE, "debut": DEBUT, "fin": FIN,
              "taxe": "225", "mention": "Vie privée et familiale", **over}
    return check_adf(document, persona, TrustList.from_pem(pem), **kwargs)


def test_the_taxe_is_printed_as_french_writes_euros() -> None:
    assert (euros("225"), euros("225.5"), euros("0"), euros("75,00")) == ("225", "225,50", "0", "75")


def test_the_portal_s_adf_passes_every_check(persona: Any, certificate: tuple[TwoDDocSigner, bytes]) -> None:
    signer, pem = certificate
    report = _check(make_adf(persona, signer), persona, pem)
    report.check()
    fields = report.fields()
    assert fields["6J"] == "3" and fields["6Q"] == NUMERO_ETRANGER and fields["6K"] == NUMERO_DEMANDE
    assert (fields["6N"], fields["6O"], fields["6L"]) == ("18092023", "17092024", "02062023")
    assert report.printed["DATE D'ÉMISSION"].split()[0] == "17/09/2023"


@pytest.mark.parametrize(("fault", "expected"), [
    ("6j_prolongation", "2D-DOC 6J (type de document étranger (3 : attestation favorable de décision)) : « 2 »"),
    ("dates_de_la_carte", "validité du titre : du 18/09/2023 au 17/09/2025, attendu du 18/09/2023 au 17/09/2024"),
    ("taxe", "taxe : 75 €, attendu 225 €"),
    ("mention", "mention du titre : « Vie privée et familiale », attendu « Salarié »"),
    ("autre_personne", "Nom de naissance : lu"),
    ("sans_2ddoc", "aucun 2D-DOC lisible"),
])
def test_each_fault_of_the_adf_is_reported(persona: Any, certificate: tuple[TwoDDocSigner, bytes],
                                           fault: str, expected: str) -> None:
    signer, pem = certificate
    attestation, who, over, made = ADF, persona, {}, {}
    if fault == "6j_prolongation":
        code = ADF.deux_d_doc
        assert code is not None
        attestation = replace(ADF, deux_d_doc=replace(code, champs=tuple((i, "2" if i == "6J" else v) for i, v in code.champs)))
    elif fault == "dates_de_la_carte":
        made = {"fin": date(2025, 9, 17)}
    elif fault == "taxe":
        made = {"taxe": "75"}
    elif fault == "mention":
        over = {"mention": "Salarié"}
    elif fault == "autre_personne":
        who = PersonaFactory(8, DECIDED).enfant_de_francais()
    elif fault == "sans_2ddoc":
        attestation = replace(ADF, deux_d_doc=None)
    report = _check(make_adf(who, signer, attestation, **made), persona, pem, **over)
    assert any(expected in problem for problem in report.problems), report.problems
    with pytest.raises(AssertionError, match="l'attestation de décision favorable ne convient pas"):
        report.check()


def test_a_record_holding_one_prenom_is_checked_against_what_the_administration_holds(
        persona: Any, certificate: tuple[TwoDDocSigner, bytes]) -> None:
    from harness.documents import Expected, expected_identity

    signer, pem = certificate
    two = replace(persona, prenoms=["Zahra", "Shirin"])
    printed = make_adf(replace(two, prenoms=["Zahra"]), signer)  # the record knows the first one only
    held = [Expected("Prénom", ("Zahra",)) if e.label == "Prénom" else e for e in expected_identity(two)]
    _check(printed, two, pem, identity=held).check()
    unheld = _check(printed, two, pem)
    assert any("Prénom : lu « ZAHRA », attendu « Zahra Shirin »" in p for p in unheld.problems), unheld.problems
    assert any("2D-DOC 60" in p and "ZAHRA/SHIRIN" in p for p in unheld.problems), unheld.problems
