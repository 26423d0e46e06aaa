"""Per-request work of the bundled portal, counted in-process (issue 19 pt 3): CPU, SQL statements,
ORM sessions and database connections checked out, route matches, url_for's route tries and
template renders per page, so a change is judged by what it saves and not by wall-clock times on a
loaded machine.

    python benchmarks/profile_portal.py [--requests 300] [--page etape|accueil|accueil-anonyme …] [--sql] [--profile N]

Builds the portal's ASGI app in this process (temporary data folder, no server, no sink: the account
is opened through the operator API), GETs each page `--requests` times with one (logged-in) client
(httpx over ASGI, in one event loop), and prints the counts per request. `--profile N` also prints
cProfile's N most expensive functions (cumulative). Asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from jinja2.environment import Template
from sqlalchemy import event
from starlette.routing import Mount, Route

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fake_anef.settings import Settings  # noqa: E402
from fake_anef.web.app import create_app  # noqa: E402

PASSWORD = "Abcdef1!x"
PAGES = ["etape", "accueil", "accueil-anonyme"]  # a step page and the home page logged in, the home page anonymous


@contextmanager
def _counting(app: Any) -> Iterator[Counter[str]]:
    """Counts SQL statements, sessions opened, route matches and template renders meanwhile."""
    counts: Counter[str] = Counter()
    store = app.state.portal.store
    engine = store.engine

    def statement(_conn: Any, _cursor: Any, sql: str, *_: Any) -> None:
        counts["sql"] += 1
        counts[" ".join(sql.split())[:110]] += 1

    def wrap(owner: Any, name: str, key: str) -> Callable[[], None]:
        original = getattr(owner, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            counts[key] += 1
            return original(*args, **kwargs)

        setattr(owner, name, counted)
        return lambda: setattr(owner, name, original)

    def checkout(*_: Any) -> None:
        counts["connections"] += 1

    event.listen(engine, "before_cursor_execute", statement)
    event.listen(engine, "checkout", checkout)
    undo = [wrap(store, "session", "sessions"), wrap(Route, "matches", "route_matches"),
            wrap(Mount, "matches", "route_matches"), wrap(Route, "url_path_for", "url_tries"),
            wrap(Mount, "url_path_for", "url_tries"), wrap(Template, "render", "renders")]
    try:
        yield counts
    finally:
        event.remove(engine, "before_cursor_execute", statement)
        event.remove(engine, "checkout", checkout)
        for u in undo:
            u()
        del store.session  # the instance attribute set by wrap: back to the class's method


async def _run(args: argparse.Namespace, page: str) -> None:
    with tempfile.TemporaryDirectory(prefix="profile-portal-") as tmp:
        app = create_app(Settings(data_dir=Path(tmp), base_url="http://testserver", smtp_port=1))
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver", follow_redirects=True) as client:
            email = "usager@example.org"
            (await client.post("/__sim__/comptes", json={"email": email, "mot_de_passe": PASSWORD})).raise_for_status()
            path = "/"
            if page != "accueil-anonyme":
                (await client.post("/connexion", data={"identifiant": email, "mot_de_passe": PASSWORD})).raise_for_status()
            if page == "etape":
                step = await client.post("/demarches/premiere-demande", data={"motif": "attaches-familiales"})
                assert "/etapes/" in str(step.url), step.url
                path = step.url.path
            for _ in range(20):  # warm-up: templates compiled, caches filled
                (await client.get(path)).raise_for_status()
            profiler = cProfile.Profile() if args.profile else None
            with _counting(app) as counts:
                cpu, wall = time.process_time(), time.perf_counter()
                if profiler:
                    profiler.enable()
                for _ in range(args.requests):
                    (await client.get(path)).raise_for_status()
                if profiler:
                    profiler.disable()
                cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    n = args.requests
    print(f"{page} ({path}), {n} GET in-process (httpx ASGI transport; no HTTP server, no network):")
    print(f"  CPU {cpu / n * 1000:.2f} ms/request (wall {wall / n * 1000:.2f} ms)   SQL statements {counts['sql'] / n:.2f}   "
          f"ORM sessions {counts['sessions'] / n:.2f}   connections {counts['connections'] / n:.2f}   route matches {counts['route_matches'] / n:.1f}   "
          f"url_for route tries {counts['url_tries'] / n:.1f}   "
          f"template renders {counts['renders'] / n:.2f}")
    if args.sql:
        for sql, count in counts.items():
            if " " in sql:
                print(f"    {count / n:5.2f} × {sql}")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--page", choices=PAGES, action="append", help=f"the page(s) measured; all by default: {', '.join(PAGES)}")
    parser.add_argument("--sql", action="store_true", help="print the statements run per request")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print cProfile's N top functions")
    args = parser.parse_args()
    for page in args.page or PAGES:
        asyncio.run(_run(args, page))


if __name__ == "__main__":
    main()
