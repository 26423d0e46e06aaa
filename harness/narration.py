"""Narrated replay for a class (issue 18 pt 2): `--narration` puts a caption over the page with the
current Gherkin step and the guide's section, outlines the element being acted on, and pauses on
each new guide screen (`--pause clavier`: a key press in the page; `--pause N`: a countdown).

The caption lives in a closed shadow root: the steps' text and role locators and axe-core do not see
into it, so it can neither be clicked by a step nor change an accessibility finding. Pauses wait on a
flag the page sets (a key press or the caption's own countdown), never on a fixed sleep. Nothing is
written unless `--narration-captures DIR` is given (a screenshot and the caption read back at each
pause: what the Xvfb test checks).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from .catalogue import catalogue, normalise

NARRATION = pytest.StashKey["Narrator"]()
QUOTE = re.compile(r'"([^"]+)"|«\s*([^»]+?)\s*»')

# Runs in every document of a narrated context, before the portal's own scripts.
INIT_SCRIPT = r"""
(() => {
  if (window.__anefNarration) return;
  const N = window.__anefNarration = {state: null, cont: true, waiting: null, timer: null};
  let root = null, host = null;
  const sheet = new CSSStyleSheet();  // not a DOM node: no step, text check or axe rule sees it
  sheet.replaceSync(`:is(a,button,input,select,textarea,summary,label,[role=button],[role=link],[role=radio],
    [role=checkbox],[tabindex]):is(:focus,:hover){outline:4px solid #ff8c00 !important;outline-offset:2px !important}`);
  const style = `:host{all:initial}
    .box{position:fixed;left:1rem;right:1rem;bottom:1rem;z-index:2147483647;pointer-events:none;
      background:#111;color:#fff;font:20px/1.4 sans-serif;padding:.75rem 1rem;border-radius:.5rem;
      border:3px solid #ff8c00;box-shadow:0 2px 12px rgba(0,0,0,.5)}
    .section{display:block;font-size:15px;color:#ffd27f;margin-bottom:.25rem}
    .pause{display:block;font-size:15px;color:#9fe6a0;margin-top:.25rem}`;
  const ensure = () => {
    if (!document.body) return false;
    if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    if (host && host.isConnected) return true;
    host = document.createElement('div');
    host.setAttribute('aria-hidden', 'true');
    root = host.attachShadow({mode: 'closed'});
    root.innerHTML = `<style>${style}</style><div class="box"><span class="section"></span>` +
      `<span class="step"></span><span class="pause" hidden></span></div>`;
    document.body.appendChild(host);
    return true;
  };
  N.draw = (s) => {
    if (s) N.state = s;
    if (!N.state || !ensure()) return;
    root.querySelector('.section').textContent = N.state.section || '';
    root.querySelector('.step').textContent = N.state.step || '';
  };
  N.shown = () => ensure() ? {step: root.querySelector('.step').textContent,
    section: root.querySelector('.section').textContent, pause: root.querySelector('.pause').textContent} : null;
  const line = (text) => { const p = root.querySelector('.pause'); p.textContent = text; p.hidden = !text; };
  const done = () => { clearInterval(N.timer); N.waiting = null; N.cont = true; line(''); };
  N.pause = (seconds) => {  // seconds: null → until a key press; else a countdown (a key skips it)
    if (!ensure()) { N.cont = true; return; }
    N.cont = false; N.waiting = true; clearInterval(N.timer);
    const keys = 'Entrée, Espace ou → pour continuer';
    if (seconds == null) { line('⏸ ' + keys); return; }
    let left = seconds;
    const tick = () => { if (left <= 0) return done(); line(`⏸ suite dans ${left} s (${keys})`); left -= 1; };
    tick(); N.timer = setInterval(tick, 1000);
  };
  window.addEventListener('keydown', (e) => {
    if (!N.waiting || !['Enter', ' ', 'ArrowRight'].includes(e.key)) return;
    e.preventDefault(); e.stopImmediatePropagation(); done();
  }, true);
  const restore = () => { if (window.anefNarrationEtat) window.anefNarrationEtat().then((s) => N.draw(s)); };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', restore); else restore();
})();
"""
SCREEN = "() => location.pathname + '|' + ((document.querySelector('h1') || {}).textContent || '').trim()"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("anef-narration", "ANEF narrated replay (training)")
    group.addoption("--narration", action="store_true", default=False,
                    help="caption each step (Gherkin step and guide section) over the page, outline the element "
                         "acted on; with --headed --slowmo 300 for a class (`anef demo` does it)")
    group.addoption("--pause", default="0", metavar="clavier|N",
                    help="with --narration, pause on each new guide screen: clavier (Enter, Space or → in the "
                         "page to go on) or N seconds (a countdown); 0 (default): no pause")
    group.addoption("--narration-captures", default=None, metavar="DIR",
                    help="with --narration, save a screenshot and the caption shown at each pause (nothing by default)")


def pytest_configure(config: pytest.Config) -> None:
    if not config.getoption("--narration", default=False):
        return
    pause = config.getoption("--pause")
    if pause != "clavier" and not re.fullmatch(r"\d+", pause):
        raise pytest.UsageError(f"--pause : « clavier » ou un nombre de secondes, pas « {pause} »")
    captures = config.getoption("--narration-captures")
    config.stash[NARRATION] = Narrator(None if pause == "clavier" else int(pause), Path(captures) if captures else None)


def guide_section(tags: set[str], step_text: str) -> str | None:
    """The guide and section of the first text the step quotes that a requirement of the scenario
    (its `@exig_…` tags) shows; None when the step quotes none of them."""
    wanted = {"exig_" + e.id.replace("-", "_"): e for e in catalogue().exigences}
    cited = [wanted[t] for t in sorted(tags) if t in wanted]
    quotes = [normalise(m.group(1) or m.group(2)) for m in QUOTE.finditer(step_text)]
    ranked = sorted(cited, key=lambda e: not e.normative)
    for same in (lambda q, t: q == t, lambda q, t: len(q) >= 12 and q in t):  # exact first, then within
        for quote in quotes:
            for exigence in ranked:
                if quote and same(quote, normalise(exigence.texte)):
                    return f"Guide {exigence.guide.split('.')[0]} — {exigence.section}"
    return None


class Narrator:
    """The caption's state for the running scenario, and the pauses on each new screen."""

    def __init__(self, seconds: int | None, captures: Path | None) -> None:
        self.seconds = seconds  # None: keyboard; 0: no pause
        self.captures = captures
        self.state: dict[str, str] = {}
        self.front: Any = None  # the page that last loaded: the one the class is looking at
        self.screens: set[str] = set()
        self.contexts: list[Any] = []
        self.browser: Any = None  # pytest-playwright's, once a scenario has started it
        self.count = 0

    def start(self, feature: Any, scenario: Any) -> None:
        self.state = {"step": "", "section": f"{feature.name} — {scenario.name}", "fallback": ""}
        self.state["fallback"] = self.state["section"]
        self.screens.clear()

    def pages(self, request: pytest.FixtureRequest) -> list[Any]:
        browser = self.browser
        if browser is None or not browser.is_connected():
            return []
        for context in browser.contexts:
            if context not in self.contexts:
                self.install(context)
        return [p for c in browser.contexts for p in c.pages if not p.is_closed()]

    def install(self, context: Any) -> None:
        self.contexts.append(context)
        context.expose_binding("anefNarrationEtat", lambda _source: self.caption())
        context.add_init_script(INIT_SCRIPT)
        context.on("page", lambda page: page.on("load", lambda: setattr(self, "front", page)))
        for page in context.pages:
            page.on("load", lambda page=page: setattr(self, "front", page))
            if self.front is None:
                self.front = page
            if page.url != "about:blank":
                page.evaluate(INIT_SCRIPT)

    def caption(self) -> dict[str, str]:
        return {"step": self.state.get("step", ""), "section": self.state.get("section", "")}

    def show(self, pages: list[Any]) -> None:
        for page in pages:
            try:
                page.evaluate("(s) => window.__anefNarration && window.__anefNarration.draw(s)", self.caption())
            except Exception:  # noqa: BLE001 - a page mid-navigation: its init script restores the caption
                pass

    def pause(self, pages: list[Any], request: pytest.FixtureRequest) -> None:
        page = self.front if self.front in pages else (pages[-1] if pages else None)
        if page is None or page.url == "about:blank" or self.seconds == 0 and self.captures is None:
            return
        screen = page.evaluate(SCREEN)
        if screen in self.screens:
            return
        self.screens.add(screen)
        self.show([page])
        if self.captures is not None:
            self.capture(page, request)
        if self.seconds == 0:
            return
        page.evaluate("(s) => window.__anefNarration.pause(s)", self.seconds)
        # The countdown (or the key press) sets the flag; no timeout for the keyboard: the trainer talks.
        timeout = 0 if self.seconds is None else (self.seconds + 30) * 1000
        page.wait_for_function("() => window.__anefNarration && window.__anefNarration.cont", timeout=timeout)

    def capture(self, page: Any, request: pytest.FixtureRequest) -> None:
        folder = self.captures
        if folder is None:
            return
        folder.mkdir(parents=True, exist_ok=True)
        self.count += 1
        png = folder / f"{self.count:03d}.png"
        page.screenshot(path=str(png))
        record = {"test": request.node.nodeid, "step": self.state["step"], "section": self.state["section"],
                  "shown": page.evaluate("() => window.__anefNarration.shown()"), "png": png.name}
        with (folder / "legendes.jsonl").open("a", encoding="utf-8") as out:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


