"""The harness as a pytest plugin: target options, the target and its instruments as fixtures,
pytest-playwright's layers overridden for Debian's Chromium, and evidence kept on failure."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect
from pluggy import Result

from . import textes
from .actor import Actor
from .browser import PortalPage
from .mailbox import Mailbox
from .operator import OperatorAPI
from .target import BundledPortal, Target, probe_operator
from .twoddoc import TrustList

REPORTS = Path(os.environ.get("ANEF_REPORTS_DIR", "reports"))
CHROMIUM = os.environ.get("ANEF_CHROMIUM", "/usr/bin/chromium")
# Headless runs take Chromium's headless shell (Debian's chromium-headless-shell, the browser Playwright
# itself uses headless): without the full browser's window machinery it costs the features run about
# a third less CPU (357 → 235 core-seconds; make test is CPU-bound on 2 cores) for the same pages and the same axe-core findings.
# A headed run (--headed, the narrated replay) needs the full browser; ANEF_CHROMIUM, when set, is used
# for both.
CHROMIUM_HEADLESS = "/usr/bin/chromium-headless-shell"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
    "--no-first-run",
    "--disable-features=Translate",  # no "translate this page?" bubble over a French page in a demo
]
# plugins of their own: the back-office (--backoffice), the reference data and clock (--referentiel,
# --horloge), the end-of-run summary, retries and traces "on first retry", requirements with the
# coverage matrix and the report (issue 17), accessibility
pytest_plugins = ["harness.backoffice_plugin", "harness.referentiel_plugin", "harness.summary", "harness.retry",
                  "harness.preuves.plugin", "harness.accessibilite", "harness.preconditions"]

NO_OPERATOR = "la cible n'offre pas l'API opérateur du simulateur (/__sim__/) : scénario @simulateur non joué"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("anef", "ANEF conformance target")
    group.addoption("--target", default=None, metavar="URL",
                    help="portal under test (default: start the bundled portal on free loopback ports)")
    group.addoption("--mailbox", default=None, metavar="URL",
                    help="mailbox read API of the target (default: the bundled sink's)")
    group.addoption("--operator-api", default=None, metavar="URL",
                    help="simulator operator API (default: TARGET/__sim__ when it answers)")
    group.addoption("--mail-timeout", type=float, default=30.0, help="seconds to wait for a mail (default 30)")
    group.addoption("--trust", action="append", default=[], metavar="CERT.pem|URL",
                    help="2D-DOC trust list of the target: PEM file(s) or URL(s), repeatable "
                         "(default: the bundled portal's published list; else the specification's test certificate)")
    group.addoption("--browser-ws", default=None, metavar="URL",
                    help="use the browsers of a remote Playwright server (ws://HOST:PORT/) or of a Chromium's "
                         "DevTools endpoint (http://HOST:9222) instead of launching Chromium here")


def per_worker(name: str) -> Path:
    """reports/NAME, or reports/STEM-gw0.EXT in pytest-xdist's worker gw0: each worker has its own
    bundled portal, and none overwrites another's files."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return REPORTS / name
    path = Path(name)
    return REPORTS / f"{path.stem}-{worker}{path.suffix}"


def load_trust_list(sources: list[str]) -> TrustList:
    if not sources:
        return TrustList.spec_test()
    trust = TrustList()
    for source in sources:
        if source.startswith(("http://", "https://")):
            response = httpx.get(source, timeout=10)
            response.raise_for_status()
            pem = response.content
        else:
            pem = Path(source).read_bytes()
        trust.add_bundle(pem)
    return trust


def pytest_report_header(config: pytest.Config) -> str:
    target = config.getoption("--target")
    return f"anef target: {target or 'portail intégré (fake_anef)'}"


@pytest.fixture(scope="session")
def target(request: pytest.FixtureRequest) -> Iterator[Target]:
    url = request.config.getoption("--target")
    if url:
        mailbox = request.config.getoption("--mailbox")
        if not mailbox:
            raise pytest.UsageError("--target demande aussi --mailbox (l'API de lecture des courriels de la cible)")
        operator = request.config.getoption("--operator-api") or f"{url.rstrip('/')}/__sim__"
        yield Target(base_url=url.rstrip("/"), mailbox_url=mailbox, operator_url=operator if probe_operator(operator) else None)
        return
    data_dir = Path(tempfile.mkdtemp(prefix="anef-portail-"))
    portal = BundledPortal(data_dir, per_worker("portal.log"))
    try:
        yield portal.start()
    finally:
        portal.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def trust_list(target: Target, request: pytest.FixtureRequest) -> TrustList:
    """The certificates the target's 2D-DOC codes are verified with: --trust (files or URLs), else the
    list the target publishes (the bundled portal's), else the specification's FR00/0001 only."""
    return load_trust_list(request.config.getoption("--trust") or
                           ([target.trust_list_url] if target.trust_list_url else []))


@pytest.fixture(scope="session")
def base_url(target: Target) -> str:
    """pytest-base-url's fixture, pointed at the target: relative page.goto() calls resolve there."""
    return target.base_url


