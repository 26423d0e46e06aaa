"""Preconditions the fast way (issue 19 point 2). A "Given" whose subject is not the scenario's (an
account already open) is set up through the simulator's operator API when the target has one, and the
browser is handed the logged-in session (the portal's session cookie, obtained by logging in over
HTTP); a demande filled up to a step, or deposited, is filled over HTTP by the journey's own fillers
(harness.demarche_http), the browser then opening the step. Against any other target, or with
`--preconditions navigateur`, or in a scenario tagged @navigateur (a journey that is itself the
subject), the same Given replays the guide's clicks in the browser. Both ways leave the portal and the
browser in the same state (tests/harness/test_preconditions.py and test_preconditions_demande.py prove
it)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest
from playwright._impl._api_structures import SetCookieParam  # the TypedDict add_cookies takes (not re-exported)

from .actor import Actor
from .operator import OperatorAPI
from .target import Target

AUTO, BROWSER = "auto", "navigateur"
MARKER = "navigateur"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("anef").addoption(
        "--preconditions", choices=(AUTO, BROWSER), default=os.environ.get("ANEF_PRECONDITIONS", AUTO),
        help="how a Given that is not the scenario's subject (an account already open, a demande filled) is set up: "
             "'auto' (default) through the simulator's operator API when the target has one, else in the "
             "browser; 'navigateur': always in the browser (also ANEF_PRECONDITIONS=navigateur)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{MARKER}: the scenario's preconditions are set up in the browser "
                                       "(the journey is itself the subject)")


@dataclass
class Preconditions:
    """`api` is None when preconditions go through the browser."""

    api: OperatorAPI | None
    base_url: str
    # the test's JUnit properties (request.node.user_properties): how each Given was set up
    properties: list[tuple[str, object]] = field(default_factory=list)

    @property
    def fast(self) -> bool:
        return self.api is not None

    @property
    def way(self) -> str:
        return "api" if self.fast else BROWSER

    def note(self, given: str, way: str) -> None:
        """Record in the JUnit file how a Given was set up: `preconditions_<given>` = `way`
        ("http": the demande filled over HTTP; "navigateur": in the browser)."""
        self.properties.append((f"preconditions_{given}", way))

    def open_account(self, actor: Actor, *, numero_etranger: str | None = None) -> None:
        """The persona's account, open and its password set, and the browser logged in on it (still
        on a blank page: the caller opens where its journey lands). Path a without
        `numero_etranger` (identifiant = e-mail), paths b/c with it (identifiant = numéro étranger,
        its identity already known to the portal)."""
        assert self.api is not None, "préconditions par le navigateur : pas d'API opérateur"
        password = actor.persona.mot_de_passe
        identifiant = self.api.create_account(email=actor.email, mot_de_passe=password, numero_etranger=numero_etranger)
        actor.notes.identifiant = identifiant
        actor.notes.mot_de_passe = password
        self.hand_session(actor, identifiant, password)

    def hand_session(self, actor: Actor, identifiant: str, password: str) -> None:
        """Log in over HTTP, as the login form does, and give the browser the session cookie."""
        with httpx.Client(base_url=self.base_url, timeout=30, follow_redirects=False) as client:
            response = client.post("/connexion", data={"identifiant": identifiant, "mot_de_passe": password})
            if response.status_code != 303:
                raise AssertionError(f"connexion par HTTP refusée pour {identifiant} : {response.status_code}")
            cookies: list[SetCookieParam] = [{"name": c.name, "value": c.value or "", "url": self.base_url}
                                             for c in client.cookies.jar]
        actor.browser.page.context.add_cookies(cookies)


def choose(target: Target, mode: str, in_browser: bool) -> Preconditions:
    """The fast way where it can be: the target answers the operator API, the run did not ask for
    the browser, and the scenario is not tagged @navigateur."""
    fast = mode == AUTO and not in_browser and target.operator_url is not None
    return Preconditions(OperatorAPI(target.operator_url) if fast and target.operator_url else None, target.base_url)


@pytest.fixture
def preconditions(target: Target, request: pytest.FixtureRequest) -> Iterator[Preconditions]:
    chosen = choose(target, request.config.getoption("--preconditions"),
                    request.node.get_closest_marker(MARKER) is not None)
    request.node.user_properties.append(("preconditions", chosen.way))  # in the JUnit file: how they were set up
    chosen.properties = request.node.user_properties
    yield chosen
    if chosen.api is not None:
        chosen.api.close()
