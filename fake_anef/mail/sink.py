"""The bundled SMTP sink: receives every mail the portal sends, keeps it in SQLite, serves it.

The read API is what the harness's mailbox instrument speaks (see README, "Mailbox API"):
  GET    /api/health
  GET    /api/messages?to=&subject=&contains=&after=&wait=   list, newest last; `wait` (seconds)
         long-polls until one matches, so a client never sleeps on its own
  GET    /api/messages/{id}                                  headers, text, HTML, attachment list
  GET    /api/messages/{id}/raw                              the message as received (.eml)
  GET    /api/messages/{id}/attachments/{index}              one attachment's bytes
  DELETE /api/messages/{id} and DELETE /api/messages         delete one, or all

A mail is parsed once, when it is received: its recipients, subject and text go into indexed
columns, so a poll is one SQL query, not a re-read of every stored mail. Parsing never refuses a
mail: an unknown charset or a broken header is decoded leniently, since a mailbox that errors on
one odd mail hides all the others.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import math
import threading
import time
from datetime import datetime
from email.message import EmailMessage, MIMEPart
from typing import Any
from urllib.parse import quote

from aiosmtpd.controller import Controller
from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    create_engine,
    delete,
    inspect,
    select,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, defer, mapped_column, sessionmaker
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

MAX_WAIT_SECONDS = 60.0
POLL_SECONDS = 0.1


class _Base(DeclarativeBase):
    pass


class StoredMessage(_Base):
    __tablename__ = "message"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    received_at: Mapped[datetime] = mapped_column(DateTime)
    mail_from: Mapped[str] = mapped_column(String(320))
    rcpt_tos: Mapped[list[str]] = mapped_column(JSON)
    subject: Mapped[str] = mapped_column(String(500))
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    # filled at reception, searched by the list's filters (casefolded, as the filters compare)
    subject_fold: Mapped[str | None] = mapped_column(Text, nullable=True)
    text_fold: Mapped[str | None] = mapped_column(Text, nullable=True)


class StoredRecipient(_Base):
    """One row per envelope recipient: `?to=` is an indexed equality, not a scan of JSON lists."""

    __tablename__ = "message_recipient"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("message.id", ondelete="CASCADE"), index=True)
    address: Mapped[str] = mapped_column(String(320), index=True)


class MailStore:
    """Durable storage of received messages (its own SQLite file, apart from the portal's)."""

    def __init__(self, url: str) -> None:
        self.engine = create_engine(url, connect_args={"check_same_thread": False})
        _Base.metadata.create_all(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._upgrade()

    def _upgrade(self) -> None:
        """A mail.db written before the indexed columns existed gets them, filled from the raw mails."""
        columns = {c["name"] for c in inspect(self.engine).get_columns("message")}
        if {"subject_fold", "text_fold"} <= columns:
            return
        with self.engine.begin() as connection:
            for name in ("subject_fold", "text_fold"):
                if name not in columns:
                    connection.execute(text(f"ALTER TABLE message ADD COLUMN {name} TEXT"))
        with self._sessions.begin() as s:
            for row in s.scalars(select(StoredMessage)):
                fields = parsed_fields(row.raw)
                row.subject_fold, row.text_fold = fields["subject"].casefold(), fields["text"].casefold()
                s.add_all(StoredRecipient(message_id=row.id, address=a.lower()) for a in row.rcpt_tos)

    def add(self, mail_from: str, rcpt_tos: list[str], raw: bytes) -> int:
        fields = parsed_fields(raw)
        recipients = [r.lower() for r in rcpt_tos]
        with self._sessions.begin() as s:
            row = StoredMessage(
                received_at=datetime.now(), mail_from=mail_from, rcpt_tos=recipients, subject=fields["subject"],
                raw=raw, subject_fold=fields["subject"].casefold(), text_fold=fields["text"].casefold(),
            )
            s.add(row)
            s.flush()
            s.add_all(StoredRecipient(message_id=row.id, address=a) for a in dict.fromkeys(recipients))
            return row.id

    def all(self) -> list[StoredMessage]:
        return self.find()

    def find(self, to: str | None = None, subject: str | None = None, contains: str | None = None,
             after: int = 0, *, summaries: bool = False) -> list[StoredMessage]:
        """Stored messages matching the list's filters, oldest first: one query, no mail parsed.
        `summaries`: without the raw mail and its text (what the list shows needs neither)."""
        query = select(StoredMessage).where(StoredMessage.id > after).order_by(StoredMessage.id)
        if summaries:
            query = query.options(defer(StoredMessage.raw), defer(StoredMessage.text_fold))
        if to:
            query = query.where(StoredMessage.id.in_(
                select(StoredRecipient.message_id).where(StoredRecipient.address == to.lower())))
        if subject:
            query = query.where(StoredMessage.subject_fold.contains(subject.casefold(), autoescape=True))
        if contains:
            query = query.where(StoredMessage.text_fold.contains(contains.casefold(), autoescape=True))
        with self._sessions() as s:
            return list(s.scalars(query))

    def get(self, message_id: int) -> StoredMessage | None:
        if not 0 < message_id < 2**63:  # beyond SQLite's integers: no such message, not an overflow
            return None
        with self._sessions() as s:
            return s.get(StoredMessage, message_id)

    def delete(self, message_id: int | None = None) -> None:
        with self._sessions.begin() as s:
            recipients, messages = delete(StoredRecipient), delete(StoredMessage)
            if message_id is not None:
                if not 0 < message_id < 2**63:
                    return
                recipients = recipients.where(StoredRecipient.message_id == message_id)
                messages = messages.where(StoredMessage.id == message_id)
            s.execute(recipients)
            s.execute(messages)


def parse(row: StoredMessage) -> EmailMessage:
    return email.message_from_bytes(row.raw, policy=email.policy.default)


def _clean(value: str) -> str:
    """Text safe to put in JSON: lone surrogates (undecodable bytes) become U+FFFD."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _content(part: MIMEPart) -> str:
    """A text part's content; an unknown or wrong charset is decoded as UTF-8 with replacements."""
    try:
        return _clean(part.get_content())
    except (LookupError, UnicodeError, ValueError, AssertionError):
        payload = part.get_payload(decode=True) or b""
        return payload.decode("utf-8", "replace") if isinstance(payload, bytes) else _clean(str(payload))


def _body(message: EmailMessage, subtype: str) -> str:
    part = message.get_body(preferencelist=(subtype,))
    return _content(part) if part is not None else ""


def _header(message: EmailMessage, name: str) -> str:
    try:
        return _clean(str(message.get(name, "")))
    except (LookupError, UnicodeError, ValueError, IndexError):
        return ""


def parsed_fields(raw: bytes) -> dict[str, str]:
    """What the list filters on, taken once from the raw mail: subject, text and HTML."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    return {"subject": _header(message, "Subject"),
            "text": _body(message, "plain") + "\n" + _body(message, "html")}


def _attachments(message: EmailMessage) -> list[EmailMessage]:
    return list(message.iter_attachments())


def _filename(part: EmailMessage) -> str | None:
    try:
        name = part.get_filename()
    except (LookupError, UnicodeError, ValueError, IndexError):
        return None
    return _clean(name) if name else None


def summary(row: StoredMessage) -> dict[str, Any]:
    return {
        "id": row.id,
        "from": row.mail_from,
        "to": row.rcpt_tos,
        "subject": _clean(row.subject),
        "received_at": row.received_at.isoformat(timespec="seconds"),
    }


def detail(row: StoredMessage, base: str) -> dict[str, Any]:
    message = parse(row)
    data = summary(row)
    data["text"] = _body(message, "plain")
    data["html"] = _body(message, "html")
    data["attachments"] = [
        {
            "index": i,
            "filename": _filename(part),
            "content_type": part.get_content_type(),
            "size": len(part.get_payload(decode=True) or b""),
            "url": f"{base}/api/messages/{row.id}/attachments/{i}",
        }
        for i, part in enumerate(_attachments(message))
    ]
    return data


def content_disposition(filename: str) -> str:
    """`attachment` with the name as RFC 6266 wants it: an ASCII fallback and the UTF-8 name."""
    fallback = "".join(c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in filename)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


class BadQuery(ValueError):
    pass


def _after(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        raise BadQuery(f"after doit être un numéro de message (entier), pas « {value} »") from None


def _wait(value: str | None) -> float:
    """Seconds to long-poll: a finite number, clamped to [0, MAX_WAIT_SECONDS]."""
    try:
        wait = float(value or 0)
    except ValueError:
        raise BadQuery(f"wait doit être un nombre de secondes, pas « {value} »") from None
    if not math.isfinite(wait):
        raise BadQuery(f"wait doit être un nombre fini de secondes (au plus {MAX_WAIT_SECONDS:.0f}), pas « {value} »")
    return min(max(wait, 0.0), MAX_WAIT_SECONDS)


def create_api(store: MailStore) -> Starlette:
    """The read API. `app.state.closing` (a threading.Event) ends every long poll at once: the
    server sets it on SIGTERM so a waiting client never holds up the shutdown."""
    closing = threading.Event()

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "service": "anef-simulateur-mail-sink"})

    async def list_messages(request: Request) -> Response:
        q = request.query_params
        try:
            after, wait = _after(q.get("after")), _wait(q.get("wait"))
        except BadQuery as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        deadline = time.monotonic() + wait
        while True:
            rows = await run_in_threadpool(lambda: store.find(q.get("to"), q.get("subject"), q.get("contains"), after,
                                                              summaries=True))
            if rows or time.monotonic() >= deadline or closing.is_set():
                return JSONResponse({"messages": [summary(r) for r in rows]})
            await asyncio.sleep(POLL_SECONDS)  # server-side long poll: the client itself never sleeps

    def _base(request: Request) -> str:
        return str(request.base_url).rstrip("/")

    async def one(request: Request) -> Response:
        row = await run_in_threadpool(store.get, request.path_params["id"])
        if row is None:
            return JSONResponse({"error": "not found"}, status_code=404)
        return JSONResponse(detail(row, _base(request)))

    async def raw(request: Request) -> Response:
        row = await run_in_threadpool(store.get, request.path_params["id"])
        if row is None:
            return JSONResponse({"error": "not found"}, status_code=404)
        return Response(row.raw, media_type="message/rfc822")

    async def attachment(request: Request) -> Response:
        row = await run_in_threadpool(store.get, request.path_params["id"])
        index = request.path_params["index"]
        parts = _attachments(parse(row)) if row else []
        if index >= len(parts):
            return JSONResponse({"error": "not found"}, status_code=404)
        part = parts[index]
        return Response(
            part.get_payload(decode=True) or b"",
            media_type=part.get_content_type(),
            headers={"Content-Disposition": content_disposition(_filename(part) or f"piece-jointe-{index}")},
        )

    async def remove(request: Request) -> Response:
        await run_in_threadpool(store.delete, request.path_params["id"])
        return Response(status_code=204)

    async def remove_all(request: Request) -> Response:
        await run_in_threadpool(store.delete)
        return Response(status_code=204)

    app = Starlette(
        routes=[
            Route("/api/health", health),
            Route("/api/messages", list_messages, methods=["GET"]),
            Route("/api/messages", remove_all, methods=["DELETE"]),
            Route("/api/messages/{id:int}", one, methods=["GET"]),
            Route("/api/messages/{id:int}", remove, methods=["DELETE"]),
            Route("/api/messages/{id:int}/raw", raw),
            Route("/api/messages/{id:int}/attachments/{index:int}", attachment),
        ]
    )
    app.state.closing = closing
    return app


class _Handler:
    def __init__(self, store: MailStore) -> None:
        self.store = store

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd's name)
        self.store.add(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content or envelope.content)
        return "250 Message accepted for delivery"


def start_smtp(store: MailStore, host: str, port: int) -> Controller:
    """Start the SMTP side in its own thread (aiosmtpd's Controller); `.stop()` ends it."""
    controller = Controller(_Handler(store), hostname=host, port=port, ready_timeout=10)
    controller.start()
    return controller
