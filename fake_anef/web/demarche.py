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

from markupsafe import Markup
from sqlalchemy import update
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from .. import texts
from ..accounts import fold
from ..demandes import ATTESTATIONS_STATE, BROUILLON, DECISION_STATE, Demandes, EphotoTaken, StoredPieces
from ..documents.attestation import attestation_filename, attestation_pdf, attestation_values
from ..documents.demande import confirmation_filename, confirmation_pdf, liste_pieces_pdf
from ..engine import pieces as piece_rules
from ..engine import recapitulatif as recap
from ..engine import wizard as wz
from ..engine.definition import IDENTITE_KEYS, Attestation, Bloc, Definition, Step, by_id, by_motif, bundled
from ..mail.sender import Attachment
from ..store import Compte, Demande, Identite
from . import espace
from .forms import Form
from .pages import content_disposition, current_account, portal, render, send_mail

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
    """Start the demande (or resume it at the last saved step). A definition with a préambule shows
    it first; its button (POST) starts the demande. A demande already begun skips it."""
    definition = _definition(request)
    compte = current_account(request)
    if definition is None:
        return render(request, "non_simule.html", status_code=404, libelle=None)
    if compte is None:
        return _to_login(request)
    demandes = _demandes(request)
    with portal(request).store.session() as s:
        demande = demandes.current(s, compte.id, definition.id)
        if demande is None:
            if definition.preambule is not None and request.method == "GET":
                return _preambule_page(request, definition)
            demande = demandes.create(s, compte.id, definition)
            if definition.contexte:
                demandes.set_state(demande, wz.CONTEXTE, contexte(request, compte, definition))
        step_id = definition.steps[-1].id if demande.etat != BROUILLON else demande.etape
    return _go(request, definition, step_id)


def contexte(request: Request, compte: Any, definition: Definition) -> dict[str, str]:
    """definition.contexte read when the demande starts: the account holder's current title."""
    titre = espace.current_title(request, compte)
    out = {}
    for name, source in definition.contexte:
        attribute = source.split(".", 1)[1]
        out[name] = str(getattr(titre, attribute, "") or "") if titre is not None else ""
    return out


def _preambule_page(request: Request, definition: Definition) -> Response:
    return render(request, "demarche/preambule.html", D=definition, PR=definition.preambule)


async def preambule(request: Request) -> Response:
    """The préambule again ("Revenir à l'étape précédente" from the first step)."""
    definition = _definition(request)
    if definition is None or definition.preambule is None:
        return render(request, "non_simule.html", status_code=404, libelle=None)
    if current_account(request) is None:
        return _to_login(request)
    return _preambule_page(request, definition)


# Pre-filled fields (definition.PREFILL_SOURCES) ------------------------------------------------
def prefill_sources(s: Any, compte: Compte | None) -> dict[str, Any]:
    """The values a pre-filled field may show: the account's e-mail and the identity the
    administration holds for its numéro étranger."""
    if compte is None:
        return {}
    sources: dict[str, Any] = {"compte.email": compte.email}
    ident = s.get(Identite, compte.numero_etranger) if compte.numero_etranger else None
    if ident is not None:
        sources.update({f"identite.{key}": getattr(ident, key) for key in IDENTITE_KEYS})
    return sources


def identity_record(s: Any, numero: str) -> dict[str, Any] | None:
    """The identity the administration holds for a numéro étranger (a confirmation_identite bloc)."""
    ident = s.get(Identite, numero) if numero else None
    return {key: getattr(ident, key) for key in IDENTITE_KEYS} if ident is not None else None


