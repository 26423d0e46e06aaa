"""The téléprocédures' pages: one generic set of routes that renders any procedure definition
step by step (fake_anef.engine). Nothing here knows a particular procedure: which steps, fields,
justificatifs and texts apply is read from the definition (rules are data, docs/procedures.md)."""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib.resources import files
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from ..accounts import fold
from ..attestations import document_values
from ..demandes import BROUILLON
from ..documents.demande import confirmation_filename, confirmation_pdf, liste_pieces_pdf
from ..engine import pieces as piece_rules
from ..engine import wizard as wz
from ..engine.definition import Definition, bundled, by_id, by_motif
from ..store import Demande
from . import espace
from .demarche_page import D, demandes_of, go, render_step, step_page, step_url
from .demarche_post import post
from .forms import read_form
from .pages import content_disposition, current_account, draw, drawn_attestation, portal, render


def _definition(request: Request) -> Definition | None:
    return by_id(request.path_params["procedure"])


def _to_login(request: Request) -> RedirectResponse:
    return RedirectResponse(request.url_for("connexion"), status_code=303)


# Entry from "Je n'ai pas de numéro d'étranger et je souhaite faire une première demande en ligne :"
def procedure_for_motif(motif: str) -> Definition | None:
    return by_motif(motif)


def resume_url(request: Request, compte_id: int) -> str | None:
    """Where a connected user resumes: their latest demande made from this page, if any."""
    with portal(request).store.session() as s:
        demandes = demandes_of(request)
        latest: Demande | None = None
        for definition in bundled():
            demande = demandes.current(s, compte_id, definition.id)
            if demande is not None and (latest is None or demande.updated_at > latest.updated_at):
                latest = demande
        if latest is None:
            return None
        return str(request.url_for("demarche", procedure=latest.procedure))


def draft_url(request: Request, compte_id: int) -> str | None:
    """Guide 01 FAQ 8: "Si vous quittez la téléprocédure vous pourrez la reprendre ultérieurement à
    la dernière étape enregistrée": the next login lands on the latest draft."""
    with portal(request).store.session() as s:
        demandes = demandes_of(request)
        drafts = [d for d in (demandes.current(s, compte_id, x.id) for x in bundled()) if d is not None and d.etat == BROUILLON]
        if not drafts:
            return None
        latest = max(drafts, key=lambda d: d.updated_at)
        return str(request.url_for("demarche", procedure=latest.procedure))


async def demarche(request: Request) -> Response:
    """Start the demande (or resume it at the last saved step). A definition with a préambule shows
    it first; its button (POST) starts the demande. A demande already begun skips it."""
    definition = _definition(request)
    compte = current_account(request)
    if definition is None:
        return render(request, "non_simule.html", status_code=404, libelle=None)
    if compte is None:
        return _to_login(request)
    demandes = demandes_of(request)
    with portal(request).store.session() as s:
        demande = demandes.current(s, compte.id, definition.id)
        if demande is None:
            if definition.preambule is not None and request.method == "GET":
                return _preambule_page(request, definition)
            demande = demandes.create(s, compte.id, definition)
            if definition.contexte:
                demandes.set_state(demande, wz.CONTEXTE, contexte(request, compte, definition))
        step_id = definition.steps[-1].id if demande.etat != BROUILLON else demande.etape
    return go(request, definition, step_id)


def contexte(request: Request, compte: Any, definition: Definition) -> dict[str, str]:
    """definition.contexte read when the demande starts: the account holder's current title."""
    titre = espace.current_title(request, compte)
    out = {}
    for name, source in definition.contexte:
        attribute = source.split(".", 1)[1]
        out[name] = str(getattr(titre, attribute, "") or "") if titre is not None else ""
    return out


def _preambule_page(request: Request, definition: Definition, en_cours: bool = False) -> Response:
    """`en_cours`: a demande is begun ("Abandonner la demande" then asks to confirm its deletion)."""
    shown = definition.preambule is not None and "preambule_sans_boutons" not in portal(request).faults
    boutons = definition.preambule.boutons if shown and definition.preambule is not None else ()
    return render(request, "demarche/preambule.html", D=definition, PR=definition.preambule, en_cours=en_cours,
                  boutons=boutons)


