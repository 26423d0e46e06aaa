"""The wizard's POST: one small handler per `_action` (save, previous, add or remove an item, delete a
file, ephoto, identity, join, quit, the récapitulatif's parts), in the shape of django-formtools'
WizardView: `post` dispatches, a valid step goes on with `render_next_step`, the dépôt ends with
`render_done`. An action the page does not offer is refused before any work.

Order of work (issue 14): the request's files are read and checked before the database transaction
opens (no write lock held across `await upload.read()`); what must follow the commit (the journal,
the mail, removing a deleted file) is queued in `after`, so a file is removed only once its row is."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any, NamedTuple

import anyio.to_thread
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from .. import texts
from ..attestations import document_values
from ..demandes import BROUILLON, EphotoTaken
from ..documents.demande import confirmation_filename, confirmation_pdf
from ..engine import pieces as piece_rules
from ..engine import recapitulatif as recap
from ..engine import wizard as wz
from ..engine.definition import ChampDate, Definition, Step
from ..faults import Faults
from ..mail.sender import Attachment
from ..store import Compte, EphotoCode
from .demarche_page import D, demandes_of, identity_record, prefill_sources, render_step, step_page, step_url
from .demarche_submission import Submission, Upload
from .pages import draw, drawn_attestation, portal, render, send_mail

R = texts.REFUS
MAX_SQL_INTEGER = 2**63 - 1


# The handlers -----------------------------------------------------------------------------------
def save(sub: Submission, _: str) -> Response:
    """"Enregistrer et poursuivre" / "Déposer la demande": validate, then the next step or the dépôt."""
    stored = sub.demandes.stored_pieces(sub.s, sub.demande)
    errors = sub.p.faults.step_errors(sub.wizard.validate(sub.step, sub.values, sub.data, stored),
                                      [b.apres[1] for b in sub.step.fields() if isinstance(b, ChampDate) and b.apres])
    if errors or sub.upload_errors:
        if sub.p.faults.saves_refused_step:
            sub.save(go_to=None)
        return sub.page(errors=errors, status=422, upload_errors=sub.upload_errors)
    if sub.step.type == "recapitulatif" and not recap.complete(sub.wizard, sub.step, sub.data):
        # "Déposer la demande" only once every part is validated (guide 04 étape 4)
        sub.save(go_to=None)
        return sub.page(status=422, general=sub.step.libelle("a_valider"))
    chosen = sub.wizard.not_simulated(sub.step, sub.values)
    if chosen is not None:
        sub.save(go_to=sub.step.id)
        return render(sub.request, "non_simule.html", libelle=chosen.libelle)
    blocage = sub.wizard.blocked(sub.step, sub.variables)
    if blocage is not None:  # "Demandeur non éligible": what was typed is kept, to change it
        sub.save(go_to=sub.step.id)
        return _blocked(sub, blocage, sub.step)
    sub.data[sub.step.id] = sub.values
    return render_done(sub) if sub.step.depot else render_next_step(sub, stored)


def render_next_step(sub: Submission, stored: Any) -> Response:
    following = (recap.next_after_save(sub.wizard, sub.step, sub.data, stored)  # back from "Modifier ma saisie"
                 or sub.wizard.next_step(sub.step.id, sub.variables) or sub.step)
    sub.save(go_to=following.id)
    if any(x.parties for x in sub.definition.steps):
        sub.demandes.set_state(sub.demande, wz.RECAPITULATIF,
                               recap.state_after_save(sub.definition, sub.data, sub.step, following))
    return sub.go(following.id)


def render_done(sub: Submission) -> Response:
    """The dépôt: every step validated again (the first one that fails is shown), then deposited."""
    problem = sub.wizard.check_all(sub.data, sub.demandes.stored_pieces(sub.s, sub.demande))
    if problem is not None:
        bad_step, bad_errors = problem
        sub.save(go_to=bad_step.id)
        blocage = sub.wizard.blocked(bad_step, sub.wizard.variables(sub.data))
        if blocage is not None and not bad_errors:
            return _blocked(sub, blocage, bad_step)
        return sub.page(bad_step, sub.data.get(bad_step.id, {}), bad_errors, status=422,
                        general=D["depot_refuse"].format(etape=bad_step.titre))
    sub.save(go_to=sub.definition.steps[-1].id)
    return _deposit(sub)


def _blocked(sub: Submission, blocage: Any, step: Step) -> Response:
    return render(sub.request, "demarche/bloquant.html", D=sub.definition, B=blocage,
                  retour=step_url(sub.request, sub.definition, step.id))


def previous(sub: Submission, _: str) -> Response:
    """"Revenir à l'étape précédente": what was typed is kept; from the first step, the préambule."""
    before = sub.wizard.previous_step(sub.step.id, sub.variables)
    if before is None and sub.definition.preambule:
        sub.save(go_to=sub.step.id)
        return RedirectResponse(sub.request.url_for("demarche_preambule", procedure=sub.definition.id), status_code=303)
    before = before or sub.step
    sub.save(go_to=before.id)
    if sub.p.faults.back_empties_step:
        sub.save(go_to=None, step_id=before.id, values={})
    return sub.go(before.id)


def add_item(sub: Submission, name: str) -> Response:
    """"+ Ajouter …": one more item, up to the field's maximum (said next to the field beyond)."""
    maximum = wz.item_maximum(sub.step, name) or 0
    n = wz.count(sub.values, name)
    if n >= maximum:
        group = any(b.id == name and b.type == "groupe" for b in sub.step.fields())
        return sub.stay({name if group else f"{name}-{n - 1}": wz.error_text("trop_d_elements", max=maximum)})
    sub.values = wz.add_item(sub.values, name)
    return sub.stay()


