"""`make bench`: every benchmark in one run, one after the other, figures side by side.

    python benchmarks/run.py [--quick]

Each benchmark is its own process with a time limit, against portals it starts on 127.0.0.1.
A benchmark that fails or overruns is reported and the others still run. Figures, no pass/fail.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIMIT_SECONDS = 900

BENCHES = [  # (file, normal arguments, --quick arguments)
    ("bench_twoddoc.py", ["--count", "100"], ["--count", "20"]),
    ("bench_account_journey.py", ["--count", "3"], ["--count", "1"]),
    ("profile_portal.py", ["--requests", "300"], ["--requests", "100"]),  # CPU and counts per page, in-process
    ("bench_portal_pages.py", ["--clients", "20", "--requests", "25"], ["--clients", "20", "--requests", "5"]),
    # the lean generator (raw keep-alive connections; the 20 httpx threads cost ~1 ms of CPU per page on the same 2 cores)
    ("bench_portal_load.py", ["--client", "asyncio"], ["--client", "asyncio", "--seconds", "5"]),
    ("bench_portal_load.py", ["--client", "asyncio", "--workers", "2"], ["--client", "asyncio", "--workers", "2", "--seconds", "5"]),
    ("bench_mail_sink.py", ["--mails", "1000"], ["--mails", "200", "--polls", "10"]),  # h3's: the home page while clients log in (when present)
    ("slowest.py", [], []),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer samples (a smoke run of every benchmark)")
    args = parser.parse_args()
    for name, normal, quick in BENCHES:
        script = HERE / name
        if not script.exists():
            continue
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        try:
            done = subprocess.run([sys.executable, str(script), *(quick if args.quick else normal)],
                                  cwd=HERE.parent, timeout=LIMIT_SECONDS, check=False)
            status = "" if done.returncode == 0 else f" (exit {done.returncode})"
        except subprocess.TimeoutExpired:
            status = f" (stopped after {LIMIT_SECONDS} s)"
        print(f"--- {name}: {time.perf_counter() - started:.0f} s{status}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
