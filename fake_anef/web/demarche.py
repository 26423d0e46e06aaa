"""The téléprocédures' pages: one generic set of routes that renders any procedure definition
step by step (fake_anef.engine). Nothing here knows a particular procedure: which steps, fields,
justificatifs and texts apply is read from the definition (DEVELOPERS.md, rule 3)."""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from .. import texts
from ..accounts import fold
from ..demandes import BROUILLON, Demandes, EphotoTaken, StoredPieces
from ..documents.demande import confirmation_filename, confirmation_pdf, liste_pieces_pdf
from ..engine import pieces as piece_rules
from ..engine import wizard as wz
from ..engine.definition import Bloc, Definition, Step, by_id, by_motif, bundled
from ..mail.sender import Attachment
from ..store import Demande
from .forms import Form
from .pages import current_account, portal, render, send_mail

D = texts.DEMARCHE


def _demandes(request: Request) -> Demandes:
    p = portal(request)
    return Demandes(p.store, p.clock, p.settings.data_dir)


def _definition(request: Request) -> Definition | None:
    return by_id(request.path_params["procedure"])


def _step_url(request: Request, definition: Definition, step_id: str) -> str:
    return str(request.url_for("demarche_etape", procedure=definition.id, etape=step_id))


def _go(request: Request, definition: Definition, step_id: str) -> RedirectResponse:
    return RedirectResponse(_step_url(request, definition, step_id), status_code=303)


def _to_login(request: Request) -> RedirectResponse:
    return RedirectResponse(request.url_for("connexion"), status_code=303)


# Entry from "Je n'ai pas de numéro d'étranger et je souhaite faire une première demande en ligne :"
def procedure_for_motif(motif: str) -> Definition | None:
    return by_motif(motif)


def resume_url(request: Request, compte_id: int) -> str | None:
    """Where a connected user resumes: their latest demande made from this page, if any."""
    with portal(request).store.session() as s:
        demandes = _demandes(request)
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
        demandes = _demandes(request)
        drafts = [d for d in (demandes.current(s, compte_id, x.id) for x in bundled()) if d is not None and d.etat == BROUILLON]
        if not drafts:
            return None
        latest = max(drafts, key=lambda d: d.updated_at)
        return str(request.url_for("demarche", procedure=latest.procedure))


async def demarche(request: Request) -> Response:
    """Start the demande (or resume it at the last saved step)."""
    definition = _definition(request)
    compte = current_account(request)
    if definition is None:
        return render(request, "non_simule.html", status_code=404, libelle=None)
    if compte is None:
        return _to_login(request)
    demandes = _demandes(request)
    with portal(request).store.session() as s:
        demande = demandes.current(s, compte.id, definition.id) or demandes.create(s, compte.id, definition)
        step_id = definition.steps[-1].id if demande.etat != BROUILLON else demande.etape
    return _go(request, definition, step_id)


# A step ---------------------------------------------------------------------------------------
class _Page:
    """Everything a step's template needs, computed once."""

    def __init__(self, request: Request, definition: Definition, demande: Demande, step: Step,
                 values: wz.Values, errors: dict[str, str], stored: StoredPieces, piece_rows: list[Any],
                 upload_errors: dict[str, list[str]] | None = None, general: str | None = None) -> None:
        p = portal(request)
        self.request = request
        self.definition = definition
        self.step = step
        self.wizard = wz.Wizard(definition, p.clock.today())
        data = {k: dict(v) for k, v in (demande.donnees or {}).items()}
        self.variables = self.wizard.variables(data, (step.id, values))
        self.form = Form(values=dict(values), errors=dict(errors))
        self.stored = stored
        self.pieces: dict[str, list[Any]] = {}
        for row in piece_rows:
            self.pieces.setdefault(row.justificatif, []).append(row)
        self.upload_errors = upload_errors or {}
        self.general = general
        current = definition.index(step.id)
        deposited = demande.etat != BROUILLON
        self.stepper = [
            {"titre": s.titre, "current": s.id == step.id,
             "done": definition.index(s.id) < current or (deposited and not s.confirmation)}
            for s in self.wizard.steps(self.variables)
        ]
        self.numero = demande.numero

    # Helpers the templates call ---------------------------------------------------------------
    def applies(self, bloc: Bloc) -> bool:
        return self.wizard.applies(bloc, self.variables)

    def when(self, bloc: Bloc) -> str:
        return json.dumps(bloc.when.to_json(), ensure_ascii=False) if bloc.when else ""

    def context_json(self) -> str:
        safe = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in self.variables.items()
                if isinstance(v, (str, int, float, bool, list, date)) or v is None}
        return json.dumps(safe, ensure_ascii=False, default=str)

    def options(self, bloc: Bloc) -> list[tuple[str, str]]:
        return [(o.valeur, o.libelle) for o in wz.options(bloc)]

    def count(self, name: str) -> int:
        return wz.count(self.form.values, name)

    def justificatif(self, jid: str) -> Any:
        j = self.definition.justificatifs[jid]
        return j if self.wizard.justificatif_applies(j, self.variables) else None

    def recapitulatif(self) -> list[str]:
        return self.wizard.recapitulatif(self.variables)

    def item_label(self, label: str, n: int) -> str:
        core = label.rstrip(" :").rstrip("*").rstrip()
        return f"{core} {D['element_numero'].format(n=n)} :"

    def element(self, bloc: Bloc, n: int) -> str:
        return bloc.element.format(n=n)

    def progression(self) -> tuple[str, str | None] | None:
        if not self.step.progression:
            return None
        percent, minutes = self.step.progression
        return D["progression"].format(pourcentage=percent), (D["minutes"].format(minutes=minutes) if minutes else None)

    def step_url(self, step_id: str) -> str:
        return _step_url(self.request, self.definition, step_id)


