""""Mes demandes en cours" (guide 03, SUIVI DE LA DEMANDE): the connected user's demandes of every
procedure, with their state and the confirmation of the dépôt, and the history of their titles.
Generic: what a demande is called and whether it has a confirmation is read from its definition.

Guides 01 and 03 disagree on the state column: guide 03 shows, during a demande de complément,
"Demande envoyée : le 16/08/2023 à 14:37" with "TÉLÉCHARGER LA CONFIRMATION DE DÉPÔT"; guide 01
FAQ 12 lists the states "Dépôt de la demande", "Instruction en cours", "Décision prise", "Titre de
séjour disponible". Both are kept: the FAQ 12 state (the general guide's, for every procedure) and,
under it, guide 03's "Demande envoyée : le … à …", from the dépôt to the end (guide 03 shows it
while the instruction runs). Guide 01 FAQ 7: the confirmation (and the ADP where there is one) stays
reachable from here: a procedure without a confirmation document (guide 04, BPI) offers the
attestation its confirmation page opens ("J'ouvre ma confirmation de dépôt"), and an attestation the
agent issued or the decision's is offered beside it once issued."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .. import texts
from ..demandes import ATTESTATIONS_STATE, BROUILLON, DECISION, DECISION_STATE, DEPOSEE, DISPONIBLE
from ..engine.definition import Definition, by_id
from ..faults import Faults
from ..store import Compte, Demande, Titre
from .pages import content_disposition, current_account, drawn_attestation, portal, redirect, render

M = texts.MES_DEMANDES


@dataclass
class Ligne:
    numero: str
    type: str
    numero_etranger: str
    etat: str
    confirmation: str | None  # the PDF's URL
    reprendre: str | None  # a draft's URL
    envoyee: str | None = None  # guide 03's "Demande envoyée : le … à …" beside the FAQ 12 state
    documents: tuple[tuple[str, str], ...] = ()  # (link text, URL) of the attestations issued


def _confirmation(request: Request, definition: Definition, d: Demande, faults: Faults) -> str | None:
    """The confirmation de dépôt's URL: the definition's document, or else the attestation the
    confirmation page opens (guide 04: the BPI's ADP, "J'ouvre ma confirmation de dépôt")."""
    if definition.confirmation is not None:
        return str(request.url_for("demarche_confirmation_pdf", procedure=definition.id))
    depot = definition.attestations_emises("depot")
    if not depot or not faults.offers_attestations_in_suivi:
        return None
    return str(request.url_for("mes_demandes_document", numero=d.numero or "", document=depot[0].id))


def _documents(request: Request, definition: Definition, d: Demande, faults: Faults) -> tuple[tuple[str, str], ...]:
    """The attestations issued on the demande after the dépôt (by the agent, or the decision's ADF)."""
    if not faults.offers_attestations_in_suivi:
        return ()
    state = d.donnees or {}
    issued = state.get(ATTESTATIONS_STATE) or {}
    out = []
    for a in definition.attestations:
        if (a.emise == "instruction" and a.id in issued) or (a.emise == "decision" and state.get(DECISION_STATE)):
            out.append((M["telecharger_document"].format(titre=a.titre[0]),
                        str(request.url_for("mes_demandes_document", numero=d.numero or "", document=a.id))))
    return tuple(out)


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
            faults = portal(request).faults
            envoyee = (M["envoyee"].format(date=f"{d.deposee_at:%d/%m/%Y}", heure=f"{d.deposee_at:%H:%M}")
                       if sent and d.deposee_at else None)
            etat = texts.ETATS_DEMANDE.get(d.etat) if sent else M["brouillon"]
            if faults.one_state_in_suivi and sent:  # the former column: one or the other
                etat, envoyee = (envoyee, None) if d.etat == DEPOSEE else (etat, None)
            lignes.append(Ligne(
                numero=d.numero or "",
                type=definition.type_demande or definition.titre,
                numero_etranger=d.numero_etranger or compte.numero_etranger or "",
                etat=etat or "",
                envoyee=envoyee,
                confirmation=_confirmation(request, definition, d, faults) if sent else None,
                reprendre=None if sent else str(request.url_for("demarche", procedure=definition.id)),
                documents=_documents(request, definition, d, faults) if sent else (),
            ))
        titres = [TitreHistorique(t.date_debut, t.date_fin, t.categorie, t.mention)
                  for t in s.scalars(select(Titre).where(Titre.numero_etranger == compte.numero_etranger))
                  ] if compte.numero_etranger else []
        titres += [t for t in map(_accorde, demandes) if t is not None]
        titres.sort(key=lambda t: t.date_debut, reverse=True)
    return render(request, "mes_demandes.html", lignes=lignes, titres=titres)


def _owned_demande(s: Session, compte: Compte, numero: str) -> Demande | None:
    mine = [Demande.compte_id == compte.id]
    if compte.numero_etranger:
        mine.append(Demande.numero_etranger == compte.numero_etranger)
    return s.scalar(select(Demande).where(Demande.numero == numero, or_(*mine)))


async def document(request: Request) -> Response:
    """An attestation of one of the user's deposited demandes, once issued (anyone else: 404)."""
    compte = current_account(request)
    if compte is None:
        return redirect(request, "connexion")
    p = portal(request)
    with p.store.session() as s:
        d = _owned_demande(s, compte, request.path_params["numero"])
        definition = by_id(d.procedure) if d is not None and d.etat != BROUILLON else None
        attestation = definition.attestation(request.path_params["document"]) if definition else None
        if d is None or definition is None or attestation is None:
            return Response(status_code=404)
        demande_id = d.id
    try:
        name, pdf = await drawn_attestation(p, definition, demande_id, attestation)
    except LookupError:  # not issued (yet)
        return Response(status_code=404)
    return Response(pdf, media_type="application/pdf", headers=content_disposition("attachment", name))


routes = [
    Route("/espace/demandes", mes_demandes, name="mes_demandes"),
    Route("/espace/demandes/{numero:str}/documents/{document:str}", document, name="mes_demandes_document"),
]
