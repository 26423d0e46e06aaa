""""Mes demandes en cours" (guide 03, SUIVI DE LA DEMANDE): the connected user's demandes of every
procedure, with their state and the confirmation of the dépôt, and the history of their titles.
Generic: what a demande is called and whether it has a confirmation is read from its definition."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .. import texts
from ..demandes import BROUILLON, DECISION, DECISION_STATE, DEPOSEE, DISPONIBLE
from ..engine.definition import by_id
from ..store import Demande, Titre
from .pages import current_account, portal, redirect, render

M = texts.MES_DEMANDES


@dataclass
class Ligne:
    numero: str
    type: str
    numero_etranger: str
    etat: str
    confirmation: str | None  # the PDF's URL
    reprendre: str | None  # a draft's URL


@dataclass
class TitreHistorique:
    """A row of "Historique de mes Titres de Séjour": a title the administration holds, or the card a
    favourable decision grants (its nature and mention as the definition words them)."""

    date_debut: date
    date_fin: date
    categorie: str
    mention: str


def _accorde(d: Demande) -> TitreHistorique | None:
    decision = (d.donnees or {}).get(DECISION_STATE)
    if d.etat not in (DECISION, DISPONIBLE) or not decision:
        return None
    nature = decision.get("nature", "")
    return TitreHistorique(date.fromisoformat(decision["date_debut"]), date.fromisoformat(decision["date_fin"]),
                           nature[:1].upper() + nature[1:], decision.get("mention", ""))


async def mes_demandes(request: Request) -> Response:
    compte = current_account(request)
    if compte is None:
        return redirect(request, "connexion")
    lignes: list[Ligne] = []
    with portal(request).store.session() as s:
        mine = [Demande.compte_id == compte.id]
        if compte.numero_etranger:  # after the instruction starts, the definitive account sees the demande
            mine.append(Demande.numero_etranger == compte.numero_etranger)
        demandes = list(s.scalars(select(Demande).where(or_(*mine)).order_by(Demande.id.desc())))
        for d in demandes:
            definition = by_id(d.procedure)
            if definition is None:
                continue
            sent = d.etat != BROUILLON and d.deposee_at is not None
            lignes.append(Ligne(
                numero=d.numero or "",
                type=definition.type_demande or definition.titre,
                numero_etranger=d.numero_etranger or compte.numero_etranger or "",
                etat=(texts.ETATS_DEMANDE[d.etat] if d.etat in texts.ETATS_DEMANDE and d.etat not in (BROUILLON, DEPOSEE)
                      else M["envoyee"].format(date=f"{d.deposee_at:%d/%m/%Y}", heure=f"{d.deposee_at:%H:%M}")
                      if sent and d.deposee_at else M["brouillon"]),
                confirmation=(str(request.url_for("demarche_confirmation_pdf", procedure=definition.id))
                              if sent and definition.confirmation is not None else None),
                reprendre=None if sent else str(request.url_for("demarche", procedure=definition.id)),
            ))
        titres = [TitreHistorique(t.date_debut, t.date_fin, t.categorie, t.mention)
                  for t in s.scalars(select(Titre).where(Titre.numero_etranger == compte.numero_etranger))
                  ] if compte.numero_etranger else []
        titres += [t for t in map(_accorde, demandes) if t is not None]
        titres.sort(key=lambda t: t.date_debut, reverse=True)
    return render(request, "mes_demandes.html", lignes=lignes, titres=titres)


routes = [
    Route("/espace/demandes", mes_demandes, name="mes_demandes"),
]
