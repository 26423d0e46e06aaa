"""Issue 19 pt 4, a training room: `serve --workers 2` answers from two processes on one port and
one database; a session opened in one is honoured by the other, the 2D-DOC certificate and the mail
sink stay single. Run on SQLite (WAL) always, and on PostgreSQL when a server is given."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from fake_anef.store import database_url

from ..conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Abcdef1!x"


def test_a_libpq_url_means_psycopg_3() -> None:
    assert database_url("postgresql://u@127.0.0.1:5432/db") == "postgresql+psycopg://u@127.0.0.1:5432/db"
    assert database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("sqlite:///var/anef.db") == "sqlite:///var/anef.db"


def _children(pid: int) -> list[str]:
    """Command lines of the processes whose parent is `pid` (Linux /proc)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                out.append((stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode())
        except (OSError, IndexError, ValueError):
            continue
    return out


class Room:
    """`python -m fake_anef serve --workers 2` in a subprocess, on free ports."""

    def __init__(self, data_dir: Path, database: str | None) -> None:
        self.port, smtp, mail_port = free_port(), free_port(), free_port()
        self.url, self.mail = f"http://127.0.0.1:{self.port}", f"http://127.0.0.1:{mail_port}"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        for name in ("ANEF_FAULTS", "ANEF_DATABASE_URL", "ANEF_BASE_URL"):
            env.pop(name, None)
        if database:
            env["ANEF_DATABASE_URL"] = database
        self.process = subprocess.Popen(
            [sys.executable, "-m", "fake_anef", "serve", "--workers", "2", "--port", str(self.port),
             "--smtp-port", str(smtp), "--mail-port", str(mail_port), "--data-dir", str(data_dir)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def wait(self, seconds: float = 120) -> None:
        deadline = time.monotonic() + seconds
        for url in (f"{self.url}/__sim__/health", f"{self.mail}/api/health"):
            while True:
                assert self.process.poll() is None, f"serve --workers stopped: {self.process.stdout.read()}"  # type: ignore[union-attr]
                try:
                    if httpx.get(url, timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                assert time.monotonic() < deadline, f"no answer at {url}"
                time.sleep(0.2)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def room_database(request: pytest.FixtureRequest) -> str | None:
    if getattr(request, "param", None) == "postgres":
        return request.getfixturevalue("postgres_url")
    return None


@pytest.fixture
def room(tmp_path: Path, room_database: str | None) -> Iterator[Room]:
    served = Room(tmp_path / "salle", room_database)
    try:
        served.wait()
        yield served
    finally:
        served.stop()


def _journey(room: Room, tmp_path: Path) -> None:
    """Path a over HTTP with a fresh connection per request (so both workers serve it), then pages."""
    email = "stagiaire@example.org"
    with httpx.Client(base_url=room.url, follow_redirects=True, timeout=60) as client:
        client.headers["Connection"] = "close"
        client.post("/demarches/premiere-demande", data={"email": email, "email_confirmation": email}).raise_for_status()
        found = httpx.get(f"{room.mail}/api/messages", params={"to": email, "wait": "20"}, timeout=30).json()["messages"]
        text = httpx.get(f"{room.mail}/api/messages/{found[-1]['id']}", timeout=10).json()["text"]
        temporary = re.search(r"Mot de passe provisoire : (\S+)", text).group(1)  # type: ignore[union-attr]
        client.post("/connexion", data={"identifiant": email, "mot_de_passe": temporary}).raise_for_status()
        client.post("/compte/reinitialisation", data={"mot_de_passe": PASSWORD, "confirmation": PASSWORD}).raise_for_status()
        step = client.post("/demarches/premiere-demande", data={"motif": "attaches-familiales"})
        assert "/etapes/" in str(step.url), step.url
        for _ in range(12):  # each on a new connection: the two workers both answer the same session
            page = client.get(step.url.path)
            assert page.status_code == 200 and "Se déconnecter" in page.text
    workers = [c for c in _children(room.process.pid) if "multiprocessing" in c and "spawn_main" in c]
    assert len(workers) >= 2, f"worker processes: {workers}"
    assert len(list((tmp_path / "salle" / "2d-doc").glob("*.pem"))) <= 2, "one certificate and its key"


def test_two_workers_on_sqlite_serve_one_session(room: Room, tmp_path: Path) -> None:
    _journey(room, tmp_path)


@pytest.mark.postgres
@pytest.mark.parametrize("room_database", [pytest.param("postgres", id="postgresql")], indirect=True)
def test_two_workers_on_postgresql_serve_one_session(room: Room, tmp_path: Path) -> None:
    _journey(room, tmp_path)
