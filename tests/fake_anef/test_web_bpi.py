"""Guide 04 over HTTP (no browser): a BPS title holder renews it; the récapitulatif step's rules
(parts validated one by one, "Modifier ma saisie" then back, "Déposer la demande" only after the
three validations); the attestation de prolongation d'instruction with its signed 2D-DOC, kept as
issued and carried by the dépôt mail; the trust list the portal publishes."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from starlette.testclient import TestClient

from fake_anef.mail.sink import MailStore, _body, parse
from fake_anef.settings import Settings
from fake_anef.web.app import create_app
from harness import fichiers
from harness.twoddoc import TrustList, scan_pdf, verify
from harness.twoddoc import parse as parse_code

BASE = "/teleprocedures/bpi-renouvellement"
NUMERO = "5903000266"


@pytest.fixture
def client(tmp_path: Path, smtp_sink: tuple[MailStore, int]) -> Iterator[TestClient]:
    settings = Settings(data_dir=tmp_path / "portail", smtp_port=smtp_sink[1], base_url="http://testserver")
    with TestClient(create_app(settings)) as c:
        yield c


def _mails(smtp_sink: tuple[MailStore, int], to: str) -> list:
    return [parse(m) for m in smtp_sink[0].all() if to in m.rcpt_tos]


def connected_holder(client: TestClient, smtp_sink: tuple[MailStore, int], categorie: str = "BPS",
                     mention: str = "BENEFICIAIRE DE LA PROTECTION SUBSIDIAIRE", jours_restants: int = 60) -> None:
    """A title holder (identity and title registered by the operator API) with an account, connected."""
    debut, fin = date.today() - timedelta(days=1400), date.today() + timedelta(days=jours_restants)
    client.post("/__sim__/titres", json={
        "numero": NUMERO, "kind": "titre", "date_debut": debut.isoformat(), "date_fin": fin.isoformat(),
        "categorie": categorie, "mention": mention,
        "titulaire": {"numero_etranger": NUMERO, "nom": "Recette Métier", "prenom": "Test Quarante-et-un",
                      "date_naissance": "2006-04-05", "pays_naissance": "AF", "nationalite": "AF", "sexe": "M"},
    }).raise_for_status()
    client.post("/compte/creation", data={
        "numero": NUMERO, "debut_jour": f"{debut.day:02d}", "debut_mois": str(debut.month), "debut_annee": str(debut.year),
        "fin_jour": f"{fin.day:02d}", "fin_mois": str(fin.month), "fin_annee": str(fin.year)})
    client.post("/compte/email", data={"email": "t41@example.org", "email_confirmation": "t41@example.org"})
    text = _body(_mails(smtp_sink, "t41@example.org")[-1], "plain")
    link = re.search(r"http://testserver(/compte/mot-de-passe\?token=\S+)", text).group(1)  # type: ignore[union-attr]
    client.post(link, data={"mot_de_passe": "Abcdef1!", "confirmation": "Abcdef1!"})
    client.post("/connexion", data={"identifiant": NUMERO, "mot_de_passe": "Abcdef1!"})


def informations(**over: str) -> dict:
    values = {
        "lieu_naissance": "Kaboul", "situation_familiale": "Célibataire", "en_couple": "non",
        "enfants_en_france": "non", "adresse": "20 Rue Nationale 59000 Lille", "adresse_numero": "20",
        "adresse_voie": "Rue Nationale", "adresse_code_postal": "59000", "adresse_ville": "Lille",
        "adresse_pays": "France", "adresse_code_insee": "59350", "telephone": "0639980000",
    }
    values.update(over)
    return values


def _post(client: TestClient, step: str, data: dict, files: dict | None = None):  # type: ignore[no-untyped-def]
    return client.post(f"{BASE}/etapes/{step}", data=data, files=files)


def to_recapitulatif(client: TestClient, refugie: bool = False, **over: str):  # type: ignore[no-untyped-def]
    page = client.post("/espace/situation", data={"motif": "renouvellement"})
    assert "DÉPOSEZ VOTRE DEMANDE EN 5 ÉTAPES" in page.text  # the préambule
    page = client.post(BASE)
    assert page.url.path == f"{BASE}/etapes/informations-personnelles"
    assert _post(client, "informations-personnelles", informations(**over)).url.path.endswith("motif-de-sejour")
    married = over.get("situation_familiale") == "Marié(e)"
    attestation = f"attestation_{'refugie' if refugie else 'bps'}{'_marie' if married else ''}"
    assert _post(client, "motif-de-sejour", {attestation: "oui", "attestation_sanctions": "oui"}).url.path.endswith("justificatifs")
    _post(client, "justificatifs", {"_action": "ephoto:confirmer", "ephoto": "0" * 21 + "1"})
    payload = fichiers.pdf("DOC_TEST_PIECE_JOINTE.pdf")
    _post(client, "justificatifs", {"_action": "joindre:domicile"},
          files={"fichier-domicile": (payload["name"], payload["buffer"], payload["mimeType"])})
    page = _post(client, "justificatifs", {})
    assert page.url.path.endswith("/recapitulatif"), page.text
    return page


def _validate_all(client: TestClient) -> None:
    for etape in ("informations-personnelles", "motif-de-sejour", "justificatifs"):
        page = _post(client, "recapitulatif", {"_action": f"valider:{etape}"})
        assert page.status_code == 200 and page.url.path.endswith("/recapitulatif")


def _open_part(html: str) -> list[str]:
    return [t.strip() for t in re.findall(r'aria-expanded="true"[^>]*>(?:<span[^>]*>[^<]*</span>)?([^<]+)</button>', html)]


def test_the_prefilled_identity_is_read_only_and_shown_back(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    connected_holder(client, smtp_sink)
    page = to_recapitulatif(client)
    assert "Je vérifie les informations que j&#39;ai saisies en validant les 3 parties" in page.text
    assert _open_part(page.text) == ["MES INFORMATIONS PERSONNELLES (1/3)"]
    assert "Recette Métier" in page.text and "Kaboul" in page.text and "0639980000" in page.text
    assert "Déposer la demande" not in page.text


def test_deposer_only_after_the_three_validations(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    connected_holder(client, smtp_sink)
    to_recapitulatif(client)
    refused = _post(client, "recapitulatif", {"_action": "deposer", "observations": "Rien à signaler."})
    assert refused.status_code == 422
    assert "Validez les 3 parties du récapitulatif avant de déposer votre demande." in refused.text
    assert "Rien à signaler." in refused.text  # what was typed is kept
    page = _post(client, "recapitulatif", {"_action": "valider:informations-personnelles", "observations": "Rien à signaler."})
    assert _open_part(page.text) == ["MON MOTIF DE SEJOUR (2/3)"]
    assert "Déposer la demande" not in page.text
    page = _post(client, "recapitulatif", {"_action": "valider:motif-de-sejour", "observations": "Rien à signaler."})
    assert _open_part(page.text) == ["JUSTIFICATIFS (3/3)"]
    assert "DOC_TEST_PIECE_JOINTE.pdf" in page.text
    page = _post(client, "recapitulatif", {"_action": "valider:justificatifs", "observations": "Rien à signaler."})
    assert _open_part(page.text) == [] and "Déposer la demande" in page.text
    done = _post(client, "recapitulatif", {"_action": "deposer", "observations": "Rien à signaler."})
    assert done.url.path.endswith("/confirmation")
    assert "Votre demande a bien été enregistrée et vous allez recevoir un accusé de réception." in done.text
    assert "J&#39;ouvre ma confirmation de dépôt de demande (PDF)" in done.text


def test_modifier_goes_to_the_step_then_back_and_the_part_is_to_validate_again(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    connected_holder(client, smtp_sink)
    to_recapitulatif(client)
    _validate_all(client)
    page = _post(client, "recapitulatif", {"_action": "modifier:informations-personnelles", "observations": "Note."})
    assert page.url.path.endswith("/informations-personnelles")
    assert 'value="0639980000"' in page.text
    back = _post(client, "informations-personnelles", informations(telephone="0639981111"))
    assert back.url.path.endswith("/recapitulatif")  # back, not on to "Motif de séjour"
    assert "0639981111" in back.text and "Note." in back.text
    assert _open_part(back.text) == ["MES INFORMATIONS PERSONNELLES (1/3)"]
    assert "Déposer la demande" not in back.text


def test_a_change_that_leaves_a_later_step_incomplete_stops_there_first(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    connected_holder(client, smtp_sink)
    to_recapitulatif(client)
    _post(client, "recapitulatif", {"_action": "modifier:informations-personnelles"})
    page = _post(client, "informations-personnelles", informations(situation_familiale="Marié(e)", en_couple="oui",
                                                                   nationalite_conjoint="Autre pays"))
    assert page.url.path.endswith("/motif-de-sejour")  # the polygamy statement is now the one to tick
    assert "ne pas vivre en état de polygamie" in page.text
    back = _post(client, "motif-de-sejour", {"attestation_bps_marie": "oui", "attestation_sanctions": "oui"})
    assert back.url.path.endswith("/recapitulatif")


def test_a_part_that_no_longer_validates_says_so(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    connected_holder(client, smtp_sink)
    to_recapitulatif(client)
    _post(client, "justificatifs", {"_action": "ephoto:supprimer"})  # a draft changed behind the récapitulatif
    _post(client, "recapitulatif", {"_action": "valider:informations-personnelles"})
    _post(client, "recapitulatif", {"_action": "valider:motif-de-sejour"})
    page = _post(client, "recapitulatif", {"_action": "valider:justificatifs"})
    assert page.status_code == 422
    assert "Cette partie est incomplète" in page.text and _open_part(page.text) == ["JUSTIFICATIFS (3/3)"]


def six_months_less_a_day(start: date) -> date:
    """The guide's validity: 26/04/2022 → 25/10/2022."""
    month = start.month + 6
    year, month = start.year + (month - 1) // 12, (month - 1) % 12 + 1
    for day in (start.day, 30, 29, 28):
        try:
            return date(year, month, day) - timedelta(days=1)
        except ValueError:
            continue
    raise AssertionError