# A step ---------------------------------------------------------------------------------------
class _Page:
    """Everything a step's template needs, computed once."""

    def __init__(self, request: Request, definition: Definition, demande: Demande, step: Step,
                 values: wz.Values, errors: dict[str, str], stored: StoredPieces, piece_rows: list[Any],
                 upload_errors: dict[str, list[str]] | None = None, general: str | None = None,
                 sources: dict[str, Any] | None = None) -> None:
        p = portal(request)
        self.request = request
        self.definition = definition
        self.step = step
        self.wizard = wz.Wizard(definition, p.clock.today())
        data = wz.with_prefill(definition, {k: dict(v) for k, v in (demande.donnees or {}).items()}, sources or {})
        values = wz.with_prefill(definition, {step.id: dict(values)}, sources or {})[step.id]
        self.variables = self.wizard.variables(data, (step.id, values))
        self.data = data
        self.partie_erreur: str | None = None  # a récapitulatif part whose validation just failed
        if "texte_non_echappe" in p.settings.faults:  # fault mode: what was typed is rendered as markup
            values = {k: Markup(v) for k, v in values.items()}
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

    # A récapitulatif step ----------------------------------------------------------------------
    def parties(self) -> list[recap.Part]:
        return recap.parts(self.wizard, self.step, self.data, self.partie_erreur)

    def recapitulatif_complet(self) -> bool:
        return recap.complete(self.wizard, self.step, self.data)

    def label_core(self, label: str) -> str:
        return wz.label_core(label)

    def confirmed(self, bloc: Bloc) -> bool:
        """A confirmation_identite bloc holds for what the page shows."""
        return wz.identity_confirmed(bloc, self.form.values)

    def justificatif_when(self, jid: str) -> str:
        """A justificatif that depends on a field of this very step (a box that swaps which document
        is asked) is drawn even when it does not apply, hidden, with its condition for demarche.js;
        without JavaScript, saving the step shows the right one."""
        j = self.definition.justificatifs[jid]
        if j.when is None or not (j.when.names & {b.id for b in self.step.fields()}):
            return ""
        if j.cas is not None and not self.wizard.applies(self.definition.cas_by_id(j.cas), self.variables):  # type: ignore[arg-type]
            return ""
        return json.dumps(j.when.to_json(), ensure_ascii=False)

    def shown(self, bloc: Bloc) -> str:
        """A read-only field's value as the user reads it."""
        return wz.display_field(bloc, self.form.values)


def _render(page: _Page, status_code: int = 200) -> Response:
    return render(page.request, "demarche/etape.html", status_code=status_code, P=page, D=page.definition, step=page.step)


