"""Reading and checking submitted forms: each problem becomes a French message next to its field,
and the values entered are sent back so nothing typed is lost."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request

from .. import texts

MAX_TEXT = 200
MAX_FIELDS = 2000  # the largest step (12 enfants, their prénoms and nationalités) sends about 500
MAX_FILES = 30  # one file input per justificatif of a step (23 on the largest)
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class Form:
    """Submitted values (as typed) and the errors found, keyed by field name."""

    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    general: str | None = None

    @classmethod
    def read(cls, data: FormData) -> Form:
        return cls(values={k: str(v) for k, v in data.items() if isinstance(v, str)})

    def get(self, name: str) -> str:
        return self.values.get(name, "").strip()

    def error(self, name: str, key: str, **fmt: Any) -> None:
        self.errors.setdefault(name, texts.ERREURS[key].format(**fmt))

    @property
    def ok(self) -> bool:
        return not self.errors and not self.general

    def required(self, *names: str) -> None:
        for name in names:
            if not self.get(name):
                self.error(name, "obligatoire")
            elif len(self.get(name)) > MAX_TEXT:
                self.error(name, "trop_long", max=MAX_TEXT)

    def email_pair(self, name: str, confirmation: str) -> str | None:
        self.required(name, confirmation)
        email, again = self.get(name), self.get(confirmation)
        if email and name not in self.errors and not _looks_like_email(email):
            self.error(name, "email_invalide")
        elif email and again and email.lower() != again.lower():
            self.error(confirmation, "emails_differents")
        return email if self.ok else None

    def date(self, prefix: str, *, required: bool = True, year_only: bool = False) -> date | None:
        """A Jour / Mois / Année group. `year_only`: day and month may be left empty (the
        approximate birth date, or a guide field marked "Année *" only)."""
        jour, mois, annee = (self.get(f"{prefix}_{p}") for p in ("jour", "mois", "annee"))
        if not (jour or mois or annee):
            if required:
                self.error(prefix, "obligatoire")
            return None
        if not (annee.isascii() and annee.isdigit() and len(annee) == 4):
            self.error(prefix, "annee_invalide")
            return None
        if year_only and not (jour or mois):
            return None
        if not (jour.isascii() and jour.isdigit() and mois.isascii() and mois.isdigit()):  # not "٤" nor "４"
            self.error(prefix, "date_incomplete")
            return None
        try:
            return date(int(annee), int(mois), int(jour))
        except ValueError:
            self.error(prefix, "date_invalide")
            return None


async def read_form(request: Request) -> FormData:
    """The submitted form, bounded in fields and files; a form beyond the bounds or unreadable (a
    multipart body without a boundary) raises the HTTP 400 that web.limits renders in French."""
    return await request.form(max_fields=MAX_FIELDS, max_files=MAX_FILES)


def _looks_like_email(value: str) -> bool:
    return bool(EMAIL_RE.match(value)) and len(value) <= 254
