"""The suite's wall time and its slowest scenarios, from a JUnit file a run left; and the time of each
part of the last `make test` (reports/make-test/, the line scripts/test.sh ends each part's log with).

    python benchmarks/slowest.py [reports/junit.xml] [--top 10]

Reads the file `anef run` / `make conformance` writes (or any pytest --junitxml); runs nothing.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("junit", nargs="?", default="reports/junit.xml")
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args(argv)
    path = Path(args.junit)
    if not path.exists():
        print(f"Slowest scenarios: no JUnit file at {path} (run `make conformance` first)")
        make_test(path.parent / "make-test")
        return 0
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    cases = [c for s in suites for c in s.iter("testcase")]
    wall = sum(float(s.get("time") or 0) for s in suites)
    flaky = sum(1 for c in cases for p in c.iter("property") if p.get("name") == "flaky")
    print(f"Suite in {path}: {len(cases)} tests, wall time {wall:.0f} s, {flaky} flaky")
    ranked = sorted(cases, key=lambda c: float(c.get("time") or 0), reverse=True)[: max(1, args.top)]
    for case in ranked:
        where = (case.get("classname") or "").rsplit(".", 1)[-1]
        print(f"  {float(case.get('time') or 0):7.1f} s  {where}::{case.get('name')}")
    make_test(path.parent / "make-test")
    return 0


def make_test(folder: Path) -> None:
    """Each part's wall and CPU time as the last `make test` printed them (`tests : 312.4 s réel, …`)."""
    logs = sorted(folder.glob("*.log"))
    if not logs:
        return
    print(f"Last make test ({folder}), its parts side by side:")
    for log in logs:
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
        print(f"  {lines[-1] if lines else log.stem + ' : (vide)'}")


if __name__ == "__main__":
    sys.exit(main())
