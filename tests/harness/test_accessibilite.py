"""The accessibility plugin on a page built with known violations (a field without a label, an
image without an alternative), served by a tiny local server and visited by a pytest run of its own:
reported with their RGAA criterion against another target, failing with --accessibilite stricte and
against the bundled portal. And the rule → RGAA mapping itself."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Callable, Iterator

import pytest

from harness import rgaa
from harness.axe_audit import findings, page_path

pytest_plugins = ["pytester"]

BROKEN_PAGE = b"""<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page en faute</title></head>
<body><main><h1>Votre adresse</h1>
<form><input type="text" name="adresse"><button type="submit">Valider</button></form>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
</main></body></html>"""


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(BROKEN_PAGE)

    def log_message(self, *args: object) -> None:
        pass


def _serve(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """A little site on 127.0.0.1 for the test's length: its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def broken_site() -> Iterator[str]:
    yield from _serve(_Handler)


INNER_CONFTEST = """
import os
import pytest
from harness.target import Target

@pytest.fixture(scope="session")
def target():
    url = os.environ["A11Y_SITE"]
    return Target(base_url=url, mailbox_url=url, operator_url=None, bundled=os.environ.get("A11Y_BUNDLED") == "1")
"""

INNER_TEST = """
def test_visit(page, target):
    page.goto(target.base_url + "/adresse/123456")
    page.get_by_role("heading", name="Votre adresse").wait_for()
"""

PLUGINS = ["-p", "pytest_playwright.pytest_playwright", "-p", "pytest_base_url.plugin", "-p", "harness.plugin"]


