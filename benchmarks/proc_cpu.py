"""CPU seconds of a process tree, read from Linux's /proc: what the benchmarks compare on a shared
machine, where wall times are not worth much. One read of the process table, then the tree of a
root process in it. Off Linux the table is empty."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Proc:
    parent: int
    own: float  # utime + stime, seconds
    reaped: float  # cutime + cstime: the children it has waited for (Chromium's closed renderers)


def table() -> dict[int, Proc]:
    """Every process now: pid → its parent and CPU seconds."""
    out: dict[int, Proc] = {}
    try:
        entries = list(Path("/proc").iterdir())
    except OSError:
        return out
    for entry in entries:
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        ticks = [int(f) for f in fields[11:15]]  # utime stime cutime cstime
        out[int(entry.name)] = Proc(int(fields[1]), (ticks[0] + ticks[1]) / TICK, (ticks[2] + ticks[3]) / TICK)
    return out


def tree(root: int, procs: dict[int, Proc]) -> set[int]:
    """`root` and its descendants among `procs`."""
    children: dict[int, list[int]] = {}
    for pid, proc in procs.items():
        children.setdefault(proc.parent, []).append(pid)
    found, todo = {root}, [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found