async def preambule(request: Request) -> Response:
    """The préambule again ("Revenir à l'étape précédente" from the first step)."""
    definition = _definition(request)
    if definition is None or definition.preambule is None:
        return render(request, "non_simule.html", status_code=404, libelle=None)
    compte = current_account(request)
    if compte is None:
        return _to_login(request)
    with portal(request).store.session() as s:
        demande = demandes_of(request).current(s, compte.id, definition.id)
        en_cours = demande is not None and demande.etat == BROUILLON
    return _preambule_page(request, definition, en_cours)


async def quitter_preambule(request: Request) -> Response:
    """Guide 04 §13, "Quitter et revenir plus tard" on the préambule: what is saved stays; logged out."""
    definition = _definition(request)
    if definition is None or definition.preambule is None:
        return render(request, "non_simule.html", status_code=404, libelle=None)
    request.session.clear()
    portal(request).journal("demande_quittee", procedure=definition.id, etape="preambule")
    return render(request, "demarche/quitter.html", compte=None, D=definition)


async def etape(request: Request) -> Response:
    definition = _definition(request)
    compte = current_account(request)
    if definition is None:
        return render(request, "non_simule.html", status_code=404, libelle=None)
    if compte is None:
        return _to_login(request)
    try:
        step = definition.step(request.path_params["etape"])
    except KeyError:
        return RedirectResponse(request.url_for("demarche", procedure=definition.id), status_code=303)
    p = portal(request)
    demandes = demandes_of(request)
    with p.store.session() as s:
        demande = demandes.current(s, compte.id, definition.id)
        if demande is None:
            return RedirectResponse(request.url_for("demarche", procedure=definition.id), status_code=303)
        if demande.etat != BROUILLON:
            if not step.confirmation:
                if request.method == "POST":
                    page = step_page(request, s, definition, demande, definition.steps[-1], {}, general=D["demande_deposee"])
                    return render_step(page, 409)
                return go(request, definition, definition.steps[-1].id)
            return render(request, "demarche/confirmation.html", D=definition, numero=demande.numero,
                          P=step_page(request, s, definition, demande, step, {}))
        if step.confirmation or definition.index(step.id) > definition.index(demande.etape_max):
            return go(request, definition, demande.etape)
        if request.method == "GET":
            values = dict((demande.donnees or {}).get(step.id, {}))
            return render_step(step_page(request, s, definition, demande, step, values))
    form = await read_form(request)
    try:
        return await post(request, definition, compte, step, form)
    finally:
        await form.close()


async def confirmation_document(request: Request) -> Response:
    definition = _definition(request)
    compte = current_account(request)
    if definition is None or compte is None:
        return _to_login(request)
    if definition.confirmation is None:
        return Response(status_code=404)
    p = portal(request)
    with p.store.session() as s:
        demande = demandes_of(request).current(s, compte.id, definition.id, compte.numero_etranger)
        if demande is None or demande.etat == BROUILLON:
            return Response(status_code=404)
        values = document_values(definition, demande, wz.Wizard(definition, p.clock.today()), p.faults)
    name = confirmation_filename(definition, values)
    return Response(await draw(confirmation_pdf, definition, values), media_type="application/pdf",
                    headers=content_disposition("attachment", name))


async def attestation_document(request: Request) -> Response:
    definition = _definition(request)
    compte = current_account(request)
    if definition is None or compte is None:
        return _to_login(request)
    attestation = definition.attestation(request.path_params["document"])
    if attestation is None or attestation.emise != "depot":
        return Response(status_code=404)
    p = portal(request)
    with p.store.session() as s:
        demande = demandes_of(request).current(s, compte.id, definition.id)
        if demande is None or demande.etat == BROUILLON:
            return Response(status_code=404)
        demande_id = demande.id
    name, pdf = await drawn_attestation(p, definition, demande_id, attestation)
    return Response(pdf, media_type="application/pdf", headers=content_disposition("attachment", name))


