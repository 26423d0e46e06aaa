"""The mailbox instrument: wait for the mail sent to someone, read its text, links, temporary
password and attachments. It long-polls the mailbox API (the server holds the request until a mail
matches), so nothing here sleeps for a fixed time."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

_URL = re.compile(r"https?://[^\s<>\"')\]]+")
_TEMP_PASSWORD = re.compile(r"Mot de passe provisoire\s*:\s*(\S+)")
_IDENTIFIANT = re.compile(r"Identifiant\s*:\s*(\S+)")


class MailNotReceived(AssertionError):
    pass


@dataclass
class Mail:
    id: int
    subject: str
    to: list[str]
    text: str
    html: str
    attachments: list[dict[str, Any]]
    raw: bytes = b""
    _client: httpx.Client | None = field(default=None, repr=False)

    def links(self) -> list[str]:
        return _URL.findall(self.text)

    def link(self, label: str | None = None) -> str:
        """The link after `label` in the text ("Se connecter : https://…"), or the only/first link."""
        if label:
            match = re.search(re.escape(label) + r"\s*:?\s*(https?://\S+)", self.text)
            if match:
                return match.group(1)
        links = self.links()
        if not links:
            raise AssertionError(f"aucun lien dans le courriel « {self.subject} »")
        return links[0]

    def temporary_password(self) -> str:
        match = _TEMP_PASSWORD.search(self.text)
        if not match:
            raise AssertionError(f"pas de « Mot de passe provisoire » dans le courriel « {self.subject} »")
        return match.group(1)

    def identifiant(self) -> str:
        match = _IDENTIFIANT.search(self.text)
        if not match:
            raise AssertionError(f"pas d'« Identifiant » dans le courriel « {self.subject} »")
        return match.group(1)

    def attachment(self, name_contains: str = "") -> tuple[str, bytes]:
        for item in self.attachments:
            if name_contains in (item.get("filename") or ""):
                assert self._client is not None
                response = self._client.get(item["url"])
                response.raise_for_status()
                return item["filename"], response.content
        names = [a.get("filename") for a in self.attachments]
        raise AssertionError(f"pas de pièce jointe « {name_contains} » ; pièces jointes : {names}")

    def save(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"courriel-{self.id}.eml"
        path.write_bytes(self.raw)
        return path


class Mailbox:
    """Client of the mailbox read API (the bundled sink's, documented in the README)."""

    def __init__(self, api_url: str, timeout: float = 30.0) -> None:
        self.api_url = api_url.rstrip("/")
        self.timeout = timeout
        self._client = httpx.Client(timeout=httpx.Timeout(timeout + 15))
        self.read: list[Mail] = []  # every mail fetched, kept as evidence

    def last_id(self) -> int:
        messages = self._client.get(f"{self.api_url}/api/messages").json()["messages"]
        return max((m["id"] for m in messages), default=0)

    def wait_for(self, to: str, *, subject: str | None = None, contains: str | None = None,
                 after: int = 0, timeout: float | None = None) -> Mail:
        """The newest mail to `to` (matching `subject`/`contains`) with an id above `after`."""
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        params: dict[str, Any] = {"to": to, "after": after}
        if subject:
            params["subject"] = subject
        if contains:
            params["contains"] = contains
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise MailNotReceived(
                    f"aucun courriel pour {to} contenant « {contains or subject or ''} » en "
                    f"{self.timeout if timeout is None else timeout:.0f} s"
                )
            response = self._client.get(f"{self.api_url}/api/messages", params={**params, "wait": min(remaining, 10)})
            response.raise_for_status()
            messages = response.json()["messages"]
            if messages:
                return self.fetch(messages[-1]["id"])

    def fetch(self, message_id: int) -> Mail:
        data = self._client.get(f"{self.api_url}/api/messages/{message_id}").json()
        raw = self._client.get(f"{self.api_url}/api/messages/{message_id}/raw").content
        mail = Mail(
            id=data["id"], subject=data["subject"], to=data["to"], text=data["text"], html=data["html"],
            attachments=data["attachments"], raw=raw, _client=self._client,
        )
        self.read.append(mail)
        return mail

    def close(self) -> None:
        self._client.close()