def _render(page: _Page, status_code: int = 200) -> Response:
    return render(page.request, "demarche/etape.html", status_code=status_code, P=page, D=page.definition, step=page.step)


def _page(request: Request, s: Any, definition: Definition, demande: Demande, step: Step, values: wz.Values,
          errors: dict[str, str] | None = None, **extra: Any) -> _Page:
    demandes = _demandes(request)
    return _Page(request, definition, demande, step, values, errors or {}, demandes.stored_pieces(s, demande),
                 demandes.pieces(s, demande), **extra)


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
    demandes = _demandes(request)
    with p.store.session() as s:
        demande = demandes.current(s, compte.id, definition.id)
        if demande is None:
            return RedirectResponse(request.url_for("demarche", procedure=definition.id), status_code=303)
        if demande.etat != BROUILLON:
            if not step.confirmation:
                if request.method == "POST":
                    page = _page(request, s, definition, demande, definition.steps[-1], {}, general=D["demande_deposee"])
                    return _render(page, 409)
                return _go(request, definition, definition.steps[-1].id)
            return render(request, "demarche/confirmation.html", D=definition, numero=demande.numero,
                          P=_page(request, s, definition, demande, step, {}))
        if step.confirmation or definition.index(step.id) > definition.index(demande.etape_max):
            return _go(request, definition, demande.etape)
        if request.method == "GET":
            values = dict((demande.donnees or {}).get(step.id, {}))
            return _render(_page(request, s, definition, demande, step, values))
    form = await request.form(max_fields=2000)
    try:
        return await _post(request, definition, compte, step, form)
    finally:
        await form.close()


async def _post(request: Request, definition: Definition, compte: Any, step: Step, form: FormData) -> Response:
    """Handle one submission; what must happen after the unit of work commits (the journal, the
    mail: SQLite has one writer) is queued in `after`."""
    after: list[Any] = []
    response = await _handle(request, definition, compte, step, form, after)
    for task in after:
        await task()
    return response


