"""Issue 14, accounts (pts 1, 3, 5, 6) over HTTP: no takeover through path b, argon2 off the event
loop and SQLite waiting for writers, sessions and links that end, login throttling and timing."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from starlette.testclient import TestClient

import fake_anef.accounts
from fake_anef.mail.sink import MailStore, _body, parse
from fake_anef.settings import Settings
from fake_anef.web.app import create_app

from .test_web_agent import AGENT, SEED

NUMERO = "7512345678"
IDENTITE = {"numero_etranger": NUMERO, "nom": "COLLINS", "prenom": "Marshall", "date_naissance": "1990-03-04",
            "pays_naissance": "CA", "nationalite": "CA"}
PATH_B = {"numero_etranger": NUMERO, "nom": "Collins", "prenom": "Marshall", "naissance_jour": "04",
          "naissance_mois": "3", "naissance_annee": "1990", "pays_naissance": "CA", "nationalite": "CA"}
PASSWORD = "Abcdef1!x"


@pytest.fixture
def app(tmp_path: Path, smtp_sink: tuple[MailStore, int]):  # type: ignore[no-untyped-def]
    return create_app(Settings(data_dir=tmp_path / "portail", smtp_port=smtp_sink[1], base_url="http://testserver",
                               seed_file=SEED))


@pytest.fixture
def client(app) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with TestClient(app) as c:
        yield c


def _mails(smtp_sink: tuple[MailStore, int], to: str) -> list[str]:
    return [_body(parse(m), "plain") for m in smtp_sink[0].all() if to in m.rcpt_tos]


def _link(mail: str) -> str:
    return re.search(r"http://testserver(/\S+\?token=\S+)", mail).group(1)  # type: ignore[union-attr]


def _active_account(client: TestClient, smtp_sink: tuple[MailStore, int], email: str = "owner@example.org") -> None:
    """Path b, then the link of the mail and a password: the numéro étranger's account is active."""
    client.post("/__sim__/identites", json=IDENTITE).raise_for_status()
    assert client.post("/compte/numero-etranger", data=PATH_B).url.path == "/compte/email"
    client.post("/compte/email", data={"email": email, "email_confirmation": email})
    link = _link(_mails(smtp_sink, email)[-1])
    assert "Votre compte a bien été créé." in client.post(link, data={"mot_de_passe": PASSWORD, "confirmation": PASSWORD}).text


def _logged_in(client: TestClient) -> bool:
    return client.get("/espace/situation").url.path != "/connexion"


