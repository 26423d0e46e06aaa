"""Where the bytecode of the project's own runs goes when PYTHONDONTWRITEBYTECODE is set (as on the
project's shared machines): outside the work tree, in a folder of the temporary directory, rather than
nowhere. Without it every Python process a run starts (pytest, its xdist workers, the portals,
commands) compiles the project again and pytest rewrites its asserts again: about 2 s of CPU each.
The work tree stays as clean as the setting meant; a PYTHONPYCACHEPREFIX already chosen is left alone.

Why one module: the rule is decided here only. The root conftest.py applies it to every pytest
process (and, through the environment, to the processes it starts); the shell scripts that start
Python themselves (scripts/test.sh, scripts/deploiement.sh) take its shell lines:
``eval "$(.venv/bin/python -m harness.bytecode)"``."""

from __future__ import annotations

import os
import shlex
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path


def cache_folder(environ: Mapping[str, str]) -> str | None:
    """The folder to keep the bytecode in, or None: bytecode is written as usual, or is already
    kept in a folder somebody chose."""
    if not environ.get("PYTHONDONTWRITEBYTECODE") or environ.get("PYTHONPYCACHEPREFIX"):
        return None
    return str(Path(tempfile.gettempdir()) / "anef-pycache")


def keep_bytecode() -> None:
    """This process and those it starts from now on keep their bytecode in cache_folder()."""
    cache = cache_folder(os.environ)
    if cache is None:
        return
    del os.environ["PYTHONDONTWRITEBYTECODE"]
    os.environ["PYTHONPYCACHEPREFIX"] = cache  # the processes started from now on
    sys.dont_write_bytecode, sys.pycache_prefix = False, cache  # the modules this one imports from now on


def shell_lines(environ: Mapping[str, str]) -> str:
    """The same as lines for a shell to eval (nothing when there is nothing to change)."""
    cache = cache_folder(environ)
    if cache is None:
        return ""
    return f"unset PYTHONDONTWRITEBYTECODE\nexport PYTHONPYCACHEPREFIX={shlex.quote(cache)}\n"


if __name__ == "__main__":
    sys.stdout.write(shell_lines(os.environ))
