"""The last lines of every run, for whoever reads a vendor's result: how many scenarios ran, passed,
failed, were skipped, and why each skipped one was. (The remarques, informative mismatches, are
counted by their own module.) Registered by harness.plugin."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest


def _is_scenario(report: Any) -> bool:
    return str(getattr(report, "nodeid", "")).startswith("features/")


def _reason(report: Any) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        reason = str(longrepr[2])
    else:
        reason = str(longrepr)
    return reason.removeprefix("Skipped: ")


def outcomes(stats: dict[str, list[Any]]) -> tuple[Counter[str], list[tuple[str, str]]]:
    """Per-outcome counts of the scenarios (one per test, whatever phase decided it), and the skips."""
    counts: Counter[str] = Counter()
    skips: list[tuple[str, str]] = []
    seen: set[str] = set()
    for key, label in (("failed", "failed"), ("error", "failed"), ("skipped", "skipped"),
                       ("passed", "passed"), ("xfailed", "passed"), ("xpassed", "failed")):
        for report in stats.get(key, []):
            if not _is_scenario(report) or report.nodeid in seen:
                continue
            if key == "passed" and getattr(report, "when", "call") != "call":
                continue
            seen.add(report.nodeid)
            counts[label] += 1
            if label == "skipped":
                skips.append((report.nodeid, _reason(report)))
    counts["run"] = counts["passed"] + counts["failed"]
    return counts, skips


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    counts, skips = outcomes(terminalreporter.stats)
    total = counts["run"] + counts["skipped"]
    if not total:
        return
    terminalreporter.section("scénarios")
    terminalreporter.write_line(f"scénarios : {total} — joués {counts['run']}, réussis {counts['passed']}, "
                                f"en échec {counts['failed']}, non joués {counts['skipped']}")
    for nodeid, reason in skips:
        terminalreporter.write_line(f"  non joué : {nodeid.removeprefix('features/test_scenarios.py::')} — {reason}")
