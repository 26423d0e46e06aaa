"""Fixtures for the unit tests of the portal and the harness (no browser)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from fake_anef.mail.sink import MailStore, start_smtp


@pytest.fixture(autouse=True, scope="session")
def cheap_argon2() -> Iterator[None]:
    """The portals these tests run in their own process hash passwords at argon2's lowest cost
    (1 pass, 8 KiB) instead of OWASP's (2 passes, 19 MiB, tens of ms of CPU each): some 600 hashes
    and verifications, about 14 s of CPU on a 2-core machine. Hashing and its checks stay argon2's
    (a wrong password is still refused); what the cost protects is no test's subject. The portals
    started as processes (the browser tests', the features', the deployment run's) keep the real cost."""
    from argon2 import PasswordHasher

    from fake_anef import accounts, security

    cheap = {"time_cost": 1, "memory_cost": 8, "parallelism": 1}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "_hasher", PasswordHasher(**cheap))
        for key, value in cheap.items():
            patch.setitem(accounts.HASH_PARAMETERS, key, value)  # the dummy hash of unknown accounts too
        security._dummy_hash.cache_clear()
        yield
    security._dummy_hash.cache_clear()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def mail_store(tmp_path: Path) -> MailStore:
    return MailStore(f"sqlite:///{tmp_path / 'mail.db'}")


@pytest.fixture
def smtp_sink(mail_store: MailStore) -> Iterator[tuple[MailStore, int]]:
    port = free_port()
    controller = start_smtp(mail_store, "127.0.0.1", port)
    yield mail_store, port
    controller.stop()


@pytest.fixture
def postgres_url() -> str:
    """The PostgreSQL database of the tests marked `postgres` (scripts/postgres.sh starts one and
    sets ANEF_TEST_POSTGRES_URL), emptied first: each test starts from no tables."""
    import os

    url = os.environ.get("ANEF_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("no PostgreSQL server: ANEF_TEST_POSTGRES_URL is unset (run under scripts/postgres.sh)")
    from fake_anef.store import Base, Store

    store = Store(url)
    Base.metadata.drop_all(store.engine)
    store.engine.dispose()
    return url


@pytest.fixture
def pytester(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """pytest's own, its inner runs not taken for workers of this run's pytest-xdist (`make test` runs
    tests/ in two workers): an inner run writes reports/accessibilite.json, not accessibilite-gw0.json."""
    for name in ("PYTEST_XDIST_WORKER", "PYTEST_XDIST_WORKER_COUNT", "PYTEST_XDIST_TESTRUNUID"):
        monkeypatch.delenv(name, raising=False)
    return pytester