def _page(request: Request, s: Any, definition: Definition, demande: Demande, step: Step, values: wz.Values,
          errors: dict[str, str] | None = None, **extra: Any) -> _Page:
    demandes = _demandes(request)
    return _Page(request, definition, demande, step, values, errors or {}, demandes.stored_pieces(s, demande),
                 demandes.pieces(s, demande), sources=prefill_sources(s, s.get(Compte, demande.compte_id)), **extra)


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
        sources = prefill_sources(s, s.get(Compte, demande.compte_id))
        values = wz.with_prefill(definition, {step.id: values}, sources)[step.id]  # read-only values kept
        data = wz.with_prefill(definition, demandes.data(demande), sources)
        values = wz.keep_held(step, values, data.get(step.id, {}))  # an identity confirmed stays so
        variables = wizard.variables(data, (step.id, values))

        # Files first: a file chosen then any button pressed is joined (works without JavaScript).
        upload_errors: dict[str, list[str]] = {}
        for j in wizard.justificatifs(step, variables):
            upload = form.get(f"fichier-{j.id}")
            if isinstance(upload, UploadFile) and upload.filename:
                problem = await _join(s, demandes, demande, j.id, upload, p.settings.faults)
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
            elif not piece_rules.ephoto_valid(numero) and not (  # fault mode: 21 or 23 digits pass
                    "ephoto_21_ou_23_chiffres" in p.settings.faults and len(numero) in (21, 23) and numero.isascii() and numero.isdigit()):
                extra_errors["ephoto"] = wz.error_text("ephoto_format")
            else:
                try:
                    demandes.confirm_ephoto(s, demande, numero)
                    s.flush()
                except EphotoTaken:
                    if "ephoto_reutilisable" in p.settings.faults:  # fault mode: the number moves to this demande
                        s.execute(update(Demande).where(Demande.ephoto == numero).values(ephoto=None))
                        demande.ephoto = numero
                    else:
                        extra_errors["ephoto"] = wz.error_text("ephoto_deja_utilise")
        elif action == "ephoto:supprimer":
            demande.ephoto = None
        elif action.startswith("identite:"):  # a confirmation_identite bloc: the numéro looked up
            values, extra_errors = wizard.confirm_identity(step, action.split(":", 1)[1], values, data,
                                                           lambda numero: identity_record(s, numero))
            if not extra_errors:  # confirmed: kept in the demande at once
                demandes.save_step(demande, step.id, values, go_to=None, definition=definition)
        elif action == "precedent" and wizard.previous_step(step.id, variables) is None and definition.preambule:
            demandes.save_step(demande, step.id, values, go_to=step.id, definition=definition)
            return RedirectResponse(request.url_for("demarche_preambule", procedure=definition.id), status_code=303)
        elif action == "precedent":
            previous = wizard.previous_step(step.id, variables) or step
            demandes.save_step(demande, step.id, values, go_to=previous.id, definition=definition)
            if "brouillon_perdu_au_retour" in p.settings.faults:  # fault mode: the step gone back to is emptied
                demandes.save_step(demande, previous.id, {}, go_to=None, definition=definition)
            return _go(request, definition, previous.id)
        elif step.type == "recapitulatif" and action.startswith(("valider:", "modifier:")):
            return _recapitulatif_action(request, s, definition, demande, wizard, step, action, values, data)
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
            if "dates_dans_le_desordre" in p.settings.faults:  # fault mode: a date before the birth is accepted
                errors = {k: v for k, v in errors.items() if not any(b.apres and b.apres[1] == v for b in step.fields())}
            if errors or upload_errors:
                if "refus_enregistre" in p.settings.faults:  # fault mode: a refused submission is saved
                    demandes.save_step(demande, step.id, values, go_to=None, definition=definition)
                page = _page(request, s, definition, demande, step, values, errors, upload_errors=upload_errors)
                return _render(page, 422)
            if step.type == "recapitulatif" and not recap.complete(wizard, step, data):
                # "Déposer la demande" only once every part is validated (guide 04 étape 4)
                demandes.save_step(demande, step.id, values, go_to=None, definition=definition)
                page = _page(request, s, definition, demande, step, values, general=step.libelle("a_valider"))
                return _render(page, 422)
            chosen = wizard.not_simulated(step, values)
            if chosen is not None:
                demandes.save_step(demande, step.id, values, go_to=step.id, definition=definition)
                return render(request, "non_simule.html", libelle=chosen.libelle)
            blocage = wizard.blocked(step, variables)
            if blocage is not None:  # "Demandeur non éligible": what was typed is kept, to change it
                demandes.save_step(demande, step.id, values, go_to=step.id, definition=definition)
                return render(request, "demarche/bloquant.html", D=definition, B=blocage,
                              retour=_step_url(request, definition, step.id))
            if step.depot:
                data[step.id] = values
                problem = wizard.check_all(data, stored)
                if problem is not None:
                    bad_step, bad_errors = problem
                    demandes.save_step(demande, step.id, values, go_to=bad_step.id, definition=definition)
                    blocage = wizard.blocked(bad_step, wizard.variables(data))
                    if blocage is not None and not bad_errors:
                        return render(request, "demarche/bloquant.html", D=definition, B=blocage,
                                      retour=_step_url(request, definition, bad_step.id))
                    page = _page(request, s, definition, demande, bad_step, data.get(bad_step.id, {}), bad_errors,
                                 general=D["depot_refuse"].format(etape=bad_step.titre))
                    return _render(page, 422)
                demandes.save_step(demande, step.id, values, go_to=definition.steps[-1].id, definition=definition)
                return _deposit(request, s, definition, demande, wizard, compte.email, after)
            data[step.id] = values
            following = (recap.next_after_save(wizard, step, data, stored)  # back from "Modifier ma saisie"
                         or wizard.next_step(step.id, variables) or step)
            demandes.save_step(demande, step.id, values, go_to=following.id, definition=definition)
            if any(x.parties for x in definition.steps):
                demandes.set_state(demande, wz.RECAPITULATIF, recap.state_after_save(definition, data, step, following))
            return _go(request, definition, following.id)

        status = 422 if (extra_errors or upload_errors) else 200
        page = _page(request, s, definition, demande, step, values, extra_errors, upload_errors=upload_errors)
        return _render(page, status)


