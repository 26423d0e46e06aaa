"""The operator API under /__sim__/: simulator-only conveniences a real portal does not have
(reference data, the clock). Scenarios that need it are tagged @simulateur; demo mode
(ANEF_OPERATOR_API=off) leaves it out entirely."""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .. import security
from ..countries import by_code
from ..delai import close_incomplete
from ..engine.schema import ADDRESS_PARTS
from ..instruction import (
    DemandeInconnue,
    EtatInvalide,
    Invalide,
    ask_complement,
    decide_favorably,
    issue_attestation,
    mark_available,
    start_instruction,
    vue_agent,
)
from ..portal import Portal
from ..store import Compte, EphotoCode, Identite
from .pages import portal

IDENTITE_FIELDS = ("numero_etranger", "nom", "prenom", "date_naissance", "pays_naissance", "nationalite")
TITRE_FIELDS = ("numero", "kind", "numero_etranger", "date_debut", "date_fin")
MAX_HOURS = 24 * 366 * 20  # the clock moves by 20 years at most at once: beyond, dates overflow
MAX_TEXT = 200


class BadRequest(Exception):
    pass


def _required(data: dict[str, Any], fields: tuple[str, ...]) -> None:
    missing = [f for f in fields if not data.get(f)]
    if missing:
        raise BadRequest(f"champs manquants : {', '.join(missing)}")


def _date(data: dict[str, Any], key: str) -> date:
    try:
        return date.fromisoformat(str(data[key]))
    except ValueError as exc:
        raise BadRequest(f"{key} : date ISO attendue (AAAA-MM-JJ)") from exc


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, (str, int)) or isinstance(value, bool) or len(str(value)) > MAX_TEXT:
        raise BadRequest(f"{key} : texte de {MAX_TEXT} caractères au plus attendu")
    return str(value)


def _pays(data: dict[str, Any], key: str) -> str:
    code = _text(data, key).upper()
    if code not in by_code():
        raise BadRequest(f"{key} : code pays ISO 3166 à deux lettres attendu (exemple : « CA »), « {code[:20]} » inconnu")
    return code


def _number(value: Any, key: str, limit: float) -> float:
    """A finite number within ±limit (a string such as "abc", NaN or 1e12 is refused; "25" is read)."""
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            value = None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or abs(value) > limit:
        raise BadRequest(f"{key} : nombre attendu, entre -{limit:g} et {limit:g}")
    return float(value)


async def _json(request: Request) -> dict[str, Any]:
    try:
        data = await request.json()
    except ValueError as exc:
        raise BadRequest("corps JSON attendu") from exc
    if not isinstance(data, dict):
        raise BadRequest("objet JSON attendu")
    return data


def _adresse(data: dict[str, Any]) -> dict[str, str] | None:
    """The optional postal address of an identity: an object of the address bloc's parts
    (ADDRESS_PARTS), "voie" and "ville" required, a French code postal of 5 digits."""
    raw = data.get("adresse")
    if raw is None or raw == {}:
        return None
    if not isinstance(raw, dict):
        raise BadRequest(f"adresse : objet JSON attendu ({', '.join(ADDRESS_PARTS)})")
    unknown = sorted(str(k)[:40] for k in raw if k not in ADDRESS_PARTS)
    if unknown:
        raise BadRequest(f"adresse : partie(s) inconnue(s) {', '.join(unknown)} (parties : {', '.join(ADDRESS_PARTS)})")
    parts = {part: _text(raw, part).strip() if raw.get(part) not in (None, "") else "" for part in ADDRESS_PARTS}
    missing = [part for part in ("voie", "ville") if not parts[part]]
    if missing:
        raise BadRequest(f"adresse : {', '.join(missing)} manquant(s)")
    code = parts["code_postal"]
    if code and parts["pays"] in ("", "France") and not (code.isascii() and code.isdigit() and len(code) == 5):
        raise BadRequest("adresse.code_postal : 5 chiffres attendus (exemple : « 59000 »)")
    return parts


