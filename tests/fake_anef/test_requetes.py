"""Issue 19 pt 3: a connected applicant's page costs a few cheap statements. The account is
loaded once per request (the page, its header and its bell all use it) and the bell is one
statement; a regression brings back one look-up per helper, seen here as a count of SQL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from html import unescape

from sqlalchemy import event
from starlette.testclient import TestClient

from fake_anef.mail.sink import MailStore

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
