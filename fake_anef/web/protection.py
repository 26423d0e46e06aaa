"""Cross-site protections as ASGI middleware (plain ASGI, so streaming and the session middleware
are untouched): the origin check against CSRF, the operator API's JSON-only bodies, and the
headers every response carries (no framing, no content sniffing, no Referer leaving the site)."""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
OPERATOR_PREFIX = "/__sim__/"
SECURITY_HEADERS = [
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", b"frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    # reset and confirmation links carry their token in the URL: it must not leave in a Referer
    (b"referrer-policy", b"same-origin"),
]
REFUS_ORIGINE = ("Requête refusée : elle ne vient pas d'une page de ce portail (contrôle de l'origine, "
                 "protection contre la falsification de requête intersite).")  # DERIVED
REFUS_JSON = "Corps JSON attendu : Content-Type application/json."  # DERIVED


def _origin_of(url: str) -> str | None:
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class OriginCheck:
    """OWASP "verifying origin with standard headers": an unsafe request (POST, PUT, DELETE…) whose
    Origin — or Referer when Origin is absent — is not the portal's own origin is refused (403).
    A request with neither header is let through: only a browser carries a user's cookies, and
    browsers send Origin on every cross-site POST; HTTP clients (tests, the harness's operator
    client) send neither. The portal's origin is its configured base URL, or the Host it was
    reached by (a portal behind a proxy or on another port than configured)."""

    def __init__(self, app: ASGIApp, base_url: str) -> None:
        self.app = app
        self.base_origin = _origin_of(base_url)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refus = self._refusal(scope, headers)
        if refus is not None:
            await refus(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _refusal(self, scope: Scope, headers: Headers) -> PlainTextResponse | None:
        claimed = headers.get("origin")
        if claimed is None and headers.get("referer"):
            claimed = _origin_of(headers["referer"]) or "null"
        if claimed is not None and not self._own(claimed, headers.get("host", "")):
            return PlainTextResponse(REFUS_ORIGINE, status_code=403)
        if scope["path"].startswith(OPERATOR_PREFIX):
            # JSON only: a text/plain or form body is what a foreign page can send without a preflight
            content_type = headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type and content_type != "application/json":
                return PlainTextResponse(REFUS_JSON, status_code=415)
        return None

    def _own(self, claimed: str, host: str) -> bool:
        origin = _origin_of(claimed.strip())
        if origin is None:  # "null" (sandboxed frame, file:, some redirects) is never the portal
            return False
        return origin == self.base_origin or (bool(host) and urlsplit(origin).netloc == host.lower())


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every response, unless the route set them itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in present]
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)

        await self.app(scope, receive, send_with_headers)
