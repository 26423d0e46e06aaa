"""What keeps accounts safe beyond the guides' rules: password hashing off the event loop, login
throttling with equal timing for unknown accounts, and session epochs that let the server end a
signed cookie it handed out (logout, password change)."""

from __future__ import annotations

import os
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, TypeVar

import anyio.to_thread
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from .store import LoginFailure, SessionEpoch

try:
    import fcntl
except ImportError:  # Windows: the bound holds within each process only
    fcntl = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from .store import Store

T = TypeVar("T")

# After MAX_FAILURES wrong passwords for one identifiant within FAILURE_WINDOW, that identifiant is
# refused (without checking the password) until the oldest of them leaves the window.
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)


# Hashing ----------------------------------------------------------------------------------------
@cache
def _dummy_hash() -> str:
    """A hash of the same cost as the real ones (made once, by its own hasher)."""
    from argon2 import PasswordHasher

    from .accounts import HASH_PARAMETERS

    return PasswordHasher(**HASH_PARAMETERS).hash(secrets.token_urlsafe(16))


def verify(password_hash: str | None, password: str) -> bool:
    """argon2 verification that costs the same whether the account exists or not: an unknown
    account (or one without a password yet) is verified against a dummy hash, then refused."""
    from .accounts import check_password

    if not password_hash:
        check_password(_dummy_hash(), password)
        return False
    return check_password(password_hash, password)


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


# argon2 releases the GIL: four clients logging in at once would be four threads hashing on a
# 2-core machine, and the event loop serving every page would get a fraction of a core. At most one
# hash per core but one at a time: the others wait their turn (a login takes a little longer while
# many log in), and the pages keep a core (issue 19: the home page while 4 clients log in). The
# bound holds in this process (a semaphore) and, once share_hashing_slots named the portal's folder,
# across its worker processes too (`anef serve --workers N`: one lock file per slot, flock).
HASHING_AT_ONCE = max(1, _cores() - 1)
_hashing = threading.BoundedSemaphore(HASHING_AT_ONCE)
_slots: Path | None = None


def share_hashing_slots(folder: Path) -> None:
    """The folder every process of this portal sees (its data folder): the slots are shared there."""
    global _slots
    folder.mkdir(parents=True, exist_ok=True)
    _slots = folder


def _bounded(work: Callable[..., T], *args: object) -> T:
    """In the worker thread: wait for a hashing slot (the thread waits, never the event loop)."""
    with _hashing:
        folder = _slots
        if folder is None or fcntl is None:
            return work(*args)
        with _slot(folder):
            return work(*args)


@contextmanager
def _slot(folder: Path) -> Iterator[None]:
    """One of the HASHING_AT_ONCE lock files, the first free one, else wait for one taken."""
    assert fcntl is not None
    handles = [open(folder / f"argon2-{i}.lock", "a") for i in range(HASHING_AT_ONCE)]  # noqa: SIM115
    try:
        held = next((h for h in handles if _try_lock(h)), None)
        if held is None:
            held = handles[threading.get_ident() % len(handles)]
            fcntl.flock(held, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(held, fcntl.LOCK_UN)
    finally:
        for handle in handles:
            handle.close()


def _try_lock(handle: IO[str]) -> bool:
    assert fcntl is not None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


async def verify_in_thread(password_hash: str | None, password: str) -> bool:
    """argon2 takes tens of milliseconds of CPU: run it in a worker thread, not on the event loop."""
    return await anyio.to_thread.run_sync(_bounded, verify, password_hash, password)


async def hash_in_thread(password: str) -> str:
    from .accounts import hash_password

    return await anyio.to_thread.run_sync(_bounded, hash_password, password)


# Throttling -------------------------------------------------------------------------------------
def _key(identifiant: str) -> str:
    return identifiant.strip().lower()[:254]


def throttled(s: Session, espace: str, identifiant: str, now: datetime) -> bool:
    """True when this identifiant has had too many failures lately (known account or not, so the
    refusal reveals nothing about who has an account)."""
    count = s.scalar(select(func.count()).select_from(LoginFailure).where(
        LoginFailure.espace == espace, LoginFailure.identifiant == _key(identifiant),
        LoginFailure.at > now - FAILURE_WINDOW))
    return (count or 0) >= MAX_FAILURES


def record_failure(s: Session, espace: str, identifiant: str, now: datetime) -> None:
    s.execute(delete(LoginFailure).where(LoginFailure.at <= now - FAILURE_WINDOW))
    s.add(LoginFailure(espace=espace, identifiant=_key(identifiant), at=now))


def clear_failures(s: Session, espace: str, identifiant: str) -> None:
    s.execute(delete(LoginFailure).where(LoginFailure.espace == espace, LoginFailure.identifiant == _key(identifiant)))


async def checked_login(store: Store, espace: str, identifiant: str, password: str, now: datetime,
                        find: Callable[[Session], tuple[T | None, str | None]]) -> tuple[T | None, str | None]:
    """The one throttled password check of both login pages (the applicant's, the agent's):
    (what `find` returned, None) when the password is right, else (None, "trop_de_tentatives" |
    "identifiants_incorrects"). `find` gives (who, their password hash) for the identifiant (None,
    None when unknown). Throttled per identifiant and espace; the hash is checked in a worker thread,
    at the same cost for an unknown identifiant; a failure is counted, a success clears the count."""
    with store.session() as s:
        if throttled(s, espace, identifiant, now):
            return None, "trop_de_tentatives"
        who, password_hash = find(s)
    ok = await verify_in_thread(password_hash, password)
    with store.session() as s:
        if ok:
            clear_failures(s, espace, identifiant)
        else:
            record_failure(s, espace, identifiant, now)
    return (who, None) if ok and who is not None else (None, "identifiants_incorrects")


# Session epochs ---------------------------------------------------------------------------------
def epoch(s: Session, sujet: str) -> int:
    row = s.get(SessionEpoch, sujet)
    return row.epoch if row else 0


def end_sessions(s: Session, sujet: str) -> int:
    """Every session opened for `sujet` so far is void; returns the new epoch."""
    row = s.get(SessionEpoch, sujet)
    if row is None:
        row = SessionEpoch(sujet=sujet, epoch=0)
        s.add(row)
    row.epoch = (row.epoch or 0) + 1
    return row.epoch