def remove_item(sub: Submission, argument: str) -> Response:
    name, _, index = argument.rpartition(":")
    sub.values = wz.remove_item(sub.values, name, int(index))
    return sub.stay()


def delete_piece(sub: Submission, argument: str) -> Response:
    """"SUPPRIMER": the row goes with this unit of work, the file once it is committed."""
    piece_id = int(argument)
    path = sub.demandes.delete_piece(sub.s, sub.demande, piece_id) if piece_id <= MAX_SQL_INTEGER else None
    if path is None:
        return sub.page(status=404, general=R["piece_inconnue"], upload_errors=sub.upload_errors)
    sub.after.append(_remove_file(path))
    return sub.stay()


def _remove_file(path: Path) -> Callable[[], Awaitable[None]]:
    async def remove() -> None:
        path.unlink(missing_ok=True)
    return remove


def ephoto(sub: Submission, argument: str) -> Response:
    if argument == "supprimer":
        sub.demande.ephoto = None
        return sub.stay()
    errors: dict[str, str] = {}
    typed = str(sub.form.get("ephoto") or "")
    numero = piece_rules.normalise_ephoto(typed)
    if not numero:
        errors["ephoto"] = wz.error_text("obligatoire")
    elif not sub.p.faults.ephoto_format_ok(numero, piece_rules.ephoto_valid(numero)):
        errors["ephoto"] = wz.error_text("ephoto_format")
    elif (code := sub.s.get(EphotoCode, numero)) and piece_rules.ephoto_expired(
            code.date_prise, sub.p.clock.today() - timedelta(days=sub.p.faults.ephoto_extra_days)):
        errors["ephoto"] = wz.error_text("ephoto_expire", date=f"{code.date_prise:%d/%m/%Y}")
    else:
        try:
            sub.demandes.confirm_ephoto(sub.s, sub.demande, numero)
            sub.s.flush()
        except EphotoTaken:
            if sub.p.faults.ephoto_moves:
                sub.demandes.take_ephoto(sub.s, sub.demande, numero)
            else:
                errors["ephoto"] = wz.error_text("ephoto_deja_utilise")
    if errors:  # what was typed stays in its field, to correct it
        return sub.page(values={**sub.values, "ephoto": typed[:100]}, errors=errors, status=422,
                        upload_errors=sub.upload_errors)
    return sub.stay()


def confirm_identity(sub: Submission, bloc_id: str) -> Response:
    """A confirmation_identite bloc: the numéro looked up; once confirmed, kept in the demande at once."""
    sub.values, errors = sub.wizard.confirm_identity(sub.step, bloc_id, sub.values, sub.data,
                                                     lambda numero: identity_record(sub.s, numero),
                                                     unchecked=sub.p.faults.identity_keys_unchecked())
    if not errors:
        sub.save(go_to=None)
    return sub.stay(errors)


def join(sub: Submission, _: str) -> Response:
    return sub.stay()  # the files were joined (or refused) before any action


