"""Page time of connected applicants while other clients log in (issue 14 pt 3: argon2 on the event
loop made every page wait for the password hashing).

    python benchmarks/bench_portal_load.py [--applicants 20] [--logins 4] [--seconds 15] [--max-requests 2000]
                                           [--workers 1] [--database-url postgresql://…]

Starts the bundled portal of THIS checkout (`python -m fake_anef serve`, a subprocess, on
127.0.0.1 with free ports and a temporary data folder), creates the accounts over HTTP (path a:
temporary password read from the sink, then replaced), then for `--seconds` (and at most
`--max-requests` page loads per applicant):
- phase "calme": the applicants alone, each GETting the first step page of a téléprocédure in a loop;
- phase "connexions": the same while `--logins` clients log in continuously (right password, so
  every attempt costs one argon2 verification, throttling or not).
Prints page count, median, p95 and max per phase, and the logins done. Asserts nothing.
"""

from __future__ import annotations

import argparse
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


def run_phase(clients: list[tuple[httpx.Client, str]], login_clients: list[tuple[httpx.Client, str]],
              seconds: float, max_requests: int) -> tuple[list[float], int]:
    stop = threading.Event()
    times: list[float] = []
    logins = [0]
    lock = threading.Lock()

    def applicant(client: httpx.Client, path: str) -> None:
        for _ in range(max_requests):
            if stop.is_set():
                return
            start = time.perf_counter()
            client.get(path).raise_for_status()
            with lock:
                times.append((time.perf_counter() - start) * 1000)

    def login(client: httpx.Client, email: str) -> None:
        while not stop.is_set():
            client.post("/connexion", data={"identifiant": email, "mot_de_passe": PASSWORD})
            with lock:
                logins[0] += 1

    threads = [threading.Thread(target=applicant, args=c) for c in clients]
    threads += [threading.Thread(target=login, args=c) for c in login_clients]
    for t in threads:
        t.start()
    time.sleep(seconds)  # the phase's length: the bound in time (each applicant is also bounded in count)
    stop.set()
    for t in threads:
        t.join(timeout=120)
    return times, logins[0]


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values, default=0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--applicants", type=int, default=20)
    parser.add_argument("--logins", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--max-requests", type=int, default=2000, help="page loads per applicant and phase, at most")
    parser.add_argument("--workers", type=int, default=1, help="portal processes (serve --workers)")
    parser.add_argument("--database-url", default="", help="ANEF_DATABASE_URL (an empty PostgreSQL database); SQLite by default")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-portal-") as tmp:
        portal = Portal(Path(tmp), args.workers, args.database_url)
        try:
            clients = []
            for i in range(args.applicants):
                client = account(portal, f"usager{i}@example.org")
                clients.append((client, step_page(client)))
            login_clients = []
            for i in range(args.logins):
                account(portal, f"connexion{i}@example.org").close()
                login_clients.append((httpx.Client(base_url=portal.url, timeout=60), f"connexion{i}@example.org"))
            base = "PostgreSQL" if args.database_url else "SQLite"
            print(f"portail {ROOT} ({args.workers} processus, {base}) — {args.applicants} usagers connectés (GET d'une page d'étape), "
                  f"{args.logins} clients qui se connectent en continu, {args.seconds:.0f} s par phase")
            for phase, logins in (("calme", []), ("connexions", login_clients)):
                times, count = run_phase(clients, logins, args.seconds, args.max_requests)
                print(f"  {phase:<11} pages={len(times):5d}  médiane={statistics.median(times):7.1f} ms  "
                      f"p95={_p95(times):7.1f} ms  max={max(times):7.1f} ms  connexions={count}")
            for client, _ in clients + login_clients:
                client.close()
        finally:
            portal.stop()


if __name__ == "__main__":
    main()
