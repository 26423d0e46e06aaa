"""axe-core run on a page the suite shows, once per distinct page state, its violations kept as
findings in RGAA terms. The axe-core script is the one axe-playwright-python bundles: nothing is
fetched at run time. The page is only read (axe is injected into it, as a browser extension would)."""

from __future__ import annotations

import hashlib
import re
import time
import weakref
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urlsplit

from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from . import rgaa

BLOCKING = ("critical", "serious")
IMPACT_FR = {"critical": "critique", "serious": "grave", "moderate": "modérée", "minor": "mineure"}
# RGAA 4.1 is WCAG 2.1 AA; best practices are reported (never blocking unless serious); WCAG 2.2 and
# AAA rules are left out, as RGAA 4.1 does not ask for them.
AXE_OPTIONS = {"resultTypes": ["violations"],
               "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice",
                                                     "RGAAv4"]}}

# axe-core refuses a second run while one is under way: a run leaves its promise in the page, and
# anything else that reads the page first waits for it there (no polling, never the clock).
_RUN = "__anefAxeRun"
_SETTLED = f"try {{ await window.{_RUN}; }} catch (e) {{}}"
# Whether a page may have changed since its last read, told by the page itself: every document of a
# watched context runs OBSERVER_JS (an init script), whose MutationObserver, armed by each read in the
# same task as the read, calls CHANGED back (a binding) on the first change of the document after it,
# then waits for the next read. The state key below is made of the document only (its nodes, their
# attributes and text, its title) and of its URL: with no call back and no navigation of the main frame
# since a read, the state read is still the page's state, and the check after a step reuses it.
CHANGED = "__anefA11yChanged"
_ARM = "__anefA11yArm"
OBSERVER_JS = f"""(() => {{
  if (window.{_ARM}) return;
  let armed = false;
  const observer = new MutationObserver(() => {{
    observer.disconnect();
    armed = false;
    if (typeof window.{CHANGED} === 'function') window.{CHANGED}();
  }});
  window.{_ARM} = () => {{
    if (!armed) observer.observe(document, {{subtree: true, childList: true, attributes: true, characterData: true}});
    armed = true;
    return true;
  }};
}})();"""
# What tells one page state from another: the path, the title, the outline of its headings and
# legends (their levels, not their words: an applicant's name or a numéro de demande does not make a
# new page, nor does a count), its form controls, whether errors are shown, which disclosures are open.
# `axe`: whether this document has axe-core already; `armed`: whether its observer (OBSERVER_JS) now
# watches it for the next change (both in the same round trip).
_STATE_JS = f"""async () => {{
  {_SETTLED}
  return {{
    html: (document.contentType || '').includes('html') && !!document.body && document.body.children.length > 0,
    title: document.title,
    headings: [...document.querySelectorAll('h1,h2,h3,h4,legend,input,select,textarea,button')]
      .filter(el => el.type !== 'hidden').map(el => el.tagName + (el.type ? ':' + el.type : '')),
    errors: document.querySelectorAll('[aria-invalid="true"], [role="alert"]').length > 0,
    open: [...document.querySelectorAll('details[open], dialog[open], [aria-expanded="true"]')].length,
    axe: typeof window.axe === 'object',
    armed: typeof window.{_ARM} === 'function' && window.{_ARM}() === true,
  }};
}}"""
# The run's answer is cut down in the page to what `findings` reads: axe-core's whole result (its passes,
# inapplicable and incomplete rules, each check's details) is ~50 KB per page, and sending it back cost
# more than the run itself.
_RUN_JS = f"""options => (window.{_RUN} = axe.run(document, options)).then(r => ({{
  url: r.url,
  testEngine: {{version: r.testEngine.version}},
  violations: r.violations.map(v => ({{
    id: v.id, impact: v.impact, tags: v.tags, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({{target: n.target, html: n.html, failureSummary: n.failureSummary}})),
  }})),
}}))"""
_SETTLED_JS = f"async () => {{ {_SETTLED} return true; }}"
_ID_SEGMENT = re.compile(r"^(?=.*\d)[A-Za-z0-9_.~-]{6,}$|^\d+$")