def quit_later(sub: Submission, _: str) -> Response:
    """"Quitter et revenir plus tard": saved, then logged out."""
    sub.save(go_to=sub.step.id)
    p, demande_id, step_id = sub.p, sub.demande.id, sub.step.id

    async def journal_quit() -> None:
        p.journal("demande_quittee", demande=demande_id, etape=step_id)

    sub.after.append(journal_quit)
    sub.request.session.clear()
    return render(sub.request, "demarche/quitter.html", compte=None, D=sub.definition)


def recapitulatif_part(sub: Submission, argument: str, kind: str) -> Response:
    """"Modifier ma saisie" (to the part's step, then back) or "Valider et vérifier la suite de ma
    saisie" (the part's step validated again, as at the dépôt) on a récapitulatif step; what was
    typed in the récapitulatif itself (the observations) is kept either way."""
    sub.data[sub.step.id] = sub.values
    if kind == "modifier":
        sub.save(go_to=argument)
        sub.demandes.set_state(sub.demande, wz.RECAPITULATIF,
                               recap.state_after_modification(sub.definition, sub.data, sub.step, argument))
        return sub.go(argument)
    sub.save(go_to=None)
    target, target_values = sub.definition.step(argument), sub.data.get(argument, {})
    stored = sub.demandes.stored_pieces(sub.s, sub.demande)
    if sub.wizard.validate(target, target_values, sub.data, stored) or sub.wizard.not_simulated(target, target_values):
        page = step_page(sub.request, sub.s, sub.definition, sub.demande, sub.step, sub.values)
        page.partie_erreur = argument
        return render_step(page, 422)
    sub.demandes.set_state(sub.demande, wz.RECAPITULATIF, recap.state_validated(sub.data, argument))
    return sub.go(sub.step.id)


# The dépôt ------------------------------------------------------------------------------------------
def _deposit(sub: Submission) -> Response:
    p, s, definition, demande = sub.p, sub.s, sub.definition, sub.demande
    variables = sub.wizard.variables(sub.demandes.data(demande))
    code_postal = _address_part(definition, variables, "code_postal")
    titulaire = s.get(Compte, demande.compte_id)
    if not demande.numero_etranger and titulaire is not None and titulaire.numero_etranger:
        demande.numero_etranger = titulaire.numero_etranger  # the account's (guide 03: path b)
    numero = sub.demandes.deposit(s, demande, code_postal)
    s.flush()
    values = document_values(definition, demande, sub.wizard, p.faults)
    ident = definition.identite
    # Guide 03 étape 5: "Bonjour Mineur Etranger," — prénom and nom as typed, not upper-cased (guide
    # 02's "Bonjour CARLOS ROMALOS," is a name typed in capitals: the two agree).
    nom = p.faults.depot_greeting_name(
        " ".join(x for x in (values.get(ident["prenom"], ""), values.get(ident["nom"], "")) if x))
    mailed = p.faults.mailed_values(values)
    email, demande_id = sub.compte.email, demande.id

    async def notify() -> None:
        """After the commit, before the answer: the mail's PDFs drawn off the event loop (pages.draw)."""
        attachments = []
        if definition.confirmation is not None:
            content = await draw(confirmation_pdf, definition, mailed)
            attachments.append(Attachment(confirmation_filename(definition, mailed), content))
        for attestation in definition.attestations_emises("depot"):  # issued now, kept: the mail and the download are one file
            name, content = await drawn_attestation(p, definition, demande_id, attestation)
            if attestation.courriel:
                if p.faults.forges_mailed_code():
                    name, content = await drawn_attestation(p, definition, demande_id, attestation, courriel=True)
                attachments.append(Attachment(name, content))
        p.journal("demande_deposee", numero=numero, procedure=definition.id)
        await send_mail(p, email, "depot_demande", nom=p.faults.greeted(nom), attachments=tuple(attachments))

    sub.after.append(notify)
    return sub.go(definition.steps[-1].id)


def _address_part(definition: Definition, variables: dict[str, Any], part: str) -> str:
    for step in definition.steps:
        for bloc in step.fields():
            value = variables.get(bloc.id) if bloc.id else None
            if bloc.type == "adresse" and isinstance(value, dict):
                return str(value.get(part, ""))
    return ""


# The table of actions ---------------------------------------------------------------------------------
class Action(NamedTuple):
    """`accepts(step, argument)`: the page could have sent it (checked before any work)."""

    accepts: Callable[[Step, str], bool]
    handle: Callable[[Submission, str], Response]


