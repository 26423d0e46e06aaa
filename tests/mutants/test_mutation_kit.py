"""The mutation kit (mutants/catalogue.yaml, scripts/mutation.py): every fault mode is a mutant with
known requirement ids and a selection that exists, and a small sample of mutants is killed on every
run of `make test` (`make mutation` runs them all)."""

from __future__ import annotations

import importlib.util
import shlex
import sys
from pathlib import Path

import pytest

from fake_anef.faults import FAULTS
from harness.catalogue import catalogue

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("mutation", ROOT / "scripts" / "mutation.py")
assert _spec and _spec.loader
mutation = importlib.util.module_from_spec(_spec)
sys.modules["mutation"] = mutation  # its dataclasses look their module up
_spec.loader.exec_module(mutation)

MUTANTS = mutation.load()
GUIDES = {"01", "02", "03", "04", "05", "simulateur", "maison"}


def test_every_fault_mode_is_a_mutant_of_the_catalogue() -> None:
    """The catalogue's, and the text mutants' fault mode (one mutant per normative text)."""
    TEXTS, _ = mutation.text_mutants(MUTANTS)
    assert sorted(FAULTS) == sorted({m.faute for m in MUTANTS + TEXTS}), "a fault mode without a mutant, or the reverse"


def test_one_text_mutant_per_normative_rule_field_or_mail_the_portal_holds() -> None:
    """Every normative requirement of nature règle, champ (document, 2D-DOC) or courriel has a mutant:
    a text mutant when the portal holds its text, else a mutant of the catalogue that names it; each
    text mutant's selection is a tag some scenario carries."""
    texts, without = mutation.text_mutants(MUTANTS)
    assert len(texts) >= 30
    assert all(m.couvert and m.tuer[-1].startswith("exig_") for m in texts), [m.name for m in texts if not m.couvert]
    assert not without, [e["id"] for e in without]


@pytest.mark.parametrize("mutant", MUTANTS, ids=lambda m: m.name)
def test_a_mutant_names_its_guide_known_requirements_and_existing_tests(mutant) -> None:  # type: ignore[no-untyped-def]
    assert mutant.guide in GUIDES, mutant.guide
    cat = catalogue()
    for id_ in mutant.exigences:
        cat.by_id(id_)  # KeyError: an id the requirements catalogue does not hold
    paths = [a.split("::")[0] for i, a in enumerate(mutant.tuer)
             if not a.startswith("-") and (i == 0 or mutant.tuer[i - 1] not in ("-k", "-m"))]
    assert paths, f"{mutant.name}: no test file in {shlex.join(mutant.tuer)}"
    for path in paths:
        assert (ROOT / path).exists(), path
    for path, name in (a.split("::", 1) for a in mutant.tuer if "::" in a):
        assert f"def {name.split('[')[0]}(" in (ROOT / path).read_text(encoding="utf-8"), name


def test_the_sample_is_short_and_without_browser() -> None:
    sample = [m for m in MUTANTS if m.echantillon]
    assert 1 <= len(sample) <= 2
    assert all(not a.startswith("features") for m in sample for a in m.tuer)


@pytest.mark.parametrize("mutant", [m for m in MUTANTS if m.echantillon], ids=lambda m: m.name)
def test_a_sample_mutant_is_killed(mutant, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The kit's own check: pytest on the mutant's selection fails with that fault mode on (the same
    selection passes on the conformant portal: it is part of this run)."""
    outcome = mutation.judge(mutant, timeout=600, baseline=False, output=tmp_path)
    assert outcome.verdict == "tué", f"{mutant.name}: {outcome.verdict}, {outcome.detail}"
    assert "test_" in outcome.detail, outcome.detail  # killed by a failing test, not by an error


def test_a_portal_that_did_not_start_is_an_error_not_a_kill(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """pytest exits 1 when the bundled portal fails to start (a port taken, a load spike): that says
    nothing of the rule, so the mutant is an error to run again, not a kill."""
    mutant = MUTANTS[0]
    crashed = "E   RuntimeError: le portail intégré s'est arrêté ; voir reports/portal.log\nFAILED x.py::test_a - RuntimeError"
    monkeypatch.setattr(mutation, "run_pytest", lambda *args: (1, crashed))
    assert mutation.judge(mutant, 60, False, tmp_path).verdict == "erreur"
    monkeypatch.setattr(mutation, "run_pytest", lambda *args: (1, "FAILED x.py::test_a - AssertionError: lu 05/03"))
    assert mutation.judge(mutant, 60, False, tmp_path).verdict == "tué"
