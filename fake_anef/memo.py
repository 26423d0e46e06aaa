"""Values read at most once per request (issue 19 pt 3): a page asks the clock's offset several
times (the wizard's today, the bell's dates…), each a database session. Within a request the value
is read once and kept in a dict that lives as long as the request (a context variable set by the
PerRequest middleware, so worker threads the request starts see it too); outside a request
(start-up, scripts, tests) nothing is kept and every read goes to the database. A value written
during the request replaces the kept one; another request, or another worker process, always
reads afresh, so nothing here can outlive the request that read it."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, TypeVar

from starlette.types import ASGIApp, Receive, Scope, Send

T = TypeVar("T")

_current: ContextVar[dict[str, Any] | None] = ContextVar("anef_memo", default=None)


def once(key: str, load: Callable[[], T]) -> T:
    """`load()` the first time in this request, the kept value afterwards (always `load()` outside one)."""
    memo = _current.get()
    if memo is None:
        return load()
    if key not in memo:
        memo[key] = load()
    value: T = memo[key]
    return value


def put(key: str, value: object) -> None:
    """After a write: the rest of this request reads the new value."""
    memo = _current.get()
    if memo is not None:
        memo[key] = value


class PerRequest:
    """ASGI middleware: each HTTP request gets its own memo, dropped when it ends."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        token = _current.set({})
        try:
            await self.app(scope, receive, send)
        finally:
            _current.reset(token)
