"""harness.bytecode: the one rule of where the runs' bytecode goes, as the shell scripts take it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from harness.bytecode import cache_folder, shell_lines

ROOT = Path(__file__).resolve().parents[2]


def test_kept_outside_the_work_tree_only_when_bytecode_is_not_written() -> None:
    assert cache_folder({}) is None and shell_lines({}) == ""
    assert cache_folder({"PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": "/ailleurs"}) is None  # their choice
    folder = cache_folder({"PYTHONDONTWRITEBYTECODE": "1"})
    assert folder is not None and not Path(folder).is_relative_to(ROOT)


def test_a_shell_script_takes_the_rule_by_eval(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "TMPDIR": str(tmp_path)}
    env.pop("PYTHONPYCACHEPREFIX", None)
    script = f'eval "$({sys.executable} -m harness.bytecode)"; echo "${{PYTHONDONTWRITEBYTECODE:-}}|$PYTHONPYCACHEPREFIX"'
    out = subprocess.run(["bash", "-c", script], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"|{tmp_path / 'anef-pycache'}"
