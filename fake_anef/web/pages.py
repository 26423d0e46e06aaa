"""Rendering helpers shared by every page: the templates, the texts, the connected account."""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

import anyio.to_thread
from jinja2 import StrictUndefined, pass_context
from sqlalchemy import Select, bindparam, select
from starlette.datastructures import URL
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse
from starlette.templating import Jinja2Templates

from .. import security, texts
from ..attestations import attestation_file
from ..engine.definition import Attestation, Definition
from ..portal import Portal
from ..store import Agent, Compte, Demande, SessionEpoch
from . import routing

T = TypeVar("T", Compte, Agent)  # the rows a session names
_ROWS = "anef.rows"  # scope key: the rows loaded for this request (session_row)
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
# A mistyped or missing name is an error, not an empty string on the page.
templates.env.undefined = StrictUndefined
templates.env.globals["T"] = texts
# Compiled once: no file check on every render (a changed template needs a restart, as code does).
templates.env.auto_reload = False


@pass_context
def _url_for(context: dict[str, Any], name: str, /, **path_params: Any) -> URL:
    return routing.url_for(context["request"], name, **path_params)


templates.env.globals["url_for"] = _url_for  # each link built once (routing.url_for)


def portal(request: Request) -> Portal:
    app_portal: Portal = request.app.state.portal
    return app_portal


def session_row(request: Request, key: str, model: type[T]) -> T | None:
    """The row whose id the session keeps under `key` (the connected user, or agent), while the
    session's epoch is the row's: a logout or a password change ends copies of the cookie too.
    Loaded once per request (one statement) and kept in the request's scope: the page, its
    header and its bell all ask for it."""
    cache = request.scope.setdefault(_ROWS, {})
    if key in cache:
        cached: T | None = cache[key]
        return cached
    row_id = request.session.get(key)
    row = None
    if row_id is not None:
        with portal(request).store.session() as s:
            found = s.execute(_row_statement(model), {"sujet": f"{key}:{row_id}", "id": row_id}).first()
        if found is not None and request.session.get(f"{key}:epoch") == (found[1] or 0):
            row = found[0]
    cache[key] = row
    return row


@cache
def _row_statement(model: type[T]) -> Select[T, int]:
    """The row and its session epoch, one statement built once per model (bound parameters)."""
    return (select(model, SessionEpoch.epoch).outerjoin(SessionEpoch, SessionEpoch.sujet == bindparam("sujet"))
            .where(model.id == bindparam("id")))


def forget_rows(request: Request) -> None:
    """After a handler changed who is connected or the account itself: the next look-up reloads."""
    request.scope.pop(_ROWS, None)


def open_session(request: Request, key: str, row_id: int) -> None:
    """Log `row_id` in under `key` ("compte_id" or "agent_id") in the current epoch."""
    with portal(request).store.session() as s:
        request.session[key] = row_id
        request.session[f"{key}:epoch"] = security.epoch(s, f"{key}:{row_id}")
    forget_rows(request)


def end_sessions(request: Request, key: str) -> None:
    """"Se déconnecter": every session of this user (or agent) ends, this one and any copy."""
    row_id = request.session.pop(key, None)
    request.session.pop(f"{key}:epoch", None)
    if row_id is not None:
        with portal(request).store.session() as s:
            security.end_sessions(s, f"{key}:{row_id}")
    forget_rows(request)


def current_account(request: Request) -> Compte | None:
    return session_row(request, "compte_id", Compte)


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("compte", current_account(request))
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def redirect(request: Request, route: str, **params: str) -> RedirectResponse:
    return RedirectResponse(request.url_for(route, **params), status_code=303)


# reportlab keeps module-level state (fonts, caches): one drawing at a time, in a worker thread
_drawing = threading.Lock()


async def draw(work: Callable[..., bytes], *args: Any, **kwargs: Any) -> bytes:
    """A PDF drawn in a worker thread: tens of milliseconds of CPU the event loop does not wait for
    (every other page goes on being served); the drawings themselves take turns."""
    def locked() -> bytes:
        with _drawing:
            return work(*args, **kwargs)

    return await anyio.to_thread.run_sync(locked)


async def drawn_attestation(p: Portal, definition: Definition, demande_id: int, attestation: Attestation, *,
                            courriel: bool = False) -> tuple[str, bytes]:
    """(file name, PDF) of an attestation (attestations.attestation_file: drawn and its 2D-DOC signed
    the first time, read back afterwards) in a worker thread, as `draw` does, with a database
    session of its own (the request's is not handed to another thread). LookupError: not issued."""
    def locked() -> tuple[str, bytes]:
        with _drawing, p.store.session() as s:
            demande = s.get(Demande, demande_id)
            if demande is None:
                raise LookupError(f"demande {demande_id} inconnue")
            return attestation_file(p, definition, demande, attestation, courriel=courriel)

    return await anyio.to_thread.run_sync(locked)


async def send_mail(p: Portal, to: str, key: str, **values: Any) -> None:
    """smtplib blocks: sent from a worker thread (Portal.send_mail)."""
    await p.send_mail(to, key, **values)


def content_disposition(kind: str, filename: str) -> dict[str, str]:
    """An HTTP header must be latin-1: an ASCII fallback name, and the real one per RFC 6266/5987."""
    fallback = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode() or "document"
    fallback = fallback.replace('"', "").replace("\\", "")
    return {"Content-Disposition": f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"}
