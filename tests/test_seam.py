"""Rule 1 of the house, checked: the harness side never imports the portal, so one suite runs
unchanged against any deployment."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HARNESS_SIDE = ["features", "steps", "harness", "personas"]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in {"import_module", "__import__"}:
            if node.args and isinstance(node.args[0], ast.Constant) and str(node.args[0].value).startswith("fake_anef"):
                names.add("fake_anef")
    return names


@pytest.mark.parametrize("folder", HARNESS_SIDE)
def test_the_harness_side_does_not_import_the_portal(folder: str) -> None:
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / folder).rglob("*.py") if "fake_anef" in _imports(p)]
    assert offenders == []


def test_the_check_itself_sees_an_import(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text("from fake_anef.accounts import fold\n", encoding="utf-8")
    assert "fake_anef" in _imports(sample)
