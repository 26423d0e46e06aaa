"""Preconditions the fast way (issue 19 point 2) against the browser way, on the same scenarios.

    python benchmarks/bench_preconditions.py [--count 1] [-k EXPRESSION]

Runs the selected feature scenarios (default: four whose account is a precondition, one per
journey) in a pytest process of their own, once with `--preconditions navigateur` and once with the
default (`auto`: the operator API of the bundled portal), alternately, `--count` times each. Prints
the CPU seconds (user + system of pytest and everything it started and waited for: the portal,
Playwright's driver, Chromium; and the same, sampled from /proc over the process tree) and the wall time. Wall time is meaningless on a loaded machine; CPU
is what to compare. Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from proc_cpu import table, tree

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ("modifier_ma_situation or abandonner_la_demande or un_demandeur_majeur_marié "
           "or un_demandeur_marié_atteste")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _tree_cpu(root: int, seen: dict[int, float]) -> None:
    """Own CPU seconds (utime + stime) of `root` and its descendants now, into `seen` (by pid)."""
    procs = table()
    for pid in tree(root, procs):
        seen[pid] = max(procs[pid].own, seen.get(pid, 0.0))


def run(mode: str, selection: str) -> tuple[float, float, float, int]:
    """(CPU seconds as waited-for children, CPU seconds of the sampled process tree, wall seconds,
    pytest's exit code) of one run. The two CPU figures cross-check each other: a process its
    parent never waits for escapes the first, the last quarter second of a process the second."""
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "ANEF_REPORTS_DIR": str(Path(folder) / "reports")}
        cpu, wall = _children_cpu(), time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "pytest", "features", "-k", selection, "-q", "-p", "no:randomly",
             "--preconditions", mode, "--accessibilite", "non", "--scenario-retries", "0",
             "--output", str(Path(folder) / "pw")],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seen: dict[int, float] = {}
        while process.poll() is None:
            _tree_cpu(process.pid, seen)
            time.sleep(0.25)
        return _children_cpu() - cpu, sum(seen.values()), time.perf_counter() - wall, process.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1, help="runs per way (default 1, at most 5)")
    parser.add_argument("-k", dest="selection", default=DEFAULT, help="pytest -k expression of the scenarios")
    args = parser.parse_args()
    results: dict[str, list[tuple[float, float, float, int]]] = {"navigateur": [], "auto": []}
    for _ in range(max(1, min(args.count, 5))):
        for mode in results:
            results[mode].append(run(mode, args.selection))
    print(f"Preconditions, scenarios -k {args.selection!r}")
    for mode, rows in results.items():
        cpu, tree, wall = (statistics.median(r[i] for r in rows) for i in range(3))
        codes = sorted({r[3] for r in rows})
        print(f"  --preconditions {mode:<10}  CPU {cpu:7.1f} s (process tree sampled: {tree:7.1f} s)   "
              f"wall {wall:7.1f} s   n={len(rows)}   pytest exit {codes}")
    for i, name in ((0, "CPU"), (1, "CPU, process tree sampled")):
        browser, fast = (statistics.median(r[i] for r in results[m]) for m in ("navigateur", "auto"))
        print(f"  {name} saved by the fast way: {browser - fast:.1f} s ({(browser - fast) / browser:.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