def test_six_months_as_the_guide_counts_them() -> None:
    assert six_months_less_a_day(date(2022, 4, 26)) == date(2022, 10, 25)


def _deposit(client: TestClient, smtp_sink, **over: str) -> tuple[bytes, str]:  # type: ignore[no-untyped-def]
    connected_holder(client, smtp_sink)
    to_recapitulatif(client, **over)
    _validate_all(client)
    _post(client, "recapitulatif", {"_action": "deposer"})
    download = client.get(f"{BASE}/documents/adp")
    assert download.status_code == 200 and download.headers["content-type"] == "application/pdf"
    name = re.search(r'filename="([^"]+)"', download.headers["content-disposition"]).group(1)  # type: ignore[union-attr]
    return download.content, name


def _text(pdf: bytes) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def test_the_attestation_prints_the_guide_s_text_and_the_mail_carries_it(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    pdf, name = _deposit(client, smtp_sink)
    today = date.today()
    assert name == f"ATTESTATION_PROLOGATION_INSTRUCTION_{NUMERO}_{today:%Y%m%d}.pdf"
    text = _text(pdf)
    for sentence in (
        "ATTESTATION DE PROLONGATION D'INSTRUCTION", "D'UNE DEMANDE DE TITRE DE SEJOUR", "VOS REFERENCES :",
        f"Identifiant (N° de l'étranger) : {NUMERO}", f"DATE D'EMISSION : {today:%d/%m/%Y}",
        "A OBTENU LE BENEFICE DE LA PROTECTION SUBSIDIAIRE", "Nom de naissance : RECETTE MÉTIER",
        "Prénom(s) : TEST QUARANTE-ET-UN", "Né(e) le : 05/04/2006", "A : KABOUL, AFGHANISTAN",
        "Adresse : 20 RUE NATIONALE 59000 LILLE FRANCE",
        f"Le {today:%d/%m/%Y}, vous avez déposé une demande de titre de séjour qui est en cours d'examen par la préfecture compétente.",
        f"Cette attestation justifie de la régularité de votre séjour en France entre le {today:%d/%m/%Y} et le",
        "conformément aux articles L. 414-10 et R. 431-15-4 du code de l'entrée et du séjour des étrangers",
        "Ce document autorise le franchissement des frontières de l'espace Schengen.", "2D-DOC",
    ):
        assert sentence in text, sentence
    assert f"et le {six_months_less_a_day(today):%d/%m/%Y}." in text
    mail = _mails(smtp_sink, "t41@example.org")[-1]
    attachments = [(part.get_filename(), part.get_payload(decode=True)) for part in mail.iter_attachments()]
    assert [n for n, _ in attachments] == [name]
    assert attachments[0][1] == pdf  # the same file: issued once, at the dépôt


def test_the_attestation_s_2d_doc_is_signed_and_holds_the_printed_values(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    pdf, _ = _deposit(client, smtp_sink, nom_usage="Épouse Dupré")
    codes = scan_pdf(pdf)
    assert len(codes) == 1
    trust = TrustList.from_pem(client.get("/2d-doc/certificats.pem").content)
    result = verify(codes[0].payload, trust)
    assert result.valid, result.detail
    code = parse_code(codes[0].payload)
    assert (code.authority, code.document_type, code.perimeter, code.country) == ("FR00", "13", "01", "FR")
    assert code.issue_date == code.signature_date == date.today()
    values = code.values()
    text = _text(pdf)
    numero_demande = re.search(r"N° de la demande : (\d{19})", text).group(1)  # type: ignore[union-attr]
    debut, fin = re.search(r"entre le (\d\d)/(\d\d)/(\d{4}) et le (\d\d)/(\d\d)/(\d{4})", text).groups()[:3], \
        re.search(r"et le (\d\d)/(\d\d)/(\d{4})\.", text).groups()  # type: ignore[union-attr]
    assert values["6J"] == "2" and values["6Q"] == NUMERO and values["6K"] == numero_demande
    assert values["62"] == "RECETTE METIER" and values["63"] == "EPOUSE DUPRE" and values["60"] == "TEST/QUARANTE ET UN"
    assert values["69"] == "05042006" and values["68"] == "M" and values["67"] == values["6C"] == "AF"
    assert values["6A"] == "KABOUL" and values["6U"] == "20 RUE NATIONALE" and values["6W"] == "59000"
    assert values["6X"] == "LILLE" and values["6L"] == f"{date.today():%d%m%Y}"
    assert values["6N"] == "".join(debut) and values["6O"] == "".join(fin)


def test_the_trust_list_is_published_and_kept_across_restarts(tmp_path: Path, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(data_dir=tmp_path / "portail", smtp_port=smtp_sink[1], base_url="http://testserver")
    with TestClient(create_app(settings)) as c:
        first = c.get("/2d-doc/certificats.pem")
    assert first.status_code == 200 and first.text.count("BEGIN CERTIFICATE") == 2
    trust = TrustList.from_pem(first.content)
    assert {(e.authority, e.certificate_id) for e in trust} == {("FR00", "SIM1"), ("FR00", "0001")}
    with TestClient(create_app(settings)) as c:
        assert c.get("/2d-doc/certificats.pem").content == first.content


@pytest.mark.parametrize(("categorie", "carte"), [
    ("BPS", "Une carte de séjour pluriannuelle, valable du 01/03/2027 au 28/02/2031 portant la mention Bénéficiaire de la protection subsidiaire"),
    ("Réfugié", "Une carte de résident, valable du 01/03/2027 au 28/02/2037 portant la mention Réfugié"),
])
def test_the_decision_s_adf_names_the_card_the_protection_gives(client: TestClient, smtp_sink, categorie: str, carte: str) -> None:  # type: ignore[no-untyped-def]
    connected_holder(client, smtp_sink, categorie=categorie)
    to_recapitulatif(client, refugie=categorie == "Réfugié")
    _validate_all(client)
    _post(client, "recapitulatif", {"_action": "deposer"})
    numero = re.search(r"N° de la demande : (\d{19})", _text(client.get(f"{BASE}/documents/adp").content)).group(1)  # type: ignore[union-attr]
    assert client.post(f"/__sim__/demandes/{numero}/instruction").json()["numero_etranger"] == NUMERO
    fin = "2031-02-28" if categorie == "BPS" else "2037-02-28"
    client.post(f"/__sim__/demandes/{numero}/decision", json={"date_debut": "2027-03-01", "date_fin": fin, "taxe": "225,50"}).raise_for_status()
    listing = client.get("/espace/notifications").text
    [decision_id] = {int(x) for x in re.findall(r'/espace/notifications/(\d+)">[^<]*Notification de décision', listing)}
    text = _text(client.get(f"/espace/notifications/{decision_id}/document").content)
    assert carte in text and "à la suite de votre demande de renouvellement de titre de séjour." in text
    assert "vous acquitter de 225,50 € correspondant" in text and f"Identifiant (N° étranger) : {NUMERO}" in text
    # the ADP of the dépôt is still the one offered on the confirmation page, not the ADF
    assert client.get(f"{BASE}/documents/adf").status_code == 404
