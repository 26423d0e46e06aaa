"""Issue 19 pt 4: the portal on PostgreSQL (ANEF_DATABASE_URL), as a training room runs it. A few of
the HTTP tests that cover every table run again here against a real server, and two portals on
one database (as two workers are) share sessions, logouts and the clock. Skipped when
ANEF_TEST_POSTGRES_URL is unset; .ci/run sets it through scripts/postgres.sh."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.testclient import TestClient

from fake_anef.mail.sink import MailStore
from fake_anef.settings import Settings
from fake_anef.web.app import create_app

from .test_hardening_accounts import (  # noqa: F401  (collected again here, on PostgreSQL)
    client,
    test_five_wrong_passwords_then_the_right_one_waits_with_a_french_message,
    test_logout_is_a_post_and_ends_copies_of_the_session_cookie,
)
from .test_hardening_web import test_the_definitive_account_opens_its_justificatif_and_its_confirmation  # noqa: F401
from .test_requetes import test_a_step_page_loads_the_account_once_and_stays_a_few_statements  # noqa: F401
from .test_web_agent import SEED
from .test_web_demarche import _account
from .test_web_notifications import test_notifications_bell_list_paging_filter_and_opening  # noqa: F401

pytestmark = pytest.mark.postgres


def _settings(tmp_path: Path, postgres_url: str, smtp_port: int, name: str = "portail") -> Settings:
    return Settings(data_dir=tmp_path / name, smtp_port=smtp_port, base_url="http://testserver",
                    seed_file=SEED, database_url=postgres_url)


@pytest.fixture
def app(tmp_path: Path, smtp_sink: tuple[MailStore, int], postgres_url: str):  # type: ignore[no-untyped-def]
    return create_app(_settings(tmp_path, postgres_url, smtp_sink[1]))


def test_the_portal_really_is_on_postgresql(app) -> None:  # type: ignore[no-untyped-def]
    assert app.state.portal.store.engine.dialect.name == "postgresql"


def test_two_portals_on_one_database_share_sessions_logouts_and_the_clock(
        tmp_path: Path, smtp_sink: tuple[MailStore, int], postgres_url: str) -> None:
    """What two workers of `anef serve --workers 2` do: each its own process state, one database."""
    first = create_app(_settings(tmp_path, postgres_url, smtp_sink[1], "premier"))
    second = create_app(_settings(tmp_path, postgres_url, smtp_sink[1], "second"))
    with TestClient(first) as one:
        _account(one, smtp_sink, "awa@example.org")
        assert "Se déconnecter" in one.get("/").text
        with TestClient(second, cookies=dict(one.cookies)) as other:
            assert "Se déconnecter" in other.get("/").text, "a session opened by one worker is honoured by the other"
            before = other.get("/__sim__/health").json()["now"]
            one.post("/__sim__/clock", json={"advance_hours": 48}).raise_for_status()
            after = other.get("/__sim__/health").json()["now"]
            assert after[:10] > before[:10], f"the clock moved by one worker, seen by the other: {before} → {after}"
            other.post("/deconnexion")
            assert "Se déconnecter" not in one.get("/").text, "a logout in one worker ends the session in the other"


def test_values_longer_than_their_column_are_refused_not_a_500(app, smtp_sink: tuple[MailStore, int]) -> None:  # type: ignore[no-untyped-def]
    """SQLite stores any length; PostgreSQL refuses a value longer than its column. The portal
    bounds every value before it is stored, so a long value is a French message, never a 500."""
    long = "x" * 400
    with TestClient(app) as client:
        assert client.post("/connexion", data={"identifiant": long, "mot_de_passe": long}).status_code == 422
        assert client.post("/agent/connexion", data={"identifiant": long, "mot_de_passe": long}).status_code < 500
        assert client.post("/mot-de-passe-oublie", data={"identifiant": long}).status_code < 500
        created = client.post("/demarches/premiere-demande", data={"email": f"{long}@example.org",
                                                                  "email_confirmation": f"{long}@example.org"})
        assert created.status_code < 500
        _account(client, smtp_sink, "awa@example.org")
        client.post("/demarches/premiere-demande", data={"motif": "attaches-familiales"})
        step = client.post("/teleprocedures/vpf-enfant-de-francais/etapes/situation",
                           data={"situation": "famille-francais", "situation_famille": "enfant"})
        page = client.post(step.url.path, data={"nom": long, "prenoms-0": long})
        assert page.status_code == 422 and "x" * 400 in page.text, "refused next to the field, the value kept"
