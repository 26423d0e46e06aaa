"""Page time of connected applicants while other clients log in (issue 14 pt 3: argon2 on the event
loop made every page wait for the password hashing).

    python benchmarks/bench_portal_load.py [--applicants 20] [--logins 4] [--seconds 15] [--max-requests 2000]
                                           [--visitors 4] [--workers 1] [--client threads|asyncio]
                                           [--database-url postgresql://…]

Starts the bundled portal of THIS checkout (`python -m fake_anef serve`, a subprocess, on
127.0.0.1 with free ports and a temporary data folder), creates the accounts over HTTP (path a:
temporary password read from the sink, then replaced), then for `--seconds` (and at most
`--max-requests` page loads per applicant):
- phase "calme": the applicants alone, each GETting the first step page of a téléprocédure in a loop;
- phase "connexions": the same while `--logins` clients log in continuously (right password, so
  every attempt costs one argon2 verification, throttling or not).
then the same two phases with `--visitors` anonymous clients GETting the home page instead (the
home page while clients log in). Prints page count, median, p95, max and pages/s per phase, the
logins done, and the CPU per page of the portal (its processes, from /proc; the logins' argon2
included) and of the load generator (this process). `--client asyncio` replaces the 20 blocking
httpx threads by raw keep-alive connections in one event loop, a generator that leaves more of a
2-core machine to the portal. Asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from proc_cpu import table, tree

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "Abcdef1!x"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"the portal did not answer at {url}")


class Portal:
    """The portal subprocess and its sink's read API."""

    def __init__(self, data_dir: Path, workers: int = 1, database_url: str = "") -> None:
        self.port, smtp, self.mail_port = _free_port(), _free_port(), _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.mail = f"http://127.0.0.1:{self.mail_port}"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        env.pop("ANEF_FAULTS", None)
        env.pop("ANEF_DATABASE_URL", None)
        if database_url:
            env["ANEF_DATABASE_URL"] = database_url
        self.process = subprocess.Popen(
            [sys.executable, "-m", "fake_anef", "serve", "--port", str(self.port), "--smtp-port", str(smtp),
             "--mail-port", str(self.mail_port), "--data-dir", str(data_dir), "--workers", str(workers)],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        _wait(f"{self.url}/__sim__/health", deadline)
        _wait(f"{self.mail}/api/health", deadline)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def temporary_password(self, email: str) -> str:
        found = httpx.get(f"{self.mail}/api/messages", params={"to": email, "wait": "10"}, timeout=15).json()["messages"]
        text = httpx.get(f"{self.mail}/api/messages/{found[-1]['id']}", timeout=10).json()["text"]
        return re.search(r"Mot de passe provisoire : (\S+)", text).group(1)  # type: ignore[union-attr]


def account(portal: Portal, email: str) -> httpx.Client:
    """Path a, the temporary password replaced: a connected client."""
    client = httpx.Client(base_url=portal.url, follow_redirects=True, timeout=60)
    client.post("/demarches/premiere-demande", data={"email": email, "email_confirmation": email})
    client.post("/connexion", data={"identifiant": email, "mot_de_passe": portal.temporary_password(email)})
    client.post("/compte/reinitialisation", data={"mot_de_passe": PASSWORD, "confirmation": PASSWORD})
    return client


def step_page(client: httpx.Client) -> str:
    """The first step of the téléprocédure behind the first choice (a real page with its form)."""
    response = client.post("/demarches/premiere-demande", data={"motif": "attaches-familiales"})
    assert "/etapes/" in str(response.url), f"no step page: {response.url}"
    return str(response.url.path)


def _tree_cpu(pid: int) -> float | None:
    """CPU seconds (user + system) of a process and its descendants so far (Linux /proc; None elsewhere)."""
    procs = table()
    if not procs:
        return None
    return sum(procs[p].own for p in tree(pid, procs) if p in procs)


class Phase:
    """What one phase measured: page times per kind of page, logins done, CPU of the portal and of this process."""

    def __init__(self) -> None:
        self.times: dict[str, list[float]] = {}
        self.logins = 0
        self.lock = threading.Lock()
        self.last: dict[str, float] = {}  # when the last page of each kind came back (--max-requests may end early)
        self.started = time.perf_counter()
        self.wall = self.portal_cpu = self.generator_cpu = 0.0

    def record(self, page: str, ms: float) -> None:
        with self.lock:
            self.times.setdefault(page, []).append(ms)
            self.last[page] = time.perf_counter()


def _threads(pages: list[tuple[str, httpx.Client, str]], login_clients: list[tuple[httpx.Client, str]],
             seconds: float, max_requests: int, phase: Phase) -> None:
    """The load as 20 blocking httpx clients, one thread each (the original generator)."""
    stop = threading.Event()

    def reader(page: str, client: httpx.Client, path: str) -> None:
        for _ in range(max_requests):
            if stop.is_set():
                return
            start = time.perf_counter()
            client.get(path).raise_for_status()
            phase.record(page, (time.perf_counter() - start) * 1000)

    def login(client: httpx.Client, email: str) -> None:
        while not stop.is_set():
            client.post("/connexion", data={"identifiant": email, "mot_de_passe": PASSWORD})
            with phase.lock:
                phase.logins += 1

    threads = [threading.Thread(target=reader, args=c) for c in pages]
    threads += [threading.Thread(target=login, args=c) for c in login_clients]
    for t in threads:
        t.start()
    time.sleep(seconds)  # the phase's length: the bound in time (each applicant is also bounded in count)
    stop.set()
    for t in threads:
        t.join(timeout=120)


async def _raw_get(port: int, path: str, cookie: str, count: int, page: str, phase: Phase, stop: asyncio.Event) -> None:
    """One keep-alive HTTP/1.1 connection sending the same GET (with the client's session cookie)
    and reading each answer whole (Content-Length): a client that costs next to no CPU."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    request = (f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/html\r\n"
               + (f"Cookie: {cookie}\r\n" if cookie else "") + "\r\n").encode()
    try:
        for _ in range(count):
            if stop.is_set():
                return
            start = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            status = head[9:12]
            length = int(re.search(rb"(?i)\r\ncontent-length: *(\d+)", head).group(1))  # type: ignore[union-attr]
            await reader.readexactly(length)
            if status != b"200":
                raise SystemExit(f"{path}: HTTP {status.decode()}")
            phase.record(page, (time.perf_counter() - start) * 1000)
    finally:
        writer.close()


def _asyncio(pages: list[tuple[str, httpx.Client, str]], login_clients: list[tuple[httpx.Client, str]],
             seconds: float, max_requests: int, phase: Phase, port: int) -> None:
    """The same load from one event loop over raw keep-alive connections (logins stay httpx threads:
    their cost is the portal's argon2, not the client)."""
    stop_logins = threading.Event()

    def login(client: httpx.Client, email: str) -> None:
        while not stop_logins.is_set():
            client.post("/connexion", data={"identifiant": email, "mot_de_passe": PASSWORD})
            with phase.lock:
                phase.logins += 1

    async def run() -> None:
        stop = asyncio.Event()
        tasks = [asyncio.create_task(_raw_get(port, path, "; ".join(f"{k}={v}" for k, v in client.cookies.items()),
                                              max_requests, page, phase, stop)) for page, client, path in pages]
        await asyncio.sleep(seconds)
        stop.set()
        await asyncio.wait_for(asyncio.gather(*tasks), 120)

    threads = [threading.Thread(target=login, args=c) for c in login_clients]
    for t in threads:
        t.start()
    try:
        asyncio.run(run())
    finally:
        stop_logins.set()
        for t in threads:
            t.join(timeout=120)


def run_phase(portal: Portal, pages: list[tuple[str, httpx.Client, str]], login_clients: list[tuple[httpx.Client, str]],
              args: argparse.Namespace) -> Phase:
    phase = Phase()
    portal_cpu, own_cpu, wall = _tree_cpu(portal.process.pid), time.process_time(), time.perf_counter()
    if args.client == "asyncio":
        _asyncio(pages, login_clients, args.seconds, args.max_requests, phase, portal.port)
    else:
        _threads(pages, login_clients, args.seconds, args.max_requests, phase)
    phase.wall = time.perf_counter() - wall
    phase.generator_cpu = time.process_time() - own_cpu
    after = _tree_cpu(portal.process.pid)
    phase.portal_cpu = after - portal_cpu if after is not None and portal_cpu is not None else float("nan")
    return phase


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values, default=0.0)


def _print(name: str, phase: Phase) -> None:
    pages = sum(len(t) for t in phase.times.values())
    for page, times in phase.times.items():
        print(f"  {name:<11} {page:<6} pages={len(times):5d}  médiane={statistics.median(times):7.1f} ms  "
              f"p95={_p95(times):7.1f} ms  max={max(times):7.1f} ms  {len(times) / (phase.last[page] - phase.started):5.0f} pages/s  "
              f"connexions={phase.logins}")
    print(f"  {'':<11} CPU par page : portail {phase.portal_cpu / max(pages, 1) * 1000:.2f} ms (connexions comprises), "
          f"générateur de charge {phase.generator_cpu / max(pages, 1) * 1000:.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--applicants", type=int, default=20)
    parser.add_argument("--logins", type=int, default=4)
    parser.add_argument("--visitors", type=int, default=4, help="clients GETting the home page (anonymous), phases 'accueil'")
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--max-requests", type=int, default=2000, help="page loads per client and phase, at most")
    parser.add_argument("--workers", type=int, default=1, help="portal processes (serve --workers)")
    parser.add_argument("--client", choices=["threads", "asyncio"], default="threads",
                        help="load generator: one blocking httpx client per thread (default), or raw keep-alive "
                             "connections in one event loop (cheaper: more of the 2 cores left to the portal)")
    parser.add_argument("--database-url", default="", help="ANEF_DATABASE_URL (an empty PostgreSQL database); SQLite by default")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-portal-") as tmp:
        portal = Portal(Path(tmp), args.workers, args.database_url)
        try:
            applicants: list[tuple[str, httpx.Client, str]] = []
            for i in range(args.applicants):
                client = account(portal, f"usager{i}@example.org")
                applicants.append(("étape", client, step_page(client)))
            visitors = [("accueil", httpx.Client(base_url=portal.url, timeout=60), "/") for _ in range(args.visitors)]
            login_clients = []
            for i in range(args.logins):
                account(portal, f"connexion{i}@example.org").close()
                login_clients.append((httpx.Client(base_url=portal.url, timeout=60), f"connexion{i}@example.org"))
            base = "PostgreSQL" if args.database_url else "SQLite"
            print(f"portail {ROOT} ({args.workers} processus, {base}, générateur {args.client}) — {args.applicants} usagers "
                  f"connectés (GET d'une page d'étape), puis {args.visitors} visiteurs (GET de la page d'accueil), "
                  f"{args.logins} clients qui se connectent en continu, {args.seconds:.0f} s par phase")
            for name, pages, logins in (("calme", applicants, []), ("connexions", applicants, login_clients),
                                        ("calme", visitors, []), ("connexions", visitors, login_clients)):
                _print(name, run_phase(portal, pages, logins, args))
            for _, client, _ in applicants + visitors:
                client.close()
            for client, _ in login_clients:
                client.close()
        finally:
            portal.stop()


if __name__ == "__main__":
    main()
