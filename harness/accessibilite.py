"""Accessibility of every page the suite shows, as a pytest plugin (registered by harness.plugin).

Each browser context the fixtures open (the applicant's tab, the agent's pages) is watched: after
every Gherkin step (and at the end of a test that has no steps) each of its pages is analysed with
axe-core (harness.axe_audit), once per distinct page state in the session; the findings are mapped to
RGAA 4.1 (harness.rgaa). Why at step ends: the page is then settled, and the analysis runs in the
test's own flow. A page that a step only crosses is analysed, best effort, as it loads (a "load"
listener); analysing it as it is left (holding its navigation in a route) was tried: Playwright cannot
evaluate in a page whose navigation is pending. A page is read again only if it may have changed
since its last read (by the listener or a check): its main frame navigated, or its document reported
a change (an observer in each document, called back through a binding); otherwise the check after a
step reuses the state last read.

--accessibilite auto (default): a serious or critical violation fails the scenario against the
bundled portal (it must have none); against another target the findings are a report only.
stricte: they fail against any target. rapport: never fail. non: no analysis.
Every run that analysed a page writes reports/accessibilite.html and .json (harness.rapport_accessibilite);
under pytest-xdist each worker writes its own (accessibilite-gw0.html…), and the controller merges them.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Frame, Page
from pluggy import Result

from .axe_audit import CHANGED, OBSERVER_JS, Auditor, PageState
from .plugin import REPORTS, per_worker
from .rapport_accessibilite import merge_reports, write_reports
from .target import Target

MODES = ("auto", "stricte", "rapport", "non")
AUDITOR = pytest.StashKey[Auditor]()
WATCH = pytest.StashKey["Watch"]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("anef-accessibilite", "ANEF accessibility (axe-core, RGAA 4.1)")
    group.addoption("--accessibilite", default="auto", choices=MODES, metavar="|".join(MODES),
                    help="auto (default): a serious or critical axe-core violation fails the scenario against the "
                         "bundled portal, and is reported only against another target; stricte: it fails against "
                         "any target; rapport: report only; non: no analysis. Report: reports/accessibilite.html")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def session_auditor(config: pytest.Config, target: Target) -> Auditor:
    """One auditor per run: it watches the target's pages and those of its back-office."""
    if AUDITOR not in config.stash:
        origins = {_origin(target.base_url)}
        agent = config.getoption("--agent-url", default=None)
        if agent:
            origins.add(_origin(agent))
        config.stash[AUDITOR] = Auditor(origins)
    return config.stash[AUDITOR]


class Watch:
    """What one test's pages showed, and which blocking findings it has not yet failed on."""

    def __init__(self, auditor: Auditor, item: pytest.Item, *, blocking: str | None) -> None:
        self.auditor = auditor
        self.item = item
        self.blocking = blocking  # why a blocking finding fails this test, or None (a report only)
        self.contexts: list[BrowserContext] = []
        self.step = "(avant le premier pas)"
        self.visited: dict[str, PageState] = {}
        self.raised: set[str] = set()

    def install(self, context: BrowserContext) -> None:
        self.contexts.append(context)
        context.expose_binding(CHANGED, lambda source: self.auditor.changed(source["page"]))
        context.add_init_script(OBSERVER_JS)
        context.on("page", self._watch_page)

    def _watch_page(self, page: Page) -> None:
        page.on("framenavigated", lambda frame: self._navigated(page, frame))
        page.on("load", lambda _loaded: self._on_load(page))

    def _navigated(self, page: Page, frame: Frame) -> None:
        # the state is the main document's. A navigation that a step starts without waiting for it (a
        # key press that submits a form) is seen here as it commits, after that step's check: the new
        # page is read as it loads (the listener) and by the next check.
        if frame == page.main_frame:
            self.auditor.changed(page)

    def _on_load(self, page: Page) -> None:
        """Best effort, for the pages a step only crosses (the agent's login in one back-office step):
        analysed as they load, in the listener's own greenlet; if the step leaves the page meanwhile
        the analysis is dropped. The check after the step remains the one that is never skipped (it
        reuses the listener's read only if the page reported no change since)."""
        try:
            self.check(page, quiet=True)
        except Exception:  # noqa: BLE001 - a listener must never break the scenario
            pass

    def check(self, page: Page, *, quiet: bool = False) -> None:
        step = self.step if not quiet else f"pendant « {self.step} »"
        state = self.auditor.audit(page, test=self.item.nodeid, step=step, quiet=quiet)
        if state is not None:
            self.visited.setdefault(state.cle, state)

    def check_all(self) -> None:
        for context in self.contexts:
            for page in list(context.pages):
                if not page.is_closed():
                    self.check(page)

    def fail_on_blocking(self) -> None:
        """Fail the test on the first blocking findings not yet failed on (when this run blocks)."""
        if not self.blocking:
            return
        new = [s for key, s in self.visited.items() if s.blocking and key not in self.raised]
        if not new:
            return
        self.raised.update(s.cle for s in new)
        pytest.fail(failure_message(new, self.blocking), pytrace=False)


def failure_message(states: list[PageState], why: str) -> str:
    lines = [f"Accessibilité : violation(s) grave(s) ou critique(s) d'axe-core (RGAA 4.1) — {why}"]
    for state in states:
        lines.append(f"page « {state.titre} » ({state.url}), vue à l'étape « {state.etape} » :")
        for finding in state.blocking:
            lines.append(f"  - {finding.line()}")
            if finding.elements and finding.elements[0].correction:
                lines.append("    correction : " + finding.elements[0].correction.replace("\n", " "))
    return "\n".join(lines)


