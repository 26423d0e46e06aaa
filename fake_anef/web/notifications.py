"""The applicant's notifications (guide 02 "INSTRUCTION DE LA DEMANDE", étape 4): the header bell
with the unread count and its drop-down, "Mes Notifications" (filter, 10 per page), and one
notification, whose opening is the accusé de réception that starts the 30-day delay."""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, func, or_, select
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from .. import delai, texts
from ..engine.definition import by_id
from ..instruction import identite_of
from ..store import Compte, Demande, Notification, Piece
from . import complement
from .pages import content_disposition, current_account, drawn_attestation, portal, redirect, render, templates

N = texts.MES_NOTIFICATIONS
PAR_PAGE = 10


def _belongs(compte_id: Any, numero_etranger: Any | None) -> ColumnElement[bool]:
    """Whose notifications they are: those of the account's demandes, and of the demandes filed under
    its numéro étranger (values, or bound parameters for a statement built once)."""
    mine = [Demande.compte_id == compte_id]
    if numero_etranger is not None:
        mine.append(Demande.numero_etranger == numero_etranger)
    return or_(*mine)


def _query(compte: Compte) -> Select[Notification]:
    return (select(Notification).join(Demande, Demande.id == Notification.demande_id)
            .where(_belongs(compte.id, compte.numero_etranger or None)))


def etat(n: Notification) -> str:
    return "repondu" if n.repondue_at else "lue" if n.lue_at else "non_lue"


def _cloche_statement(by_numero: bool) -> Select[Any]:
    """The bell's one statement: the latest five (id, date, titre), each row carrying the unread
    count (no row: nothing unread). Built once per shape (`by_numero`: the account has a numéro
    étranger, _query) with bound parameters, and run without an ORM session (store.Store.rows): it
    is on every page of a connected user."""
    mine = _belongs(bindparam("compte_id"), bindparam("numero_etranger") if by_numero else None)
    notifications = select(Notification.id, Notification.created_at, Notification.titre).join(
        Demande, Demande.id == Notification.demande_id).where(mine)
    non_lues = (select(func.count()).select_from(Notification).join(Demande, Demande.id == Notification.demande_id)
                .where(mine, Notification.lue_at.is_(None)).scalar_subquery())
    return notifications.add_columns(non_lues).order_by(Notification.created_at.desc(), Notification.id.desc()).limit(5)


_CLOCHE = {False: _cloche_statement(False), True: _cloche_statement(True)}


def cloche(request: Request) -> dict[str, Any]:
    """For the header: the unread count and the latest notifications (read afresh on every page:
    a notification sent a moment ago shows at once)."""
    compte = current_account(request)
    if compte is None:
        return {"non_lues": 0, "dernieres": []}
    by_numero = bool(compte.numero_etranger)
    params: dict[str, Any] = {"compte_id": compte.id}
    if by_numero:
        params["numero_etranger"] = compte.numero_etranger
    rows = portal(request).store.rows(_CLOCHE[by_numero], params)
    return {"non_lues": rows[0][3] if rows else 0,
            "dernieres": [{"id": id_, "date": f"{created_at:%d/%m/%Y}", "titre": titre} for id_, created_at, titre, _ in rows]}


templates.env.globals["cloche"] = cloche


@dataclass
class Ligne:
    id: int
    date: str
    titre: str
    etat: str
    lu_le: str | None
    repondu_le: str | None


async def liste(request: Request) -> Response:
    compte = current_account(request)
    if compte is None:
        return redirect(request, "connexion")
    filtre = request.query_params.get("filtre", "")
    if filtre not in N["filtres"]:
        filtre = ""
    try:
        page = max(1, int(request.query_params.get("page", "1")))
    except ValueError:
        page = 1
    with portal(request).store.session() as s:
        rows = [n for n in s.scalars(_query(compte).order_by(Notification.created_at.desc(), Notification.id.desc()))
                if not filtre or etat(n) == filtre]
        pages = max(1, ceil(len(rows) / PAR_PAGE))
        page = min(page, pages)
        lignes = [Ligne(id=n.id, date=f"{n.created_at:%d/%m/%Y}", titre=n.titre, etat=N["etats"][etat(n)],
                        lu_le=N["lu_le"].format(date=f"{n.lue_at:%d/%m/%Y}") if n.lue_at else None,
                        repondu_le=N["repondu_le"].format(date=f"{n.repondue_at:%d/%m/%Y}") if n.repondue_at else None)
                  for n in rows[(page - 1) * PAR_PAGE: page * PAR_PAGE]]
    return render(request, "notifications/liste.html", lignes=lignes, filtre=filtre, page=page, pages=pages,
                  par_page=PAR_PAGE)


def _mine(s: Session, compte: Compte, notification_id: int) -> Notification | None:
    return s.scalar(_query(compte).where(Notification.id == notification_id))


