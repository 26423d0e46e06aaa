"""The 30-day délai of a demande de complément (guides 02-04 "INSTRUCTION DE LA DEMANDE", guide 01
FAQ 13) and what happens when it has passed.

The guides: "Si vous n'apportez pas les compléments nécessaires dans un délai de 30 jours après avoir
pris connaissance de ce message, votre demande pourra être considérée comme incomplète par
l'administration qui ne sera pas en mesure de prendre une décision d'acceptation ou de refus de votre
demande, et elle sera clôturée." and "Mes Notifications": "L'ouverture d'une notification fait office,
pour l'administration, d'accusé de réception et déclenche donc le délai". FAQ 12: "Instruction en
cours : … jusqu'à ce que l'administration prenne une décision ou clôture la demande."

Chosen (the guides show neither screen): the délai runs from the opening of the notification; while
it runs, the agent cannot close the demande for want of the complément; once it has passed with no
answer, the agent may close it ("pourra être considérée comme incomplète": the administration's
act, not an automatic one), and until then the applicant may still answer (FAQ 13: "Une fois le
dossier complété et transmis, la préfecture pourra à nouveau poursuivre son instruction"). Closed, the
demande shows "Demande clôturée" in "Mes demandes en cours", the applicant gets a notification and its
mail, and the complément can no longer be answered. An unopened notification starts no délai: the
demande cannot be closed on it."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from . import texts
from .demandes import INSTRUCTION, Demandes
from .instruction import DemandeInconnue, EtatInvalide, Invalide, _notify
from .portal import Portal
from .store import Notification

DELAI_JOURS = 30
CLOTUREE = "cloturee"


def echeance(n: Notification) -> datetime | None:
    """The end of the délai of an opened demande de complément (None: not opened yet)."""
    return n.lue_at + timedelta(days=DELAI_JOURS) if n.lue_at is not None else None


def depasse(n: Notification, now: datetime) -> bool:
    """The délai of an opened, unanswered demande de complément has passed."""
    end = echeance(n)
    return n.kind == "complement" and n.repondue_at is None and end is not None and now > end


async def close_incomplete(p: Portal, numero_demande: str, lien: str) -> None:
    """The agent closes a demande whose complément was not given within the délai."""
    demandes = Demandes(p.store, p.clock, p.settings.data_dir)
    now = p.clock.now()
    with p.store.session() as s:
        demande = demandes.by_numero(s, numero_demande)
        if demande is None:
            raise DemandeInconnue(numero_demande)
        if demande.etat != INSTRUCTION:
            raise EtatInvalide(demande.etat)
        pending = list(s.scalars(select(Notification).where(
            Notification.demande_id == demande.id, Notification.kind == "complement",
            Notification.repondue_at.is_(None))))
        if not pending:
            raise Invalide({"cloture": texts.AGENT["cloture_sans_complement"]})
        if not p.faults.closes_before_delai and not any(depasse(n, now) for n in pending):
            ends = [e for e in map(echeance, pending) if e is not None]
            raise Invalide({"cloture": texts.AGENT["cloture_avant_delai"].format(
                date=f"{min(ends):%d/%m/%Y}" if ends else texts.AGENT["cloture_non_lue"])})
        demande.etat = CLOTUREE
        demande.updated_at = now
        contenu: dict[str, Any] = {"date": f"{now:%d/%m/%Y}"}
        email = _notify(p, s, demande, "cloture", contenu, lien)
    await p.send_mail(email, "notification", lien=lien)
    p.journal("demande_cloturee", numero_demande=numero_demande)
