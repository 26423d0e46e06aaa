"""An actor is a persona with abilities (Screenplay's vocabulary): a browser on the target, a
mailbox, and notes of its own (its identifiant, its password, the last mail it read)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .browser import PortalPage
from .mailbox import Mail, Mailbox


@dataclass
class Actor:
    persona: Any
    browser: PortalPage
    mailbox: Mailbox
    mail_watermark: int = 0
    notes: dict[str, Any] = field(default_factory=dict)

    @property
    def email(self) -> str:
        return str(self.persona.email)

    def wait_for_mail(self, contains: str | None = None, subject: str | None = None) -> Mail:
        """The newest mail to this actor since the scenario began that says `contains`."""
        mail = self.mailbox.wait_for(self.email, contains=contains, subject=subject, after=self.mail_watermark)
        self.notes["courriel"] = mail
        return mail

    @property
    def last_mail(self) -> Mail:
        if "courriel" not in self.notes:
            raise AssertionError("aucun courriel lu par ce scénario")
        mail: Mail = self.notes["courriel"]
        return mail
