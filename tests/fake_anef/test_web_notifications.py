"""The applicant's notifications over HTTP: the mail for each one, the bell with the unread count,
"Mes Notifications" (10 per page, filter), opening one records the accusé de réception ("Lu le",
30-day delay), the guide's texts of the "Demande de complément" and the "Notification de décision"."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import unescape
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from fake_anef.mail.sink import MailStore
from fake_anef.settings import Settings
from fake_anef.web.app import create_app

from .test_web_agent import SEED, _deposit, _notification_mails
from .test_web_demarche import _account


@pytest.fixture
def app(tmp_path: Path, smtp_sink: tuple[MailStore, int]):  # type: ignore[no-untyped-def]
    return create_app(Settings(data_dir=tmp_path / "portail", smtp_port=smtp_sink[1], base_url="http://testserver",
                               seed_file=SEED))


def _rows(html: str) -> int:
    return html.count("<strong>SEJOUR</strong>")


def test_notifications_bell_list_paging_filter_and_opening(app, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    with TestClient(app) as applicant, TestClient(app) as other:
        numero = _deposit(applicant, smtp_sink)
        assert "Notifications non lues : 0" in unescape(applicant.get("/").text)
        applicant.post(f"/__sim__/demandes/{numero}/instruction").raise_for_status()
        for i in range(11):
            applicant.post(f"/__sim__/demandes/{numero}/complement", json={
                "motifs": {"domicile": "illisible", "filiation": "manquant"}, "observations": f"Observation {i}"}).raise_for_status()
        applicant.post(f"/__sim__/demandes/{numero}/decision",
                       json={"date_debut": "2027-01-01", "date_fin": "2027-12-31", "taxe": "225"}).raise_for_status()
        assert len(_notification_mails(smtp_sink)) == 12
        home = unescape(applicant.get("/").text)
        assert "Notifications non lues : 12" in home and "Voir toutes mes notifications" in home
        first = unescape(applicant.get("/espace/notifications").text)
        assert "Vous pouvez suivre votre correspondance avec l'administration ci-dessous." in first
        assert "Toutes les notifications" in first and "Résultats par page : 10" in first and "1 sur 2" in first
        assert _rows(first) == 10 and "Notification de décision non lue" in first
        second = applicant.get("/espace/notifications", params={"page": "2"}).text
        assert _rows(second) == 2 and "2 sur 2" in second
        [decision_id] = {int(x) for x in re.findall(r'/espace/notifications/(\d+)">[^<]*Notification de décision', first)}
        opened = unescape(applicant.get(f"/espace/notifications/{decision_id}").text)
        assert f"Je vous informe que votre demande en ligne de titre de séjour n° {numero} a été acceptée." in opened
        assert "Bonjour COLLINS Marshall," in opened
        listing = unescape(applicant.get("/espace/notifications").text)
        assert "Notification de décision lue" in listing and f"Lu le {date.today():%d/%m/%Y}" in listing
        assert "Notifications non lues : 11" in listing
        assert _rows(applicant.get("/espace/notifications", params={"filtre": "lue"}).text) == 1
        assert "1 sur 2" in applicant.get("/espace/notifications", params={"filtre": "non_lue"}).text
        complement_id = decision_id - 1
        page = unescape(applicant.get(f"/espace/notifications/{complement_id}").text)
        for text in ("Je vous informe qu'après avoir pris connaissance des documents justificatifs",
                     "Les formats acceptés : .jpg, .png, .pdf, .tiff, .bmp.",
                     "Les documents mentionnés ci-dessous ne sont pas lisibles :",
                     "Les documents mentionnés ci-dessous sont manquants :", "domicile.pdf", "VOIR LE DOCUMENT",
                     "Observations :", "Observation 10", "dans un délai de 30 jours après avoir pris connaissance",
                     f"Date limite de réponse : {date.today() + timedelta(days=30):%d/%m/%Y}"):
            assert text in page, text
        # someone else's notification does not exist for them
        assert other.get(f"/espace/notifications/{complement_id}").url.path == "/connexion"
        _account(other, smtp_sink, "bob@example.org")
        assert other.get(f"/espace/notifications/{complement_id}").status_code == 404
        assert "Notifications non lues : 0" in unescape(other.get("/espace/notifications").text)


def test_a_complement_answered_maintain_needs_reasons_update_needs_a_valid_file(app, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    from harness import fichiers

    with TestClient(app) as applicant, TestClient(app) as agent:
        numero = _deposit(applicant, smtp_sink)
        applicant.post(f"/__sim__/demandes/{numero}/instruction").raise_for_status()
        applicant.post(f"/__sim__/demandes/{numero}/complement", json={
            "motifs": {"domicile": "illisible", "filiation": "invalide"}, "observations": "Copie lisible"}).raise_for_status()
        listing = applicant.get("/espace/notifications").text
        [nid] = {int(x) for x in re.findall(r'/espace/notifications/(\d+)"', listing)}
        page = unescape(applicant.get(f"/espace/notifications/{nid}").text)
        for text in ("Votre réponse * :", "Maintenir le Document", "Mettre à jour le Document",
                     "Veillez préciser les raisons du maintien du document * :", "Message à l'agent :", "Valider et envoyer"):
            assert text in page, text
        # maintain without reasons, update without a file, then with a file of the wrong kind: refused, typed text kept
        refused = applicant.post(f"/espace/notifications/{nid}", data={
            "reponse-domicile": "maintenir", "reponse-filiation": "mettre_a_jour", "message-filiation": "Bonjour"})
        text = unescape(refused.text)
        assert refused.status_code == 422
        assert "Veuillez préciser les raisons du maintien du document." in text and "Veuillez joindre le nouveau document." in text
        assert "Bonjour</textarea>" in text
        wrong = applicant.post(f"/espace/notifications/{nid}", data={
            "reponse-domicile": "maintenir", "raisons-domicile": "La copie comporte 2 pages", "reponse-filiation": "mettre_a_jour"},
            files={"fichier-filiation": ("acte.exe", b"MZ\x90\x00binary", "application/octet-stream")})
        assert wrong.status_code == 422
        assert "répondu" not in applicant.get("/espace/notifications").text
        new = fichiers.pdf("acte-de-naissance.pdf")
        done = applicant.post(f"/espace/notifications/{nid}", data={
            "reponse-domicile": "maintenir", "raisons-domicile": "La copie comporte 2 pages", "reponse-filiation": "mettre_a_jour",
            "message-filiation": "Voici le nouvel acte."}, files={"fichier-filiation": (new["name"], new["buffer"], new["mimeType"])})
        assert "Votre réponse a été envoyée à l'administration." in unescape(done.text)
        assert "Valider et envoyer" not in done.text
        listing = unescape(applicant.get("/espace/notifications").text)
        assert "Demande de complément répondu" in listing and f"Répondu le {date.today():%d/%m/%Y}" in listing
        assert applicant.post(f"/espace/notifications/{nid}", data={}).status_code == 409
        agent.post("/agent/connexion", data={"identifiant": "agent.instructeur", "mot_de_passe": "Instructeur1!"})
        seen = unescape(agent.get(f"/agent/demandes/{numero}").text)
        assert "Maintenir le Document : La copie comporte 2 pages" in seen and "Voici le nouvel acte." in seen
        link = re.search(r'href="http://testserver(/agent/demandes/\d+/pieces/\d+)">acte-de-naissance.pdf<', seen).group(1)  # type: ignore[union-attr]
        assert agent.get(link).content == new["buffer"]


def test_a_file_joined_in_answer_is_listed_with_supprimer_and_the_delai_lets_the_agent_close(app, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    """Guides 02-04: "Joindre un document" lists the file with "SUPPRIMER" before "Valider et envoyer";
    the 30-day délai from the opening (fake_anef/delai.py): no closing before, closing after."""
    from harness import fichiers

    with TestClient(app) as applicant:
        numero = _deposit(applicant, smtp_sink)
        applicant.post(f"/__sim__/demandes/{numero}/instruction").raise_for_status()
        applicant.post(f"/__sim__/demandes/{numero}/complement", json={
            "motifs": {"filiation": "invalide"}, "observations": {"filiation": "Acte périmé"}}).raise_for_status()
        # an unopened notification starts no délai
        assert applicant.post(f"/__sim__/demandes/{numero}/cloture").status_code == 422
        [nid] = {int(x) for x in re.findall(r'/espace/notifications/(\d+)"', applicant.get("/espace/notifications").text)}
        page = unescape(applicant.get(f"/espace/notifications/{nid}").text)
        assert "Acte périmé" in page and '<div id="maj-filiation" hidden>' in page
        new = fichiers.pdf("acte.pdf")
        joined = unescape(applicant.post(f"/espace/notifications/{nid}", data={
            "reponse-filiation": "mettre_a_jour", "_action": "joindre:filiation"},
            files={"fichier-filiation": (new["name"], new["buffer"], new["mimeType"])}).text)
        assert "acte.pdf" in joined and "SUPPRIMER" in joined and '<div id="maj-filiation">' in joined
        pid = re.search(r'value="supprimer:filiation:(\d+)"', joined).group(1)  # type: ignore[union-attr]
        removed = unescape(applicant.post(f"/espace/notifications/{nid}", data={
            "reponse-filiation": "mettre_a_jour", "_action": f"supprimer:filiation:{pid}"}).text)
        assert f"supprimer:filiation:{pid}" not in removed
        applicant.post("/__sim__/clock", json={"advance_hours": 29 * 24}).raise_for_status()
        early = applicant.post(f"/__sim__/demandes/{numero}/cloture")
        assert early.status_code == 422 and "n'est pas écoulé" in early.text
        applicant.post("/__sim__/clock", json={"advance_hours": 2 * 24}).raise_for_status()
        assert "est dépassé depuis le" in unescape(applicant.get(f"/espace/notifications/{nid}").text)
        assert applicant.post(f"/__sim__/demandes/{numero}/cloture").status_code == 201
        assert "Demande clôturée" in unescape(applicant.get("/espace/demandes").text)
        closed = unescape(applicant.get(f"/espace/notifications/{nid}").text)
        assert "vous ne pouvez plus répondre" in closed and "Valider et envoyer" not in closed
        assert applicant.post(f"/espace/notifications/{nid}", data={"reponse-filiation": "maintenir"}).status_code == 409
        applicant.delete("/__sim__/clock")


def test_mes_demandes_shows_the_states_of_faq_12(app, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    with TestClient(app) as applicant:
        numero = _deposit(applicant, smtp_sink)
        assert "Demande envoyée : le" in applicant.get("/espace/demandes").text
        applicant.post(f"/__sim__/demandes/{numero}/instruction").raise_for_status()
        assert "Instruction en cours" in applicant.get("/espace/demandes").text
        applicant.post(f"/__sim__/demandes/{numero}/decision",
                       json={"date_debut": "2027-01-01", "date_fin": "2027-12-31", "taxe": "225"}).raise_for_status()
        assert "Décision prise" in applicant.get("/espace/demandes").text
        applicant.post(f"/__sim__/demandes/{numero}/titre-disponible").raise_for_status()
        assert "Titre de séjour disponible" in unescape(applicant.get("/espace/demandes").text)


def _pdf_text(pdf: bytes) -> str:
    import io

    from pypdf import PdfReader

    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def test_the_decision_gives_the_adf_with_its_signed_2d_doc_and_updates_the_history(app, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    from harness.twoddoc import TrustList, scan_pdf, verify
    from harness.twoddoc import parse as parse_code

    with TestClient(app) as applicant:
        numero = _deposit(applicant, smtp_sink)
        numero_etranger = applicant.post(f"/__sim__/demandes/{numero}/instruction").json()["numero_etranger"]
        assert "Aucun titre de séjour n'est enregistré" in unescape(applicant.get("/espace/demandes").text)
        refused = applicant.post(f"/__sim__/demandes/{numero}/decision",
                                 json={"date_debut": "2027-12-31", "date_fin": "2027-01-01", "taxe": "deux cents"})
        assert refused.status_code == 422
        assert refused.json()["error"] == {"date_fin": "La date de fin doit suivre la date de début.",
                                           "taxe": "Saisissez un montant en euros, par exemple 225."}
        applicant.post(f"/__sim__/demandes/{numero}/decision",
                       json={"date_debut": "2027-01-18", "date_fin": "2028-01-17", "taxe": "225"}).raise_for_status()
        listing = applicant.get("/espace/notifications").text
        [decision_id] = {int(x) for x in re.findall(r'/espace/notifications/(\d+)">[^<]*Notification de décision', listing)}
        opened = unescape(applicant.get(f"/espace/notifications/{decision_id}").text)
        assert "TELECHARGER LE DOCUMENT" in opened
        download = applicant.get(f"/espace/notifications/{decision_id}/document")
        assert download.status_code == 200 and download.headers["content-type"] == "application/pdf"
        today = date.today()
        assert f'ATTESTATION_DECISION_FAVORABLE_{numero_etranger}_{today:%Y%m%d}.pdf' in download.headers["content-disposition"]
        text = _pdf_text(download.content)
        for sentence in ("ATTESTATION DE DÉCISION FAVORABLE", "SUR UNE DEMANDE DE RENOUVELLEMENT DE TITRE DE SÉJOUR",
                         "VOS RÉFÉRENCES :", f"Identifiant (N° étranger) : {numero_etranger}",
                         f"N° de la demande : {numero}", f"DATE D'ÉMISSION : {today:%d/%m/%Y}",
                         "Nom de naissance : COLLINS", "Prénom : MARSHALL", "Né(e) le : 04/03/1990",
                         "A : MONTRÉAL, CANADA", "Nationalité : CANADIENNE",
                         f"Le {today:%d/%m/%Y}, une décision favorable a été prise à la suite de votre demande d'admission au séjour.",
                         "Une carte de séjour temporaire, valable du 18/01/2027 au 17/01/2028 portant la mention Vie "
                         "privée et familiale va vous être délivré(e).",
                         "Cette attestation n'est valable qu'accompagnée du visa de long séjour ou du titre précédemment détenu.",
                         "Ce document autorise le franchissement des frontières de l'espace Schengen.",
                         "Vous devrez à cette occasion vous acquitter de 225 € correspondant au montant des taxes"):
            assert sentence in text, sentence
        # issued once: the second download is the same file
        assert applicant.get(f"/espace/notifications/{decision_id}/document").content == download.content
        [code] = scan_pdf(download.content)
        assert verify(code.payload, TrustList.from_pem(applicant.get("/2d-doc/certificats.pem").content)).valid
        values = parse_code(code.payload).values()
        assert values["6J"] == "3" and values["6K"] == numero and values["6Q"] == numero_etranger
        assert values["6M"] == "VIE PRIVEE ET FAMILIALE" and values["62"] == "COLLINS" and values["60"] == "MARSHALL"
        assert (values["6N"], values["6O"], values["6L"]) == ("18012027", "17012028", f"{today:%d%m%Y}")
        assert values["67"] == values["6C"] == "CA" and values["69"] == "04031990"
        # the card granted appears in "Historique de mes Titres de Séjour"
        history = unescape(applicant.get("/espace/demandes").text)
        assert re.search(r"18/01/2027</td><td>17/01/2028</td>\s*<td>Carte de séjour temporaire</td><td>Vie privée et familiale</td><td>Accepté",
                         history), history
        # a complément notification has no document; nobody else's decision is downloadable
        assert applicant.get(f"/espace/notifications/{decision_id + 1}/document").status_code == 404


def test_the_agent_issues_an_adp_while_instructing_a_first_demande(app, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    from harness.twoddoc import TrustList, scan_pdf, verify
    from harness.twoddoc import parse as parse_code

    with TestClient(app) as applicant, TestClient(app) as agent:
        numero = _deposit(applicant, smtp_sink)
        agent.post("/agent/connexion", data={"identifiant": "agent.instructeur", "mot_de_passe": "Instructeur1!"})
        # not before the instruction starts
        page = agent.get(f"/agent/demandes/{numero}").text
        assert "Délivrer : Attestation de prolongation d&#39;instruction" not in page
        numero_etranger = applicant.post(f"/__sim__/demandes/{numero}/instruction").json()["numero_etranger"]
        mails = len(_notification_mails(smtp_sink))
        done = agent.post(f"/agent/demandes/{numero}/attestation-adp")
        assert "L'attestation a été délivrée au demandeur." in unescape(done.text)
        assert len(_notification_mails(smtp_sink)) == mails + 1
        # an attestation the procedure does not issue during the instruction is refused
        assert applicant.post(f"/__sim__/demandes/{numero}/attestations/adf").status_code == 422
        listing = unescape(applicant.get("/espace/notifications").text)
        [adp_id] = {int(x) for x in re.findall(r"/espace/notifications/(\d+)\">[^<]*Attestation de prolongation d'instruction", listing)}
        opened = unescape(applicant.get(f"/espace/notifications/{adp_id}").text)
        assert (f"Je vous informe que le document « Attestation de prolongation d'instruction » relatif à votre demande "
                f"en ligne de titre de séjour n° {numero} est mis à votre disposition.") in opened
        assert "TELECHARGER LE DOCUMENT" in opened
        download = applicant.get(f"/espace/notifications/{adp_id}/document")
        today = date.today()
        assert f"ATTESTATION_PROLOGATION_INSTRUCTION_{numero_etranger}_{today:%Y%m%d}.pdf" in download.headers["content-disposition"]
        text = _pdf_text(download.content)
        for sentence in ("ATTESTATION DE PROLONGATION D'INSTRUCTION", f"Identifiant (N° de l'étranger) : {numero_etranger}",
                         f"DATE D'EMISSION : {today:%d/%m/%Y}", "Elle ne permet pas d'acquérir de nouveaux droits.",
                         "Ce document n'autorise pas le franchissement des frontières de l'espace Schengen.",
                         f"Cette attestation justifie de la régularité de votre séjour en France entre le {today:%d/%m/%Y} et le"):
            assert sentence in text, sentence
        [code] = scan_pdf(download.content)
        assert verify(code.payload, TrustList.from_pem(applicant.get("/2d-doc/certificats.pem").content)).valid
        values = parse_code(code.payload).values()
        assert values["6J"] == "2" and values["6Q"] == numero_etranger and values["6P"] == "NON AUTORISE A TRAVAILLER"
