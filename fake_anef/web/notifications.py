"""The applicant's notifications (guide 02 "INSTRUCTION DE LA DEMANDE", étape 4): the header bell
with the unread count and its drop-down, "Mes Notifications" (filter, 10 per page), and one
notification, whose opening is the accusé de réception that starts the 30-day delay."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from math import ceil
from typing import Any

import anyio.to_thread
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from .. import texts
from ..attestations import attestation_file
from ..demandes import Demandes
from ..engine import pieces as piece_rules
from ..engine import wizard as wz
from ..engine.definition import by_id
from ..instruction import identite_of
from ..store import Compte, Demande, Notification, Piece
from .pages import content_disposition, current_account, portal, redirect, render, templates

N = texts.MES_NOTIFICATIONS
PAR_PAGE = 10
DELAI_JOURS = 30


def _query(compte: Compte):  # type: ignore[no-untyped-def]
    mine = [Demande.compte_id == compte.id]
    if compte.numero_etranger:
        mine.append(Demande.numero_etranger == compte.numero_etranger)
    return (select(Notification).join(Demande, Demande.id == Notification.demande_id).where(or_(*mine)))


def etat(n: Notification) -> str:
    return "repondu" if n.repondue_at else "lue" if n.lue_at else "non_lue"


def cloche(request: Request) -> dict[str, Any]:
    """For the header: the unread count and the latest notifications."""
    compte = current_account(request)
    if compte is None:
        return {"non_lues": 0, "dernieres": []}
    # one statement: the latest five, each row carrying the unread count (no row: nothing unread)
    non_lues = _query(compte).where(Notification.lue_at.is_(None)).with_only_columns(func.count()).correlate(None).scalar_subquery()
    with portal(request).store.session() as s:
        rows = s.execute(_query(compte).add_columns(non_lues)
                         .order_by(Notification.created_at.desc(), Notification.id.desc()).limit(5)).all()
    return {"non_lues": rows[0][1] if rows else 0,
            "dernieres": [{"id": n.id, "date": f"{n.created_at:%d/%m/%Y}", "titre": n.titre} for n, _ in rows]}


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
        fichiers: dict[str, tuple[str, bytes, str | None]] = {}  # read and checked before the transaction
        for key, upload in form.items():
            if key.startswith("fichier-") and isinstance(upload, UploadFile) and upload.filename:
                name = piece_rules.safe_name(upload.filename)
                content = await upload.read(piece_rules.MAX_SIZE + 1)
                problem = await anyio.to_thread.run_sync(piece_rules.content_problem, name, content, len(content),
                                                         p.faults.checks_upload_content)
                fichiers[key] = (name, content, problem)
        with p.store.session() as s:
            n = _mine(s, compte, request.path_params["id"])
            if n is None or n.kind != "complement" or n.repondue_at is not None:
                return Response(status_code=404 if n is None else 409)
            demande = s.get(Demande, n.demande_id)
            reponse: dict[str, Any] = {}
            uploads: dict[str, tuple[str, bytes]] = {}
            for jid in (n.contenu.get("motifs") or {}):
                choix = saisie.get(f"reponse-{jid}", "")
                if choix == "maintenir":
                    raison = saisie.get(f"raisons-{jid}", "").strip()
                    if not raison:
                        erreurs[f"raisons-{jid}"] = N["erreur_raisons"]
                    reponse[jid] = {"choix": choix, "raisons": raison}
                elif choix == "mettre_a_jour":
                    if f"fichier-{jid}" not in fichiers:
                        erreurs[f"fichier-{jid}"] = N["erreur_fichier"]
                        continue
                    name, content, problem = fichiers[f"fichier-{jid}"]
                    if problem:
                        erreurs[f"fichier-{jid}"] = wz.error_text(problem, nom=name)
                    else:
                        uploads[jid] = (name, content)
                        reponse[jid] = {"choix": choix}
                else:
                    erreurs[f"reponse-{jid}"] = N["erreur_reponse"]
            if not erreurs:
                demandes = Demandes(p.store, p.clock, p.settings.data_dir)
                for jid, (name, content) in uploads.items():
                    reponse[jid]["piece"] = demandes.add_piece(s, demande, jid, name, content).id  # type: ignore[arg-type]
                n.contenu = {**n.contenu, "reponse": reponse, "message": saisie.get("message", "")}
                n.repondue_at = p.clock.now()
        if not erreurs:
            p.journal("complement_repondu", notification=request.path_params["id"])
            return RedirectResponse(f"{request.url_for('notification', id=request.path_params['id'])}?repondu=1", status_code=303)
    with p.store.session() as s:
        n = _mine(s, compte, request.path_params["id"])
        if n is None:
            return Response(status_code=404)
        if n.lue_at is None:
            n.lue_at = p.clock.now()
        demande = s.get(Demande, n.demande_id)
        ident = identite_of(p, demande.procedure, demande.donnees or {})  # type: ignore[union-attr]
        pieces: dict[str, list[Piece]] = {}
        for piece in s.scalars(select(Piece).where(Piece.demande_id == n.demande_id).order_by(Piece.id)):
            pieces.setdefault(piece.justificatif, []).append(piece)
        definition = by_id(demande.procedure)  # type: ignore[union-attr]
        groupes: dict[str, list[dict[str, Any]]] = {}
        for jid, motif in (n.contenu.get("motifs") or {}).items():
            j = definition.justificatifs.get(jid) if definition else None
            groupes.setdefault(motif, []).append({"id": jid, "titre": j.page.titre if j else jid,
                                                  "fichiers": [(f.id, f.nom) for f in pieces.get(jid, [])]})
        vue = {"id": n.id, "kind": n.kind, "titre": n.titre, "contenu": dict(n.contenu), "numero": demande.numero,  # type: ignore[union-attr]
               "repondue": n.repondue_at is not None,
               "document": _document_of(definition, n) is not None,
               "nom": f"{ident['nom'].upper()} {ident['prenom']}".strip(),
               # Guides 03 and 04 sign the decision "Ministère de l'Intérieur", guide 02 "…et des Outre-Mer"
               # (the definition says its guide's; issue 15, point 12).
               "ministere": (p.faults.decision_ministry(definition.textes.get("signature_decision"))
                             if definition and n.kind == "decision" else None),
               "echeance": f"{(n.lue_at + timedelta(days=DELAI_JOURS)):%d/%m/%Y}"}
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
        if attestation is None:
            return Response(status_code=404)
        name, pdf = attestation_file(p, definition, demande, attestation)  # type: ignore[arg-type]
    p.journal("attestation_telechargee", notification=request.path_params["id"], fichier=name)
    return Response(pdf, media_type="application/pdf", headers=content_disposition("attachment", name))


routes = [
    Route("/espace/notifications", liste, name="mes_notifications"),
    Route("/espace/notifications/{id:int}", notification, methods=["GET", "POST"], name="notification"),
    Route("/espace/notifications/{id:int}/document", document, name="notification_document"),
]
