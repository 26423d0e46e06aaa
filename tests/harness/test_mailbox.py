"""The mailbox instrument reads what a person reads in a mail, and says so when it is not there."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

import pytest
import uvicorn

from fake_anef.mail.sink import MailStore, create_api
from harness.mailbox import Mail, Mailbox, MailNotReceived
from tests.conftest import free_port

TEXT = (
    "Bonjour,\n\nVoici vos identifiants de connexion :\n\nIdentifiant : awa@example.org\n\n"
    "Mot de passe provisoire : )JYHkKgwH3a7\n\nPour accéder à la télé-procédure, vous pouvez cliquer sur le lien suivant :\n\n"
    "Se connecter : http://127.0.0.1:8000/connexion\n\nAutre : https://exemple.test/a?token=x_y-z\n"
)


def _mail(text: str = TEXT) -> Mail:
    return Mail(id=1, subject="s", to=["awa@example.org"], text=text, html="", attachments=[])


def test_reads_identifiant_password_and_links() -> None:
    mail = _mail()
    assert mail.identifiant() == "awa@example.org"
    assert mail.temporary_password() == ")JYHkKgwH3a7"
    assert mail.link("Se connecter") == "http://127.0.0.1:8000/connexion"
    assert mail.links() == ["http://127.0.0.1:8000/connexion", "https://exemple.test/a?token=x_y-z"]


@pytest.mark.parametrize("method", ["identifiant", "temporary_password", "link"])
def test_says_what_is_missing(method: str) -> None:
    with pytest.raises(AssertionError):
        getattr(_mail("Bonjour, rien ici."), method)()


@pytest.fixture
def served_sink(smtp_sink: tuple[MailStore, int]):  # type: ignore[no-untyped-def]
    import threading

    store, smtp_port = smtp_sink
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_api(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    box = Mailbox(f"http://127.0.0.1:{port}", timeout=10)
    import httpx

    # The server thread needs a moment to bind: the transport's retries wait for it.
    with httpx.Client(transport=httpx.HTTPTransport(retries=5)) as client:
        client.get(f"http://127.0.0.1:{port}/api/health")
    yield box, smtp_port
    server.should_exit = True
    thread.join(timeout=10)
    box.close()


def _send(port: int, to: str, body: str) -> None:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "p@example.org", to, "Essai"
    message.set_content(body)
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        smtp.send_message(message)


def test_waits_for_the_mail_to_its_recipient(served_sink) -> None:  # type: ignore[no-untyped-def]
    box, smtp_port = served_sink
    _send(smtp_port, "other@example.org", "Mot de passe provisoire : nope")
    _send(smtp_port, "awa@example.org", TEXT)
    mail = box.wait_for("awa@example.org", contains="Mot de passe provisoire")
    assert mail.temporary_password() == ")JYHkKgwH3a7"
    with pytest.raises(MailNotReceived):
        box.wait_for("awa@example.org", contains="jamais écrit", timeout=0.5)
    with pytest.raises(MailNotReceived):
        box.wait_for("awa@example.org", after=box.last_id(), timeout=0.5)
