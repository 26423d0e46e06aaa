"""The bundled portal in-process over HTTP (Starlette's TestClient), for property tests: fast, no
browser. `make_portal(faults=...)` starts one with rules broken on purpose, to show the properties
fail when the portal breaks a rule; `applicants`: the few applicants a module needs on its portal."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from starlette.testclient import TestClient

from fake_anef.mail.sink import MailStore, _body, parse, start_smtp
from fake_anef.portal import Portal
from fake_anef.settings import Settings
from fake_anef.web.app import create_app
from tests.conftest import free_port


class PortalClient:
    """A TestClient on a fresh portal, with its own SMTP sink and a few journeys over HTTP."""

    def __init__(self, client: TestClient, mails: MailStore, stack: ExitStack | None = None) -> None:
        self.http = client
        self.mails = mails
        self._n = 0
        self._stack = stack
        self._open: set[TestClient] = set()

    @property
    def portal(self) -> Portal:
        """The running portal (its clock gives the day the portal lives in)."""
        return self.http.app.state.portal  # type: ignore[attr-defined]

    def new_client(self) -> TestClient:
        """Another browser on the same portal: its own cookies; closed by close_client or with the portal."""
        assert self._stack is not None
        client = TestClient(self.http.app)
        client.__enter__()
        self._open.add(client)
        self._stack.callback(self.close_client, client)
        return client

    def close_client(self, client: TestClient) -> None:
        if client in self._open:
            self._open.discard(client)
            client.__exit__(None, None, None)

    def new_email(self) -> str:
        self._n += 1
        return f"prop{self._n}@example.org"

    def last_mail_to(self, email: str) -> str:
        found = [m for m in self.mails.all() if email.lower() in m.rcpt_tos]
        assert found, f"no mail to {email}"
        return _body(parse(found[-1]), "plain")

    def temporary_account(self) -> str:
        """Path a up to the forced reset page; returns the e-mail (the identifiant)."""
        email = self.new_email()
        self.http.cookies.clear()
        self.http.post("/demarches/premiere-demande", data={"email": email, "email_confirmation": email})
        temporary = re.search(r"Mot de passe provisoire : (\S+)", self.last_mail_to(email)).group(1)  # type: ignore[union-attr]
        page = self.http.post("/connexion", data={"identifiant": email, "mot_de_passe": temporary})
        assert "Réinitialisation du mot de passe" in page.text
        return email


@pytest.fixture(scope="module")
def make_portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., PortalClient]]:
    with ExitStack() as stack:

        def make(faults: frozenset[str] = frozenset()) -> PortalClient:
            folder: Path = tmp_path_factory.mktemp("portail")
            mails = MailStore(f"sqlite:///{folder / 'mail.db'}")
            port = free_port()
            controller = start_smtp(mails, "127.0.0.1", port)
            stack.callback(controller.stop)
            settings = Settings(data_dir=folder, smtp_port=port, base_url="http://testserver", faults=faults)
            client = stack.enter_context(TestClient(create_app(settings)))
            return PortalClient(client, mails, stack)

        yield make


@pytest.fixture(scope="module")
def portal(make_portal: Callable[..., PortalClient]) -> PortalClient:
    """The bundled portal, with the fault modes of ANEF_FAULTS if any (scripts/mutation.py sets it)."""
    return make_portal(Settings.from_env().faults)


class Applicants:
    """The few applicants a module needs on one portal, made on first use."""

    def __init__(self, portal: PortalClient) -> None:
        self.portal = portal
        self._made: dict[str, Any] = {}
        self._ephotos = iter(range(10**21, 10**22))

    def ephoto(self) -> str:
        return str(next(self._ephotos))

    def get(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]


@pytest.fixture(scope="module")
def applicants(portal: PortalClient) -> Applicants:
    return Applicants(portal)


# Hypothesis profiles. The property tests draw their own number of examples, sized for `make test`;
# `pytest --hypothesis-profile long tests/properties` explores ten times more (ANEF_PROPERTY_EXAMPLES,
# ANEF_STATEFUL_EXAMPLES set a number outright).
settings.register_profile("long", deadline=None)
LONG_FACTOR = 10


def examples(n: int, variable: str = "ANEF_PROPERTY_EXAMPLES") -> int:
    """`n` examples, ×10 under --hypothesis-profile long; the environment variable, when set, wins."""
    if os.environ.get(variable):
        return int(os.environ[variable])
    return n * LONG_FACTOR if settings.get_current_profile_name() == "long" else n
