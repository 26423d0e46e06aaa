"""One report from several processes: the xdist workers of one run (each writes its part, the
controller builds the report) and the shards of a run spread over CI jobs (`anef fusionner`, after
`--splits N --group I` of pytest-split). The merged matrix, report, execution.json and JUnit file are
those one process running every scenario would have written: they are built by the same functions,
from the same per-scenario records."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from junitparser import JUnitXml

from ..catalogue import Catalogue, load
from .couverture import scan_features
from .ecarts import Ecart
from .matrice import build_matrix, write_matrix
from .metadonnees import RUN_FILE, write_run
from .rapport import write_report

PARTS = ".parties"   # reports/.parties/<worker>.json: an xdist worker's scenarios


class FusionRefusee(ValueError):
    """A merge that would not give the report of one run (a missing shard, a scenario run twice)."""


def write_all(records: list[dict[str, Any]], metadata: dict[str, Any], catalogue: Catalogue,
              ecarts: dict[str, Any], features: Path, reports: Path) -> tuple[dict[str, Any], list[Path]]:
    """The matrix (JSON, HTML), the report and execution.json of these scenarios' records."""
    reports.mkdir(parents=True, exist_ok=True)
    couverture = scan_features(features, catalogue) if features.is_dir() else None
    matrix = build_matrix(catalogue, couverture, records, ecarts)
    written = write_matrix(matrix, metadata, reports)
    written.append(write_report(records, matrix, metadata, reports))
    written.append(write_run(metadata, records, reports))
    return matrix, written


# xdist: the workers' parts --------------------------------------------------------------------
def clear_parts(reports: Path) -> None:
    shutil.rmtree(reports / PARTS, ignore_errors=True)


def write_part(reports: Path, worker: str, records: list[dict[str, Any]]) -> Path:
    folder = reports / PARTS
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{worker}.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


def read_parts(reports: Path) -> list[dict[str, Any]]:
    """Every worker's records, in the order of their node ids (a worker's order is xdist's choice)."""
    records: list[dict[str, Any]] = []
    for path in sorted((reports / PARTS).glob("*.json")):
        records.extend(json.loads(path.read_text(encoding="utf-8")))
    return sorted(records, key=lambda r: r["nodeid"])


# shards: `anef fusionner` ---------------------------------------------------------------------
def merge_runs(sources: list[Path], output: Path, *, catalogue_dir: Path, features: Path) -> list[Path]:
    """Merges the execution.json, evidence and junit.xml of each shard's reports folder into `output`."""
    runs = []
    for source in sources:
        run_file = source / RUN_FILE
        if not run_file.is_file():
            raise FusionRefusee(f"{source} : pas de {RUN_FILE} (ce dossier n'est pas celui d'une exécution)")
        runs.append(json.loads(run_file.read_text(encoding="utf-8")))
    records: list[dict[str, Any]] = []
    seen: dict[str, Path] = {}
    for source, run in zip(sources, runs, strict=True):
        for record in run.get("scenarios", []):
            if record["nodeid"] in seen:
                raise FusionRefusee(f"{record['nodeid']} joué dans {seen[record['nodeid']]} et dans {source}")
            seen[record["nodeid"]] = source
            records.append(record)
    records.sort(key=lambda r: r["nodeid"])
    output.mkdir(parents=True, exist_ok=True)
    for source in sources:
        if (source / "evidence").is_dir() and source.resolve() != output.resolve():
            shutil.copytree(source / "evidence", output / "evidence", dirs_exist_ok=True)
    metadata = {k: v for k, v in runs[0].items()
                if k not in {"scenarios", "adaptateurs_backoffice", "etapes_attestees_par_operateur"}}
    metadata["fusion"] = [str(s) for s in sources]
    ecarts = {e["id"]: Ecart(e["id"], e["justification"]) for e in metadata.get("ecarts_declares") or []}
    _, written = write_all(records, metadata, load(catalogue_dir), ecarts, features, output)
    from harness.rapport_accessibilite import merge_reports

    accessibility = merge_reports([s / "accessibilite.json" for s in sources], output)
    written += list(accessibility or [])
    junits = [s / "junit.xml" for s in sources if (s / "junit.xml").is_file()]
    if junits:
        written.append(merge_junit(junits, output / "junit.xml"))
    return written


def merge_junit(files: list[Path], output: Path) -> Path:
    """One JUnit file: the shards' test cases, in one suite per suite name (junitparser sums the counts)."""
    merged = JUnitXml()
    suites: dict[str, Any] = {}
    for path in files:
        xml = JUnitXml.fromfile(str(path))
        for suite in (xml if isinstance(xml, JUnitXml) else [xml]):
            name = suite.name or "pytest"
            if name not in suites:
                suites[name] = suite
                merged.add_testsuite(suite)
            else:
                for case in suite:
                    suites[name].add_testcase(case)
    for suite in suites.values():
        suite.update_statistics()
    merged.update_statistics()  # type: ignore[no-untyped-call]  # junitparser leaves this method unannotated
    output.parent.mkdir(parents=True, exist_ok=True)
    merged.write(str(output))
    return output