def _recapitulatif_action(request: Request, s: Any, definition: Definition, demande: Demande, wizard: wz.Wizard,
                          step: Step, action: str, values: wz.Values, data: wz.Data) -> Response:
    """"Modifier ma saisie" (to the part's step, then back) or "Valider et vérifier la suite de ma
    saisie" (the part's step validated again, as at the dépôt) on a récapitulatif step; what was
    typed in the récapitulatif itself (the observations) is kept either way."""
    demandes = _demandes(request)
    kind, etape = action.split(":", 1)
    if etape not in {part.etape for part in step.parties}:
        return _go(request, definition, step.id)
    data[step.id] = values
    if kind == "modifier":
        demandes.save_step(demande, step.id, values, go_to=etape, definition=definition)
        demandes.set_state(demande, wz.RECAPITULATIF, recap.state_after_modification(definition, data, step, etape))
        return _go(request, definition, etape)
    demandes.save_step(demande, step.id, values, go_to=None, definition=definition)
    target, target_values = definition.step(etape), data.get(etape, {})
    if wizard.validate(target, target_values, data, demandes.stored_pieces(s, demande)) or wizard.not_simulated(target, target_values):
        page = _page(request, s, definition, demande, step, values)
        page.partie_erreur = etape
        return _render(page, 422)
    demandes.set_state(demande, wz.RECAPITULATIF, recap.state_validated(data, etape))
    return _go(request, definition, step.id)


async def _join(s: Any, demandes: Demandes, demande: Demande, jid: str, upload: UploadFile,
                faults: frozenset[str] = frozenset()) -> str | None:
    """Store one uploaded file, or say why it is refused (read at most 10 Mo + 1 byte)."""
    name = piece_rules.safe_name(upload.filename or "")
    content = await upload.read(piece_rules.MAX_SIZE + 1)
    size = len(content)
    if size > piece_rules.MAX_SIZE:
        size = piece_rules.MAX_SIZE + 1
    already = demandes.stored_pieces(s, demande).count(jid)
    head = content[: piece_rules.SNIFF_BYTES]
    if "upload_sans_controle_du_contenu" in faults:  # fault mode: any content passes for a PDF
        head = b"%PDF-"
    if "fichier_plus_de_10_mo" in faults:  # fault mode: the size limit is not checked
        size = min(size, piece_rules.MAX_SIZE)
    if "plus_de_3_fichiers" in faults:  # fault mode: the count per justificatif is not checked
        already = 0
    problem = piece_rules.problem(name, head, size, already)
    if problem:
        return wz.error_text(problem, nom=name)
    demandes.add_piece(s, demande, jid, name, content)
    s.flush()
    return None


# Dépôt ----------------------------------------------------------------------------------------
def _document_values(definition: Definition, demande: Demande, wizard: wz.Wizard) -> dict[str, str]:
    values = wizard.document_values({k: dict(v) for k, v in (demande.donnees or {}).items()})
    depose = demande.deposee_at or wizard.today
    values.update(numero_demande=demande.numero or "", numero_etranger=demande.numero_etranger or "",
                  date_emission=f"{depose:%d/%m/%Y}", date_depot=f"{depose:%d/%m/%Y}")
    values.update({"date_emission.jjmmaaaa": f"{depose:%d%m%Y}", "date_depot.jjmmaaaa": f"{depose:%d%m%Y}"})
    return values


def _deposit(request: Request, s: Any, definition: Definition, demande: Demande, wizard: wz.Wizard,
             email: str, after: list[Any]) -> Response:
    p = portal(request)
    demandes = _demandes(request)
    variables = wizard.variables(demandes.data(demande))
    code_postal = _address_part(definition, variables, "code_postal")
    titulaire = s.get(Compte, demande.compte_id)
    if not demande.numero_etranger and titulaire is not None and titulaire.numero_etranger:
        demande.numero_etranger = titulaire.numero_etranger  # the account's (guide 03: path b)
    numero = demandes.deposit(s, demande, code_postal)
    s.flush()
    values = _document_values(definition, demande, wizard)
    ident = definition.identite
    nom = " ".join(x for x in (values.get(ident["prenom"], ""), values.get(ident["nom"], "")) if x).upper()
    attachments = []
    if definition.confirmation is not None:
        attachments.append(Attachment(confirmation_filename(definition, values), confirmation_pdf(definition, values)))
    for attestation in definition.attestations_emises("depot"):  # issued now, kept: the mail and the download are one file
        name, content = attestation_file(p, definition, demande, attestation)
        if attestation.courriel:
            attachments.append(Attachment(name, content))

    async def notify() -> None:
        p.journal("demande_deposee", numero=numero, procedure=definition.id)
        await send_mail(p, email, "depot_demande", nom=nom, attachments=tuple(attachments))

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
    if definition.confirmation is None:
        return Response(status_code=404)
    p = portal(request)
    with p.store.session() as s:
        demande = _demandes(request).current(s, compte.id, definition.id)
        if demande is None or demande.etat == BROUILLON:
            return Response(status_code=404)
        values = _document_values(definition, demande, wz.Wizard(definition, p.clock.today()))
    name = confirmation_filename(definition, values)
    return Response(confirmation_pdf(definition, values), media_type="application/pdf",
                    headers=content_disposition("attachment", name))


