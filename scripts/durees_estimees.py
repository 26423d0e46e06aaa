"""Writes .test_durations, the file pytest-split shards by, for the features: each scenario's
duration estimated from its steps (seconds per step), until a real run refreshes it with
`pytest features --store-durations` (README, "Sharding a run"). Runs nothing: it collects.

    .venv/bin/python scripts/durees_estimees.py [--par-etape 0.4]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


class Estimate:
    def __init__(self, per_step: float) -> None:
        self.per_step = per_step
        self.durations: dict[str, float] = {}

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        from pytest_bdd.scenario import scenario_wrapper_template_registry

        for item in items:
            template: Any = scenario_wrapper_template_registry.get(getattr(item, "obj", None))
            steps = len(template.steps) if template is not None else 1
            self.durations[item.nodeid] = round(self.per_step * (steps + 1), 1)  # + start-up of the page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--par-etape", type=float, default=0.4, help="seconds per Gherkin step (default 0.4)")
    args = parser.parse_args(argv)
    plugin = Estimate(args.par_etape)
    code = pytest.main(["features", "--collect-only", "-qq", "-p", "no:cacheprovider"], plugins=[plugin])
    if code != 0 or not plugin.durations:
        return int(code) or 1
    path = ROOT / ".test_durations"
    path.write_text(json.dumps(dict(sorted(plugin.durations.items())), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{path} : {len(plugin.durations)} scénarios, {sum(plugin.durations.values()):.0f} s estimées")
    return 0


if __name__ == "__main__":
    sys.exit(main())