def page_path(url: str) -> str:
    """The URL path with its ids blurred: /demandes/1234567/etape/2 → /demandes/:id/etape/:id."""
    parts = urlsplit(url).path.split("/")
    return "/".join(":id" if _ID_SEGMENT.match(p) else p for p in parts) or "/"


@dataclass
class Element:
    cible: str
    html: str
    correction: str


@dataclass
class Finding:
    """One axe-core violation on one page state, in the terms of the report."""

    regle: str
    impact: str
    rgaa: str | None
    rgaa_tests: list[str]
    critere: str
    description: str
    aide: str
    elements: list[Element]
    bloquant: bool

    @property
    def impact_fr(self) -> str:
        return IMPACT_FR.get(self.impact, self.impact)

    def line(self) -> str:
        where = "; ".join(e.cible for e in self.elements[:3]) + (" …" if len(self.elements) > 3 else "")
        return f"{self.regle} ({self.impact_fr}) — {self.critere} — {self.description} — élément(s) : {where}"


@dataclass
class PageState:
    """A page state analysed: where it was first seen and what axe-core found there."""

    cle: str
    url: str
    chemin: str
    titre: str
    test: str
    etape: str
    constats: list[Finding] = field(default_factory=list)

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.constats if f.bloquant]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def findings(violations: list[dict[str, Any]]) -> list[Finding]:
    out = []
    for v in violations:
        critere = rgaa.criterion(v["id"], v.get("tags"))
        out.append(Finding(
            regle=v["id"], impact=v.get("impact") or "minor", rgaa=critere, rgaa_tests=rgaa.tests(v.get("tags")),
            critere=rgaa.label(critere), description=v.get("help", ""), aide=v.get("helpUrl", ""),
            elements=[Element(cible=" ".join(map(str, n.get("target", []))), html=(n.get("html") or "")[:300],
                              correction=(n.get("failureSummary") or "").strip()) for n in v.get("nodes", [])],
            bloquant=(v.get("impact") in BLOCKING)))
    return out