async def _handle(request: Request, definition: Definition, compte: Any, step: Step, form: FormData,
                  after: list[Any]) -> Response:
    p = portal(request)
    demandes = _demandes(request)
    wizard = wz.Wizard(definition, p.clock.today())
    action = str(form.get("_action") or "enregistrer")
    values = wz.read(step, form)
    with p.store.session() as s:
        demande = demandes.current(s, compte.id, definition.id)
        assert demande is not None and demande.etat == BROUILLON
        data = demandes.data(demande)
        variables = wizard.variables(data, (step.id, values))

        # Files first: a file chosen then any button pressed is joined (works without JavaScript).
        upload_errors: dict[str, list[str]] = {}
        for j in wizard.justificatifs(step, variables):
            upload = form.get(f"fichier-{j.id}")
            if isinstance(upload, UploadFile) and upload.filename:
                problem = await _join(s, demandes, demande, j.id, upload)
                if problem:
                    upload_errors.setdefault(j.id, []).append(problem)
            elif action == f"joindre:{j.id}":
                upload_errors.setdefault(j.id, []).append(wz.error_text("fichier_absent"))
        extra_errors: dict[str, str] = {}

        if action.startswith("ajouter:"):
            values = wz.add_item(values, action.split(":", 1)[1])
        elif action.startswith("retirer:"):
            _, name, index = action.split(":", 2)
            if index.isdigit():
                values = wz.remove_item(values, name, int(index))
        elif action.startswith("supprimer:"):
            piece_id = action.split(":", 1)[1]
            if piece_id.isdigit():
                demandes.delete_piece(s, demande, int(piece_id))
        elif action == "ephoto:confirmer":
            numero = piece_rules.normalise_ephoto(str(form.get("ephoto") or ""))
            if not numero:
                extra_errors["ephoto"] = wz.error_text("obligatoire")
            elif not piece_rules.ephoto_valid(numero):
                extra_errors["ephoto"] = wz.error_text("ephoto_format")
            else:
                try:
                    demandes.confirm_ephoto(s, demande, numero)
                    s.flush()
                except EphotoTaken:
                    extra_errors["ephoto"] = wz.error_text("ephoto_deja_utilise")
        elif action == "ephoto:supprimer":
            demande.ephoto = None
        elif action == "precedent":
            previous = wizard.previous_step(step.id, variables) or step
            demandes.save_step(demande, step.id, values, go_to=previous.id, definition=definition)
            return _go(request, definition, previous.id)
        elif action == "quitter":
            demandes.save_step(demande, step.id, values, go_to=step.id, definition=definition)
            demande_id = demande.id

            async def journal_quit() -> None:
                p.journal("demande_quittee", demande=demande_id, etape=step.id)

            after.append(journal_quit)
            request.session.clear()
            return render(request, "demarche/quitter.html", compte=None, D=definition)
        elif action in ("enregistrer", "deposer"):
            stored = demandes.stored_pieces(s, demande)
            errors = wizard.validate(step, values, data, stored)
            if errors or upload_errors:
                page = _page(request, s, definition, demande, step, values, errors, upload_errors=upload_errors)
                return _render(page, 422)
            chosen = wizard.not_simulated(step, values)
            if chosen is not None:
                demandes.save_step(demande, step.id, values, go_to=step.id, definition=definition)
                return render(request, "non_simule.html", libelle=chosen.libelle)
            if step.depot:
                data[step.id] = values
                problem = wizard.check_all(data, stored)
                if problem is not None:
                    bad_step, bad_errors = problem
                    demandes.save_step(demande, step.id, values, go_to=bad_step.id, definition=definition)
                    page = _page(request, s, definition, demande, bad_step, data.get(bad_step.id, {}), bad_errors,
                                 general=D["depot_refuse"].format(etape=bad_step.titre))
                    return _render(page, 422)
                demandes.save_step(demande, step.id, values, go_to=definition.steps[-1].id, definition=definition)
                return _deposit(request, s, definition, demande, wizard, compte.email, after)
            following = wizard.next_step(step.id, variables) or step
            demandes.save_step(demande, step.id, values, go_to=following.id, definition=definition)
            return _go(request, definition, following.id)

        status = 422 if (extra_errors or upload_errors) else 200
        page = _page(request, s, definition, demande, step, values, extra_errors, upload_errors=upload_errors)
        return _render(page, status)


async def _join(s: Any, demandes: Demandes, demande: Demande, jid: str, upload: UploadFile) -> str | None:
    """Store one uploaded file, or say why it is refused (read at most 10 Mo + 1 byte)."""
    name = piece_rules.safe_name(upload.filename or "")
    content = await upload.read(piece_rules.MAX_SIZE + 1)
    size = len(content)
    if size > piece_rules.MAX_SIZE:
        size = piece_rules.MAX_SIZE + 1
    already = demandes.stored_pieces(s, demande).count(jid)
    problem = piece_rules.problem(name, content[: piece_rules.SNIFF_BYTES], size, already)
    if problem:
        return wz.error_text(problem, nom=name)
    demandes.add_piece(s, demande, jid, name, content)
    s.flush()
    return None


