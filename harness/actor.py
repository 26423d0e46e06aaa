"""An actor is a persona with abilities (Screenplay's vocabulary): a browser on the target, a
mailbox, and what it has learnt on the way (its identifiant, its password, the numéro of its demande,
the last mail it read), typed in `Etat`."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from .browser import PortalPage
from .demarche import Demarche
from .documents import PdfDocument
from .mailbox import Mail, Mailbox


@dataclass(frozen=True)
class Decision:
    """The agent's favourable decision as the scenario asked it: the card's validity and the taxe."""

    debut: date
    fin: date
    taxe: str


@dataclass
class Etat:
    """What the actor knows, one typed field each; None while the scenario has not learnt it.
    Still readable as a mapping (`notes["numero_demande"]`, `"adp" in notes`, `notes.get(…)`) so step
    modules written against the former dict keep working; a key that is no field goes to `autres`."""

    identifiant: str | None = None
    mot_de_passe: str | None = None
    mot_de_passe_provisoire: str | None = None
    numero_etranger: str | None = None
    numero_demande: str | None = None
    date_depot: date | None = None
    courriel: Mail | None = None
    demarche: Demarche | None = None
    titre: Any = None  # the persona's title (personas.Titre) the account was opened with
    telephone: str | None = None
    numero_accueillant_saisi: str | None = None
    confirmation: PdfDocument | None = None
    adp: PdfDocument | None = None
    decision: Decision | None = None
    autres: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def _is_field(cls, key: str) -> bool:
        return key != "autres" and key in {f.name for f in fields(cls)}

    def __getitem__(self, key: str) -> Any:
        value = getattr(self, key) if self._is_field(key) else self.autres.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key: str, value: Any) -> None:
        if self._is_field(key):
            setattr(self, key, value)
        else:
            self.autres[key] = value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def exige(self, key: str) -> Any:
        """The value, or an AssertionError saying which precondition the scenario lacks."""
        value = self.get(key)
        if value is None:
            raise AssertionError(f"le scénario n'a pas encore établi « {key} » (une étape « Soit » manque-t-elle ?)")
        return value


@dataclass
class Actor:
    persona: Any
    browser: PortalPage
    mailbox: Mailbox
    mail_watermark: int = 0
    notes: Etat = field(default_factory=Etat)

    @property
    def email(self) -> str:
        return str(self.persona.email)

    def wait_for_mail(self, contains: str | None = None, subject: str | None = None, after: int | None = None) -> Mail:
        """The newest mail to this actor since the scenario began (or since mail `after`) that says `contains`."""
        since = self.mail_watermark if after is None else max(after, self.mail_watermark)
        mail = self.mailbox.wait_for(self.email, contains=contains, subject=subject, after=since)
        self.notes.courriel = mail
        return mail

    @property
    def last_mail(self) -> Mail:
        if self.notes.courriel is None:
            raise AssertionError("aucun courriel lu par ce scénario")
        return self.notes.courriel

    @property
    def identifiant(self) -> str:
        return str(self.notes.exige("identifiant"))

    @property
    def mot_de_passe(self) -> str:
        return str(self.notes.exige("mot_de_passe"))

    @property
    def mot_de_passe_provisoire(self) -> str:
        return str(self.notes.exige("mot_de_passe_provisoire"))

    @property
    def numero_demande(self) -> str:
        return str(self.notes.exige("numero_demande"))
