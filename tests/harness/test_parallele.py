"""Runs spread over processes (issue 19 pt 5): xdist workers write their own files and their parts
of one report; a run sharded in two (pytest-split, as two CI jobs) merges into the report an
unsharded run gives; the browsers of a remote Playwright server or DevTools endpoint (--browser-ws)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from junitparser import JUnitXml

from harness.navigateur_distant import is_cdp, launch_options_header
from tests.harness.test_preuves_plugin import CATALOGUE, CONFTEST

pytest_plugins = ["pytester"]

# six scenarios, one failing, one citing no requirement: enough for each shard to hold some
FEATURE = """\
# language: fr
Fonctionnalité: Démonstration
  @exig_G02_ETAPE1_TITRE
  Scénario: Premier écran conforme
    Soit une page
    Alors la page montre "Votre situation"

  @exig_G02_ETAPE2_RETOUR
  Scénario: Un texte changé
    Soit une page
    Alors la page montre "Retour"

  @exig_G02_ETAPE1_TITRE
  Plan du scénario: Écran conforme <n>
    Soit une page
    Alors la page montre "Votre situation"

    Exemples:
      | n |
      | 1 |
      | 2 |
      | 3 |

  Scénario: Sans exigence
    Soit une page
"""


class Project:
    """A throw-away project (a catalogue, a feature, steps recording what they check), run in
    subprocesses: unsharded, in two shards, with two xdist workers; each run with its reports folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        (path / "requirements").mkdir()
        (path / "requirements" / "02-enfant.yaml").write_text(CATALOGUE, encoding="utf-8")
        (path / "features").mkdir()
        (path / "features" / "demo.feature").write_text(FEATURE, encoding="utf-8")
        (path / "conftest.py").write_text(CONFTEST, encoding="utf-8")
        (path / "test_demo.py").write_text("from pytest_bdd import scenarios\nscenarios('features')\n", encoding="utf-8")

    def run(self, *args: str, reports: str | None = None) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_XDIST", "PYTEST_ADDOPTS"))}
        env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # no browser plugin in these runs
        extra: list[str] = []
        if reports:
            env["ANEF_REPORTS_DIR"] = str(self.path / reports)
            extra = ["-m", "pytest", "-p", "no:cacheprovider", "--junitxml", f"{reports}/junit.xml"]
        return subprocess.run([sys.executable, *extra, *args], cwd=self.path, env=env, capture_output=True,
                              text=True, check=False, timeout=600)

    def merge(self, *shards: str) -> subprocess.CompletedProcess[str]:
        return self.run("-m", "harness.cli", "fusionner", *shards, "--sortie", "fusion",
                        "--exigences", "requirements", "--fonctionnalites", "features")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The runs the tests compare, made once: unsharded, shard 1/2 and 2/2 (pytest-split), xdist -n 2."""
    project = Project(tmp_path_factory.mktemp("projet"))
    for reports, args in (("entier", ()), ("tranche-1", ("-p", "pytest_split.plugin", "--splits", "2", "--group", "1")),
                          ("tranche-2", ("-p", "pytest_split.plugin", "--splits", "2", "--group", "2")),
                          ("xdist", ("-p", "xdist.plugin", "-n", "2"))):
        done = project.run(*args, reports=reports)
        # one scenario fails on purpose: the run that holds it exits 1, the other shard 0
        assert done.returncode == (1 if "Un texte changé" in _ran(project.path / reports) else 0), done.stdout[-3000:]
    return project


def _ran(folder: Path) -> str:
    """The names of the scenarios a run played."""
    return " | ".join(s["scenario"]["nom"] for s in json.loads((folder / "execution.json").read_text(encoding="utf-8"))["scenarios"])


def _content(folder: Path) -> dict[str, Any]:
    """What a report says, whatever process wrote it: scenario results, requirement verdicts, JUnit cases."""
    run = json.loads((folder / "execution.json").read_text(encoding="utf-8"))
    matrix = json.loads((folder / "matrice.json").read_text(encoding="utf-8"))
    junit = JUnitXml.fromfile(str(folder / "junit.xml"))
    cases = sorted((c.classname, c.name, tuple(type(r).__name__ for r in c.result)) for s in junit for c in s)
    return {
        "scenarios": sorted((s["nodeid"], s["resultat"], tuple(e["statut"] for e in s["etapes"])) for s in run["scenarios"]),
        "exigences": {r["id"]: (r["statut"], sorted((e["nodeid"], e["verdict"]) for e in r["executions"]))
                      for r in matrix["exigences"]},
        "guides": matrix["guides"],
        "junit": cases,
        "junit_totals": (junit.tests, junit.failures, junit.errors, junit.skipped),
        "report_rows": len(re.findall(r"Premier écran conforme|Écran conforme|Un texte changé|Sans exigence",
                                      (folder / "rapport-conformite.html").read_text(encoding="utf-8"))),
    }


def test_a_run_sharded_in_two_merges_into_the_report_of_the_unsharded_run(project: Project) -> None:
    shards = [_content(project.path / f"tranche-{group}") for group in (1, 2)]
    assert all(len(s["scenarios"]) >= 2 for s in shards), shards  # each shard ran a part
    merge = project.merge("tranche-1", "tranche-2")
    assert merge.returncode == 0, merge.stderr
    assert "fusion/junit.xml" in merge.stdout
    merged, whole = _content(project.path / "fusion"), _content(project.path / "entier")
    assert merged == whole
    assert len(merged["scenarios"]) == 6 and merged["junit_totals"][:2] == (6, 1)
    failed = next(s for s in json.loads((project.path / "fusion" / "execution.json").read_text())["scenarios"]
                  if s["resultat"] == "échoué")
    assert (project.path / "fusion" / "evidence" / failed["dossier"]).is_dir()  # the shard's evidence, copied


def test_merging_a_shard_with_itself_or_a_missing_one_is_refused(project: Project) -> None:
    twice = project.merge("tranche-1", "tranche-1")
    assert twice.returncode == 1 and "joué dans tranche-1 et dans tranche-1" in twice.stderr
    missing = project.merge("tranche-1", "tranche-3")
    assert missing.returncode == 1 and "tranche-3 : pas de execution.json" in missing.stderr


def test_xdist_workers_give_one_report_equal_to_a_single_process_run(project: Project) -> None:
    assert sorted(p.name for p in (project.path / "xdist" / ".parties").glob("*.json")) == ["gw0.json", "gw1.json"]
    assert _content(project.path / "xdist") == _content(project.path / "entier")


def test_an_xdist_worker_names_its_files_after_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    from harness.plugin import REPORTS, per_worker

    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    assert per_worker("portal.log") == REPORTS / "portal.log"
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw1")
    assert per_worker("portal.log") == REPORTS / "portal-gw1.log"
    assert per_worker("accessibilite").name == "accessibilite-gw1"


# --browser-ws --------------------------------------------------------------------------------------
def test_browser_ws_tells_a_playwright_server_from_a_devtools_endpoint() -> None:
    assert not is_cdp("ws://grid.example:3000/")
    assert is_cdp("http://127.0.0.1:9222") and is_cdp("ws://127.0.0.1:9222/devtools/browser/abc")
    with pytest.raises(ValueError, match="adresse non reconnue"):
        is_cdp("ftp://x")
    local = json.loads(launch_options_header("ws://127.0.0.1:3000/", {"executable_path": "/usr/bin/chromium",
                                                                       "args": ["--no-sandbox"], "headless": True}))
    assert local == {"args": ["--no-sandbox"], "headless": True, "executablePath": "/usr/bin/chromium"}
    remote = json.loads(launch_options_header("ws://grid.example:3000/", {"executable_path": "/usr/bin/chromium"}))
    assert "executablePath" not in remote  # a remote server uses its own browsers


REMOTE_TEST = """
import os


