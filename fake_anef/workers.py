"""A training room: `anef serve --workers N` runs N portal processes on one port and one database
(uvicorn's own process manager, not a home-made one), so 30 trainees at once get their pages while
one of them waits on a password hash or a PDF.

What must exist once is made here, in the parent, before any worker starts (create before fork):
the tables, the reference data, the session secret and the 2D-DOC test certificate. The workers
then only read them (the certificate's renewal, when the clock moved past it, takes a file lock:
see Portal.twoddoc_signer). The mail sink stays single: it runs in the parent, in threads.
SQLite is shared in WAL mode (fake_anef.store); PostgreSQL through ANEF_DATABASE_URL."""

from __future__ import annotations

import base64
import os
import pickle
import threading
from dataclasses import replace

import uvicorn
from starlette.applications import Starlette

from .settings import Settings

SETTINGS_ENV = "ANEF_WORKER_SETTINGS"  # the parent's Settings, for the spawned workers


def worker_app() -> Starlette:
    """The app factory uvicorn imports in each worker (`fake_anef.workers:worker_app`)."""
    from .web.app import create_app

    encoded = os.environ.get(SETTINGS_ENV)
    return create_app(pickle.loads(base64.b64decode(encoded)) if encoded else Settings.from_env())


def prepare(settings: Settings) -> Settings:
    """Make once what the workers share; returns the settings the workers get (no seed to load again)."""
    from .portal import Portal

    portal = Portal.create(settings)
    portal.secret_key()
    portal.store.engine.dispose()  # no connection crosses into the workers
    return replace(settings, seed_file=None)


def serve(settings: Settings, host: str, port: int, workers: int, sink: tuple[str, int, int] | None) -> None:
    """Blocks until Ctrl-C / SIGTERM. `sink`: (mail database URL, SMTP port, read-API port) or None."""
    from .mail.sink import MailStore, create_api, start_smtp

    os.environ[SETTINGS_ENV] = base64.b64encode(pickle.dumps(prepare(settings))).decode("ascii")
    controller, api = None, None
    if sink is not None:
        mail_store = MailStore(sink[0])
        controller = start_smtp(mail_store, host, sink[1])
        api = uvicorn.Server(uvicorn.Config(create_api(mail_store), host=host, port=sink[2], log_level="warning"))
        threading.Thread(target=api.run, name="mail-api", daemon=True).start()
        print(f"SMTP      : {host}:{sink[1]}", flush=True)
        print(f"Courriels : http://{host}:{sink[2]}/api/messages", flush=True)
    try:
        uvicorn.run("fake_anef.workers:worker_app", factory=True, host=host, port=port, workers=workers,
                    log_level="warning")
    finally:
        if api is not None:
            api.should_exit = True
        if controller is not None:
            controller.stop()