# Fixtures ---------------------------------------------------------------------------------------
@pytest.fixture
def new_context(new_context: Callable[..., BrowserContext], request: pytest.FixtureRequest) -> Callable[..., BrowserContext]:
    """pytest-playwright's context factory (`context`, `page` and the agent's pages use it), each
    context it makes watched for accessibility."""
    mode = request.config.getoption("--accessibilite")
    item = request.node
    # a scenario asks for its fixtures step by step (pytest-bdd), so it may not name `target` yet
    on_target = "target" in request.fixturenames or "_pytest_bdd_example" in request.fixturenames
    if mode == "non" or not on_target:
        return new_context
    target: Target = request.getfixturevalue("target")
    if WATCH not in item.stash:
        blocking = ("--accessibilite stricte : aucune n'est admise" if mode == "stricte" else
                    "le portail intégré n'en doit avoir aucune" if mode == "auto" and target.bundled else None)
        item.stash[WATCH] = Watch(session_auditor(request.config, target), item, blocking=blocking)
    watch = item.stash[WATCH]

    def make(**kwargs: Any) -> BrowserContext:
        context = new_context(**kwargs)
        watch.install(context)
        return context

    return make


# Hooks ------------------------------------------------------------------------------------------
@pytest.hookimpl(optionalhook=True)  # pytest-bdd's hooks: a run without it still loads this plugin
def pytest_bdd_before_step(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any,
                           step_func: Any) -> None:
    watch = request.node.stash.get(WATCH, None)
    if watch is not None:
        watch.step = f"{step.keyword} {step.name}".strip()


@pytest.hookimpl(optionalhook=True)
def pytest_bdd_after_step(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any,
                          step_func: Any, step_func_args: dict[str, Any]) -> None:
    watch = request.node.stash.get(WATCH, None)
    if watch is not None:
        watch.check_all()
        watch.fail_on_blocking()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """A test that is not a scenario (no steps) is judged on the pages it ends on too."""
    result = yield
    watch = item.stash.get(WATCH, None)
    if watch is not None:
        watch.step = "(fin du test)"
        watch.check_all()
        watch.fail_on_blocking()
    return result


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]) -> Generator[None, Result[pytest.TestReport], None]:
    outcome = yield
    report = outcome.get_result()
    watch = item.stash.get(WATCH, None)
    if report.when != "call" or watch is None:
        return
    with_findings = [s for s in watch.visited.values() if s.constats]
    item.user_properties.append(("accessibilite_pages", str(len(watch.visited))))
    if with_findings:
        lines = []
        for state in with_findings:
            lines.append(f"« {state.titre} » ({state.chemin}) :")
            lines.extend(f"  - {f.line()}" for f in state.constats)
            item.user_properties.extend(("accessibilite", f"{state.chemin} — {f.regle} — RGAA {f.rgaa or '-'} — "
                                         f"{f.impact_fr}") for f in state.constats)
        report.sections.append(("accessibilité (axe-core, RGAA 4.1)", "\n".join(lines)))


WORKER_REPORTS = "accessibilite-gw*.json"


def pytest_sessionstart(session: pytest.Session) -> None:
    if not hasattr(session.config, "workerinput"):
        for stale in REPORTS.glob(WORKER_REPORTS):  # an earlier run's workers'
            stale.unlink(missing_ok=True)


def pytest_sessionfinish(session: pytest.Session) -> None:
    auditor = session.config.stash.get(AUDITOR, None)
    if auditor is not None and (auditor.states or auditor.failures):
        target = session.config.getoption("--target") or "portail intégré (fake_anef)"
        write_reports(auditor, REPORTS, target=target, mode=session.config.getoption("--accessibilite"),
                      stem=per_worker("accessibilite").name)
    elif not hasattr(session.config, "workerinput"):  # xdist's controller: one report from its workers'
        merge_reports(sorted(REPORTS.glob(WORKER_REPORTS)), REPORTS)


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    auditor = config.stash.get(AUDITOR, None)
    if auditor is None or not (auditor.states or auditor.failures):
        return
    states = list(auditor.states.values())
    findings = [f for s in states for f in s.constats]
    blocking = [f for f in findings if f.bloquant]
    terminalreporter.write_sep("-", "accessibilité (axe-core, RGAA 4.1)")
    terminalreporter.write_line(
        f"{len(states)} état(s) de page analysé(s) ({auditor.runs} exécution(s) d'axe-core), {len(findings)} "
        f"constat(s) dont {len(blocking)} grave(s) ou critique(s), en {auditor.seconds:.1f} s ; rapport : "
        f"{per_worker('accessibilite.html')}")
    phases = {name: f"{auditor.timing.get(key, 0.0):.1f} s" for key, name in (
        ("lecture", "lecture des pages (leur chargement compris)"), ("injection", "injection d'axe-core"),
        ("axe-core", "exécutions d'axe-core"), ("attente", "hors de ce temps, attente d'une autre analyse de la page"))}
    terminalreporter.write_line("dont " + ", ".join(f"{name} {t}" for name, t in phases.items()) + f" ; {auditor.reads} "
                                f"lecture(s) de page, {auditor.reused} vérification(s) sans lecture (page inchangée "
                                "depuis sa dernière lecture)")
    for failure in auditor.failures:
        terminalreporter.write_line(f"analyse impossible : {failure}")