@pytest.hookimpl(hookwrapper=True)
def pytest_fixture_setup(fixturedef: Any, request: pytest.FixtureRequest) -> Any:
    outcome = yield
    narrator = request.config.stash.get(NARRATION, None)
    if narrator is not None and fixturedef.argname == "browser" and outcome.excinfo is None:
        narrator.browser = outcome.get_result()


# pytest-bdd's hooks -----------------------------------------------------------------------------
@pytest.hookimpl(optionalhook=True)
def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
    narrator = request.config.stash.get(NARRATION, None)
    if narrator is not None:
        narrator.start(feature, scenario)


@pytest.hookimpl(optionalhook=True)
def pytest_bdd_before_step(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any,
                           step_func: Any) -> None:
    narrator = request.config.stash.get(NARRATION, None)
    if narrator is None:
        return
    text = f"{step.keyword} {step.name}".strip()
    narrator.state["step"] = text
    tags = set(scenario.tags) | set(getattr(feature, "tags", ()) or ())
    narrator.state["section"] = guide_section(tags, text) or narrator.state.get("section") or narrator.state["fallback"]
    narrator.show(narrator.pages(request))


@pytest.hookimpl(optionalhook=True)
def pytest_bdd_after_step(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any,
                          step_func: Any, step_func_args: dict[str, Any]) -> None:
    narrator = request.config.stash.get(NARRATION, None)
    if narrator is None:
        return
    pages = narrator.pages(request)
    narrator.show(pages)  # a page the step opened shows the step that opened it
    narrator.pause(pages, request)