async def liste_pieces(request: Request) -> Response:
    definition = _definition(request)
    if definition is None:
        return Response(status_code=404)
    broken = "annexe_sans_pieces_hors_etape" in portal(request).faults
    return Response(await draw(liste_pieces_pdf, definition, sans_hors_etape=broken), media_type="application/pdf",
                    headers=content_disposition("attachment", definition.liste_pieces.fichier))


async def piece(request: Request) -> Response:
    """A joined file, for its owner only (anyone else gets 404, as if it did not exist)."""
    compte = current_account(request)
    if compte is None:
        return _to_login(request)
    with portal(request).store.session() as s:
        found = demandes_of(request).piece_for(s, compte.id, int(request.path_params["piece"]), compte.numero_etranger)
    if found is None:
        return Response(status_code=404)
    row, content = found
    return Response(content, media_type=piece_rules.MIMETYPES.get(row.format, "application/octet-stream"),
                    headers=content_disposition("attachment", row.nom))


# Abandon --------------------------------------------------------------------------------------
async def abandon(request: Request) -> Response:
    definition = _definition(request)
    compte = current_account(request)
    if definition is None or compte is None:
        return _to_login(request)
    demandes = demandes_of(request)
    with portal(request).store.session() as s:
        demande = demandes.current(s, compte.id, definition.id)
        if demande is None or demande.etat != BROUILLON:
            return RedirectResponse(request.url_for("demarche", procedure=definition.id), status_code=303)
        if request.method == "GET":
            return render(request, "demarche/abandon.html", D=definition, fait=False,
                          retour=step_url(request, definition, demande.etape))
        folder = demandes.abandon(s, demande)
    demandes.remove_folder(folder)  # once the rows are gone (committed)
    portal(request).journal("demande_abandonnee", procedure=definition.id)
    return render(request, "demarche/abandon.html", D=definition, fait=True, retour=None)


# Address suggestions --------------------------------------------------------------------------
@cache
def _addresses() -> tuple[dict[str, str], ...]:
    text = files("fake_anef").joinpath("data/adresses.csv").read_text(encoding="utf-8")
    rows = []
    for row in csv.DictReader(text.splitlines()):
        label = " ".join(x for x in (row["numero"], row["voie"], row["code_postal"], row["ville"]) if x)
        rows.append({**row, "pays": "France", "libelle": label, "_cle": fold(f"{label} {row['complement']}")})
    return tuple(rows)


async def adresses(request: Request) -> Response:
    """Type-ahead: the bundled addresses whose words all start a word of the query's… or appear in it."""
    query = fold(request.query_params.get("q", ""))[:100]
    words = [w for w in re.split(r"[\s,]+", query) if w]
    if not words:
        return JSONResponse({"suggestions": []})
    found = [{k: v for k, v in row.items() if not k.startswith("_")} for row in _addresses()
             if all(w in row["_cle"] for w in words)]
    return JSONResponse({"suggestions": found[:8]})


routes = [
    Route("/teleprocedures/{procedure}", demarche, methods=["GET", "POST"], name="demarche"),
    Route("/teleprocedures/{procedure}/preambule", preambule, name="demarche_preambule"),
    Route("/teleprocedures/{procedure}/quitter", quitter_preambule, methods=["POST"], name="demarche_quitter"),
    Route("/teleprocedures/{procedure}/etapes/{etape}", etape, methods=["GET", "POST"], name="demarche_etape"),
    Route("/teleprocedures/{procedure}/abandon", abandon, methods=["GET", "POST"], name="demarche_abandon"),
    Route("/teleprocedures/{procedure}/confirmation-depot.pdf", confirmation_document, name="demarche_confirmation_pdf"),
    Route("/teleprocedures/{procedure}/liste-des-pieces-justificatives.pdf", liste_pieces, name="demarche_liste_pieces"),
    Route("/teleprocedures/{procedure}/documents/{document}", attestation_document, name="demarche_attestation"),
    Route("/pieces/{piece:int}", piece, name="demarche_piece"),
    Route("/adresses", adresses, name="adresses"),
]