@pytest.mark.browser
def test_a_known_violation_is_reported_with_its_rgaa_criterion(pytester: pytest.Pytester, broken_site: str,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.setenv("A11Y_SITE", broken_site)
    monkeypatch.setenv("ANEF_REPORTS_DIR", str(pytester.path / "reports"))
    pytester.makeconftest(INNER_CONFTEST)
    pytester.makepyfile(test_inner=INNER_TEST)

    # another target: a report, not a failure
    report_only = pytester.runpytest_subprocess(*PLUGINS, "-rA")
    report_only.assert_outcomes(passed=1)
    report_only.stdout.fnmatch_lines(["*accessibilit*", "*label (critique) — RGAA 11.1 (Formulaires)*",
                                      "*1 état(s) de page analysé(s) (1 exécution(s) d'axe-core)*",
                                      "dont lecture des pages*injection d'axe-core*1 lecture(s) de page*"])
    data = json.loads((pytester.path / "reports" / "accessibilite.json").read_text(encoding="utf-8"))
    [state] = data["pages"]
    assert state["chemin"] == "/adresse/:id" and state["titre"] == "Page en faute"
    by_rule = {c["regle"]: c for c in state["constats"]}
    assert by_rule["label"]["rgaa"] == "11.1" and by_rule["label"]["bloquant"]
    assert by_rule["label"]["rgaa_tests"] and by_rule["label"]["aide"].startswith("https://")  # axe-core's tags, its help
    assert by_rule["label"]["elements"][0]["cible"] == "input" and by_rule["label"]["elements"][0]["correction"]
    assert by_rule["image-alt"]["rgaa"] == "1.1"
    html = (pytester.path / "reports" / "accessibilite.html").read_text(encoding="utf-8")
    assert "RGAA 11.1 (Formulaires)" in html and "/adresse/:id" in html

    # --accessibilite stricte: the same findings fail the test, naming the page, rule and criterion
    strict = pytester.runpytest_subprocess(*PLUGINS, "--accessibilite", "stricte")
    strict.assert_outcomes(failed=1)
    strict.stdout.fnmatch_lines(["*Accessibilité : violation(s) grave(s) ou critique(s)*",
                                 "*page « Page en faute »*", "*label (critique) — RGAA 11.1*"])

    # the bundled portal must have none: there the default mode fails too
    monkeypatch.setenv("A11Y_BUNDLED", "1")
    pytester.runpytest_subprocess(*PLUGINS).assert_outcomes(failed=1)


def test_rgaa_criterion_from_axe_tags_else_from_the_table() -> None:
    assert rgaa.criterion("label", ["cat.forms", "wcag2a", "RGAAv4", "RGAA-11.1.1"]) == "11.1"
    assert rgaa.criterion("color-contrast", []) == "3.2"  # axe-core's mapping, written down
    assert rgaa.criterion("landmark-one-main", ["best-practice"]) == "12.6"  # ours
    assert rgaa.criterion("target-size", ["wcag22aa"]) is None  # WCAG 2.2: not in RGAA 4.1
    assert rgaa.label("11.1").startswith("RGAA 11.1 (Formulaires) — Chaque champ de formulaire a-t-il une étiquette")
    assert rgaa.label(None).startswith("hors RGAA 4.1")


def test_page_path_blurs_ids_only() -> None:
    assert page_path("http://x/demarches/enfant-de-francais/1234567/etape/2?a=1") == \
        "/demarches/enfant-de-francais/:id/etape/:id"
    assert page_path("http://x/compte/confirmation/AbC9xYz_01kLm") == "/compte/confirmation/:id"
    assert page_path("http://x/") == "/"


def test_findings_keep_rule_impact_criterion_element_and_fix() -> None:
    [finding] = findings([{"id": "button-name", "impact": "critical", "tags": ["RGAA-11.9.1"],
                           "help": "Buttons must have discernible text", "helpUrl": "u",
                           "nodes": [{"target": ["#envoyer"], "html": "<button id=envoyer></button>",
                                      "failureSummary": "Fix any of the following: …"}]}])
    assert (finding.rgaa, finding.rgaa_tests, finding.bloquant, finding.impact_fr) == ("11.9", ["11.9.1"], True, "critique")
    assert finding.elements[0].cible == "#envoyer" and "Fix any" in finding.elements[0].correction
    assert "RGAA 11.9 (Formulaires)" in finding.line()


# The keyboard user (harness.clavier) on pages built for the test ----------------------------------
FORM = """<!doctype html><html lang="fr"><head><title>Formulaire</title>{style}</head><body><main>
<label for="nom">Nom</label><input id="nom">
<fieldset><legend>Motif</legend>
<input type="radio" id="r1" name="motif"><label for="r1">Travail</label>
<input type="radio" id="r2" name="motif"><label for="r2">Famille</label></fieldset>
<input type="checkbox" id="c"><label for="c">J'accepte</label>
{extra}<button type="button" onclick="document.title='envoyé'">Envoyer</button></main></body></html>"""


@pytest.mark.browser
def test_keyboard_reaches_and_operates_every_control(page) -> None:  # type: ignore[no-untyped-def]
    from harness.clavier import Keyboard

    page.set_content(FORM.format(style="", extra=""))
    keyboard = Keyboard(page)
    keyboard.every_control_reachable()
    keyboard.type_into("Nom", "Durand")
    keyboard.choose("Famille")
    keyboard.tick("J'accepte")
    keyboard.press_button("Envoyer")
    assert page.title() == "envoyé"


@pytest.mark.browser
def test_keyboard_refuses_a_mouse_only_control_and_an_invisible_focus(page) -> None:  # type: ignore[no-untyped-def]
    from harness.clavier import Keyboard, NotReachable

    page.set_content(FORM.format(style="", extra='<a href="#x" tabindex="-1">Aide</a>'))
    with pytest.raises(NotReachable, match=r"a « Aide ».*RGAA 12.8|RGAA 12.8.*a « Aide »"):
        Keyboard(page).every_control_reachable()
    page.set_content(FORM.format(style="<style>:focus{outline:none}</style>", extra=""))
    with pytest.raises(AssertionError, match=r"« Nom » reçoit le focus sans qu'il soit visible \(RGAA 10.7\)"):
        Keyboard(page).type_into("Nom", "Durand")


# A page is read again only when it may have changed (harness.axe_audit: Auditor.changed) ------------
PAGES = {"/": b"""<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Accueil</title></head>
<body><main><h1>Accueil</h1><button type="button" aria-expanded="false">Menu</button>
<a href="/suite">Suite</a></main></body></html>""",
         "/suite": b"""<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Suite</title></head>
<body><main><h1>Suite</h1></main></body></html>"""}


class _Pages(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(PAGES.get(self.path.split("?")[0], PAGES["/"]))

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    yield from _serve(_Pages)


@pytest.mark.browser
def test_a_page_is_read_again_after_any_change_and_only_then(browser, site: str, request: pytest.FixtureRequest) -> None:  # type: ignore[no-untyped-def]
    from harness.accessibilite import Watch
    from harness.axe_audit import Auditor

    auditor = Auditor({site})
    watch = Watch(auditor, request.node, blocking=None)
    context = browser.new_context()
    watch.install(context)
    page = context.new_page()
    try:
        def after(action: Callable[[], object]) -> tuple[int, str]:
            """(the pages read since `action`, by the load listener or the check after it; the state the
            check found)"""
            before = auditor.reads
            action()
            watch.check(page)
            return auditor.reads - before, list(watch.visited)[-1]

        nothing = lambda: None  # noqa: E731
        reads, home = after(lambda: page.goto(site + "/"))
        assert reads == 1 and home.startswith("/ · Accueil")
        assert after(nothing) == (0, home)  # nothing changed: the last read is reused
        assert after(page.get_by_role("link", name="Suite").hover) == (0, home)  # a call that changes no node

        # a change of an attribute only, made by a call: read, a new state (an open disclosure)
        reads, opened = after(lambda: page.evaluate("document.querySelector('button').setAttribute('aria-expanded', 'true')"))
        assert reads == 1 and opened != home
        assert after(nothing) == (0, opened)
        # a change the page makes on its own, later (a timer): read once the browser was waited on
        page.evaluate("setTimeout(() => document.querySelector('main').insertAdjacentHTML('beforeend', '<h2>Aide</h2>'), 50)")
        reads, with_help = after(page.get_by_role("heading", name="Aide").wait_for)
        assert reads == 1 and with_help not in (home, opened)
        # a text change that keeps the outline: read, the same state
        assert after(lambda: page.evaluate("document.querySelector('h2').textContent = 'Aide 2'")) == (1, with_help)
        # a navigation within the document (history API): read, another path
        reads, moved = after(lambda: page.evaluate("history.pushState({}, '', '/ailleurs')"))
        assert reads == 1 and moved.startswith("/ailleurs")
        # a new document
        reads, suite = after(lambda: page.goto(site + "/suite"))
        assert reads == 1 and suite.startswith("/suite · Suite")
        assert after(nothing) == (0, suite)
        assert auditor.runs == len(auditor.states) == 5
    finally:
        context.close()
