"""The bundled SMTP sink: receives every mail the portal sends, keeps it in SQLite, serves it.

The read API is what the harness's mailbox instrument speaks (see README, "Mailbox API"):
  GET    /api/health
  GET    /api/messages?to=&subject=&contains=&after=&wait=   list, newest last; `wait` (seconds)
         long-polls until one matches, so a client never sleeps on its own
  GET    /api/messages/{id}                                  headers, text, HTML, attachment list
  GET    /api/messages/{id}/raw                              the message as received (.eml)
  GET    /api/messages/{id}/attachments/{index}              one attachment's bytes
  DELETE /api/messages/{id} and DELETE /api/messages         delete one, or all
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import time
from datetime import datetime
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from sqlalchemy import JSON, DateTime, Integer, LargeBinary, String, create_engine, delete, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

MAX_WAIT_SECONDS = 60.0


class _Base(DeclarativeBase):
    pass


class StoredMessage(_Base):
    __tablename__ = "message"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    received_at: Mapped[datetime] = mapped_column(DateTime)
    mail_from: Mapped[str] = mapped_column(String(320))
    rcpt_tos: Mapped[list] = mapped_column(JSON)
    subject: Mapped[str] = mapped_column(String(500))
    raw: Mapped[bytes] = mapped_column(LargeBinary)


class MailStore:
    """Durable storage of received messages (its own SQLite file, apart from the portal's)."""

    def __init__(self, url: str) -> None:
        self.engine = create_engine(url, connect_args={"check_same_thread": False})
        _Base.metadata.create_all(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def add(self, mail_from: str, rcpt_tos: list[str], raw: bytes) -> int:
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        with self._sessions.begin() as s:
            row = StoredMessage(
                received_at=datetime.now(), mail_from=mail_from, rcpt_tos=[r.lower() for r in rcpt_tos],
                subject=str(parsed.get("Subject", "")), raw=raw,
            )
            s.add(row)
            s.flush()
            return row.id

    def all(self) -> list[StoredMessage]:
        with self._sessions() as s:
            return list(s.scalars(select(StoredMessage).order_by(StoredMessage.id)))

    def get(self, message_id: int) -> StoredMessage | None:
        with self._sessions() as s:
            return s.get(StoredMessage, message_id)

    def delete(self, message_id: int | None = None) -> None:
        with self._sessions.begin() as s:
            query = delete(StoredMessage)
            if message_id is not None:
                query = query.where(StoredMessage.id == message_id)
            s.execute(query)


def parse(row: StoredMessage) -> EmailMessage:
    return email.message_from_bytes(row.raw, policy=email.policy.default)  # type: ignore[return-value]


def _body(message: EmailMessage, subtype: str) -> str:
    part = message.get_body(preferencelist=(subtype,))
    return part.get_content() if part is not None else ""


def _attachments(message: EmailMessage) -> list[EmailMessage]:
    return list(message.iter_attachments())  # type: ignore[arg-type]


def summary(row: StoredMessage) -> dict[str, Any]:
    return {
        "id": row.id,
        "from": row.mail_from,
        "to": row.rcpt_tos,
        "subject": row.subject,
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
            "filename": part.get_filename(),
            "content_type": part.get_content_type(),
            "size": len(part.get_payload(decode=True) or b""),
            "url": f"{base}/api/messages/{row.id}/attachments/{i}",
        }
        for i, part in enumerate(_attachments(message))
    ]
    return data


def _matches(row: StoredMessage, to: str | None, subject: str | None, contains: str | None, after: int) -> bool:
    if row.id <= after:
        return False
    if to and to.lower() not in row.rcpt_tos:
        return False
    if subject and subject.casefold() not in row.subject.casefold():
        return False
    if contains:
        message = parse(row)
        if contains.casefold() not in (_body(message, "plain") + _body(message, "html")).casefold():
            return False
    return True


def create_api(store: MailStore) -> Starlette:
    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "service": "anef-simulateur-mail-sink"})

    async def list_messages(request: Request) -> Response:
        q = request.query_params
        after = int(q.get("after", "0") or 0)
        wait = min(float(q.get("wait", "0") or 0), MAX_WAIT_SECONDS)
        deadline = time.monotonic() + wait
        while True:
            rows = [r for r in store.all() if _matches(r, q.get("to"), q.get("subject"), q.get("contains"), after)]
            if rows or time.monotonic() >= deadline:
                return JSONResponse({"messages": [summary(r) for r in rows]})
            await asyncio.sleep(0.1)  # server-side long poll: the client itself never sleeps

    def _base(request: Request) -> str:
        return str(request.base_url).rstrip("/")

    async def one(request: Request) -> Response:
        row = store.get(int(request.path_params["id"]))
        if row is None:
            return JSONResponse({"error": "not found"}, status_code=404)
        return JSONResponse(detail(row, _base(request)))

    async def raw(request: Request) -> Response:
        row = store.get(int(request.path_params["id"]))
        if row is None:
            return JSONResponse({"error": "not found"}, status_code=404)
        return Response(row.raw, media_type="message/rfc822")

    async def attachment(request: Request) -> Response:
        row = store.get(int(request.path_params["id"]))
        index = int(request.path_params["index"])
        parts = _attachments(parse(row)) if row else []
        if index >= len(parts):
            return JSONResponse({"error": "not found"}, status_code=404)
        part = parts[index]
        filename = part.get_filename() or f"piece-jointe-{index}"
        return Response(
            part.get_payload(decode=True) or b"",
            media_type=part.get_content_type(),
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )

    async def remove(request: Request) -> Response:
        store.delete(int(request.path_params["id"]))
        return Response(status_code=204)

    async def remove_all(request: Request) -> Response:
        store.delete()
        return Response(status_code=204)

    return Starlette(
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
