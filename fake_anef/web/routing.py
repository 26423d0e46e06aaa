"""Starlette's router without its scans (issue 19 pt 3): `url_for` tries every route in turn until
one has the name: a step page's 17 links cost some 300 route tries. The routes never change once
the app is built, so the route a name leads to is found once and kept, and the absolute URL of a
(base URL, name, parameters) is built once. The static files' URLs carry their content's version,
so a browser keeps them instead of asking again on every page (a training room's 30 browsers)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from starlette.datastructures import URL, URLPath
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, NoMatchFound, Router
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

URLS_KEPT = 4096  # absolute URLs kept (a page's links, per host the portal is reached by)


class IndexedRouter(Router):
    """`url_path_for` finds the route of a name and set of parameter names once: the first route that
    builds it, as Starlette's scan would (a route accepts a name and parameter names, whatever the
    values, so the same route answers every later call with the same names)."""

    def __init__(self, routes: list[BaseRoute]) -> None:
        super().__init__(routes)
        self._by_name: dict[tuple[str, frozenset[str]], BaseRoute] = {}
        self._urls: dict[tuple[str, str, tuple[tuple[str, Any], ...]], URL] = {}

    def url_path_for(self, name: str, /, **path_params: Any) -> URLPath:
        key = (name, frozenset(path_params))
        route = self._by_name.get(key)
        if route is not None:
            return route.url_path_for(name, **path_params)
        for route in self.routes:
            try:
                path = route.url_path_for(name, **path_params)
            except NoMatchFound:
                continue
            self._by_name[key] = route
            return path
        raise NoMatchFound(name, path_params)

    def absolute_url(self, base_url: str, name: str, path_params: dict[str, Any]) -> URL:
        """The URL `url_for` gives, kept (at most URLS_KEPT; then the oldest goes)."""
        params = tuple(sorted(path_params.items()))
        key = (base_url, name, params)
        try:
            return self._urls[key]
        except KeyError:
            pass
        except TypeError:  # a value that cannot be a key: built each time
            return self.url_path_for(name, **path_params).make_absolute_url(base_url=base_url)
        url = self.url_path_for(name, **path_params).make_absolute_url(base_url=base_url)
        route = self._by_name.get((name, frozenset(path_params)))
        if isinstance(route, Mount) and isinstance(route.app, StaticAssets) and "path" in path_params:
            url = url.include_query_params(v=route.app.version(str(path_params["path"])))
        if len(self._urls) >= URLS_KEPT:
            del self._urls[next(iter(self._urls))]
        self._urls[key] = url
        return url


def url_for(request: Request, name: str, /, **path_params: Any) -> URL:
    """`request.url_for`, each absolute URL built once by the app's IndexedRouter (the pages' links
    are the same on every page); built each time under another router."""
    router = request.scope.get("router")
    if not isinstance(router, IndexedRouter):
        return request.url_for(name, **path_params)
    return router.absolute_url(str(request.base_url), name, path_params)


class StaticAssets(StaticFiles):
    """The portal's CSS and scripts. Linked with `?v=<hash of the content>` (url_for), a URL always
    gives the same bytes: the browser keeps it a year without asking again; a new version of a file
    is a new URL (the version is read once per process, like the templates). Without `v`, as
    StaticFiles always answered (ETag, revalidated)."""

    def __init__(self, directory: Path) -> None:
        super().__init__(directory=str(directory))
        self.root = directory
        self._versions: dict[str, str] = {}

    def version(self, path: str) -> str:
        if path not in self._versions:
            try:
                content = (self.root / path).read_bytes()
            except OSError:  # no such file: the link 404s as before
                content = b""
            self._versions[path] = hashlib.sha256(content).hexdigest()[:12]
        return self._versions[path]

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code in (200, 304) and b"v=" in scope.get("query_string", b""):
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response