async def notification(request: Request) -> Response:
    """Opening it records the accusé de réception (once) and starts the 30-day delay; a demande de
    complément is answered here, one choice per document ("Maintenir" with its reasons, or
    "Mettre à jour" with a new file checked by the wizard's rules)."""
    compte = current_account(request)
    if compte is None:
        return redirect(request, "connexion")
    p = portal(request)
    erreurs: dict[str, str] = {}
    saisie: dict[str, str] = {}
    if request.method == "POST":
        form = await request.form()
        saisie = {k: v for k, v in form.items() if isinstance(v, str)}
        fichiers = await complement.read_files(p, form)
        action = saisie.get("_action", "")
        with p.store.session() as s:
            n = _mine(s, compte, request.path_params["id"])
            demande = s.get(Demande, n.demande_id) if n is not None else None
            if n is None or demande is None or not complement.answerable(n, demande):
                return Response(status_code=404 if n is None else 409)
            erreurs, removed, sent = complement.handle(p, s, n, demande, saisie, fichiers, action)
        for path in removed:
            path.unlink(missing_ok=True)
        if sent:
            p.journal("complement_repondu", notification=request.path_params["id"])
            return RedirectResponse(f"{request.url_for('notification', id=request.path_params['id'])}?repondu=1", status_code=303)
    with p.store.session() as s:
        n = _mine(s, compte, request.path_params["id"])
        if n is None:
            return Response(status_code=404)
        if n.lue_at is None:
            n.lue_at = p.clock.now()
        demande = s.get(Demande, n.demande_id)
        if demande is None:  # a notification always belongs to a demande (foreign key)
            return Response(status_code=404)
        ident = identite_of(p, demande.procedure, demande.donnees or {})
        pieces: dict[str, list[tuple[int, str]]] = {}
        for piece in s.scalars(select(Piece).where(Piece.demande_id == n.demande_id).order_by(Piece.id)):
            pieces.setdefault(piece.justificatif, []).append((piece.id, piece.nom))
        definition = by_id(demande.procedure)
        titres = {jid: j.page.titre for jid, j in definition.justificatifs.items()} if definition else {}
        groupes = complement.documents(n, titres, pieces, saisie, p.faults)
        now = p.clock.now()
        fin = delai.echeance(n)
        vue = {"id": n.id, "kind": n.kind, "titre": n.titre, "contenu": dict(n.contenu), "numero": demande.numero,
               "repondue": n.repondue_at is not None,
               "ouverte": complement.answerable(n, demande),
               "cloturee": n.kind == "complement" and n.repondue_at is None and demande.etat == delai.CLOTUREE,
               "depasse": f"{fin:%d/%m/%Y}" if delai.depasse(n, now) else None,
               "document": _document_of(definition, n) is not None,
               "nom": f"{ident['nom'].upper()} {ident['prenom']}".strip(),
               # Guides 03 and 04 sign the decision "Ministère de l'Intérieur", guide 02 "…et des Outre-Mer"
               # (the definition says its guide's; issue 15, point 12).
               "ministere": (p.faults.decision_ministry(definition.textes.get("signature_decision"))
                             if definition and n.kind == "decision" else None),
               "echeance": f"{fin:%d/%m/%Y}" if fin else ""}
    p.journal("notification_lue", notification=vue["id"])
    message = N["repondue"] if request.query_params.get("repondu") else None
    return render(request, "notifications/notification.html", status_code=422 if erreurs else 200, n=vue,
                  groupes=groupes, erreurs=erreurs, saisie=saisie, message=message)


def _document_of(definition: Any, n: Notification) -> Any:
    """The attestation a notification hands out: the decision's (`emise: decision`, the ADF) or the
    one the agent issued (`emise: instruction`, named in the notification); None for the others."""
    if definition is None:
        return None
    if n.kind == "decision":
        emises = definition.attestations_emises("decision")
        return emises[0] if emises else None
    if n.kind == "attestation":
        return definition.attestation((n.contenu or {}).get("document", ""))
    return None


async def document(request: Request) -> Response:
    """"TELECHARGER LE DOCUMENT" of a notification: the attestation it hands out (_document_of)."""
    compte = current_account(request)
    if compte is None:
        return redirect(request, "connexion")
    p = portal(request)
    with p.store.session() as s:
        n = _mine(s, compte, request.path_params["id"])
        demande = s.get(Demande, n.demande_id) if n is not None else None
        definition = by_id(demande.procedure) if demande is not None else None
        attestation = _document_of(definition, n) if n is not None else None
        if attestation is None or definition is None or demande is None:
            return Response(status_code=404)
        demande_id = demande.id
    name, pdf = await drawn_attestation(p, definition, demande_id, attestation)
    p.journal("attestation_telechargee", notification=request.path_params["id"], fichier=name)
    return Response(pdf, media_type="application/pdf", headers=content_disposition("attachment", name))


routes = [
    Route("/espace/notifications", liste, name="mes_notifications"),
    Route("/espace/notifications/{id:int}", notification, methods=["GET", "POST"], name="notification"),
    Route("/espace/notifications/{id:int}/document", document, name="notification_document"),
]