@pytest.fixture(scope="session", autouse=True)
def _verify_url(request: pytest.FixtureRequest) -> None:
    """pytest-base-url's own asks for base_url in every session, which started the bundled portal
    even in a run that opens no page (unit tests, a mutant's property tests: ~1 s of CPU each). The
    target is asked for here only under --verify-base-url, and then must answer."""
    if request.config.getoption("--verify-base-url", default=False):
        url = request.getfixturevalue("base_url")
        try:
            httpx.get(url, timeout=10).raise_for_status()
        except httpx.HTTPError as exc:
            raise pytest.UsageError(f"--verify-base-url : {url} ne répond pas ({exc})") from None


@pytest.fixture(scope="session")
def mailbox(target: Target, request: pytest.FixtureRequest) -> Iterator[Mailbox]:
    box = Mailbox(target.mailbox_url, timeout=request.config.getoption("--mail-timeout"))
    yield box
    box.close()


@pytest.fixture
def operator(target: Target) -> Iterator[OperatorAPI]:
    """The operator API; a test using it is skipped against a target that has none. The clock is
    put back after each test so a moved clock never leaks into the next scenario."""
    if target.operator_url is None:
        pytest.skip(NO_OPERATOR)
    api = OperatorAPI(target.operator_url)
    yield api
    api.reset_clock()
    api.close()


@pytest.fixture(autouse=True)
def _skip_simulateur_without_operator(request: pytest.FixtureRequest) -> None:
    if request.node.get_closest_marker("simulateur") is not None:
        if request.getfixturevalue("target").operator_url is None:
            pytest.skip(NO_OPERATOR)


def chromium(*, headless: bool) -> str | None:
    """The Chromium to launch: the headless shell for a headless run where it is installed, else the
    full browser (None when neither is: Playwright's own)."""
    choices = [CHROMIUM] if "ANEF_CHROMIUM" in os.environ or not headless else [CHROMIUM_HEADLESS, CHROMIUM]
    return next((path for path in choices if Path(path).exists()), None)


# pytest-playwright's layers -------------------------------------------------------------------
@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    args = {**browser_type_launch_args}
    executable = chromium(headless=args.get("headless", True))
    if executable and "executable_path" not in args:
        args["executable_path"] = executable
    args["args"] = [*args.get("args", []), *CHROMIUM_ARGS]
    return args


@pytest.fixture(scope="session")
def launch_browser(launch_browser: Any, browser_type: Any, browser_type_launch_args: dict[str, Any],
                   pytestconfig: pytest.Config) -> Any:
    """pytest-playwright's launcher, or with --browser-ws a connection to a remote browser."""
    url = pytestconfig.getoption("--browser-ws")
    if not url:
        return launch_browser
    from .navigateur_distant import connect

    return lambda **kwargs: connect(browser_type, url, {**browser_type_launch_args, **kwargs})


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any], pytestconfig: pytest.Config) -> dict[str, Any]:
    args = {**browser_context_args, "locale": "fr-FR", "timezone_id": "Europe/Paris"}
    if pytestconfig.getoption("--headed") and "viewport" not in args:  # a demo: pages fill their windows, side by side
        args["no_viewport"] = True
    return args


# Actors ---------------------------------------------------------------------------------------
UI_TIMEOUT_MS = int(os.environ.get("ANEF_UI_TIMEOUT_MS", "15000"))


@pytest.fixture
def portal_page(page: Any, target: Target) -> PortalPage:
    # A loaded CI machine (2 cores, a portal hashing passwords and drawing PDFs) can take longer than
    # Playwright's 5 s default to show a page: wait longer, still on what the page shows.
    page.set_default_timeout(UI_TIMEOUT_MS)
    expect.set_options(timeout=UI_TIMEOUT_MS)
    return PortalPage(page, target.base_url)


MAILS_BEFORE = pytest.StashKey[int]()


@pytest.fixture
def actor_factory(portal_page: PortalPage, mailbox: Mailbox, request: pytest.FixtureRequest) -> Any:
    """Makes the scenario's actor from a persona: the browser tab and the mailbox, with a mailbox
    watermark so only mails sent during this scenario are read."""
    watermark = mailbox.last_id()
    request.node.stash[MAILS_BEFORE] = len(mailbox.read)

    def make(persona: Any) -> Actor:
        textes.current().parcours = getattr(persona, "parcours", None)  # its journey's texts judged as such
        return Actor(persona=persona, browser=portal_page, mailbox=mailbox, mail_watermark=watermark)

    return make


# Evidence -------------------------------------------------------------------------------------
@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]) -> Generator[None, Result[pytest.TestReport], None]:
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed:
        return
    folder = REPORTS / "evidence" / _slug(item.nodeid)
    box: Mailbox | None = getattr(item, "funcargs", {}).get("mailbox")
    page = getattr(item, "funcargs", {}).get("page")
    lines = []
    if page is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(folder / "page.png"), full_page=True)
            lines.append(f"page : {page.url}")
            lines.append(f"capture : {folder / 'page.png'}")
        except Exception as exc:  # noqa: BLE001 - evidence must never hide the real failure
            lines.append(f"capture impossible : {exc}")
    if box is not None and MAILS_BEFORE in item.stash:
        for mail in box.read[item.stash[MAILS_BEFORE]:]:
            lines.append(f"courriel lu : {mail.save(folder)} « {mail.subject} »")
    if lines:
        report.sections.append(("preuves", "\n".join(lines)))


def _slug(nodeid: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid)[-120:]
