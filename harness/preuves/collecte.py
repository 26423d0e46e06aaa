"""What one test leaves for the report and the matrix: its Gherkin steps with status, duration and
screenshot, the requirements it cites (tags) and verifies (user_properties), the mails it read, the
files it downloaded, the back-office that acted. Plain dicts, so the run can be written as JSON."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd import reporting

from ..catalogue import Catalogue

# the page, the mailbox and the downloads of a test, kept by the plugin as fixtures are set up
PAGE = pytest.StashKey[Any]()
DOWNLOADS = pytest.StashKey[list[Any]]()
SHOTS = pytest.StashKey[dict[int, str]]()          # step index → screenshot path (relative to the reports dir)

VERDICTS = {"ok": "conforme", "ko": "non conforme", "remarque": "remarque"}
# feature tags naming a guide, for a scenario that cites no requirement of its own
GUIDE_TAGS = {"compte": "01", "enfant_de_francais": "02", "ase": "03", "bpi": "04", "famille_ue": "05"}


def slug(nodeid: str) -> str:
    """Same folder name as harness.plugin's evidence on failure, so both land in one folder."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid)[-120:]


def recorded_requirements(item: pytest.Item) -> list[tuple[str, str]]:
    """("G02-ETAPE1-TITRE", "ok") for each ("exigence", "G02-ETAPE1-TITRE:ok") the checks recorded."""
    out = []
    for key, value in item.user_properties:
        if key == "exigence" and isinstance(value, str) and ":" in value:
            ident, _, verdict = value.rpartition(":")
            out.append((ident.strip(), verdict.strip()))
    return out


def cited_requirements(item: pytest.Item, catalogue: Catalogue) -> list[str]:
    """The requirements the test's tags cite. An outline's tags cover all its Exemples; a requirement
    whose text is a value of another row's example (one password rule's message) is left to that row."""
    ids = {i for m in item.iter_markers() if (i := catalogue.id_for_tag(m.name)) is not None}
    row = {_fold(v) for v in example_params(item).values()}
    others = {_fold(v) for r in _example_rows(item) for v in r} - row
    return sorted(i for i in ids if _fold(catalogue[i].texte) not in others)


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


def _example_rows(item: pytest.Item) -> list[list[str]]:
    from pytest_bdd.scenario import scenario_wrapper_template_registry

    test = getattr(item, "obj", None)
    template = scenario_wrapper_template_registry.get(test) if callable(test) else None
    if template is None:
        return []
    return [list(values) for examples in template.examples for values in examples.examples]


def failed_requirements(item: pytest.Item, report: pytest.TestReport, catalogue: Catalogue) -> set[str]:
    """The requirements a failure is about: recorded `:ko`, or named in the failure's message."""
    failed = {i for i, v in recorded_requirements(item) if v == "ko"}
    text = report.longreprtext or ""
    failed |= {e.id for e in catalogue if e.id in text}
    return failed


def steps_of(item: pytest.Item) -> list[dict[str, Any]]:
    """The scenario's steps as pytest-bdd timed them; after the failing step: "non exécutée"."""
    scenario_report = reporting.scenario_reports_registry.get(item)
    if scenario_report is None:
        return []
    shots = item.stash.get(SHOTS, {})
    from .saisies import ECRANS, SAISIES

    typed, screens = item.stash.get(SAISIES, {}), item.stash.get(ECRANS, {})
    steps, failed_seen = [], False
    executed = scenario_report.step_reports
    for n, step in enumerate(scenario_report.scenario.steps):
        step_report = executed[n] if n < len(executed) else None
        if step_report is None or failed_seen:
            status = "non exécutée"
        elif step_report.failed:
            status, failed_seen = "échouée", True
        else:
            status = "réussie"
        steps.append({
            "mot_cle": step.keyword.strip(), "texte": step.name, "ligne": step.line_number,
            "statut": status, "duree": round(step_report.duration, 3) if step_report and status != "non exécutée" else 0.0,
            "capture": shots.get(n), "saisies": typed.get(n, []), "ecran": screens.get(n),
        })
    return steps


def scenario_of(item: pytest.Item) -> dict[str, Any] | None:
    scenario_report = reporting.scenario_reports_registry.get(item)
    if scenario_report is None:
        return None
    scenario = scenario_report.scenario
    feature = scenario.feature
    return {"nom": scenario.name, "ligne": scenario.line_number, "mot_cle": scenario.keyword,
            "fonctionnalite": feature.name, "fichier": Path(feature.filename).name,
            "etiquettes": sorted(set(scenario.tags) | set(feature.tags))}


def guide_of(record: dict[str, Any], catalogue: Catalogue) -> str:
    """The guide a scenario belongs to: its journey's tag (@compte → 01, @ase → 03 …), else the guide
    most of its cited requirements come from (a sentence shared by several guides is cited in each),
    else "autres"."""
    for tag in record.get("marques", []):
        if tag in GUIDE_TAGS:
            return GUIDE_TAGS[tag]
    codes = [catalogue[i].guide_code for i in record["exigences_citees"] if i in catalogue]
    codes = [c for c in codes if c != "SIM"] or codes
    if codes:
        return max(sorted(set(codes)), key=codes.count)
    return "autres"


def example_params(item: pytest.Item) -> dict[str, str]:
    callspec = getattr(item, "callspec", None)
    example = callspec.params.get("_pytest_bdd_example") if callspec else None
    return dict(example) if isinstance(example, dict) else {}


def new_record(item: pytest.Item, catalogue: Catalogue) -> dict[str, Any]:
    return {
        "nodeid": item.nodeid, "dossier": slug(item.nodeid), "scenario": None, "exemple": example_params(item),
        "marques": sorted({m.name for m in item.iter_markers()}),
        "exigences_citees": cited_requirements(item, catalogue),
        "exigences_verifiees": [], "resultat": "non joué", "duree": 0.0, "message": "", "etapes": [],
        "courriels": [], "fichiers": [], "captures": [], "backoffice": None, "attestations_operateur": [],
        "remarques": [], "ecart": None, "graine": None,
    }