def _none(_: Step, argument: str) -> bool:
    return argument == ""


def _digits(text: str, most: int) -> bool:
    return text.isascii() and text.isdigit() and len(text) <= most


def _removable(step: Step, argument: str) -> bool:
    name, _, index = argument.rpartition(":")
    maximum = wz.item_maximum(step, name)
    return maximum is not None and _digits(index, 6) and int(index) < maximum


def _part(step: Step, argument: str) -> bool:
    return step.type == "recapitulatif" and argument in {part.etape for part in step.parties}


def _identity_bloc(step: Step, argument: str) -> bool:
    return any(b.id == argument and b.type == "confirmation_identite" for b in step.fields())


ACTIONS: dict[str, Action] = {
    "enregistrer": Action(_none, save),
    "deposer": Action(_none, save),
    "precedent": Action(_none, previous),
    "quitter": Action(_none, quit_later),
    "ajouter": Action(lambda step, name: wz.item_maximum(step, name) is not None, add_item),
    "retirer": Action(_removable, remove_item),
    "supprimer": Action(lambda _, piece_id: _digits(piece_id, 40), delete_piece),
    "ephoto": Action(lambda _, what: what in ("confirmer", "supprimer"), ephoto),
    "identite": Action(_identity_bloc, confirm_identity),
    "joindre": Action(lambda step, jid: jid in step.justificatifs(), join),
    "valider": Action(_part, lambda sub, etape: recapitulatif_part(sub, etape, "valider")),
    "modifier": Action(_part, lambda sub, etape: recapitulatif_part(sub, etape, "modifier")),
}


async def read_uploads(step: Step, form: FormData, faults: Faults) -> dict[str, Upload]:
    """The step's files, read (10 Mo + 1 byte at most each) and checked outside any transaction;
    parsing a file runs in a worker thread so the other pages keep answering."""
    out: dict[str, Upload] = {}
    for jid in step.justificatifs():
        upload = form.get(f"fichier-{jid}")
        if isinstance(upload, UploadFile) and upload.filename:
            name = piece_rules.safe_name(upload.filename)
            content = await upload.read(piece_rules.MAX_SIZE + 1)
            size = len(content) if faults.checks_file_size else min(len(content), piece_rules.MAX_SIZE)
            size = faults.file_size_seen(size, piece_rules.MAX_SIZE)
            problem = await anyio.to_thread.run_sync(piece_rules.content_problem, name, content, size,
                                                     faults.checks_upload_content)
            out[jid] = Upload(name, content, problem)
    return out


async def post(request: Request, definition: Definition, compte: Any, step: Step, form: FormData) -> Response:
    """One submission of a step: refused at once when the page could not have sent it; otherwise
    the files are read, then one unit of work runs the action's handler; what follows the commit
    (journal, mail, removing files) runs after it (SQLite has one writer)."""
    p = portal(request)
    kind, _, argument = str(form.get("_action") or "enregistrer").partition(":")
    action = ACTIONS.get(kind)
    refusal = None
    if action is None or not action.accepts(step, argument):
        refusal = R["action_inconnue"]
    elif wz.beyond_maximum(step, form.keys()):
        refusal = R["trop_d_elements"]
    uploads = {} if refusal else await read_uploads(step, form, p.faults)
    after: list[Callable[[], Awaitable[None]]] = []
    demandes = demandes_of(request)
    wizard = wz.Wizard(definition, p.clock.today())
    with p.store.session() as s:
        demande = demandes.current(s, compte.id, definition.id)
        assert demande is not None and demande.etat == BROUILLON
        sources = prefill_sources(s, s.get(Compte, demande.compte_id))
        values = {} if refusal else wz.read(step, form)
        values = wz.with_prefill(definition, {step.id: values}, sources)[step.id]  # read-only values kept
        data = wz.with_prefill(definition, demandes.data(demande), sources)
        values = wz.keep_held(step, values, data.get(step.id, {}))  # an identity confirmed stays so
        sub = Submission(request, p, s, demandes, wizard, definition, step, compte, form, demande, values, data,
                         wizard.variables(data, (step.id, values)), after)
        if refusal or action is None:
            response = sub.refuse(refusal or R["action_inconnue"])
        else:
            sub.join(uploads, kind, argument)
            response = action.handle(sub, argument)
    for task in after:
        await task()
    return response