# Dépôt ----------------------------------------------------------------------------------------
def _document_values(definition: Definition, demande: Demande, wizard: wz.Wizard) -> dict[str, str]:
    values = wizard.display({k: dict(v) for k, v in (demande.donnees or {}).items()})
    depose = demande.deposee_at or wizard.today
    values.update(numero_demande=demande.numero or "", numero_etranger=demande.numero_etranger or "",
                  date_emission=f"{depose:%d/%m/%Y}", date_depot=f"{depose:%d/%m/%Y}")
    return values


def _deposit(request: Request, s: Any, definition: Definition, demande: Demande, wizard: wz.Wizard,
             email: str, after: list[Any]) -> Response:
    p = portal(request)
    demandes = _demandes(request)
    variables = wizard.variables(demandes.data(demande))
    code_postal = _address_part(definition, variables, "code_postal")
    numero = demandes.deposit(s, demande, code_postal)
    s.flush()
    values = _document_values(definition, demande, wizard)
    pdf = confirmation_pdf(definition, values)
    ident = definition.identite
    nom = " ".join(x for x in (values.get(ident["prenom"], ""), values.get(ident["nom"], "")) if x).upper()
    attachment = Attachment(confirmation_filename(definition, values), pdf)

    async def notify() -> None:
        p.journal("demande_deposee", numero=numero, procedure=definition.id)
        await send_mail(p, email, "depot_demande", nom=nom, attachments=(attachment,))

    after.append(notify)
    return _go(request, definition, definition.steps[-1].id)


def _address_part(definition: Definition, variables: dict[str, Any], part: str) -> str:
    for step in definition.steps:
        for bloc in step.fields():
            if bloc.type == "adresse" and isinstance(variables.get(bloc.id), dict):  # type: ignore[arg-type]
                return variables[bloc.id].get(part, "")  # type: ignore[index]
    return ""


async def confirmation_document(request: Request) -> Response:
    definition = _definition(request)
    compte = current_account(request)
    if definition is None or compte is None:
        return _to_login(request)
    p = portal(request)
    with p.store.session() as s:
        demande = _demandes(request).current(s, compte.id, definition.id)
        if demande is None or demande.etat == BROUILLON:
            return Response(status_code=404)
        values = _document_values(definition, demande, wz.Wizard(definition, p.clock.today()))
    name = confirmation_filename(definition, values)
    return Response(confirmation_pdf(definition, values), media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


async def liste_pieces(request: Request) -> Response:
    definition = _definition(request)
    if definition is None:
        return Response(status_code=404)
    return Response(liste_pieces_pdf(definition), media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{definition.liste_pieces.fichier}"'})


async def piece(request: Request) -> Response:
    """A joined file, for its owner only (anyone else gets 404, as if it did not exist)."""
    compte = current_account(request)
    if compte is None:
        return _to_login(request)
    with portal(request).store.session() as s:
        found = _demandes(request).piece_for(s, compte.id, int(request.path_params["piece"]))
    if found is None:
        return Response(status_code=404)
    row, content = found
    return Response(content, media_type=piece_rules.MIMETYPES.get(row.format, "application/octet-stream"),
                    headers={"Content-Disposition": f'inline; filename="{row.nom}"'})


# Abandon --------------------------------------------------------------------------------------
async def abandon(request: Request) -> Response:
    definition = _definition(request)
    compte = current_account(request)
    if definition is None or compte is None:
        return _to_login(request)
    demandes = _demandes(request)
    with portal(request).store.session() as s:
        demande = demandes.current(s, compte.id, definition.id)
        if demande is None or demande.etat != BROUILLON:
            return RedirectResponse(request.url_for("demarche", procedure=definition.id), status_code=303)
        if request.method == "GET":
            return render(request, "demarche/abandon.html", D=definition, fait=False,
                          retour=_step_url(request, definition, demande.etape))
        demandes.abandon(s, demande)
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
    Route("/teleprocedures/{procedure}", demarche, name="demarche"),
    Route("/teleprocedures/{procedure}/etapes/{etape}", etape, methods=["GET", "POST"], name="demarche_etape"),
    Route("/teleprocedures/{procedure}/abandon", abandon, methods=["GET", "POST"], name="demarche_abandon"),
    Route("/teleprocedures/{procedure}/confirmation-depot.pdf", confirmation_document, name="demarche_confirmation_pdf"),
    Route("/teleprocedures/{procedure}/liste-des-pieces-justificatives.pdf", liste_pieces, name="demarche_liste_pieces"),
    Route("/pieces/{piece:int}", piece, name="demarche_piece"),
    Route("/adresses", adresses, name="adresses"),
]
