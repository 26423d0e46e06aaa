"""Issue 14, pages and mails (pts 4, 7, 9) over HTTP: a user's value is never a link in a mail, the
definitive account reaches its own files, and the cross-site protections (origin check, JSON-only
operator API, framing and sniffing headers, uploaded files as attachments)."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from fake_anef.mail.sink import MailStore, _body
from fake_anef.settings import Settings
from fake_anef.web.app import create_app
from harness import fichiers

from .test_web_agent import SEED
from .test_web_demarche import _account, _mails, _post, _upload
from .test_wizard import informations, motif

BASE = "/teleprocedures/vpf-enfant-de-francais"
EVIL = "[réactivez-le ici](http://evil.example/x)"
NEW_PASSWORD = "Definitif1!"


@pytest.fixture
def app(tmp_path: Path, smtp_sink: tuple[MailStore, int]):  # type: ignore[no-untyped-def]
    return create_app(Settings(data_dir=tmp_path / "portail", smtp_port=smtp_sink[1], base_url="http://testserver",
                               seed_file=SEED))


def _deposit(client: TestClient, smtp_sink, prenom: str = "Marshall") -> str:  # type: ignore[no-untyped-def]
    _account(client, smtp_sink, "awa@example.org")
    client.post("/demarches/premiere-demande", data={"motif": "attaches-familiales"})
    _post(client, "situation", {"situation": "famille-francais", "situation_famille": "enfant"})
    assert _post(client, "informations-personnelles", informations(**{"prenoms-0": prenom})).url.path.endswith("motif-de-sejour")
    assert _post(client, "motif-de-sejour", motif()).url.path.endswith("justificatifs")
    _post(client, "justificatifs", {"_action": "ephoto:confirmer", "ephoto": "3" * 22})
    for jid in ("nationalite", "visa-long-sejour", "domicile", "nationalite-parent", "filiation",
                "ressources-parent", "absence-ressources"):
        _upload(client, jid, fichiers.pdf(f"{jid}.pdf"))
    _post(client, "justificatifs", {})
    done = _post(client, "depot", {"_action": "deposer", "observations": "Merci."})
    return re.search(r"N° de la demande : (\d{19})", done.text).group(1)  # type: ignore[union-attr]


def _no_planted_link(message) -> None:  # type: ignore[no-untyped-def]
    text, html = _body(message, "plain"), _body(message, "html")
    assert not re.search(r'href="[^"]*evil\.example', html, re.IGNORECASE), "the user's value became a link (HTML part)"
    assert not re.search(r"réactivez-le ici\s*:\s*http://evil", text, re.IGNORECASE), "the user's value became a link (text part)"
    assert re.search(re.escape(EVIL), text, re.IGNORECASE), "the value is shown as typed"
    assert re.search(re.escape(EVIL), unescape(html), re.IGNORECASE)


# Pt 4: a user's value is never markup in a mail ------------------------------------------------
def test_a_prenom_written_as_a_link_stays_text_in_the_depot_and_password_mails(app, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    with TestClient(app) as applicant:
        numero = _deposit(applicant, smtp_sink, prenom=EVIL)
        [depot] = [m for m in _mails(smtp_sink, "awa@example.org") if str(m["Subject"]).startswith("Confirmation du dépôt")]
        _no_planted_link(depot)
        applicant.post(f"/__sim__/demandes/{numero}/instruction").raise_for_status()
        [compte_cree] = [m for m in _mails(smtp_sink, "awa@example.org") if "Mot de passe provisoire" in _body(m, "plain")][-1:]
        assert "espace personnel usager a été créé" in _body(compte_cree, "plain")
        _no_planted_link(compte_cree)


# Pt 7: the definitive account reaches its own files ---------------------------------------------
def test_the_definitive_account_opens_its_justificatif_and_its_confirmation(app, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    with TestClient(app) as applicant:
        numero = _deposit(applicant, smtp_sink)
        applicant.post(f"/__sim__/demandes/{numero}/instruction").raise_for_status()
        applicant.post(f"/__sim__/demandes/{numero}/complement", json={
            "motifs": {"domicile": "illisible"}, "observations": "Copie lisible"}).raise_for_status()
    mail = [_body(m, "plain") for m in _mails(smtp_sink, "awa@example.org") if "Mot de passe provisoire" in _body(m, "plain")][-1]
    identifiant = re.search(r"Identifiant : (\d{10})", mail).group(1)  # type: ignore[union-attr]
    temporary = re.search(r"Mot de passe provisoire : (\S+)", mail).group(1)  # type: ignore[union-attr]
    with TestClient(app) as definitive:
        definitive.post("/connexion", data={"identifiant": identifiant, "mot_de_passe": temporary})
        definitive.post("/compte/reinitialisation", data={"mot_de_passe": NEW_PASSWORD, "confirmation": NEW_PASSWORD})
        home = definitive.get("/")
        mes_demandes = definitive.get(re.search(r'href="([^"]*)">Mes demandes', home.text).group(1))  # type: ignore[union-attr]
        assert numero in mes_demandes.text
        confirmation = re.search(r'href="([^"]*confirmation-depot\.pdf)"', mes_demandes.text).group(1)  # type: ignore[union-attr]
        pdf = definitive.get(confirmation)
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF"), "the confirmation PDF of « Mes demandes en cours »"
        notifications = definitive.get("/espace/notifications").text
        [nid] = {int(x) for x in re.findall(r'/espace/notifications/(\d+)"', notifications)}
        page = definitive.get(f"/espace/notifications/{nid}").text
        piece = re.search(r'href="[^"]*(/pieces/\d+)">VOIR LE DOCUMENT', page).group(1)  # type: ignore[union-attr]
        served = definitive.get(piece)
        assert served.status_code == 200 and served.content.startswith(b"%PDF"), "the justificatif of the complément"
        # pt 9: an uploaded file is handed out as an attachment, never rendered from the portal's origin
        assert served.headers["content-disposition"].startswith("attachment")
    with TestClient(app) as stranger:
        _account(stranger, smtp_sink, "bob@example.org")
        assert stranger.get(piece).status_code == 404 and stranger.get(confirmation).status_code == 404


# Pt 9: cross-site requests ---------------------------------------------------------------------
def test_an_unsafe_request_from_a_foreign_origin_is_refused(app, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    with TestClient(app) as client:
        _account(client, smtp_sink, "awa@example.org")
        client.post("/demarches/premiere-demande", data={"motif": "attaches-familiales"})
        step = {"situation": "famille-francais", "situation_famille": "enfant"}
        for headers in ({"Origin": "http://evil.example"}, {"Origin": "null"},
                        {"Referer": "http://evil.example/page.html"}, {"Origin": "http://testserver.evil.example"}):
            refused = client.post(f"{BASE}/etapes/situation", data=step, headers=headers)
            assert refused.status_code == 403, headers
            assert "Requête refusée" in refused.text
            assert client.post(f"{BASE}/abandon", headers=headers).status_code == 403
            assert client.post("/agent/connexion", data={"identifiant": "agent.instructeur",
                                                          "mot_de_passe": "Instructeur1!"}, headers=headers).status_code == 403
        # the portal's own pages (Origin, or only a Referer of its own) and clients sending neither
        own = client.post(f"{BASE}/etapes/situation", data=step, headers={"Origin": "http://testserver"})
        assert own.status_code == 200 and own.url.path.endswith("informations-personnelles")
        assert client.post(f"{BASE}/etapes/situation", data=step,
                           headers={"Referer": f"http://testserver{BASE}/etapes/situation"}).status_code == 200
        assert client.post(f"{BASE}/etapes/situation", data=step).status_code == 200


def test_the_operator_api_takes_json_only(app) -> None:  # type: ignore[no-untyped-def]
    body = '{"numero_etranger": "7512345678", "nom": "X", "prenom": "Y", "date_naissance": "1990-01-01", ' \
           '"pays_naissance": "CA", "nationalite": "CA"}'
    with TestClient(app) as client:
        for content_type in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"):
            refused = client.post("/__sim__/identites", content=body, headers={"Content-Type": content_type})
            assert refused.status_code == 415, content_type
        assert client.post("/__sim__/identites", content=body, headers={"Content-Type": "application/json"}).status_code == 201


def test_every_response_forbids_framing_and_sniffing_and_the_cookie_is_samesite(app, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    with TestClient(app) as client:
        for response in (client.get("/"), client.get("/connexion"), client.get("/nulle-part"),
                         client.get("/static/sim.css"), client.get("/__sim__/health"),
                         client.post("/connexion", data={}, headers={"Origin": "http://evil.example"})):
            assert response.headers.get("x-frame-options") == "DENY", response.url
            assert "frame-ancestors 'none'" in response.headers.get("content-security-policy", ""), response.url
            assert response.headers.get("x-content-type-options") == "nosniff", response.url
        _account(client, smtp_sink, "d@example.org")
        client.post("/deconnexion")
        again = client.post("/connexion", data={"identifiant": "d@example.org", "mot_de_passe": "Abcdef1!x"})
        set_cookie = " ".join(r.headers.get("set-cookie", "") for r in [*again.history, again])
        assert "samesite=lax" in set_cookie.lower() and "httponly" in set_cookie.lower()
