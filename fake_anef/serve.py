"""`python -m fake_anef serve`: the portal, its SMTP sink and the sink's read API, on 127.0.0.1."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import threading
from dataclasses import replace
from importlib.resources import files
from pathlib import Path

import uvicorn

from . import workers
from .mail.sink import MailStore, create_api, start_smtp
from .settings import Settings
from .web.app import create_app

DEFAULT_SEED = Path(str(files("fake_anef").joinpath("data/seed.json")))


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m fake_anef serve", description=__doc__)
    parser.add_argument("command", choices=["serve"])
    parser.add_argument("--host", default="127.0.0.1", help="interface (loopback by default)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("ANEF_PORT", "8000")), help="portal port")
    parser.add_argument("--smtp-port", type=int, default=8025, help="SMTP port of the bundled sink")
    parser.add_argument("--mail-port", type=int, default=8026, help="HTTP port of the sink's read API")
    parser.add_argument("--data-dir", default=os.environ.get("ANEF_DATA_DIR", "var"), help="SQLite files and documents")
    parser.add_argument("--seed", default=str(DEFAULT_SEED), help="reference data (JSON) loaded at start")
    parser.add_argument("--no-sink", action="store_true", help="send mail to ANEF_SMTP_HOST:ANEF_SMTP_PORT instead")
    parser.add_argument("--demo", action="store_true", help="demo mode: no operator API (/__sim__/)")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("ANEF_WORKERS", "1")),
                        help="portal processes on one port and one database (a training room; see fake_anef/workers.py)")
    parser.add_argument("--recette", default=None, metavar="JEU.yaml",
                        help="play a deployment: its reference data (people, titles, agent) are this jeu de données "
                             "de recette, instead of --seed (with --demo: no operator API either)")
    return parser.parse_args(argv)


def _stop(closing: list[threading.Event], servers: list[uvicorn.Server]) -> None:
    """SIGINT/SIGTERM: the sink's long polls end, then every server."""
    for event in closing:
        event.set()
    for server in servers:
        server.should_exit = True


async def _serve(args: argparse.Namespace) -> None:
    data_dir = Path(args.data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    if args.recette:
        import json

        from .recette import to_seed

        seed = data_dir / "recette-seed.json"
        seed.write_text(json.dumps(to_seed(args.recette), ensure_ascii=False, indent=1), encoding="utf-8")
        args.seed = str(seed)
    base = Settings.from_env()
    settings = replace(
        base,
        data_dir=data_dir,
        base_url=os.environ.get("ANEF_BASE_URL", f"http://{args.host}:{args.port}"),
        smtp_host=base.smtp_host if args.no_sink else args.host,
        smtp_port=base.smtp_port if args.no_sink else args.smtp_port,
        operator_api=base.operator_api and not args.demo,
        seed_file=Path(args.seed) if args.seed else None,
    )
    if args.workers > 1:  # a training room: uvicorn's process manager, the sink in this process
        print(f"Portail   : {settings.base_url}/ ({args.workers} processus, Ctrl-C pour arrêter)", flush=True)
        sink = None if args.no_sink else (f"sqlite:///{data_dir / 'mail.db'}", args.smtp_port, args.mail_port)
        workers.serve(settings, args.host, args.port, args.workers, sink)
        return
    servers = [uvicorn.Server(uvicorn.Config(create_app(settings), host=args.host, port=args.port, log_level="warning"))]
    controller = None
    closing: list[threading.Event] = []  # the sink's long polls end at once on SIGTERM (fake_anef.mail.sink.create_api)
    if not args.no_sink:
        mail_store = MailStore(f"sqlite:///{data_dir / 'mail.db'}")
        controller = start_smtp(mail_store, args.host, args.smtp_port)
        mail_api = create_api(mail_store)
        closing.append(mail_api.state.closing)
        servers.append(uvicorn.Server(uvicorn.Config(mail_api, host=args.host, port=args.mail_port, log_level="warning")))
    print(f"Portail   : {settings.base_url}/", flush=True)
    if controller:
        print(f"SMTP      : {args.host}:{args.smtp_port}", flush=True)
        print(f"Courriels : http://{args.host}:{args.mail_port}/api/messages", flush=True)
    print(f"Agent     : {settings.base_url}/agent (comptes agents du fichier de données de référence, "
          + ("ceux du jeu de recette)" if args.recette else "agent.instructeur / Instructeur1! pour celui fourni)"), flush=True)
    if args.recette:
        print(f"Recette   : {args.recette}", flush=True)
    if settings.operator_api:
        print(f"Opérateur : {settings.base_url}/__sim__/health", flush=True)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, _stop, closing, servers)
    try:
        await asyncio.gather(*(s.serve() for s in servers))
    finally:
        if controller:
            controller.stop()


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every connection
    asyncio.run(_serve(parse_args(argv)))