# Pt 1: path b on an active account ---------------------------------------------------------------
def test_path_b_on_an_active_account_is_refused_as_path_c_and_changes_nothing(app, client, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    _active_account(client, smtp_sink)
    with TestClient(app) as attacker:
        refused = attacker.post("/compte/numero-etranger", data=PATH_B)
        assert refused.status_code == 422
        assert "Un compte existe déjà pour ce numéro étranger." in refused.text  # path c's words, nothing more
        assert attacker.get("/compte/email").url.path == "/connexion"  # no way on to the e-mail page
        attacker.post("/compte/email", data={"email": "evil@example.org", "email_confirmation": "evil@example.org"})
    assert _mails(smtp_sink, "evil@example.org") == []
    # the owner still logs in, and "Mot de passe oublié ?" still writes to the owner's address
    assert client.post("/connexion", data={"identifiant": NUMERO, "mot_de_passe": PASSWORD}).url.path == "/"
    client.post("/mot-de-passe-oublie", data={"identifiant": NUMERO})
    assert "mot de passe" in _mails(smtp_sink, "owner@example.org")[-1].lower()


def test_an_email_page_reached_before_activation_cannot_replace_the_email_after(app, client, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    client.post("/__sim__/identites", json=IDENTITE).raise_for_status()
    with TestClient(app) as attacker:
        assert attacker.post("/compte/numero-etranger", data=PATH_B).url.path == "/compte/email"
        assert client.post("/compte/numero-etranger", data=PATH_B).url.path == "/compte/email"
        client.post("/compte/email", data={"email": "owner@example.org", "email_confirmation": "owner@example.org"})
        client.post(_link(_mails(smtp_sink, "owner@example.org")[-1]), data={"mot_de_passe": PASSWORD, "confirmation": PASSWORD})
        late = attacker.post("/compte/email", data={"email": "evil@example.org", "email_confirmation": "evil@example.org"})
        assert late.status_code == 422 and "Un compte existe déjà pour ce numéro étranger." in late.text
    assert _mails(smtp_sink, "evil@example.org") == []
    assert client.post("/connexion", data={"identifiant": NUMERO, "mot_de_passe": PASSWORD}).url.path == "/"


# Pt 3: argon2 off the event loop, SQLite waits for writers -------------------------------------
class _RecordingHasher:
    """Wraps the argon2 hasher and notes whether each call ran on a thread with a running event loop."""

    def __init__(self, real: Any) -> None:
        self.real, self.on_loop = real, []

    def _note(self) -> None:
        try:
            asyncio.get_running_loop()
            self.on_loop.append(True)
        except RuntimeError:
            self.on_loop.append(False)

    def hash(self, password: str) -> str:
        self._note()
        return self.real.hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        self._note()
        return self.real.verify(password_hash, password)


def test_argon2_runs_in_a_worker_thread_never_on_the_event_loop(app, client, smtp_sink, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    recorder = _RecordingHasher(fake_anef.accounts._hasher)
    monkeypatch.setattr(fake_anef.accounts, "_hasher", recorder)
    with TestClient(app) as newcomer:  # path a: the temporary password is hashed
        newcomer.post("/demarches/premiere-demande", data={"email": "t@example.org", "email_confirmation": "t@example.org"})
    _active_account(client, smtp_sink)  # hashes the new password
    client.post("/connexion", data={"identifiant": NUMERO, "mot_de_passe": PASSWORD})  # verifies
    client.post("/connexion", data={"identifiant": "0000000000", "mot_de_passe": PASSWORD})  # unknown: dummy
    client.post("/agent/connexion", data=AGENT)
    assert len(recorder.on_loop) >= 4
    assert not any(recorder.on_loop), "argon2 ran on the event loop: every other request waits for it"


def test_sqlite_is_in_wal_mode_and_writers_wait_for_each_other(app, client) -> None:  # type: ignore[no-untyped-def]
    client.get("/")
    with app.state.portal.store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 30000


# Pt 5: sessions and links ------------------------------------------------------------------------
def test_logout_is_a_post_and_ends_copies_of_the_session_cookie(app, client, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    _active_account(client, smtp_sink)
    client.post("/connexion", data={"identifiant": NUMERO, "mot_de_passe": PASSWORD})
    page = client.get("/").text
    assert re.search(r'<form method="post" action="[^"]*/deconnexion"[^>]*><button type="submit"[^>]*>Se déconnecter</button>', page)
    with TestClient(app, cookies=dict(client.cookies)) as copy:
        assert _logged_in(copy)
        assert client.get("/deconnexion").status_code == 405  # a link or an image cannot log anyone out
        client.post("/deconnexion")
        assert not _logged_in(client)
        assert not _logged_in(copy), "a cookie copied before « Se déconnecter » still works"


def test_a_password_reset_ends_the_other_sessions(app, client, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    _active_account(client, smtp_sink)
    client.post("/connexion", data={"identifiant": NUMERO, "mot_de_passe": PASSWORD})
    with TestClient(app, cookies=dict(client.cookies)) as copy:
        assert _logged_in(copy)
        client.post("/mot-de-passe-oublie", data={"identifiant": NUMERO})
        link = _link(_mails(smtp_sink, "owner@example.org")[-1])
        client.post(link, data={"mot_de_passe": "Nouveau1!x", "confirmation": "Nouveau1!x"})
        assert not _logged_in(copy), "a session opened before the password change still works"
    assert client.post("/connexion", data={"identifiant": NUMERO, "mot_de_passe": "Nouveau1!x"}).url.path == "/"


def test_a_newer_reset_link_voids_the_older_and_using_one_voids_the_rest(client, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    _active_account(client, smtp_sink)
    for _ in range(3):
        client.post("/mot-de-passe-oublie", data={"identifiant": NUMERO})
    first, second, third = [_link(m) for m in _mails(smtp_sink, "owner@example.org")[-3:]]
    for older in (first, second):
        refused = client.get(older)
        assert refused.status_code == 410 and "un lien plus récent vous a été envoyé" in refused.text
        assert client.post(older, data={"mot_de_passe": "Ancien1!x", "confirmation": "Ancien1!x"}).status_code == 410
    assert client.post(third, data={"mot_de_passe": "Nouveau1!x", "confirmation": "Nouveau1!x"}).url.path == "/connexion"
    assert client.get(third).status_code == 410
    assert client.post("/connexion", data={"identifiant": NUMERO, "mot_de_passe": "Ancien1!x"}).status_code == 422


def test_agent_logout_is_a_post_and_ends_copies(app, client) -> None:  # type: ignore[no-untyped-def]
    client.post("/agent/connexion", data=AGENT)
    with TestClient(app, cookies=dict(client.cookies)) as copy:
        assert copy.get("/agent").url.path == "/agent"
        assert client.get("/agent/deconnexion").status_code == 405
        client.post("/agent/deconnexion")
        assert copy.get("/agent").url.path == "/agent/connexion"


# Pt 6: throttling and timing ---------------------------------------------------------------------
def test_five_wrong_passwords_then_the_right_one_waits_with_a_french_message(client, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    _active_account(client, smtp_sink)
    for _ in range(5):
        wrong = client.post("/connexion", data={"identifiant": NUMERO, "mot_de_passe": "Mauvais1!"})
        assert "Identifiant ou mot de passe incorrect" in wrong.text or wrong.status_code == 422
    locked = client.post("/connexion", data={"identifiant": NUMERO, "mot_de_passe": PASSWORD})
    assert locked.status_code == 422 and locked.url.path == "/connexion"
    assert "Trop de tentatives de connexion infructueuses pour cet identifiant." in locked.text
    assert re.search(r'id="err-identifiant"[^>]*>[^<]*Trop de tentatives', locked.text)  # next to the field
    # the same words for an identifiant nobody has: the refusal says nothing of who has an account
    for _ in range(5):
        client.post("/connexion", data={"identifiant": "9999999999", "mot_de_passe": "Mauvais1!"})
    assert "Trop de tentatives" in client.post("/connexion", data={"identifiant": "9999999999", "mot_de_passe": "x"}).text
    client.post("/__sim__/clock", json={"advance_hours": 0.26}).raise_for_status()  # 15 min later
    assert client.post("/connexion", data={"identifiant": NUMERO, "mot_de_passe": PASSWORD}).url.path == "/"


def test_agents_are_throttled_too(client) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        assert client.post("/agent/connexion", data={**AGENT, "mot_de_passe": "Mauvais1!"}).status_code == 422
    locked = client.post("/agent/connexion", data=AGENT)
    assert locked.status_code == 422 and "Trop de tentatives de connexion infructueuses" in locked.text
    assert client.get("/agent").url.path == "/agent/connexion"


def test_an_unknown_account_costs_one_argon2_verification_like_a_known_one(client, smtp_sink, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _active_account(client, smtp_sink)
    recorder = _RecordingHasher(fake_anef.accounts._hasher)
    monkeypatch.setattr(fake_anef.accounts, "_hasher", recorder)
    client.post("/connexion", data={"identifiant": NUMERO, "mot_de_passe": "Mauvais1!"})
    known = len(recorder.on_loop)
    client.post("/connexion", data={"identifiant": "0000000001", "mot_de_passe": "Mauvais1!"})
    client.post("/agent/connexion", data={"identifiant": "personne", "mot_de_passe": "Mauvais1!"})
    assert known == 1 and len(recorder.on_loop) == 3, "an unknown account answers without hashing: timing reveals it"
