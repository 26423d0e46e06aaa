"""The agent's back-office under /agent (bundled portal only): its own login (agents from the seed
file, passwords hashed like the users'), the list of deposited demandes with filters, one demande
with everything the applicant entered and every justificatif, and the agent's actions. The actions
are fake_anef.instruction's, the same the operator API calls."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .. import security, texts
from ..delai import close_incomplete
from ..demandes import BROUILLON, Demandes
from ..engine import pieces as piece_rules
from ..engine.definition import bundled, by_id
from ..engine.wizard import Wizard
from ..instruction import (
    DemandeInconnue,
    EtatInvalide,
    Invalide,
    ask_complement,
    decide_favorably,
    echanges_of,
    identite_of,
    issue_attestation,
    mark_available,
    start_instruction,
)
from ..store import Agent, Compte, Demande, Piece
from .pages import content_disposition, end_sessions, open_session, portal, redirect, render, session_row

A = texts.AGENT


def current_agent(request: Request) -> Agent | None:
    return session_row(request, "agent_id", Agent)


def _page(request: Request, name: str, status_code: int = 200, **context: object) -> Response:
    # the applicant's header stays out of the agent's pages
    return render(request, name, status_code=status_code, compte=None, agent=current_agent(request), **context)


async def connexion(request: Request) -> Response:
    erreur, identifiant = None, ""
    if request.method == "POST":
        form = await request.form()
        identifiant = str(form.get("identifiant", "")).strip()
        password = str(form.get("mot_de_passe", ""))
        p = portal(request)

        def find(s: Session) -> tuple[int | None, str | None]:
            agent = s.scalar(select(Agent).where(Agent.identifiant == identifiant))
            return (agent.id, agent.password_hash) if agent is not None else (None, None)

        agent_id, code = await security.checked_login(p.store, "agent", identifiant, password, p.clock.now(), find)
        if agent_id is not None:
            open_session(request, "agent_id", agent_id)
            return redirect(request, "agent_demandes")
        erreur = A[code or "identifiants_incorrects"]
    return _page(request, "agent/connexion.html", status_code=200 if erreur is None else 422,
                 erreur=erreur, identifiant=identifiant)


async def deconnexion(request: Request) -> Response:
    """A POST, like the applicant's: ends this agent's sessions, copies of the cookie included."""
    if current_agent(request) is not None:
        end_sessions(request, "agent_id")
    request.session.pop("agent_id", None)
    return redirect(request, "agent_connexion")


def _parse_date(value: str) -> date:
    return datetime.strptime(value.strip(), "%d/%m/%Y").date()


@dataclass
class Ligne:
    numero: str
    procedure: str
    demandeur: str
    deposee: str
    etat: str


async def liste(request: Request) -> Response:
    if current_agent(request) is None:
        return redirect(request, "agent_connexion")
    q = request.query_params
    filtres = {"procedure": q.get("procedure", ""), "etat": q.get("etat", ""), "du": q.get("du", ""), "au": q.get("au", "")}
    erreurs: dict[str, str] = {}
    bornes: dict[str, date] = {}
    for key in ("du", "au"):
        if filtres[key].strip():
            try:
                bornes[key] = _parse_date(filtres[key])
            except ValueError:
                erreurs[key] = A["date_invalide"]
    query = select(Demande, Compte).join(Compte, Compte.id == Demande.compte_id).where(Demande.etat != BROUILLON)
    if filtres["procedure"]:
        query = query.where(Demande.procedure == filtres["procedure"])
    if filtres["etat"]:
        query = query.where(Demande.etat == filtres["etat"])
    if "du" in bornes:
        query = query.where(Demande.deposee_at >= datetime.combine(bornes["du"], time.min))
    if "au" in bornes:
        query = query.where(Demande.deposee_at < datetime.combine(bornes["au"] + timedelta(days=1), time.min))
    lignes: list[Ligne] = []
    with portal(request).store.session() as s:
        for d, compte in s.execute(query.order_by(Demande.deposee_at.desc(), Demande.id.desc())):
            definition = by_id(d.procedure)
            if definition is None:
                continue
            ident = identite_of(portal(request), d.procedure, d.donnees or {})
            lignes.append(Ligne(
                numero=d.numero or "", procedure=definition.type_demande or definition.titre,
                demandeur=f"{ident['nom'].upper()} {ident['prenom']}".strip() or compte.email,
                deposee=f"{d.deposee_at:%d/%m/%Y %H:%M}" if d.deposee_at else "",
                etat=A["etats"].get(d.etat, d.etat),
            ))
    procedures = [(d.id, d.type_demande or d.titre) for d in bundled()]
    return _page(request, "agent/demandes.html", status_code=200 if not erreurs else 422, lignes=lignes,
                 filtres=filtres, erreurs=erreurs, procedures=procedures)


def _demandes(request: Request) -> Demandes:
    p = portal(request)
    return Demandes(p.store, p.clock, p.settings.data_dir)


async def demande(request: Request, erreurs: dict[str, str] | None = None, saisie: dict[str, str] | None = None) -> Response:
    if current_agent(request) is None:
        return redirect(request, "agent_connexion")
    numero = request.path_params["numero"]
    demandes = _demandes(request)
    with portal(request).store.session() as s:
        d = demandes.by_numero(s, numero)
        if d is None or d.etat == BROUILLON:
            return Response(status_code=404)
        definition = by_id(d.procedure)
        if definition is None:
            return Response(status_code=404)
        wizard = Wizard(definition, portal(request).clock.today())
        data = demandes.data(d)
        steps = [(step, wizard.summary(step, data)) for step in wizard.steps(wizard.variables(data)) if step.id in data]
        fichiers: dict[str, list[Piece]] = {}
        for piece in demandes.pieces(s, d):
            fichiers.setdefault(piece.justificatif, []).append(piece)
        justificatifs = [(definition.justificatifs[jid] if jid in definition.justificatifs else None, jid, rows)
                         for jid, rows in fichiers.items()]
        contexte = {"numero": d.numero, "etat": A["etats"].get(d.etat, d.etat), "etat_code": d.etat,
                    "numero_etranger": d.numero_etranger, "ephoto": d.ephoto,
                    "procedure": definition.type_demande or definition.titre}
        catalogue = [(j.id, j.page.titre) for j in definition.justificatifs.values() if j.type == "fichiers"]
        a_delivrer = [(a.id, a.lien) for a in definition.attestations_emises("instruction")]
        echanges = echanges_of(s, definition, d, {piece.id: piece.nom for rows in fichiers.values() for piece in rows})
    messages = {"demarree": A["demarree"].format(numero=contexte["numero_etranger"]), "complement": A["complement_envoye"],
                "decision": A["decision_prise"], "disponible": A["titre_disponible"],
                "attestation": A["attestation_delivree"], "cloture": A["cloturee"]}
    message = messages.get(request.query_params.get("fait", ""))
    return _page(request, "agent/demande.html", status_code=422 if erreurs else 200, d=contexte, steps=steps,
                 justificatifs=justificatifs, message=message, catalogue=catalogue, echanges=echanges, erreurs=erreurs or {},
                 a_delivrer=a_delivrer,
                 saisie=saisie or {})


async def piece(request: Request) -> Response:
    if current_agent(request) is None:
        return redirect(request, "agent_connexion")
    demandes = _demandes(request)
    with portal(request).store.session() as s:
        d = demandes.by_numero(s, request.path_params["numero"])
        rows = [r for r in demandes.pieces(s, d) if r.id == request.path_params["piece"]] if d else []
        if not rows:
            return Response(status_code=404)
        row = rows[0]
        content = (portal(request).settings.data_dir / row.chemin).read_bytes()
    return Response(content, media_type=piece_rules.MIMETYPES.get(row.format, "application/octet-stream"),
                    headers=content_disposition("attachment", row.nom))


async def instruction(request: Request) -> Response:
    if current_agent(request) is None:
        return redirect(request, "agent_connexion")
    p = portal(request)
    numero = request.path_params["numero"]
    try:
        await start_instruction(p, numero, p.url(str(request.url_for("connexion").path)))
    except DemandeInconnue:
        return Response(status_code=404)
    except EtatInvalide:
        return redirect(request, "agent_demande", numero=numero)
    return _done(request, numero, "demarree")


def _done(request: Request, numero: str, fait: str) -> Response:
    response = redirect(request, "agent_demande", numero=numero)
    response.headers["location"] += f"?fait={fait}"
    return response


async def action(request: Request) -> Response:
    """The agent's forms: demande de complément, attestation issued, décision favorable, titre disponible."""
    if current_agent(request) is None:
        return redirect(request, "agent_connexion")
    p = portal(request)
    numero, quoi = request.path_params["numero"], request.path_params["action"]
    form = await request.form()
    saisie = {k: str(v) for k, v in form.items()}
    lien = p.url(str(request.url_for(p.faults.notification_login_route).path))
    try:
        if quoi == "complement":
            motifs = {k.removeprefix("motif-"): v for k, v in saisie.items() if k.startswith("motif-")}
            observations = {k.removeprefix("observations-"): v for k, v in saisie.items() if k.startswith("observations-")}
            await ask_complement(p, numero, motifs, observations, lien)
        elif quoi == "cloture":
            await close_incomplete(p, numero, lien)
        elif quoi == "decision":
            await decide_favorably(p, numero, saisie.get("date_debut", ""), saisie.get("date_fin", ""),
                                   saisie.get("taxe", ""), lien)
        elif quoi == "disponible":
            mark_available(p, numero)
        elif quoi.startswith("attestation-"):
            await issue_attestation(p, numero, quoi.removeprefix("attestation-"), lien)
            quoi = "attestation"
        else:
            return Response(status_code=404)
    except DemandeInconnue:
        return Response(status_code=404)
    except EtatInvalide as exc:
        return await demande(request, {"etat": A["etat_invalide"].format(etat=A["etats"].get(str(exc), str(exc)))}, saisie)
    except Invalide as exc:
        return await demande(request, exc.erreurs, saisie)
    return _done(request, numero, quoi)


routes = [
    Route("/agent", liste, name="agent_demandes"),
    Route("/agent/connexion", connexion, methods=["GET", "POST"], name="agent_connexion"),
    Route("/agent/deconnexion", deconnexion, methods=["POST"], name="agent_deconnexion"),
    Route("/agent/demandes/{numero}", demande, name="agent_demande"),
    Route("/agent/demandes/{numero}/pieces/{piece:int}", piece, name="agent_piece"),
    Route("/agent/demandes/{numero}/instruction", instruction, methods=["POST"], name="agent_instruction"),
    Route("/agent/demandes/{numero}/{action}", action, methods=["POST"], name="agent_action"),
]
