"""The harness's checks of an attestation de prolongation d'instruction, each seen to pass on the
portal's own ADP and to fail on the fault it is there to catch; and `anef check-pdf --trust` on it.

The ADP is made in-process with the portal's code (fake_anef.documents.attestation, the bundled
definition, a certificate made like the portal's), then read only through the harness: rendered and
scanned, parsed and verified by harness.twoddoc, compared by harness.attestation."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from fake_anef.documents.attestation import attestation_pdf, attestation_values
from fake_anef.documents.certificates import ensure_certificate, trust_list_pem
from fake_anef.documents.twoddoc import TwoDDocSigner
from fake_anef.engine.definition import Attestation, by_id
from fake_anef.engine.wizard import CONTEXTE, Wizard
from harness.attestation import as_code, check_adp, months_later_less_a_day
from harness.documents import PdfDocument
from harness.twoddoc import TrustList
from harness.twoddoc.cli import main as check_pdf
from personas.countries import pays_par_nom
from personas.factory import PersonaFactory

TODAY = date(2022, 4, 26)
MADE = datetime(2022, 4, 1)  # the certificate, made by the portal at its first start
DEFINITION = by_id("bpi-renouvellement")
ADP: Attestation = DEFINITION.attestation("adp")  # type: ignore[union-attr,assignment]
NUMERO_DEMANDE = "5901202204260000120"


@pytest.fixture(scope="module")
def persona() -> Any:
    return PersonaFactory(41, TODAY).bpi("BPS", marie=False)


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[TwoDDocSigner, bytes]:
    folder = tmp_path_factory.mktemp("2d-doc")
    _, key, certificate_id = ensure_certificate(folder, "FR00", now=MADE)
    return TwoDDocSigner(key, "FR00", certificate_id), trust_list_pem(folder)


def _data(persona: Any) -> dict[str, dict[str, str]]:
    a, d = persona.adresse, persona.date_naissance
    return {
        CONTEXTE: {"titre_categorie": persona.titres[0].categorie},
        "informations-personnelles": {
            "nom_naissance": persona.nom, "prenoms": " ".join(persona.prenoms), "sexe": persona.sexe,
            "date_naissance_jour": f"{d.day:02d}", "date_naissance_mois": str(d.month), "date_naissance_annee": str(d.year),
            "pays_naissance": pays_par_nom(persona.pays_naissance).code, "lieu_naissance": persona.ville_naissance,
            "nationalite": persona.nationalites[0], "situation_familiale": persona.situation_familiale,
            "en_couple": "non", "enfants_en_france": "non", "adresse": a.ligne(), "adresse_numero": a.numero,
            "adresse_voie": a.voie, "adresse_complement": a.complement, "adresse_code_postal": a.code_postal,
            "adresse_ville": a.ville, "adresse_pays": a.pays, "adresse_code_insee": a.code_insee,
            "telephone": persona.telephone,
        },
        "motif-de-sejour": {"attestation_bps": "oui", "attestation_sanctions": "oui"},
    }


def make_adp(persona: Any, signer: TwoDDocSigner | None, attestation: Attestation = ADP) -> PdfDocument:
    """The portal's ADP for this persona, deposited on TODAY (guide 04's date: 26/04/2022)."""
    data = _data(persona)
    wizard = Wizard(DEFINITION, TODAY)  # type: ignore[arg-type]
    values = wizard.document_values(data)
    values.update({"numero_demande": NUMERO_DEMANDE, "numero_etranger": persona.numero_etranger,
                   "date_emission": "26/04/2022", "date_depot": "26/04/2022",
                   "date_emission.jjmmaaaa": "26042022", "date_depot.jjmmaaaa": "26042022"})
    values = attestation_values(attestation, values, TODAY)
    pdf = attestation_pdf(attestation, values, wizard.variables(data), TODAY, signer)
    return PdfDocument(f"ATTESTATION_PROLOGATION_INSTRUCTION_{persona.numero_etranger}_20220426.pdf", pdf)


def test_six_months_as_guide_04_counts_them() -> None:
    assert months_later_less_a_day(date(2022, 4, 26), 6) == date(2022, 10, 25)
    assert months_later_less_a_day(date(2022, 8, 31), 6) == date(2023, 2, 27)
    assert months_later_less_a_day(date(2024, 1, 31), 1) == date(2024, 2, 28)  # 29/02 less a day


@pytest.mark.parametrize(("depot", "mois", "fin"), [
    ("26/04/2022", 6, "25/10/2022"),
    ("31/08/2022", 6, "27/02/2023"),  # 31/08 + 6 months → 28/02, less a day
    ("31/08/2023", 6, "28/02/2024"),  # → 29/02 of a leap year
    ("29/02/2024", 12, "27/02/2025"),  # → 28/02 of a common year
    ("31/01/2024", 1, "28/02/2024"),
])
def test_the_portal_s_validity_on_a_month_end(depot: str, mois: int, fin: str) -> None:
    """The portal's validity (fake_anef.documents.attestation) as the guide counts it, on the month
    ends where adding months has to clamp, and as the harness's check expects it."""
    emission = datetime.strptime(depot, "%d/%m/%Y").date()
    values = attestation_values(replace(ADP, validite_mois=mois), {}, emission)
    assert (values["date_debut_validite"], values["date_fin_validite"]) == (depot, fin)
    assert f"{months_later_less_a_day(emission, mois):%d/%m/%Y}" == fin


