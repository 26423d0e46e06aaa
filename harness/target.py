"""Which portal the suite runs against: the bundled simulator (started here, in a subprocess) or
any deployment given by URL. The harness reaches the bundled one exactly as it reaches a vendor's:
over HTTP and its mailbox, never by importing it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx


@dataclass(frozen=True)
class Target:
    """Where the portal, its mailbox API and (simulator only) its operator API are, and where the
    certificates that verify its 2D-DOC codes are published (its trust list, PEM)."""

    base_url: str
    mailbox_url: str
    operator_url: str | None
    bundled: bool = False
    trust_list_url: str | None = None

    @property
    def label(self) -> str:
        return "portail intégré (fake_anef)" if self.bundled else self.base_url


def probe_operator(url: str) -> bool:
    """True when `url` answers like the simulator's operator API (GET {url}/health → operator_api)."""
    try:
        response = httpx.get(f"{url.rstrip('/')}/health", timeout=5)
        return response.status_code == 200 and bool(response.json().get("operator_api"))
    except (httpx.HTTPError, ValueError):
        return False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class BundledPortal:
    """Starts `python -m fake_anef serve` on free loopback ports with a fresh data folder."""

    def __init__(self, data_dir: Path, log_path: Path, startup_timeout: float = 60.0) -> None:
        self.data_dir = data_dir
        self.log_path = log_path
        self.startup_timeout = startup_timeout
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> Target:
        port, smtp_port, mail_port = _free_port(), _free_port(), _free_port()
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("wb")
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "fake_anef", "serve", "--port", str(port), "--smtp-port", str(smtp_port),
             "--mail-port", str(mail_port), "--data-dir", str(self.data_dir)],
            stdout=log, stderr=subprocess.STDOUT, env=env,
        )
        target = Target(
            base_url=f"http://127.0.0.1:{port}",
            mailbox_url=f"http://127.0.0.1:{mail_port}",
            operator_url=f"http://127.0.0.1:{port}/__sim__",
            bundled=True,
            trust_list_url=f"http://127.0.0.1:{port}/2d-doc/certificats.pem",
        )
        self._wait_until_up([f"{target.operator_url}/health", f"{target.mailbox_url}/api/health"])
        return target

    def _wait_until_up(self, urls: list[str]) -> None:
        # httpx's transport retries refused connections with an exponential backoff, so this loop
        # waits on the servers themselves rather than on a fixed sleep.
        deadline = time.monotonic() + self.startup_timeout
        with httpx.Client(transport=httpx.HTTPTransport(retries=3), timeout=5) as client:
            for url in urls:
                while True:
                    if self.process is not None and self.process.poll() is not None:
                        raise RuntimeError(f"le portail intégré s'est arrêté ; voir {self.log_path}")
                    try:
                        if client.get(url).status_code == 200:
                            break
                    except httpx.TransportError:
                        pass
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"le portail intégré ne répond pas sur {url} ; voir {self.log_path}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
