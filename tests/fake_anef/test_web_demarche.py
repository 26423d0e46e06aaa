"""The téléprocédure over HTTP (no browser): saving per step, refusals next to the field, uploads,
ephoto single use, files kept to their owner, dépôt with its PDF and mail, instruction."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from starlette.testclient import TestClient

from fake_anef.mail.sink import MailStore, _body, parse
from fake_anef.settings import Settings
from fake_anef.web.app import create_app
from harness import fichiers

from .test_wizard import informations, motif

BASE = "/teleprocedures/vpf-enfant-de-francais"


@pytest.fixture
def app(tmp_path: Path, smtp_sink: tuple[MailStore, int]):  # type: ignore[no-untyped-def]
    return create_app(Settings(data_dir=tmp_path / "portail", smtp_port=smtp_sink[1], base_url="http://testserver"))


def _mails(smtp_sink: tuple[MailStore, int], to: str) -> list:
    return [parse(m) for m in smtp_sink[0].all() if to in m.rcpt_tos]


def _account(client: TestClient, smtp_sink: tuple[MailStore, int], email: str) -> None:
    client.post("/demarches/premiere-demande", data={"email": email, "email_confirmation": email})
    text = _body(_mails(smtp_sink, email)[-1], "plain")
    temporary = re.search(r"Mot de passe provisoire : (\S+)", text).group(1)  # type: ignore[union-attr]
    client.post("/connexion", data={"identifiant": email, "mot_de_passe": temporary})
    client.post("/compte/reinitialisation", data={"mot_de_passe": "Abcdef1!x", "confirmation": "Abcdef1!x"})


@pytest.fixture
def client(app, smtp_sink) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with TestClient(app) as c:
        _account(c, smtp_sink, "awa@example.org")
        yield c


def _post(client: TestClient, step: str, data: dict, files: dict | None = None):  # type: ignore[no-untyped-def]
    return client.post(f"{BASE}/etapes/{step}", data=data, files=files)


def _to_justificatifs(client: TestClient) -> None:
    page = client.post("/demarches/premiere-demande", data={"motif": "attaches-familiales"})
    assert page.url.path == f"{BASE}/etapes/situation"
    assert _post(client, "situation", {"situation": "famille-francais", "situation_famille": "enfant"}).url.path.endswith("informations-personnelles")
    assert _post(client, "informations-personnelles", informations()).url.path.endswith("motif-de-sejour")
    assert _post(client, "motif-de-sejour", motif()).url.path.endswith("justificatifs")


def _upload(client: TestClient, jid: str, payload: dict):  # type: ignore[no-untyped-def]
    return _post(client, "justificatifs", {"_action": f"joindre:{jid}"},
                 files={f"fichier-{jid}": (payload["name"], payload["buffer"], payload["mimeType"])})


def test_the_choice_leads_to_the_procedure_and_a_refusal_keeps_what_was_typed(client: TestClient) -> None:
    client.post("/demarches/premiere-demande", data={"motif": "attaches-familiales"})
    _post(client, "situation", {"situation": "famille-francais", "situation_famille": "enfant"})
    page = _post(client, "informations-personnelles", informations(telephone="123"))
    assert page.status_code == 422
    assert 'aria-describedby="err-telephone"' in page.text
    assert 'value="Collins"' in page.text
    # nothing was saved by the refused submission, nothing saved before is lost
    assert "Collins" not in client.get(f"{BASE}/etapes/informations-personnelles").text


def test_a_step_cannot_be_skipped(client: TestClient) -> None:
    client.post("/demarches/premiere-demande", data={"motif": "attaches-familiales"})
    page = client.get(f"{BASE}/etapes/justificatifs")
    assert page.url.path == f"{BASE}/etapes/situation"


def test_quit_logs_out_and_the_next_login_resumes_with_the_saved_values(client: TestClient) -> None:
    client.post("/demarches/premiere-demande", data={"motif": "attaches-familiales"})
    _post(client, "situation", {"situation": "famille-francais", "situation_famille": "enfant"})
    _post(client, "informations-personnelles", informations())
    page = _post(client, "motif-de-sejour", {**motif(parent_nom_naissance="Dupont"), "_action": "quitter"})
    assert "Si vous quittez la télé-procédure" in page.text
    assert client.get(f"{BASE}/etapes/motif-de-sejour").url.path == "/connexion"
    client.post("/connexion", data={"identifiant": "awa@example.org", "mot_de_passe": "Abcdef1!x"})
    page = client.get("/demarches/premiere-demande")
    assert page.url.path == f"{BASE}/etapes/motif-de-sejour"
    assert 'value="Dupont"' in page.text


def test_previous_keeps_what_was_typed_and_abandon_deletes_the_draft_only(client: TestClient) -> None:
    _to_justificatifs(client)
    back = _post(client, "justificatifs", {"_action": "precedent"})
    assert back.url.path.endswith("motif-de-sejour") and 'value="Collins"' in back.text
    assert "Voulez-vous vraiment abandonner" in client.get(f"{BASE}/abandon").text
    assert "Votre demande a été abandonnée." in client.post(f"{BASE}/abandon").text
    page = client.get("/demarches/premiere-demande")
    assert "Car j&#39;ai des attaches familiales en France" in page.text  # the choice again, a fresh start
    assert client.get(f"{BASE}").url.path.endswith("/situation")


def test_uploads_are_checked_and_refusals_say_why(client: TestClient) -> None:
    _to_justificatifs(client)
    refused = _upload(client, "nationalite", fichiers.disguised_program("passeport.pdf"))
    assert refused.status_code == 422
    assert "Le fichier « passeport.pdf » n&#39;a pas été joint : les formats acceptés sont" in refused.text
    big = _upload(client, "nationalite", fichiers.oversized_pdf("scan.pdf"))
    assert "la taille maximale est de 10 Mo par fichier" in big.text
    for i in range(3):
        assert _upload(client, "nationalite", fichiers.pdf(f"p{i}.pdf")).status_code == 200
    fourth = _upload(client, "nationalite", fichiers.pdf("p3.pdf"))
    assert "3 documents au maximum par justificatif" in fourth.text
    assert all(f"p{i}.pdf" in fourth.text for i in range(3)) and "✓" in fourth.text


def test_files_are_never_served_to_another_account(app, client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    _to_justificatifs(client)
    page = _upload(client, "nationalite", fichiers.pdf("mon-passeport.pdf"))
    link = re.search(r'href="[^"]*(/pieces/\d+)">mon-passeport.pdf', page.text).group(1)  # type: ignore[union-attr]
    assert client.get(link).content.startswith(b"%PDF-")
    with TestClient(app) as other:
        assert other.get(link).url.path == "/connexion"
        _account(other, smtp_sink, "intrus@example.org")
        assert other.get(link).status_code == 404


def test_an_ephoto_serves_one_demande_only(app, client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    _to_justificatifs(client)
    assert "22 chiffres" in _post(client, "justificatifs", {"_action": "ephoto:confirmer", "ephoto": "123"}).text
    ok = _post(client, "justificatifs", {"_action": "ephoto:confirmer", "ephoto": "1" * 22})
    assert ok.status_code == 200 and "1" * 22 in ok.text and "SUPPRIMER" in ok.text
    with TestClient(app) as other:
        _account(other, smtp_sink, "bintou@example.org")
        _to_justificatifs(other)
        refused = _post(other, "justificatifs", {"_action": "ephoto:confirmer", "ephoto": "1" * 22})
        assert refused.status_code == 422
        assert "Ce numéro ephoto a déjà été utilisé pour une autre démarche." in refused.text


def test_depot_confirmation_mail_and_instruction(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    _to_justificatifs(client)
    _post(client, "justificatifs", {"_action": "ephoto:confirmer", "ephoto": "2" * 22})
    for jid in ("nationalite", "visa-long-sejour", "domicile", "nationalite-parent", "filiation",
                "ressources-parent", "absence-ressources"):
        _upload(client, jid, fichiers.pdf(f"{jid}.pdf"))
    assert _post(client, "justificatifs", {}).url.path.endswith("/depot")
    done = _post(client, "depot", {"_action": "deposer", "observations": "Merci."})
    assert done.url.path.endswith("/confirmation")
    assert "Votre demande de titre de séjour a bien été enregistrée." in done.text
    numero = re.search(r"N° de la demande : (\d{19})", done.text).group(1)  # type: ignore[union-attr]
    assert numero.startswith("5901")
    # after the dépôt nothing can be changed
    assert _post(client, "informations-personnelles", informations(nom_naissance="Autre")).status_code == 409
    pdf = client.get(f"{BASE}/confirmation-depot.pdf").content
    text = " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert f"N° de la demande : {numero}" in text and "Nom de naissance : COLLINS" in text
    [mail] = [m for m in _mails(smtp_sink, "awa@example.org") if "bien été enregistrée" in _body(m, "plain")]
    assert [p.get_filename() for p in mail.iter_attachments()] == [f"confirmation-depot-{numero}.pdf"]
    assert _body(mail, "plain").startswith("Bonjour Marshall Collins,")  # as typed (guide 03 étape 5, issue 15 point 12)
    answer = client.post(f"/__sim__/demandes/{numero}/instruction")
    assert answer.status_code == 201
    numero_etranger = answer.json()["numero_etranger"]
    assert re.fullmatch(r"59\d{8}", numero_etranger)
    [account_mail] = [m for m in _mails(smtp_sink, "awa@example.org") if "espace personnel usager a été créé" in _body(m, "plain")]
    body = _body(account_mail, "plain")
    assert f"Identifiant : {numero_etranger}" in body and "Mot de passe provisoire : " in body
    assert client.post(f"/__sim__/demandes/{numero}/instruction").status_code == 409


def test_the_list_of_justificatifs_is_a_pdf_with_each_cas(client: TestClient) -> None:
    pdf = client.get(f"{BASE}/liste-des-pieces-justificatives.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    text = " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages).split())
    cas1 = text.index("DEMANDEURS TOUTES NATIONALITES (hors algériens et tunisiens)")
    cas2 = text.index("DEMANDEURS ALGERIENS OU TUNISIENS")
    assert cas1 < text.index("Justificatif de visa de long séjour en cours de validité *") < cas2
    assert cas2 < text.index("Justificatif de séjour régulier *")
    assert text.index("Si vous avez plus de 21 ans :") < text.index("Justificatif de ressources du parent français *")


def test_address_suggestions(client: TestClient) -> None:
    found = client.get("/adresses", params={"q": "20 rue nationale lille"}).json()["suggestions"]
    assert found[0]["libelle"] == "20 Rue Nationale 59000 Lille" and found[0]["code_insee"] == "59350"
    assert client.get("/adresses", params={"q": ""}).json() == {"suggestions": []}
