"""The run's metadata an auditor needs to know what was proven: target, suite version and git commit,
date, persona seed, options, back-office adapter, declared deviations; and the run written as JSON."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

import pytest

RUN_FILE = "execution.json"


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=10, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip()


def suite_version(root: Path) -> dict[str, Any]:
    try:
        version = importlib_metadata.version("anef-simulateur")
    except importlib_metadata.PackageNotFoundError:
        version = None
    commit = _git(root, "rev-parse", "HEAD")
    dirty = _git(root, "status", "--porcelain", "--untracked-files=no")
    return {"version": version, "commit": commit, "modifie": bool(dirty) if dirty is not None else None}


def run_metadata(config: pytest.Config, ecarts: dict[str, Any]) -> dict[str, Any]:
    def option(name: str) -> Any:
        try:
            return config.getoption(name)
        except ValueError:
            return None

    seed = None
    try:
        from personas.pytest_plugin import SEED_KEY, TODAY_KEY

        seed = {"graine": config.stash.get(SEED_KEY, None),
                "date_des_personas": str(config.stash.get(TODAY_KEY, "")) or None}
    except ImportError:  # pragma: no cover
        pass
    return {
        "cible": option("--target") or "portail intégré (fake_anef)",
        "courriels": option("--mailbox") or ("boîte du portail intégré" if not option("--target") else None),
        "suite": suite_version(config.rootpath),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "personas": seed,
        "options": list(config.invocation_params.args),
        "backoffice": option("--backoffice"),
        "preuves": option("--preuves"),
        "ecarts_declares": [{"id": e.id, "justification": e.justification} for e in ecarts.values()],
    }


def write_run(metadata: dict[str, Any], records: list[dict[str, Any]], reports: Path) -> Path:
    """execution.json: the metadata, each scenario's record, and the operator-attested steps."""
    attested = [{"scenario": r["nodeid"], "attestation": a} for r in records for a in r["attestations_operateur"]]
    adapters = sorted({r["backoffice"] for r in records if r["backoffice"]})
    data = {**metadata, "adaptateurs_backoffice": adapters, "etapes_attestees_par_operateur": attested,
            "scenarios": records}
    path = reports / RUN_FILE
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path
