"""The ASGI application: composes routes and middleware, nothing else (Starlette's shape)."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.routing import BaseRoute, Mount

from .. import memo
from ..engine.definition import bundled
from ..portal import Portal
from ..settings import Settings
from . import agent, certificats, comptes, demarche, espace, limits, notifications, operator, suivi
from .protection import OriginCheck, SecurityHeaders
from .routing import IndexedRouter, StaticAssets


def create_app(settings: Settings | None = None) -> Starlette:
    portal = Portal.create(settings or Settings.from_env())
    bundled()  # the procedure definitions (about 1 s to load and check) at start, not on a first request
    routes: list[BaseRoute] = [*comptes.routes, *demarche.routes, *espace.routes, *certificats.routes, *suivi.routes,
                               *agent.routes, *notifications.routes]
    if portal.settings.operator_api:
        routes += operator.routes
    routes.append(Mount("/static", StaticAssets(Path(__file__).parent / "static"), name="static"))
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(SecurityHeaders),  # outermost: refusals carry the headers too
            Middleware(memo.PerRequest),  # values read once per request (the clock's offset)
            Middleware(limits.BodyLimit),  # a body too large is refused before anything reads it
            Middleware(OriginCheck, base_url=portal.settings.base_url),
            # SameSite=Lax: a foreign site's POST never carries the session; HttpOnly is Starlette's default
            Middleware(SessionMiddleware, secret_key=portal.secret_key(), session_cookie="anef_sim", same_site="lax",
                       https_only=portal.settings.base_url.startswith("https://")),
        ],
        exception_handlers={400: limits.bad_request},
    )
    app.router = IndexedRouter(routes)  # before the first request builds the middleware stack around it
    app.state.portal = portal
    return app
