"""The bundled SMTP sink: what the portal sends is kept and served by the read API."""

from __future__ import annotations

import smtplib
import threading
from email.message import EmailMessage

from starlette.testclient import TestClient

from fake_anef.mail.sender import MailSender, render
from fake_anef.mail.sink import MailStore, create_api


def _send(port: int, to: str, body: str, attachment: bytes | None = None) -> None:
    message = EmailMessage()
    message["From"] = "portail@example.org"
    message["To"] = to
    message["Subject"] = "Essai"
    message.set_content(body)
    if attachment:
        message.add_attachment(attachment, maintype="application", subtype="pdf", filename="preuve.pdf")
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        smtp.send_message(message)


def test_messages_are_stored_filtered_and_served(smtp_sink: tuple[MailStore, int]) -> None:
    store, port = smtp_sink
    _send(port, "awa@example.org", "Bonjour Awa", attachment=b"%PDF-1.4 test")
    _send(port, "jean@example.org", "Bonjour Jean")
    client = TestClient(create_api(store))
    everything = client.get("/api/messages").json()["messages"]
    assert [m["to"] for m in everything] == [["awa@example.org"], ["jean@example.org"]]
    only_awa = client.get("/api/messages", params={"to": "AWA@example.org"}).json()["messages"]
    assert len(only_awa) == 1
    assert client.get("/api/messages", params={"contains": "jean"}).json()["messages"][0]["to"] == ["jean@example.org"]
    detail = client.get(f"/api/messages/{only_awa[0]['id']}").json()
    assert detail["text"].strip() == "Bonjour Awa"
    assert detail["attachments"][0]["filename"] == "preuve.pdf"
    assert client.get(f"/api/messages/{detail['id']}/attachments/0").content == b"%PDF-1.4 test"
    assert client.get(f"/api/messages/{detail['id']}/attachments/1").status_code == 404
    assert client.delete(f"/api/messages/{detail['id']}").status_code == 204
    assert len(client.get("/api/messages").json()["messages"]) == 1
    client.delete("/api/messages")
    assert client.get("/api/messages").json()["messages"] == []


def test_messages_survive_a_restart_of_the_sink(smtp_sink: tuple[MailStore, int]) -> None:
    store, port = smtp_sink
    _send(port, "awa@example.org", "Bonjour")
    reopened = MailStore(str(store.engine.url))
    assert [m.rcpt_tos for m in reopened.all()] == [["awa@example.org"]]


def test_wait_returns_as_soon_as_a_matching_mail_arrives(smtp_sink: tuple[MailStore, int]) -> None:
    store, port = smtp_sink
    client = TestClient(create_api(store))
    sender = threading.Thread(target=_send, args=(port, "late@example.org", "Enfin"))
    sender.start()
    found = client.get("/api/messages", params={"to": "late@example.org", "wait": 20}).json()["messages"]
    sender.join()
    assert len(found) == 1
    assert client.get("/api/messages", params={"to": "nobody@example.org", "wait": 0.3}).json()["messages"] == []


def test_the_portal_sender_writes_the_guide_text_and_a_link(smtp_sink: tuple[MailStore, int]) -> None:
    store, port = smtp_sink
    MailSender("127.0.0.1", port, "portail@example.org").send(
        "awa@example.org", "compte_temporaire", identifiant="awa@example.org", mot_de_passe="Ab1!Ab1!Ab1!",
        lien="http://127.0.0.1:1/connexion",
    )
    detail = TestClient(create_api(store)).get("/api/messages/1").json()
    assert "Un compte d'accès temporaire a été créé afin de vous permettre de poursuivre votre demande." in detail["text"]
    assert "Mot de passe provisoire : Ab1!Ab1!Ab1!" in detail["text"]
    assert "Se connecter : http://127.0.0.1:1/connexion" in detail["text"]
    assert '<a href="http://127.0.0.1:1/connexion">Se connecter</a>' in detail["html"]
    assert detail["text"].rstrip().endswith("Ce message est généré automatiquement, merci de ne pas y répondre.")


def test_render_escapes_html_in_values() -> None:
    _, html = render("Bonjour <script>alert(1)</script>")
    assert "<script>" not in html and "&lt;script&gt;" in html