def _identite_values(data: dict[str, Any]) -> dict[str, Any]:
    _required(data, IDENTITE_FIELDS)
    numero = _text(data, "numero_etranger")
    if not (numero.isascii() and numero.isdigit() and len(numero) == 10):
        raise BadRequest("numero_etranger : 10 chiffres")
    sexe = data.get("sexe")
    if sexe not in (None, "", "M", "F"):
        raise BadRequest("sexe : « M » ou « F »")
    return {
        "numero_etranger": numero, "nom": _text(data, "nom"), "prenom": _text(data, "prenom"),
        "date_naissance": _date(data, "date_naissance"), "pays_naissance": _pays(data, "pays_naissance"),
        "nationalite": _pays(data, "nationalite"), "sexe": sexe or None,
        "lieu_naissance": _text(data, "lieu_naissance")[:100] if data.get("lieu_naissance") else None,
        "adresse": _adresse(data),
    }


async def health(request: Request) -> Response:
    p = portal(request)
    return JSONResponse({"status": "ok", "operator_api": True, "now": p.clock.now().isoformat(timespec="seconds")})


async def identites(request: Request) -> Response:
    values = _identite_values(await _json(request))
    p = portal(request)
    with p.store.session() as s:
        p.accounts.register_identite(s, **values)
    return JSONResponse({"numero_etranger": values["numero_etranger"]}, status_code=201)


async def titres(request: Request) -> Response:
    """A title or visa; "titulaire" may carry the holder's identity to register both at once."""
    data = await _json(request)
    p = portal(request)
    holder = data.get("titulaire")
    if holder is not None and not isinstance(holder, dict):
        raise BadRequest("titulaire : objet JSON attendu (l'identité du titulaire)")
    if holder:
        data.setdefault("numero_etranger", holder.get("numero_etranger"))
    _required(data, TITRE_FIELDS)
    if data["kind"] not in ("titre", "visa"):
        raise BadRequest("kind : « titre » ou « visa »")
    debut, fin = _date(data, "date_debut"), _date(data, "date_fin")
    with p.store.session() as s:
        if holder:
            p.accounts.register_identite(s, **_identite_values(holder))
            s.flush()
        if s.get(Identite, str(data["numero_etranger"])) is None:
            raise BadRequest("numero_etranger inconnu : enregistrez d'abord l'identité (ou passez « titulaire »)")
        p.accounts.register_titre(
            s, numero=str(data["numero"]).upper(), kind=data["kind"], numero_etranger=str(data["numero_etranger"]),
            categorie=data.get("categorie", ""), mention=data.get("mention", ""), date_debut=debut, date_fin=fin,
        )
    return JSONResponse({"numero": str(data["numero"]).upper()}, status_code=201)


async def ephotos(request: Request) -> Response:
    """An e-photo code and the day it was taken (guide 01 FAQ 10: valid 6 months)."""
    data = await _json(request)
    _required(data, ("numero", "date_prise"))
    numero = str(data["numero"])
    if not (numero.isdigit() and len(numero) == 22):
        raise BadRequest("numero : 22 chiffres")
    p = portal(request)
    with p.store.session() as s:
        s.merge(EphotoCode(numero=numero, date_prise=_date(data, "date_prise")))
    return JSONResponse({"numero": numero}, status_code=201)


async def clock(request: Request) -> Response:
    """GET: now and offset. POST {"advance_hours": 25} or {"offset_seconds": n}. DELETE: back to real time."""
    p = portal(request)
    if request.method == "POST":
        data = await _json(request)
        if "advance_hours" in data:
            offset = p.clock.offset() + timedelta(hours=_number(data["advance_hours"], "advance_hours", MAX_HOURS))
            if abs(offset) > timedelta(hours=MAX_HOURS):
                raise BadRequest(f"advance_hours : l'horloge ne s'écarte pas de plus de {MAX_HOURS} heures du temps réel")
            p.clock.set_offset(offset)
        elif "offset_seconds" in data:
            p.clock.set_offset(timedelta(seconds=_number(data["offset_seconds"], "offset_seconds", MAX_HOURS * 3600)))
        else:
            raise BadRequest("advance_hours ou offset_seconds attendu")
    elif request.method == "DELETE":
        p.clock.set_offset(timedelta(0))
    return JSONResponse({"now": p.clock.now().isoformat(timespec="seconds"), "offset_seconds": p.clock.offset().total_seconds()})


