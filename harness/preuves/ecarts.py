"""Declared deviations (--ecarts FILE): requirements a vendor knows its deployment departs from, each
with a justification. A failure whose failed requirements are all declared is an "écart déclaré"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..catalogue import Catalogue


@dataclass(frozen=True)
class Ecart:
    id: str
    justification: str


def load_ecarts(path: Path | str, catalogue: Catalogue | None = None) -> dict[str, Ecart]:
    """A YAML list of {id, justification}, or a text file with one `ID : justification` a line
    (# comments). Every id must be in the catalogue (when one is given) and be justified."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"fichier d'écarts illisible : {path} ({exc.strerror})") from None
    if path.suffix in {".yaml", ".yml"}:
        raw = yaml.safe_load(text) or []
        if isinstance(raw, dict):
            raw = raw.get("ecarts") or []
        pairs = [(str(e.get("id", "")), str(e.get("justification") or "")) for e in raw if isinstance(e, dict)]
    else:
        pairs = []
        for line in text.splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            ident, _, reason = _split(line)
            pairs.append((ident, reason))
    ecarts: dict[str, Ecart] = {}
    problems = []
    for ident, reason in pairs:
        if catalogue is not None and len(catalogue) and ident not in catalogue:
            problems.append(f"{ident} : exigence absente du catalogue")
        elif not reason.strip():
            problems.append(f"{ident} : écart sans justification")
        else:
            ecarts[ident] = Ecart(ident, reason.strip())
    if problems:
        raise ValueError(f"fichier d'écarts {path} invalide :\n  - " + "\n  - ".join(problems))
    return ecarts


def _split(line: str) -> tuple[str, str, str]:
    match = re.match(r"^(\S+?)\s*(?::\s*|\s+)(.*)$", line)
    if not match:
        return line, "", ""
    return match.group(1), ":", match.group(2)