def test_free_text_is_compared_as_a_2d_doc_holds_it() -> None:
    assert as_code("Bérénice D'Artagnan-Ça") == "BERENICE D ARTAGNAN CA"
    assert as_code("Œdipe Ørsted") == "OEDIPE ORSTED"


def test_the_portal_s_adp_passes_every_check(persona: Any, certificate: tuple[TwoDDocSigner, bytes]) -> None:
    signer, pem = certificate
    report = check_adp(make_adp(persona, signer), persona, TrustList.from_pem(pem))
    report.check()
    fields = report.fields()
    assert fields["6J"] == "2" and fields["6Q"] == persona.numero_etranger and fields["6K"] == NUMERO_DEMANDE
    assert (fields["6N"], fields["6O"]) == ("26042022", "25102022")
    assert fields["60"] == "/".join(as_code(p) for p in persona.prenoms)


@pytest.mark.parametrize(("fault", "expected"), [
    ("validite_sept_mois", "validité : fin 25/11/2022, attendu 25/10/2022"),
    ("6q_different", "2D-DOC 6Q (numéro étranger du demandeur)"),
    ("sans_2ddoc", "aucun 2D-DOC lisible"),
    ("mention_refugie", "G04-ETAPE-5-OBTENU-BENEFICE-PROTECTION (exigence normative) non respectée"),
])
def test_each_fault_of_the_document_is_reported(persona: Any, certificate: tuple[TwoDDocSigner, bytes],
                                                fault: str, expected: str) -> None:
    signer, pem = certificate
    attestation, who = ADP, persona
    if fault == "validite_sept_mois":
        attestation = replace(ADP, validite_mois=7)
    elif fault == "6q_different":
        code = ADP.deux_d_doc
        assert code is not None
        attestation = replace(ADP, deux_d_doc=replace(code, champs=tuple(
            (i, "7503120521" if i == "6Q" else v) for i, v in code.champs)))
    elif fault == "sans_2ddoc":
        attestation = replace(ADP, deux_d_doc=None)
    elif fault == "mention_refugie":
        who = replace(persona, titres=[replace(persona.titres[0], categorie="Réfugié")])
    report = check_adp(make_adp(who, signer, attestation), persona, TrustList.from_pem(pem))
    assert any(expected in problem for problem in report.problems), report.problems
    with pytest.raises(AssertionError):
        report.check()


def test_an_unknown_certificate_and_a_production_authority_are_reported(
        persona: Any, certificate: tuple[TwoDDocSigner, bytes], tmp_path: Path) -> None:
    signer, _ = certificate
    unknown = check_adp(make_adp(persona, signer), persona, TrustList.spec_test())
    assert any("certificat inconnu" in p for p in unknown.problems), unknown.problems
    # A code signed by a production authority (not XX00) is a finding even when its signature holds.
    _, key, certificate_id = ensure_certificate(tmp_path, "FR01", now=MADE)
    production = TwoDDocSigner(key, "FR01", certificate_id)
    report = check_adp(make_adp(persona, production), persona, TrustList.from_pem(trust_list_pem(tmp_path)))
    assert report.verification is not None and report.verification.valid
    assert any("autorité de production FR01" in p for p in report.problems), report.problems
    assert any("autorité de production FR01" in f for f in report.findings), report.findings


def test_anef_check_pdf_verifies_the_portal_s_adp_with_its_trust_list(
        persona: Any, certificate: tuple[TwoDDocSigner, bytes], tmp_path: Path) -> None:
    signer, pem = certificate
    pdf, trust = tmp_path / "adp.pdf", tmp_path / "certificats.pem"
    pdf.write_bytes(make_adp(persona, signer).content)
    trust.write_bytes(pem)
    out = io.StringIO()
    assert check_pdf(["check-pdf", str(pdf), "--trust", str(trust)], out=out, err=io.StringIO()) == 0
    report = out.getvalue()
    assert "Verdict : Signature valide" in report and "Autorité de certification : FR00" in report
    assert "6J  Type de document étranger : 2 (Attestation de prolongation d'instruction" in report
    assert f"6Q  Numéro d'étranger : {persona.numero_etranger}" in report
    assert "1 code(s) trouvé(s), 1 valide(s)." in report
    # Without the portal's trust list the code is not trusted: exit status 1, and the reason.
    out = io.StringIO()
    assert check_pdf(["check-pdf", str(pdf)], out=out, err=io.StringIO()) == 1
    assert "certificat inconnu" in out.getvalue()