async def instruction(request: Request) -> Response:
    """The instruction of a deposited demande starts (fake_anef.instruction.start_instruction)."""
    p = portal(request)
    try:
        numero = await start_instruction(p, request.path_params["numero"], p.url(str(request.url_for("connexion").path)))
    except DemandeInconnue:
        return JSONResponse({"error": "demande inconnue"}, status_code=404)
    except EtatInvalide as exc:
        return JSONResponse({"error": f"demande à l'état « {exc} » : instruction impossible"}, status_code=409)
    return JSONResponse({"numero_etranger": numero}, status_code=201)


async def _action(request: Request, act: Callable[[Portal], Awaitable[None]]) -> Response:
    try:
        await act(portal(request))
    except DemandeInconnue:
        return JSONResponse({"error": "demande inconnue"}, status_code=404)
    except EtatInvalide as exc:
        return JSONResponse({"error": f"demande à l'état « {exc} » : action impossible"}, status_code=409)
    except Invalide as exc:
        return JSONResponse({"error": exc.erreurs}, status_code=422)
    return JSONResponse({"numero": request.path_params["numero"]}, status_code=201)


async def complement(request: Request) -> Response:
    """{"motifs": {"<justificatif id or title>": "illisible"|"invalide"|"manquant"}, "observations": "..."};
    a title is the one the applicant's pages show ("Justificatif de domicile"), the "*" aside."""
    data = await _json(request)
    numero = request.path_params["numero"]
    motifs = data.get("motifs")
    if not isinstance(motifs, dict):
        raise BadRequest("motifs : objet {justificatif: motif} attendu")

    async def act(p: Portal) -> None:
        raw = data.get("observations", "")
        observations = {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else str(raw)
        await ask_complement(p, numero, {str(k): str(v) for k, v in motifs.items()}, observations,
                             p.url(str(request.url_for(p.faults.notification_login_route).path)))

    return await _action(request, act)


async def cloture(request: Request) -> Response:
    """{}: the demande is closed, the complément not given within its 30 days (fake_anef/delai.py)."""
    numero = request.path_params["numero"]

    async def act(p: Portal) -> None:
        await close_incomplete(p, numero, p.url(str(request.url_for(p.faults.notification_login_route).path)))

    return await _action(request, act)


async def decision(request: Request) -> Response:
    """{"date_debut": "AAAA-MM-JJ", "date_fin": "AAAA-MM-JJ", "taxe": "225"}: the favourable decision."""
    data = await _json(request)
    _required(data, ("date_debut", "date_fin", "taxe"))
    numero = request.path_params["numero"]

    async def act(p: Portal) -> None:
        await decide_favorably(p, numero, str(data["date_debut"]), str(data["date_fin"]), str(data["taxe"]),
                               p.url(str(request.url_for(p.faults.notification_login_route).path)))

    return await _action(request, act)


async def attestation(request: Request) -> Response:
    """An attestation the definition issues during the instruction (`emise: instruction`, e.g. the
    ADP), named by its id or by its title ("Attestation de prolongation d'instruction")."""
    numero, attestation_id = request.path_params["numero"], request.path_params["attestation"]

    async def act(p: Portal) -> None:
        await issue_attestation(p, numero, attestation_id, p.url(str(request.url_for(p.faults.notification_login_route).path)))

    return await _action(request, act)


async def demande(request: Request) -> Response:
    """One deposited demande as the agent sees it: its state, numéro étranger and the notifications
    sent with the applicant's answers (fake_anef.instruction.echanges, the agent page's data)."""
    try:
        return JSONResponse(vue_agent(portal(request), request.path_params["numero"]))
    except DemandeInconnue:
        return JSONResponse({"error": "demande inconnue"}, status_code=404)


async def disponible(request: Request) -> Response:
    numero = request.path_params["numero"]

    async def act(p: Portal) -> None:
        mark_available(p, numero)

    return await _action(request, act)


async def comptes(request: Request) -> Response:
    """An account already open, as the harness's fast preconditions want it (issue 19): {"email",
    "mot_de_passe"} is path a's temporary account once its password is replaced (guide 02 §1-6);
    with "numero_etranger" (an identity registered first) it is path b/c's account once the mail's
    link has set the password (guides 01, 03, 04). The same Accounts calls as the pages, no mail."""
    data = await _json(request)
    _required(data, ("email", "mot_de_passe"))
    email, password = _text(data, "email"), _text(data, "mot_de_passe")
    numero = str(data.get("numero_etranger") or "")
    p = portal(request)
    if "@" not in email:
        raise BadRequest("email : adresse électronique attendue")
    if p.accounts.password_problems(password):
        raise BadRequest("mot_de_passe : ne respecte pas les règles du guide 01 §III")
    password_hash = await security.hash_in_thread(password)
    with p.store.session() as s:
        if numero:
            ident = s.get(Identite, numero)
            if ident is None:
                raise BadRequest("numero_etranger inconnu : enregistrez d'abord l'identité")
            compte = p.accounts.create_pending(s, ident, email)
            if compte is None:
                return JSONResponse({"error": "un compte actif existe déjà pour ce numéro étranger"}, status_code=409)
        else:
            if p.accounts.email_taken(s, email):
                return JSONResponse({"error": "adresse email déjà utilisée"}, status_code=409)
            compte, _ = p.accounts.create_temporary(s, email, password, password_hash)
        p.accounts.set_password(s, compte, password, password_hash)
        identifiant = compte.identifiant
    p.journal("compte_operateur", identifiant=identifiant)
    return JSONResponse({"identifiant": identifiant}, status_code=201)


async def compte(request: Request) -> Response:
    """An account as the portal holds it (never its password or hash): what the harness compares
    to prove that a precondition set up over this API equals the one set up in the browser."""
    p = portal(request)
    with p.store.session() as s:
        row = p.accounts.by_identifiant(s, request.path_params["identifiant"])
        if row is None:
            return JSONResponse({"error": "compte inconnu"}, status_code=404)
        return JSONResponse(_compte_view(row))


def _compte_view(row: Compte) -> dict[str, Any]:
    return {"identifiant": row.identifiant, "email": row.email, "nom": row.nom, "prenom": row.prenom,
            "numero_etranger": row.numero_etranger, "kind": row.kind, "active": row.active,
            "must_reset": row.must_reset, "mot_de_passe": bool(row.password_hash)}


Endpoint = Callable[[Request], Awaitable[Response]]


def _guard(endpoint: Endpoint) -> Endpoint:
    async def guarded(request: Request) -> Response:
        try:
            return await endpoint(request)
        except BadRequest as exc:
            return JSONResponse({"error": str(exc)}, status_code=422)

    return guarded


routes = [
    Route("/__sim__/health", health),
    Route("/__sim__/identites", _guard(identites), methods=["POST"]),
    Route("/__sim__/titres", _guard(titres), methods=["POST"]),
    Route("/__sim__/ephotos", _guard(ephotos), methods=["POST"]),
    Route("/__sim__/comptes", _guard(comptes), methods=["POST"]),
    Route("/__sim__/comptes/{identifiant}", _guard(compte), methods=["GET"]),
    Route("/__sim__/clock", _guard(clock), methods=["GET", "POST", "DELETE"]),
    Route("/__sim__/demandes/{numero}", _guard(demande), methods=["GET"]),
    Route("/__sim__/demandes/{numero}/instruction", _guard(instruction), methods=["POST"]),
    Route("/__sim__/demandes/{numero}/complement", _guard(complement), methods=["POST"]),
    Route("/__sim__/demandes/{numero}/cloture", _guard(cloture), methods=["POST"]),
    Route("/__sim__/demandes/{numero}/attestations/{attestation}", _guard(attestation), methods=["POST"]),
    Route("/__sim__/demandes/{numero}/decision", _guard(decision), methods=["POST"]),
    Route("/__sim__/demandes/{numero}/titre-disponible", _guard(disponible), methods=["POST"]),
]
