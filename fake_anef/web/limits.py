"""Bounds on what one request may ask of the portal (issue 14): the size of a request body, checked
on its Content-Length before anything is read and counted while it streams, and a French page for a
body that cannot be read (a multipart body without a boundary, too many fields or files)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import texts
from ..engine.pieces import MAX_FILES, MAX_SIZE
from .pages import render, templates

MO = 1024 * 1024
# One sending holds at most three documents of 10 Mo (a justificatif's "3 fichiers maximum") and the
# form: beyond, the body is refused before it is read; larger sets of files are joined in turns.
MAX_BODY = MAX_FILES * MAX_SIZE + MO
API_PREFIXES = ("/__sim__/", "/api/")


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware: a body over `limit` bytes gets a 413 page; the rest of it is never read."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0").strip()
        too_large = not declared.isdigit() or len(declared) > 15 or int(declared) > self.limit
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            if too_large:
                raise BodyTooLarge()
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge()
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracked_send)
        except BodyTooLarge:
            if started:
                raise
            await _too_large(scope, self.limit)(scope, receive, send)


def _too_large(scope: Scope, limit: int) -> Response:
    message = texts.REFUS["trop_volumineux"].format(max=limit // MO)
    headers = {"Connection": "close"}  # the rest of the body is not read: the client must not reuse the connection
    if scope.get("path", "").startswith(API_PREFIXES):
        return JSONResponse({"error": message}, status_code=413, headers=headers)
    request = Request(scope)
    return templates.TemplateResponse(request, "refus.html", {"compte": None, "titre": texts.REFUS["trop_volumineux_titre"],
                                                              "message": message}, status_code=413, headers=headers)


async def bad_request(request: Request, exc: Exception) -> Response:
    """An HTTP 400 (Starlette's form parser: no boundary, too many fields or files): a French page,
    not a bare line."""
    detail = getattr(exc, "detail", "")
    if request.url.path.startswith(API_PREFIXES):
        return JSONResponse({"error": f"{texts.REFUS['illisible']} ({detail})"}, status_code=400)
    return render(request, "refus.html", status_code=400, titre=texts.REFUS["illisible_titre"],
                  message=texts.REFUS["illisible"])
