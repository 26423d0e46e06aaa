"""Portal page times at 20 concurrent applicants: the home page, anonymous and logged in.

    python benchmarks/bench_portal_pages.py [--clients 20] [--requests 25]

Starts the bundled portal on 127.0.0.1, opens `clients` accounts over HTTP (path a), then has every
client fetch the home page `requests` times, all at once: anonymous, then logged in (the account
looked up, the bell's query). A wizard step page is not measured yet: reaching one over HTTP
means choosing a motif and sous-motif, which this benchmark does not do.
Prints p50/p95 and requests per second. Bounded: at most 50 clients × 200 requests, 120 s per
phase. (The same figures while 4 clients log in: benchmarks/bench_portal_load.py.) Asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_account_journey import http_journey  # noqa: E402
from harness.mailbox import Mailbox  # noqa: E402
from harness.target import BundledPortal, Target  # noqa: E402

PHASE_TIMEOUT = 120.0


async def _client_loop(cookies: httpx.Cookies | None, base: str, path: str, count: int, out: list[float]) -> None:
    async with httpx.AsyncClient(base_url=base, cookies=cookies, timeout=30) as client:
        for _ in range(count):
            started = time.perf_counter()
            response = await client.get(path)
            out.append(time.perf_counter() - started)
            response.raise_for_status()


async def _phase(target: Target, jars: list[httpx.Cookies | None], path: str, count: int) -> tuple[list[float], float]:
    samples: list[float] = []
    started = time.perf_counter()
    await asyncio.wait_for(asyncio.gather(*(_client_loop(j, target.base_url, path, count, samples) for j in jars)),
                           PHASE_TIMEOUT)
    return samples, time.perf_counter() - started


def _line(name: str, samples: list[float], wall: float) -> str:
    q = statistics.quantiles(samples, n=20, method="inclusive")
    return (f"{name:<52} p50 {statistics.median(samples) * 1000:7.1f} ms   p95 {q[-1] * 1000:7.1f} ms   "
            f"{len(samples) / wall:6.0f} req/s   n={len(samples)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=25, help="requests per client and page")
    args = parser.parse_args()
    clients, count = max(1, min(args.clients, 50)), max(2, min(args.requests, 200))
    with tempfile.TemporaryDirectory() as data:
        portal = BundledPortal(Path(data) / "portail", Path(data) / "portal.log")
        target = portal.start()
        mailbox = Mailbox(target.mailbox_url)
        try:
            logged = [http_journey(target, mailbox) for _ in range(clients)]
            jars = [c.cookies for c in logged]
            public, public_wall = asyncio.run(_phase(target, [None] * clients, "/", count))
            private, private_wall = asyncio.run(_phase(target, jars, "/", count))
            for c in logged:
                c.close()
        finally:
            mailbox.close()
            portal.stop()
    print(f"Portal pages, {clients} concurrent clients × {count} requests, bundled portal on 127.0.0.1")
    print(_line("home page, anonymous", public, public_wall))
    print(_line("home page, logged in", private, private_wall))
    return 0


if __name__ == "__main__":
    sys.exit(main())