def attestation_file(p: Any, definition: Definition, demande: Demande, attestation: Attestation) -> tuple[str, bytes]:
    """(file name, PDF) of an attestation of a deposited demande: issued (and its 2D-DOC signed) at
    the dépôt, by the agent (`emise: instruction`) or at the favourable decision (`emise: decision`),
    then read back as issued."""
    demandes = Demandes(p.store, p.clock, p.settings.data_dir)
    wizard = wz.Wizard(definition, p.clock.today())
    state = demande.donnees or {}
    decision = state.get(DECISION_STATE) if attestation.emise == "decision" else None
    if attestation.emise == "decision" and not decision:
        raise LookupError(f"{attestation.id} : aucune décision prise sur la demande {demande.numero}")
    issued = (state.get(ATTESTATIONS_STATE) or {}).get(attestation.id)
    if attestation.emise == "instruction" and not issued:
        raise LookupError(f"{attestation.id} : pas encore délivrée sur la demande {demande.numero}")
    emission = (date.fromisoformat(decision["date_decision"]) if decision
                else date.fromisoformat(issued) if issued
                else (demande.deposee_at or p.clock.now()).date())
    values = attestation_values(attestation, _document_values(definition, demande, wizard), emission, decision)
    name = attestation_filename(attestation, values)
    path = demandes.document_path(demande, attestation.id)
    if path.is_file():
        return name, path.read_bytes()
    signer = p.twoddoc_signer() if attestation.deux_d_doc is not None else None
    pdf = attestation_pdf(attestation, values, wizard.variables(demandes.data(demande)), emission, signer)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf)
    return name, pdf


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
        demande = _demandes(request).current(s, compte.id, definition.id)
        if demande is None or demande.etat == BROUILLON:
            return Response(status_code=404)
        name, pdf = attestation_file(p, definition, demande, attestation)
    return Response(pdf, media_type="application/pdf", headers=content_disposition("attachment", name))


async def liste_pieces(request: Request) -> Response:
    definition = _definition(request)
    if definition is None:
        return Response(status_code=404)
    return Response(liste_pieces_pdf(definition), media_type="application/pdf",
                    headers=content_disposition("attachment", definition.liste_pieces.fichier))


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
                    headers=content_disposition("inline", row.nom))


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
    Route("/teleprocedures/{procedure}", demarche, methods=["GET", "POST"], name="demarche"),
    Route("/teleprocedures/{procedure}/preambule", preambule, name="demarche_preambule"),
    Route("/teleprocedures/{procedure}/etapes/{etape}", etape, methods=["GET", "POST"], name="demarche_etape"),
    Route("/teleprocedures/{procedure}/abandon", abandon, methods=["GET", "POST"], name="demarche_abandon"),
    Route("/teleprocedures/{procedure}/confirmation-depot.pdf", confirmation_document, name="demarche_confirmation_pdf"),
    Route("/teleprocedures/{procedure}/liste-des-pieces-justificatives.pdf", liste_pieces, name="demarche_liste_pieces"),
    Route("/teleprocedures/{procedure}/documents/{document}", attestation_document, name="demarche_attestation"),
    Route("/pieces/{piece:int}", piece, name="demarche_piece"),
    Route("/adresses", adresses, name="adresses"),
]
