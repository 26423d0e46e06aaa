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
            "reponse-domicile": "maintenir", "reponse-filiation": "mettre_a_jour", "message": "Bonjour"})
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
            "message": "Voici le nouvel acte."}, files={"fichier-filiation": (new["name"], new["buffer"], new["mimeType"])})
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