class Auditor:
    """Runs axe-core on the pages of the allowed origins, at most once per page state (a session's
    cache: the same state seen by another scenario reuses the first result). A page is read again only
    when it may have changed since its last read (`changed`: a navigation, or its document's report)."""

    def __init__(self, origins: set[str]) -> None:
        self.origins = origins
        self.states: dict[str, PageState] = {}
        self.failures: list[str] = []  # page states axe-core could not be run on (page gone, …)
        self.axe_version = ""
        self.seconds = 0.0  # time spent reading pages and running axe-core (shown in the summary)
        self.runs = 0  # axe-core runs: one per page state, unless a page went away mid-run
        # where that time went: "lecture" (the page's load, its state), "injection", "axe-core", "attente"
        # (another analysis of the page); reads made and checks that reused the last read
        self.timing: dict[str, float] = {}
        self.reads = 0
        self.reused = 0
        # analyses under way, by page (the load listener runs in its own greenlet): a count, as the
        # after-step check may go on once the listener's page was left while the listener winds up
        self._busy: Counter[int] = Counter()
        # the state each page showed at its last read, while nothing says it changed since; and, per
        # page, how many changes were reported (a read that saw one arrive meanwhile is not reused)
        self._fresh: weakref.WeakKeyDictionary[Page, PageState] = weakref.WeakKeyDictionary()
        self._changes: weakref.WeakKeyDictionary[Page, int] = weakref.WeakKeyDictionary()

    def watches(self, url: str) -> bool:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}" in self.origins

    def _time(self, phase: str, started: float) -> None:
        self.timing[phase] = self.timing.get(phase, 0.0) + time.perf_counter() - started

    def changed(self, page: Page) -> None:
        """The page's main frame navigated, or its document reported a change: read it again."""
        self._fresh.pop(page, None)
        self._changes[page] = self._changes.get(page, 0) + 1

    def _read_state(self, page: Page) -> tuple[str, str, bool, bool] | None:
        """(key, title, whether axe-core is in the page already, whether its observer now watches it)
        of what the page shows now, in one round trip; None for a page that is not an HTML page of the
        target."""
        if page.is_closed() or not self.watches(page.url):
            return None
        started = time.perf_counter()
        try:
            page.wait_for_load_state("load")  # a step may end as its click's page is still loading
            state = page.evaluate(_STATE_JS)
        finally:
            self._time("lecture", started)
            self.reads += 1
        if not state["html"]:
            return None
        headings = re.sub(r"\d+", "#", "|".join(state["headings"]))
        digest = hashlib.sha1(f"{headings}|{state['errors']}|{state['open']}".encode()).hexdigest()[:12]
        title = re.sub(r"\d+", "#", state["title"])
        return (f"{page_path(page.url)} · {title} · {digest}", state["title"], bool(state.get("axe")),
                bool(state.get("armed")))

    def audit(self, page: Page, *, test: str, step: str, quiet: bool = False) -> PageState | None:
        """The page's current state, analysed now if it is new. None when not a page to analyse.
        `quiet`: a best-effort analysis (a load listener) that gives up on a page being analysed
        already or being left; otherwise it waits for the other analysis to end, and follows a navigation.
        A page unchanged since its last read (no navigation, no change reported) is not read again."""
        if self._busy[id(page)]:
            if quiet:
                return None
            waited = time.perf_counter()
            self._wait_for_other_analysis(page)
            self._time("attente", waited)
        fresh = self._fresh.get(page)
        if fresh is not None and not page.is_closed():
            self.reused += 1
            return fresh
        self._busy[id(page)] += 1
        started = time.perf_counter()
        try:
            for attempt in range(3):
                try:
                    return self._audit(page, test=test, step=step)
                except PlaywrightError as exc:  # the page went away while being read
                    if quiet or page.is_closed():
                        return None
                    if attempt == 2:  # say so, never hide it
                        self.failures.append(f"{page.url} ({test}, {step}) : {str(exc).splitlines()[0]}")
            return None
        finally:
            self._busy[id(page)] -= 1
            if not self._busy[id(page)]:
                del self._busy[id(page)]
            self.seconds += time.perf_counter() - started

    def _wait_for_other_analysis(self, page: Page) -> None:
        """The load listener is analysing this page, in its own greenlet: wait until it is over, so
        that its result is the one this check reads (two analyses of one state would run axe-core
        twice). Each wait is a round trip to the page, during which the listener goes on; while
        axe-core runs, the page holds the answer until the run ends. (Not page.wait_for_function:
        it installs Playwright's injected script in each document's main world, a cost per page. Nor a
        threading.Event the listener sets: the sync API runs the listener in a greenlet of this same
        thread, which only goes on while this one is inside a Playwright call; a blocking wait here
        would never see it set. About 1.35 round trips a wait, 52 waits in the 19 `compte` scenarios.)
        A page closed or left meanwhile has nothing to wait for: this check follows the navigation."""
        while self._busy[id(page)] and not page.is_closed():
            try:
                page.evaluate(_SETTLED_JS)
            except PlaywrightError:
                return

    def _audit(self, page: Page, *, test: str, step: str) -> PageState | None:
        changes = self._changes.get(page, 0)
        keyed = self._read_state(page)  # waits for the page's load first: a navigation is followed
        if keyed is None:
            return None
        key, title, has_axe, armed = keyed
        state = self.states.get(key) or self._analyse(page, key, title, has_axe, test=test, step=step)
        # reused by the next checks while no change is reported: only if the page's observer watches
        # it since this read, and no change (nor navigation) was reported while it was read or analysed
        if state is not None and armed and self._changes.get(page, 0) == changes:
            self._fresh[page] = state
        return state

    def _analyse(self, page: Page, key: str, title: str, has_axe: bool, *, test: str, step: str) -> PageState | None:
        url = page.url
        if not has_axe:
            started = time.perf_counter()
            page.evaluate(AXE_SCRIPT)
            self._time("injection", started)
        self.runs += 1
        started = time.perf_counter()
        try:
            result = page.evaluate(_RUN_JS, AXE_OPTIONS)
        finally:
            self._time("axe-core", started)
        if result.get("url") and result["url"] != url:  # read one page, analysed the next: drop it
            return None
        self.axe_version = result.get("testEngine", {}).get("version", self.axe_version)
        state = PageState(cle=key, url=url, chemin=page_path(url), titre=title, test=test, etape=step,
                          constats=findings(result.get("violations", [])))
        self.states[key] = state
        return state
