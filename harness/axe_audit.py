"""axe-core run on a page the suite shows, once per distinct page state, its violations kept as
findings in RGAA terms. The axe-core script is the one axe-playwright-python bundles: nothing is
fetched at run time. The page is only read (axe is injected into it, as a browser extension would)."""

from __future__ import annotations

import hashlib
import re
import time
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
# What tells one page state from another: the path, the title, the outline of its headings and
# legends (their levels, not their words: an applicant's name or a numéro de demande does not make a
# new page, nor does a count), its form controls, whether errors are shown, which disclosures are open.
# `axe`: whether this document has axe-core already (read in the same round trip).
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
  }};
}}"""
_RUN_JS = f"options => (window.{_RUN} = axe.run(document, options))"
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
    cache: the same state seen by another scenario reuses the first result)."""

    def __init__(self, origins: set[str]) -> None:
        self.origins = origins
        self.states: dict[str, PageState] = {}
        self.failures: list[str] = []  # page states axe-core could not be run on (page gone, …)
        self.axe_version = ""
        self.seconds = 0.0  # time spent reading pages and running axe-core (shown in the summary)
        self.runs = 0  # axe-core runs: one per page state, unless a page went away mid-run
        # analyses under way, by page (the load listener runs in its own greenlet): a count, as the
        # after-step check may go on once the listener's page was left while the listener winds up
        self._busy: Counter[int] = Counter()

    def watches(self, url: str) -> bool:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}" in self.origins

    def _read_state(self, page: Page) -> tuple[str, str, bool] | None:
        """(key, title, whether axe-core is in the page already) of what the page shows now, in one
        round trip; None for a page that is not an HTML page of the target."""
        if page.is_closed() or not self.watches(page.url):
            return None
        page.wait_for_load_state("load")  # a step may end as its click's page is still loading
        state = page.evaluate(_STATE_JS)
        if not state["html"]:
            return None
        headings = re.sub(r"\d+", "#", "|".join(state["headings"]))
        digest = hashlib.sha1(f"{headings}|{state['errors']}|{state['open']}".encode()).hexdigest()[:12]
        title = re.sub(r"\d+", "#", state["title"])
        return f"{page_path(page.url)} · {title} · {digest}", state["title"], bool(state.get("axe"))

    def audit(self, page: Page, *, test: str, step: str, quiet: bool = False) -> PageState | None:
        """The page's current state, analysed now if it is new. None when not a page to analyse.
        `quiet`: a best-effort analysis (a load listener) that gives up on a page being analysed
        already or being left; otherwise it waits for the other analysis to end, and follows a navigation."""
        if self._busy[id(page)]:
            if quiet:
                return None
            self._wait_for_other_analysis(page)
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
        it installs Playwright's injected script in each document's main world, a cost per page.)
        A page closed or left meanwhile has nothing to wait for: this check follows the navigation."""
        while self._busy[id(page)] and not page.is_closed():
            try:
                page.evaluate(_SETTLED_JS)
            except PlaywrightError:
                return

    def _audit(self, page: Page, *, test: str, step: str) -> PageState | None:
        keyed = self._read_state(page)  # waits for the page's load first: a navigation is followed
        if keyed is None:
            return None
        key, title, has_axe = keyed
        if key in self.states:
            return self.states[key]
        url = page.url
        if not has_axe:
            page.evaluate(AXE_SCRIPT)
        self.runs += 1
        result = page.evaluate(_RUN_JS, AXE_OPTIONS)
        if result.get("url") and result["url"] != url:  # read one page, analysed the next: drop it
            return None
        self.axe_version = result.get("testEngine", {}).get("version", self.axe_version)
        state = PageState(cle=key, url=url, chemin=page_path(url), titre=title, test=test, etape=step,
                          constats=findings(result.get("violations", [])))
        self.states[key] = state
        return state
