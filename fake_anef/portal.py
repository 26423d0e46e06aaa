"""The portal's parts wired together once at start; pages reach them through `request.app.state.portal`."""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import anyio.to_thread
from sqlalchemy.orm import Session

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]  # the module or None: the file lock is skipped where there is none

from . import faults, faults_definitions, reformulation, security
from .accounts import Accounts
from .clock import Clock
from .documents.certificates import ensure_certificate, trust_list_pem
from .documents.twoddoc import TwoDDocSigner
from .mail.sender import Attachment, MailSender
from .settings import Settings
from .store import Journal, SimSetting, Store

log = logging.getLogger("fake_anef")

# The simulator signs 2D-DOC codes only with test keys: "XX00" authorities are reserved for tests (§3.3).
TWODDOC_AUTHORITY = "FR00"
TWODDOC_DIR = "2d-doc"


@dataclass
class Portal:
    settings: Settings
    store: Store
    clock: Clock
    accounts: Accounts
    mail: MailSender
    faults: faults.Faults = field(default=faults.NONE)

    @classmethod
    def create(cls, settings: Settings) -> Portal:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        faults_definitions.apply(settings.faults)  # rules of the definitions (seize_ans_a_15, …); before the wording
        reformulation.apply(settings.faults, settings.texte_guide)  # wording fault modes (reformule_derives, texte_guide_modifie)
        store = Store(settings.db_url)
        store.create_all()
        security.share_hashing_slots(settings.data_dir / "argon2")  # one bound for all the workers
        clock = Clock(store)
        broken = faults.Faults(settings.faults, settings.valeur_fausse)
        portal = cls(
            settings=settings, store=store, clock=clock, accounts=Accounts(store, clock, broken),
            mail=MailSender(settings.smtp_host, settings.smtp_port, settings.mail_from), faults=broken,
        )
        if settings.seed_file:
            portal.load_seed(settings.seed_file)
        portal.twoddoc_signer()  # the test certificate is made on first start, then kept in the data dir
        return portal

    def twoddoc_signer(self) -> TwoDDocSigner:
        """Signs with the simulator's own test certificate (FR00), made when missing or expired at
        the portal's clock (fake_anef.documents.certificates)."""
        folder = self.settings.data_dir / TWODDOC_DIR
        with _folder_lock(folder):  # several workers (anef serve --workers): one certificate, made once
            _, key, certificate_id = ensure_certificate(folder, TWODDOC_AUTHORITY, now=self.clock.now())
        return TwoDDocSigner(key, TWODDOC_AUTHORITY, certificate_id)

    def trust_list(self) -> bytes:
        """The certificates a verifier needs for this simulator's codes (PEM bundle)."""
        folder = self.settings.data_dir / TWODDOC_DIR
        with _folder_lock(folder):
            return trust_list_pem(folder)

    def secret_key(self) -> str:
        """The session-signing key, made once and stored, so sessions survive a restart."""
        with self.store.session() as s:
            row = s.get(SimSetting, "secret_key")
            if row is None:
                row = SimSetting(key="secret_key", value=secrets.token_urlsafe(48))
                s.add(row)
            return row.value

    async def send_mail(self, to: str, key: str, attachments: tuple[Attachment, ...] = (), **values: object) -> None:
        """smtplib blocks: send from a worker thread so the pages keep answering."""
        await anyio.to_thread.run_sync(partial(self.mail.send, to, key, attachments, **values))

    def url(self, path: str) -> str:
        return f"{self.settings.base_url}{path}"

    def journal(self, event: str, **data: object) -> None:
        with self.store.session() as s:
            s.add(Journal(at=self.clock.now(), event=event, data=data))
        log.info("%s %s", event, data)

    def load_seed(self, path: Path) -> None:
        """Reference data from a JSON file: {"identites": [...], "titres": [...]} (see README)."""
        seed = json.loads(Path(path).read_text(encoding="utf-8"))
        with self.store.session() as s:
            for ident in seed.get("identites", []):
                self.accounts.register_identite(s, **_dates(ident, "date_naissance"))
            s.flush()
            for titre in seed.get("titres", []):
                self.accounts.register_titre(s, **_dates(titre, "date_debut", "date_fin"))
            for agent in seed.get("agents", []):
                self.register_agent(s, agent["identifiant"], agent["mot_de_passe"], agent.get("nom", ""), agent.get("prenom", ""))

    def register_agent(self, s: Session, identifiant: str, mot_de_passe: str, nom: str = "", prenom: str = "") -> None:
        """An agent of the back-office; the password is kept hashed (accounts.hash_password)."""
        from sqlalchemy import select

        from .accounts import check_password, hash_password
        from .store import Agent

        agent = s.scalar(select(Agent).where(Agent.identifiant == identifiant))
        if agent is None:
            agent = Agent(identifiant=identifiant, password_hash=hash_password(mot_de_passe))
            s.add(agent)
        elif not check_password(agent.password_hash, mot_de_passe):
            agent.password_hash = hash_password(mot_de_passe)
        agent.nom, agent.prenom = nom, prenom


@contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """An exclusive lock between the portal's processes (fcntl; where there is none, Windows, a
    single process is assumed)."""
    folder.mkdir(parents=True, exist_ok=True)
    if fcntl is None:
        yield
        return
    with open(folder / ".lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _dates(values: dict[str, Any], *keys: str) -> dict[str, Any]:
    out = dict(values)
    for key in keys:
        if isinstance(out.get(key), str):
            out[key] = date.fromisoformat(out[key])
    return out
