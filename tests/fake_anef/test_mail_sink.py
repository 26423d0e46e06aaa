"""The bundled SMTP sink: what the portal sends is kept and served by the read API."""

from __future__ import annotations

import email
import smtplib
import threading
import time
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
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


# Issue 14 pt 8 and issue 19 pt 3: odd mails and odd queries ---------------------------------
UNKNOWN_CHARSET = (
    b"From: portail@example.org\r\nTo: awa@example.org\r\nSubject: Charset inconnu\r\n"
    b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"x-inconnu-42\"\r\n"
    b"Content-Transfer-Encoding: 8bit\r\n\r\nBonjour \xe9\xff Awa\r\n"
)
RFC2231_NAME = (
    b"From: portail@example.org\r\nTo: awa@example.org\r\nSubject: Piece\r\nMIME-Version: 1.0\r\n"
    b"Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    b"Voir la piece.\r\n--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
    b"Content-Disposition: attachment; filename*=utf-8''%D0%B4%D0%BE%D0%BA%D1%83%D0%BC%D0%B5%D0%BD%D1%82-%E6%96%87.pdf\r\n"
    b"\r\nJVBERi0xLjQ=\r\n--b--\r\n"
)


def test_a_mail_in_an_unknown_charset_does_not_break_the_search(mail_store: MailStore) -> None:
    bad = mail_store.add("portail@example.org", ["awa@example.org"], UNKNOWN_CHARSET)
    mail_store.add("portail@example.org", ["jean@example.org"], _raw("jean@example.org", "Bonjour Jean"))
    client = TestClient(create_api(mail_store))
    found = client.get("/api/messages", params={"contains": "bonjour"})
    assert found.status_code == 200
    assert [m["to"] for m in found.json()["messages"]] == [["awa@example.org"], ["jean@example.org"]]
    assert client.get("/api/messages", params={"contains": "jean"}).json()["messages"][0]["to"] == ["jean@example.org"]
    shown = client.get(f"/api/messages/{bad}")
    assert shown.status_code == 200 and "Bonjour" in shown.json()["text"] and "Awa" in shown.json()["text"]


def test_a_non_latin1_rfc2231_attachment_name_is_served(mail_store: MailStore) -> None:
    message_id = mail_store.add("portail@example.org", ["awa@example.org"], RFC2231_NAME)
    client = TestClient(create_api(mail_store))
    listed = client.get(f"/api/messages/{message_id}").json()["attachments"]
    assert listed[0]["filename"] == "документ-文.pdf"
    served = client.get(f"/api/messages/{message_id}/attachments/0")
    assert served.status_code == 200 and served.content == b"%PDF-1.4"
    disposition = served.headers["content-disposition"]
    assert disposition.startswith("attachment;") and "filename*=UTF-8''%D0%B4%D0%BE" in disposition


@pytest.mark.parametrize("query", [{"after": "abc"}, {"wait": "abc"}, {"wait": "nan"}, {"wait": "inf"},
                                   {"wait": "-inf"}, {"after": "1.5"}])
def test_bad_list_parameters_are_refused_with_a_message(mail_store: MailStore, query: dict[str, str]) -> None:
    response = TestClient(create_api(mail_store)).get("/api/messages", params=query)
    assert response.status_code == 400
    assert list(query)[0] in response.json()["error"]


def test_a_negative_wait_answers_at_once_and_a_huge_one_is_clamped(mail_store: MailStore) -> None:
    client = TestClient(create_api(mail_store))
    started = time.monotonic()
    assert client.get("/api/messages", params={"wait": "-5"}).json() == {"messages": []}
    assert time.monotonic() - started < 2
    mail_store.add("portail@example.org", ["awa@example.org"], _raw("awa@example.org", "Bonjour"))
    assert len(client.get("/api/messages", params={"wait": "1e300"}).json()["messages"]) == 1


def test_closing_ends_a_long_poll_at_once(mail_store: MailStore) -> None:
    app = create_api(mail_store)
    client = TestClient(app)
    timer = threading.Timer(0.3, app.state.closing.set)
    timer.start()
    started = time.monotonic()
    assert client.get("/api/messages", params={"to": "personne@example.org", "wait": "60"}).json() == {"messages": []}
    assert time.monotonic() - started < 5
    timer.join()


def test_a_poll_reads_the_indexed_fields_and_parses_no_stored_mail(mail_store: MailStore,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(30):
        mail_store.add("portail@example.org", [f"p{i}@example.org"], _raw(f"p{i}@example.org", f"Bonjour n°{i} 100%_"))

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("a poll parsed a stored mail")

    monkeypatch.setattr(email, "message_from_bytes", no_parsing)
    client = TestClient(create_api(mail_store))
    found = client.get("/api/messages", params={"to": "P7@example.org", "contains": "N°7 100%_", "subject": "ESSAI"})
    assert [m["to"] for m in found.json()["messages"]] == [["p7@example.org"]]
    assert client.get("/api/messages", params={"contains": "n°7 1000"}).json()["messages"] == []
    assert len(client.get("/api/messages", params={"after": 25}).json()["messages"]) == 5


def test_a_huge_message_id_is_not_found(mail_store: MailStore) -> None:
    client = TestClient(create_api(mail_store))
    assert client.get("/api/messages/99999999999999999999").status_code == 404
    assert client.get("/api/messages/99999999999999999999/attachments/0").status_code == 404


def test_a_sink_database_from_before_the_index_is_upgraded(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ancien.db'}"
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE message (id INTEGER PRIMARY KEY, received_at DATETIME, "
                                "mail_from VARCHAR(320), rcpt_tos JSON, subject VARCHAR(500), raw BLOB)"))
        connection.execute(text("INSERT INTO message VALUES (1, '2026-01-01 10:00:00', 'p@example.org', "
                                "'[\"awa@example.org\"]', 'Essai', :raw)"), {"raw": _raw("awa@example.org", "Ancien")})
    engine.dispose()
    client = TestClient(create_api(MailStore(url)))
    found = client.get("/api/messages", params={"to": "awa@example.org", "contains": "ancien"}).json()["messages"]
    assert [m["id"] for m in found] == [1]


def _raw(to: str, body: str) -> bytes:
    message = EmailMessage()
    message["From"] = "portail@example.org"
    message["To"] = to
    message["Subject"] = "Essai"
    message.set_content(body)
    return bytes(message)
