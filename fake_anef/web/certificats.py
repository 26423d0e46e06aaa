"""The simulator's 2D-DOC trust list, published at a URL of its own (as an authority publishes its
certificates): a verifier, the harness included, loads it to check the codes this portal signs."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .pages import portal


async def certificats(request: Request) -> Response:
    return Response(portal(request).trust_list(), media_type="application/x-pem-file",
                    headers={"Content-Disposition": 'inline; filename="certificats.pem"'})


routes = [
    Route("/2d-doc/certificats.pem", certificats, name="certificats_2ddoc"),
]
