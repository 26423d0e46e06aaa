"""Issue 19 pt 3: a connected applicant's page costs a few cheap statements. The account is
loaded once per request (the page, its header and its bell all use it) and the bell is one
statement; a regression brings back one look-up per helper, seen here as a count of SQL."""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from html import unescape
from pathlib import Path

import pytest
from sqlalchemy import event
from starlette.testclient import TestClient

from fake_anef.clock import Clock
from fake_anef.mail.sink import MailStore
from fake_anef.settings import Settings
from fake_anef.store import Store
from fake_anef.web.app import create_app

from .test_hardening_web import _deposit, app  # noqa: F401  (the fixture)
from .test_web_demarche import BASE, _account

MAX_STATEMENTS_STEP_PAGE = 8


@contextmanager
def statements(app) -> Iterator[list[str]]:  # type: ignore[no-untyped-def]
    """Every SQL statement the portal runs meanwhile (SQLAlchemy's cursor event)."""
    engine = app.state.portal.store.engine
    seen: list[str] = []

    def record(_conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        seen.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def _account_lookups(seen: list[str]) -> list[str]:
    return [q for q in seen if re.match(r"SELECT .* FROM compte\b", q)]


def test_a_step_page_loads_the_account_once_and_stays_a_few_statements(app, smtp_sink: tuple[MailStore, int]) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with TestClient(app) as client:
        _account(client, smtp_sink, "awa@example.org")
        page = client.post("/demarches/premiere-demande", data={"motif": "attaches-familiales"})
        assert page.url.path == f"{BASE}/etapes/situation"
        with statements(app) as seen:
            again = client.get(page.url.path)
        assert again.status_code == 200 and "Se déconnecter" in again.text
        assert len(_account_lookups(seen)) == 1, f"account look-ups in one request: {_account_lookups(seen)}"
        assert len(seen) <= MAX_STATEMENTS_STEP_PAGE, f"{len(seen)} statements for one step page: {seen}"


def test_the_bell_counts_unread_notifications_in_one_statement(app, smtp_sink: tuple[MailStore, int]) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with TestClient(app) as client:
        numero = _deposit(client, smtp_sink)
        client.post(f"/__sim__/demandes/{numero}/instruction").raise_for_status()
        client.post(f"/__sim__/demandes/{numero}/complement", json={
            "motifs": {"domicile": "illisible"}, "observations": "Copie lisible"}).raise_for_status()
        with statements(app) as seen:
            home = client.get("/")
        bell = [q for q in seen if "FROM notification" in q]
        assert len(bell) == 1, f"the bell's statements: {bell}"
        assert "Notifications non lues : 1" in unescape(home.text)
        assert len(_account_lookups(seen)) == 1


def test_logging_out_shows_the_next_page_without_the_account(app, smtp_sink: tuple[MailStore, int]) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with TestClient(app) as client:
        _account(client, smtp_sink, "awa@example.org")
        assert "Se déconnecter" in client.get("/").text
        after = client.post("/deconnexion")
        assert "Se déconnecter" not in after.text


# What is kept to make pages cheap never outlives its request: another worker process (a second app
# on the same database, as `anef serve --workers 2` runs) sees every change at once.
def _second_worker(app):  # type: ignore[no-untyped-def]
    settings = app.state.portal.settings
    return create_app(Settings(data_dir=settings.data_dir, smtp_port=settings.smtp_port, base_url=settings.base_url))


def _bell(page: str) -> str:
    return re.search(r"Notifications non lues : \d+", unescape(page)).group(0)  # type: ignore[union-attr]


def test_the_bell_shows_a_notification_sent_after_the_last_page_on_every_worker(app, smtp_sink: tuple[MailStore, int]) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with TestClient(app) as client, TestClient(_second_worker(app)) as other:
        numero = _deposit(client, smtp_sink)
        client.post(f"/__sim__/demandes/{numero}/instruction").raise_for_status()
        other.cookies = client.cookies  # the same browser, its next page served by the other worker
        assert _bell(client.get("/").text) == _bell(other.get("/").text) == "Notifications non lues : 0"
        client.post(f"/__sim__/demandes/{numero}/complement", json={
            "motifs": {"domicile": "illisible"}, "observations": "Copie lisible"}).raise_for_status()
        assert _bell(other.get("/").text) == "Notifications non lues : 1"
        assert _bell(client.get("/").text) == "Notifications non lues : 1"


def test_a_logout_ends_the_session_on_every_worker_at_once(app, smtp_sink: tuple[MailStore, int]) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with TestClient(app) as client, TestClient(_second_worker(app)) as other:
        _account(client, smtp_sink, "awa@example.org")
        other.cookies = client.cookies  # a copy of the cookie
        assert "Se déconnecter" in other.get("/").text
        client.post("/deconnexion")
        assert "Se déconnecter" not in other.get("/").text


def test_the_clock_read_once_per_request_follows_a_shift_at_once(app) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with TestClient(app) as client, TestClient(_second_worker(app)) as other:
        assert client.get("/__sim__/clock").json()["offset_seconds"] == 0
        shifted = client.post("/__sim__/clock", json={"advance_hours": 48}).json()  # read, then written, in one request
        assert shifted["offset_seconds"] == 48 * 3600
        assert client.get("/__sim__/clock").json()["offset_seconds"] == 48 * 3600
        assert other.get("/__sim__/clock").json()["offset_seconds"] == 48 * 3600
        other.delete("/__sim__/clock")
        assert client.get("/__sim__/clock").json()["offset_seconds"] == 0
        # written by another process, behind this one's back
        Clock(Store(app.state.portal.settings.db_url)).set_offset(timedelta(hours=-3))
        assert client.get("/__sim__/clock").json()["offset_seconds"] == -3 * 3600


def test_url_for_gives_the_links_starlette_gives(app) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """routing.IndexedRouter keeps the route of a name: the URLs are still those of Starlette's scan,
    whatever the parameters' values and the host the portal is reached by."""
    from starlette.routing import Router

    plain = Router(app.router.routes)
    for name, params in (("demarche_etape", {"procedure": "ase", "etape": "depot"}),
                         ("demarche_etape", {"procedure": "vpf-enfant-de-francais", "etape": "situation"}),
                         ("notification", {"id": 7}), ("notification", {"id": 12}),
                         ("static", {"path": "sim.css"}), ("accueil", {})):
        for _ in range(2):  # the second time from what was kept
            assert app.router.url_path_for(name, **params) == plain.url_path_for(name, **params)
    with TestClient(app) as client:
        for host in ("testserver", "127.0.0.1:8123"):
            page = client.get("/", headers={"host": host}).text
            assert re.search(rf'href="http://{re.escape(host)}/static/sim\.css\?v=[0-9a-f]{{12}}"', page), page[:800]


def test_static_files_linked_with_their_version_are_kept_by_the_browser(app) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with TestClient(app) as client:
        link = re.search(r'href="([^"]*/static/sim\.css\?v=[^"]+)"', client.get("/").text).group(1)  # type: ignore[union-attr]
        kept = client.get(link)
        assert kept.status_code == 200 and kept.text == client.get("/static/sim.css").text
        assert kept.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert "cache-control" not in client.get("/static/sim.css").headers  # unversioned: revalidated as before
        assert client.get("/static/absent.css?v=0").status_code == 404


def test_logins_at_once_hash_a_bounded_number_at_a_time_and_all_succeed(app, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """security._bounded: five clients logging in together never run more argon2 hashes at once than
    the slots (here 2), so the event loop keeps a core; each login still succeeds."""
    import asyncio
    import threading

    import httpx

    import fake_anef.accounts
    from fake_anef import security

    class Counting:
        def __init__(self, real, expected: int) -> None:  # type: ignore[no-untyped-def]
            self.real, self.expected, self.changed = real, expected, threading.Condition()
            self.now = self.peak = self.arrived = 0

        def verify(self, password_hash: str, password: str) -> bool:
            """Each check waits for a second one beside it, then gives a third a moment to come in: the
            count does not depend on the machine's speed (no login is left to come once all arrived)."""
            with self.changed:
                self.now += 1
                self.arrived += 1
                self.peak = max(self.peak, self.now)
                self.changed.notify_all()
                everyone = lambda: self.arrived == self.expected  # noqa: E731
                self.changed.wait_for(lambda: self.now >= 2 or everyone(), timeout=10)
                self.changed.wait_for(lambda: self.now >= 3 or everyone(), timeout=0.3)
            try:
                return self.real.verify(password_hash, password)
            finally:
                with self.changed:
                    self.now -= 1

    emails = [f"u{i}@example.org" for i in range(5)]
    counting = Counting(fake_anef.accounts._hasher, len(emails))

    async def run() -> list[int]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
            for email in emails:
                (await client.post("/__sim__/comptes", json={"email": email, "mot_de_passe": "Abcdef1!x"})).raise_for_status()
            monkeypatch.setattr(fake_anef.accounts, "_hasher", counting)
            monkeypatch.setattr(security, "_hashing", threading.BoundedSemaphore(2))
            monkeypatch.setattr(security, "HASHING_AT_ONCE", 2)
            return list(await asyncio.gather(*(login(email) for email in emails)))

    async def login(email: str) -> int:  # a client of its own: its own session cookie
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
            return (await client.post("/connexion", data={"identifiant": email, "mot_de_passe": "Abcdef1!x"})).status_code

    assert asyncio.run(run()) == [303] * 5
    assert counting.peak == 2, f"{counting.peak} argon2 hashes at once"


def test_downloaded_pdfs_are_drawn_off_the_event_loop(app, smtp_sink: tuple[MailStore, int], monkeypatch) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """The confirmation de dépôt and the list of pièces (tens of ms of drawing each) are drawn in a
    worker thread: the other pages are served meanwhile. The files are still the same PDFs."""
    import asyncio

    from fake_anef.web import demarche

    on_loop: list[bool] = []

    def recorded(work):  # type: ignore[no-untyped-def]
        def drawing(*args, **kwargs):  # type: ignore[no-untyped-def]
            try:
                asyncio.get_running_loop()
                on_loop.append(True)
            except RuntimeError:
                on_loop.append(False)
            return work(*args, **kwargs)
        return drawing

    monkeypatch.setattr(demarche, "confirmation_pdf", recorded(demarche.confirmation_pdf))
    monkeypatch.setattr(demarche, "liste_pieces_pdf", recorded(demarche.liste_pieces_pdf))
    with TestClient(app) as client:
        _deposit(client, smtp_sink)
        liste = client.get(f"{BASE}/liste-des-pieces-justificatives.pdf")
        confirmation = client.get(f"{BASE}/confirmation-depot.pdf")
    assert liste.content.startswith(b"%PDF") and confirmation.content.startswith(b"%PDF")
    assert on_loop == [False, False], f"drawn on the event loop: {on_loop}"


def test_the_depot_mail_and_the_attestations_are_drawn_off_the_event_loop(tmp_path: Path, smtp_sink: tuple[MailStore, int],  # noqa: F811
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The confirmation attached to the dépôt's mail and an attestation (drawn and its 2D-DOC signed
    at its first download) are drawn in a worker thread too; the mail still carries its PDF and
    the attestation downloaded is a PDF."""
    import asyncio

    from fake_anef import attestations
    from fake_anef.web import demarche_post

    from .test_web_agent import SEED
    from .test_web_agent import _deposit as deposit_first
    from .test_web_demarche import _body, _mails

    on_loop: list[tuple[str, bool]] = []

    def recorded(name: str, work):  # type: ignore[no-untyped-def]
        def drawing(*args, **kwargs):  # type: ignore[no-untyped-def]
            try:
                asyncio.get_running_loop()
                on_loop.append((name, True))
            except RuntimeError:
                on_loop.append((name, False))
            return work(*args, **kwargs)
        return drawing

    monkeypatch.setattr(demarche_post, "confirmation_pdf", recorded("confirmation", demarche_post.confirmation_pdf))
    monkeypatch.setattr(attestations, "attestation_pdf", recorded("attestation", attestations.attestation_pdf))
    app = create_app(Settings(data_dir=tmp_path / "portail", smtp_port=smtp_sink[1], base_url="http://testserver",
                              seed_file=SEED))
    with TestClient(app) as client:
        numero = deposit_first(client, smtp_sink)
        client.post(f"/__sim__/demandes/{numero}/instruction").raise_for_status()
        client.post(f"/__sim__/demandes/{numero}/decision",
                    json={"date_debut": "2027-01-18", "date_fin": "2028-01-17", "taxe": "225"}).raise_for_status()
        [decision_id] = {int(x) for x in re.findall(r'/espace/notifications/(\d+)">[^<]*Notification de décision',
                                                    client.get("/espace/notifications").text)}
        download = client.get(f"/espace/notifications/{decision_id}/document")
    assert download.content.startswith(b"%PDF")
    [mail] = [m for m in _mails(smtp_sink, "awa@example.org") if "bien été enregistrée" in _body(m, "plain")]
    [attached] = [part.get_payload(decode=True) for part in mail.iter_attachments()]
    assert attached.startswith(b"%PDF")
    assert on_loop == [("confirmation", False), ("attestation", False)], f"drawn on the event loop: {on_loop}"


@pytest.mark.skipif(sys.platform == "win32", reason="fcntl: the bound across processes is POSIX only")
def test_a_hashing_slot_taken_by_another_worker_process_is_waited_for(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`anef serve --workers N`: the processes share HASHING_AT_ONCE slots (lock files in the data
    folder), so N workers do not hash N times as much at once."""
    import subprocess
    import textwrap

    from fake_anef import security

    monkeypatch.setattr(security, "HASHING_AT_ONCE", 1)
    monkeypatch.setattr(security, "_slots", None)
    security.share_hashing_slots(tmp_path / "argon2")
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import fcntl, time
        with open({str(tmp_path / "argon2" / "argon2-0.lock")!r}, "a") as f:
            fcntl.flock(f, fcntl.LOCK_EX)
            print("held", flush=True)
            time.sleep(0.5)
        """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        held_at = time.monotonic()
        started = security._bounded(time.monotonic)
    finally:
        holder.wait(10)
    assert started - held_at >= 0.4, "hashed while another worker process held the only slot"
