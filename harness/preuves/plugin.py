"""pytest plugin of the evidence: registers the catalogue's ids as marks (so a scenario's
`@exig_…` tags hold under --strict-markers), records each test's steps and evidence, turns a failure
on declared deviations into "écart déclaré", and writes the run, the matrix and the report."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd import reporting

from ..catalogue import Catalogue, CatalogueError, load
from . import collecte, fusion, saisies
from .documents import describe_pdf
from .ecarts import Ecart, load_ecarts
from .matrice import guide_lines
from .metadonnees import run_metadata

STATE = pytest.StashKey["Preuves"]()
SUMMARY = "anef-preuves"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("anef-preuves", "ANEF evidence: requirements, coverage matrix, report")
    group.addoption("--exigences", default=None, metavar="DIR",
                    help="requirement catalogue (default: requirements/ at the project's root)")
    group.addoption("--ecarts", default=None, metavar="FILE",
                    help="declared deviations (requirement id + justification): a failure on those only "
                         "shows as « écart déclaré » and does not fail the run")
    group.addoption("--preuves", default="echec", choices=("echec", "toutes"),
                    help="screenshots: of the failing step only (echec, default) or of every step (toutes)")


def pytest_configure(config: pytest.Config) -> None:
    folder = Path(config.getoption("--exigences") or config.rootpath / "requirements")
    try:
        catalogue = load(folder)
    except CatalogueError as exc:
        raise pytest.UsageError(str(exc)) from None
    for exigence in catalogue:
        config.addinivalue_line("markers", f"{exigence.tag}: exigence {exigence.id} ({exigence.section})")
    ecarts = {}
    if config.getoption("--ecarts"):
        try:
            ecarts = load_ecarts(config.getoption("--ecarts"), catalogue)
        except ValueError as exc:
            raise pytest.UsageError(str(exc)) from None
    reports = Path(os.environ.get("ANEF_REPORTS_DIR", "reports"))
    state = Preuves(config, catalogue, ecarts, reports, features=config.rootpath / "features")
    config.stash[STATE] = state
    config.pluginmanager.register(state, SUMMARY)


class Preuves:
    """The run's evidence, test by test."""

    def __init__(self, config: pytest.Config, catalogue: Catalogue, ecarts: dict[str, Ecart], reports: Path,
                 features: Path) -> None:
        self.config, self.catalogue, self.ecarts, self.reports = config, catalogue, ecarts, reports
        self.features = features
        self.records: dict[str, dict[str, Any]] = {}
        self.matrix: dict[str, Any] | None = None
        self.written: list[Path] = []
        self.session_fixtures: dict[str, Any] = {}   # the mailbox and the trust list, once set up
        # the items the matrix counts: the suite's scenarios (files under features/), never the
        # harness's own unit tests, which feed deliberately faulty PDFs and pages to its checks
        self.in_features: set[str] = set()

    # fixtures and steps ------------------------------------------------------------------------
    @pytest.hookimpl(wrapper=True)
    def pytest_fixture_setup(self, fixturedef: Any, request: pytest.FixtureRequest) -> Any:
        result = yield
        if fixturedef.argname in ("mailbox", "trust_list") and result is not None:
            self.session_fixtures[fixturedef.argname] = result
        if fixturedef.argname == "page" and result is not None:
            node = request.node
            node.stash[collecte.PAGE] = result
            downloads = node.stash.setdefault(collecte.DOWNLOADS, [])
            try:  # a function, not the bound list.append: Playwright tags the handler it is given
                result.on("download", lambda download: downloads.append(download))
            except Exception:  # noqa: BLE001 - a page double without events: no downloads kept
                pass
            if self.config.getoption("--preuves") == "toutes":
                try:  # what the user types, for the illustrated guide (anef guide-illustre)
                    saisies.install(result, node)
                except Exception:  # noqa: BLE001 - evidence never breaks a run
                    pass
        return result

    def _screenshot(self, item: pytest.Item, name: str, **options: Any) -> str | None:
        page = item.stash.get(collecte.PAGE, None)
        if page is None:
            return None
        folder = self.reports / "evidence" / collecte.slug(item.nodeid)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(folder / name), **{"full_page": True, **options})
        except Exception:  # noqa: BLE001 - evidence must never hide the real failure
            return None
        return f"evidence/{collecte.slug(item.nodeid)}/{name}"

    def _step_index(self, item: pytest.Item) -> int:
        scenario_report = reporting.scenario_reports_registry.get(item)
        return len(scenario_report.step_reports) - 1 if scenario_report else 0

    @pytest.hookimpl(trylast=True, optionalhook=True)  # pytest-bdd's hooks: a run without it still loads this plugin
    def pytest_bdd_after_step(self, request: pytest.FixtureRequest, **_: Any) -> None:
        if self.config.getoption("--preuves") == "toutes":
            n = self._step_index(request.node)
            shot = self._screenshot(request.node, f"etape-{n + 1:02d}.jpg", type="jpeg", quality=60, full_page=False)
            if shot:
                request.node.stash.setdefault(collecte.SHOTS, {})[n] = shot
            page = request.node.stash.get(collecte.PAGE, None)
            if page is not None:
                saisies.after_step(page, request.node, n)

    @pytest.hookimpl(trylast=True, optionalhook=True)
    def pytest_bdd_step_error(self, request: pytest.FixtureRequest, **_: Any) -> None:
        # trylast: pytest-bdd has already marked the failing step; its index is the first failed one
        scenario_report = reporting.scenario_reports_registry.get(request.node)
        failed = [i for i, s in enumerate(scenario_report.step_reports) if s.failed] if scenario_report else []
        n = failed[0] if failed else 0
        shot = self._screenshot(request.node, f"etape-{n + 1:02d}-echec.png")
        if shot:
            request.node.stash.setdefault(collecte.SHOTS, {})[n] = shot

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        """A test's evidence folder holds this run's evidence only (a package takes it as such)."""
        shutil.rmtree(self.reports / "evidence" / collecte.slug(item.nodeid), ignore_errors=True)

    # reports ------------------------------------------------------------------------------------
    @pytest.hookimpl(wrapper=True, tryfirst=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[Any]) -> Any:
        report = yield
        record = self.records.get(item.nodeid)
        if record is None:
            record = self.records[item.nodeid] = collecte.new_record(item, self.catalogue)
            if Path(item.path).resolve().is_relative_to(self.features.resolve()):
                self.in_features.add(item.nodeid)
        try:
            self._record(item, report, record)
        except Exception as exc:  # noqa: BLE001 - the evidence must never break the run nor hide its result
            record.setdefault("erreurs_de_preuve", []).append(f"{type(exc).__name__}: {exc}")
        return report

    def _record(self, item: pytest.Item, report: pytest.TestReport, record: dict[str, Any]) -> None:
        if report.when == "setup" and not report.passed:
            record["resultat"] = "non joué" if report.skipped else "échoué"
            record["message"] = _short(report)
        elif report.when == "call":
            self._call_report(item, report, record)
        elif report.when == "teardown" and report.failed and record["resultat"] != "échoué":
            record["resultat"], record["message"] = "échoué", _short(report)
        if report.when != "setup" or not report.passed:
            self._fill(item, record)

    def _call_report(self, item: pytest.Item, report: pytest.TestReport, record: dict[str, Any]) -> None:
        record["duree"] = round(report.duration, 3)
        if report.passed:
            record["resultat"] = "réussi"
        elif report.skipped:
            record["resultat"] = "non joué"
            record["message"] = _short(report)
        else:
            record["resultat"], record["message"] = "échoué", _short(report)
            failed = collecte.failed_requirements(item, report, self.catalogue)
            if failed and failed <= set(self.ecarts):
                justification = " ; ".join(f"{i} : {self.ecarts[i].justification}" for i in sorted(failed))
                report.outcome = "skipped"
                report.wasxfail = f"écart déclaré — {justification}"
                record["resultat"] = "écart déclaré"
                record["ecart"] = {"exigences": sorted(failed), "justification": justification}
        self._keep_files(item, record)

    def _keep_files(self, item: pytest.Item, record: dict[str, Any]) -> None:
        """The mails this test read and the files it downloaded, saved beside its screenshots."""
        folder = self.reports / "evidence" / record["dossier"]
        # the watermark harness.plugin's actor fixture sets; that plugin not loaded (a run of this one
        # alone), no actor read a mail: not imported for that (it costs ~0.4 s of CPU per process)
        harness_plugin = sys.modules.get("harness.plugin")
        watermark = getattr(harness_plugin, "MAILS_BEFORE", None)
        box = self.session_fixtures.get("mailbox")
        if box is not None and watermark is not None and watermark in item.stash:
            for mail in list(getattr(box, "read", []))[item.stash[watermark]:]:
                try:
                    path = mail.save(folder)
                    record["courriels"].append({"objet": mail.subject, "fichier": _rel(path, self.reports)})
                except Exception:  # noqa: BLE001
                    record["courriels"].append({"objet": mail.subject, "fichier": None})
        for download in item.stash.get(collecte.DOWNLOADS, []):
            try:
                name = download.suggested_filename
                folder.mkdir(parents=True, exist_ok=True)
                download.save_as(str(folder / name))
                entry = {"nom": name, "fichier": _rel(folder / name, self.reports)}
                if name.lower().endswith(".pdf"):
                    entry.update(describe_pdf(folder / name, self.session_fixtures.get("trust_list")))
                record["fichiers"].append(entry)
            except Exception:  # noqa: BLE001 - a download the page cancelled: nothing to keep
                continue

    def _fill(self, item: pytest.Item, record: dict[str, Any]) -> None:
        record["scenario"] = collecte.scenario_of(item) or record["scenario"]
        record["etapes"] = collecte.steps_of(item) or record["etapes"]
        record["exigences_verifiees"] = [{"id": i, "verdict": v} for i, v in collecte.recorded_requirements(item)]
        record["remarques"] = [f"{i} : remarque" for i, v in collecte.recorded_requirements(item) if v == "remarque"]
        record["remarques"] += [str(v) for k, v in item.user_properties if k == "remarque"]
        record["backoffice"] = next((v for k, v in item.user_properties if k == "backoffice"), record["backoffice"])
        record["attestations_operateur"] = [v for k, v in item.user_properties if k == "backoffice_atteste_par_operateur"]
        record["captures"] = sorted(set(item.stash.get(collecte.SHOTS, {}).values()))
        record["guide"] = collecte.guide_of(record, self.catalogue)
        record["graine"] = _seed(item)

    # end of the run -----------------------------------------------------------------------------
    def pytest_sessionstart(self, session: pytest.Session) -> None:
        if not hasattr(self.config, "workerinput"):
            fusion.clear_parts(self.reports)  # the parts of an earlier run's workers

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        scenarios = [r for r in self.records.values()
                     if r["nodeid"] in self.in_features or r["scenario"] is not None]
        worker = getattr(self.config, "workerinput", None)
        if worker is not None:  # an xdist worker: its part, for the controller to build the report
            if scenarios:
                fusion.write_part(self.reports, worker["workerid"], scenarios)
            return
        scenarios += fusion.read_parts(self.reports)
        if not scenarios:
            return  # unit tests only: no matrix to speak of
        metadata = run_metadata(self.config, self.ecarts)
        self.matrix, self.written = fusion.write_all(scenarios, metadata, self.catalogue, self.ecarts,
                                                     self.features, self.reports)

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        ecarts = [r for r in self.records.values() if r["resultat"] == "écart déclaré"]
        if ecarts:
            terminalreporter.section("écarts déclarés (--ecarts) : échecs qui ne font pas échouer l'exécution")
            for r in ecarts:
                terminalreporter.write_line(f"écart déclaré : {r['nodeid']} — {r['ecart']['justification']}")
        if self.matrix is None:
            return
        terminalreporter.section("couverture des exigences")
        for line in guide_lines(self.matrix):
            terminalreporter.write_line(line)
        for path in self.written:
            terminalreporter.write_line(f"→ {path}")


def _short(report: pytest.TestReport) -> str:
    if report.skipped and isinstance(report.longrepr, tuple):
        return str(report.longrepr[2])
    text = report.longreprtext or ""
    lines = [line for line in text.splitlines() if line.startswith("E ")]
    return "\n".join(line[2:].strip() for line in lines)[:2000] or text[-2000:]


def _seed(item: pytest.Item) -> dict[str, Any] | None:
    try:
        from personas.pytest_plugin import SEED_KEY, seed_for
    except ImportError:  # pragma: no cover
        return None
    seed = item.config.stash.get(SEED_KEY, None)
    if seed is None:
        return None
    return {"session": seed, "scenario": seed_for(seed, item.nodeid)}


def _rel(path: Path, root: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
