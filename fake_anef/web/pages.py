"""Rendering helpers shared by every page: the templates, the texts, the connected account."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse
from starlette.templating import Jinja2Templates

from .. import texts
from ..portal import Portal
from ..store import Compte

T = TypeVar("T")
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.globals["T"] = texts


def portal(request: Request) -> Portal:
    return request.app.state.portal


def session_row(request: Request, key: str, model: type[T]) -> T | None:
    """The row whose id the session keeps under `key` (the connected user, or agent)."""
    row_id = request.session.get(key)
    if row_id is None:
        return None
    with portal(request).store.session() as s:
        return s.get(model, row_id)


def current_account(request: Request) -> Compte | None:
    return session_row(request, "compte_id", Compte)


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("compte", current_account(request))
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def redirect(request: Request, route: str, **params: str) -> RedirectResponse:
    return RedirectResponse(request.url_for(route, **params), status_code=303)


async def send_mail(p: Portal, to: str, key: str, **values: Any) -> None:
    """smtplib blocks: sent from a worker thread (Portal.send_mail)."""
    await p.send_mail(to, key, **values)


def content_disposition(kind: str, filename: str) -> dict[str, str]:
    """An HTTP header must be latin-1: an ASCII fallback name, and the real one per RFC 6266/5987."""
    fallback = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode() or "document"
    fallback = fallback.replace('"', "").replace("\\", "")
    return {"Content-Disposition": f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"}
