"""Starlette's router without its scans (issue 19 pt 3): `url_for` tries every route in turn until
one has the name: a step page's 17 links cost some 300 route tries. The routes never change once
the app is built, so the route a name leads to is found once and kept, and the absolute URL of a
(base URL, name, parameters) is built once."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import URL, URLPath
from starlette.requests import Request
from starlette.routing import BaseRoute, NoMatchFound, Router

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