def descendants(root):
    stats = {}
    for name in filter(str.isdigit, os.listdir("/proc")):
        try:
            text = open(f"/proc/{name}/stat").read()
        except OSError:
            continue
        rest = text.rsplit(")", 1)[1].split()
        stats[int(name)] = (int(rest[1]), text.split("(", 1)[1].rsplit(")", 1)[0])
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        kids = [p for p, (ppid, _) in stats.items() if ppid == pid]
        found += [stats[k][1] for k in kids]
        todo += kids
    return found


def test_the_page_is_in_the_remote_browser(page, browser):
    page.set_content("<h1>Bonjour</h1>")
    assert page.inner_text("h1") == "Bonjour"
    assert any("chrom" in name for name in descendants(int(os.environ["REMOTE_PID"]))), "no browser under the server"
    assert not any("chrom" in name for name in descendants(os.getpid())), "a browser launched here"
"""


def _remote(args: list[str], banner: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    # its own process group, ended whole: `playwright run-server` is a Python wrapper around node,
    # which outlived the wrapper's termination (one idle node server left behind by each run)
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        assert process.stdout is not None
        for line in process.stdout:  # the server says where it listens once it does
            match = re.search(banner, line)
            if match:
                yield process, match.group(1)
                return
        raise AssertionError(f"{args[0]} stopped before listening")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


@pytest.fixture(params=["playwright-server", "cdp"])
def remote_browser(request: pytest.FixtureRequest) -> Iterator[tuple[subprocess.Popen[str], str]]:
    from harness.plugin import CHROMIUM_ARGS, chromium

    if request.param == "playwright-server":
        playwright = str(Path(sys.executable).with_name("playwright"))
        args = [playwright, "run-server", "--host", "127.0.0.1", "--port", "0", "--unsafe"]
        yield from _remote(args, r"Listening on (ws://\S+)")
    else:
        executable = chromium(headless=True)
        if not executable:
            pytest.skip("no Chromium installed")
        args = [executable, "--headless", "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
                "--user-data-dir=" + str(request.getfixturevalue("tmp_path") / "profil"), *CHROMIUM_ARGS, "about:blank"]
        yield from _remote(args, r"DevTools listening on (ws://\S+)")


@pytest.mark.browser
def test_browser_ws_runs_the_pages_in_the_remote_browser(pytester: pytest.Pytester,
                                                         remote_browser: tuple[subprocess.Popen[str], str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    process, url = remote_browser
    monkeypatch.setenv("REMOTE_PID", str(process.pid))
    monkeypatch.setenv("ANEF_REPORTS_DIR", str(pytester.path / "reports"))
    pytester.makepyfile(test_remote=REMOTE_TEST)
    pytester.makeconftest('pytest_plugins = ["harness.plugin"]')
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")  # the browser's plugins only, as named below
    result = pytester.runpytest_subprocess("-p", "pytest_playwright.pytest_playwright", "-p", "pytest_base_url.plugin",
                                           "-p", "no:cacheprovider", "--browser-ws", url, "--scenario-retries", "0")
    result.assert_outcomes(passed=1)



def test_the_workers_accessibility_reports_merge_into_one(tmp_path: Path) -> None:
    from harness.rapport_accessibilite import merge_reports

    def page(cle: str, rule: str | None) -> dict[str, Any]:
        finding = {"regle": rule, "impact": "serious", "rgaa": "11.1", "rgaa_tests": [], "critere": "11.1 (Formulaires)",
                   "description": "d", "aide": "https://x", "bloquant": True,
                   "elements": [{"cible": "input", "html": "<input>", "correction": "c"}]}
        return {"cle": cle, "url": "http://h/a", "chemin": "/a", "titre": cle, "test": "t", "etape": "e",
                "constats": [finding] if rule else []}

    for worker, pages in (("gw0", [page("A", "label"), page("B", None)]), ("gw1", [page("B", None), page("C", None)])):
        (tmp_path / f"accessibilite-{worker}.json").write_text(json.dumps(
            {"cible": "portail", "mode": "auto", "moteur": "axe-core 4.10", "duree_des_analyses_s": 1.5,
             "analyses_impossibles": [f"{worker} : page fermée"], "pages": pages}), encoding="utf-8")
    json_path, html_path = merge_reports(sorted(tmp_path.glob("accessibilite-gw*.json")), tmp_path) or (None, None)
    assert json_path is not None and html_path is not None
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert [p["cle"] for p in data["pages"]] == ["A", "B", "C"]  # each page state once
    assert (data["etats_de_page"], data["constats"], data["constats_graves_ou_critiques"]) == (3, 1, 1)
    assert data["duree_des_analyses_s"] == 3.0 and len(data["analyses_impossibles"]) == 2
    assert data["moteur"] == "axe-core 4.10" and "RGAA" in html_path.read_text(encoding="utf-8")
