"""The personas from a terminal, for a trainer preparing a class or a tester choosing a scenario:

    python -m personas "une demandeuse de nationalité tunisienne, enfant d'un père français"
    python -m personas --reference                  # the guides' named people
    python -m personas --reference COLLINS_MARSHALL  # one of them in full

A description is read by :func:`personas.description.construire` (the vocabulary is in its
docstring); the same seed and date give the same person, as in the suite (``--persona-seed``,
``--persona-today``). ``--json`` prints the persona as JSON instead of the indented listing.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import sys
from datetime import date
from typing import Any

from personas.description import construire
from personas.factory import PersonaFactory
from personas.model import fr
from personas.reference import REFERENCES, reference


def as_data(value: Any) -> Any:
    """A persona (or part of one) as plain data: dataclasses to dicts, dates as AAAA-MM-JJ."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [as_data(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def listing(value: Any, indent: int = 0) -> list[str]:
    """An indented listing of a persona: one line per known value, dates as the guides write them."""
    lines: list[str] = []
    pad = "  " * indent
    for f in dataclasses.fields(value):
        v = getattr(value, f.name)
        if v is None or v == [] or v == "":
            continue
        if dataclasses.is_dataclass(v):
            lines.append(f"{pad}{f.name} :")
            lines += listing(v, indent + 1)
        elif isinstance(v, list) and v and dataclasses.is_dataclass(v[0]):
            for i, item in enumerate(v, 1):
                lines.append(f"{pad}{f.name} [{i}] :")
                lines += listing(item, indent + 1)
        elif isinstance(v, list):
            lines.append(f"{pad}{f.name} : {', '.join(fr(x) if isinstance(x, date) else str(x) for x in v)}")
        else:
            lines.append(f"{pad}{f.name} : {fr(v) if isinstance(v, date) else v}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m personas", description=__doc__.split("\n\n")[0])
    parser.add_argument("description", nargs="?", help="who files, in the guides' words")
    parser.add_argument("--reference", nargs="?", const="", metavar="CLE",
                        help="list the guides' named people, or print one (e.g. COLLINS_MARSHALL)")
    parser.add_argument("--seed", type=int, help="the persona seed (default: a random one, printed)")
    parser.add_argument("--today", type=date.fromisoformat, help="the date the people live at (AAAA-MM-JJ)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    out = sys.stdout
    if args.reference == "" and not args.description:
        for ref in REFERENCES.values():
            d = ref.demandeur
            out.write(f"{ref.cle:<16} {ref.guide:<42} {d.nom} {' '.join(d.prenoms)}, né(e) le "
                      f"{fr(d.date_naissance)} ({fr(ref.date_scene)})\n")
        return 0
    if args.reference:
        try:
            persona = reference(args.reference)
        except ValueError as exc:
            parser.error(str(exc))
    elif args.description:
        seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
        try:
            persona = construire(PersonaFactory(seed, args.today), args.description)
        except ValueError as exc:
            parser.error(str(exc))
        if not args.json:
            out.write(f"# --seed {seed}" + (f" --today {args.today.isoformat()}" if args.today else "") + "\n")
    else:
        parser.error("a description, or --reference")
    if args.json:
        out.write(json.dumps(as_data(persona), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write("\n".join(listing(persona)) + "\n")
    return 0
