"""Nothing under personas/ depends on the simulator or the harness: the conformance suite uses the
personas against any vendor's deployment."""

from __future__ import annotations

import ast
from pathlib import Path

import personas

FORBIDDEN = ("fake_anef", "harness", "steps")


def test_personas_import_neither_the_simulator_nor_the_harness():
    root = Path(personas.__file__).parent
    files = sorted(root.rglob("*.py"))
    assert files
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert name.split(".")[0] not in FORBIDDEN, f"{path.name} imports {name}"
