"""A wizard step as its page shows it (the values, the errors, the stepper, the joined files) and the
helpers every wizard page shares: where a step lives, the demandes, the pre-filled sources."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from .. import texts
from ..demandes import BROUILLON, Demandes, StoredPieces
from ..engine import recapitulatif as recap
from ..engine import wizard as wz
from ..engine.definition import (
    IDENTITE_KEYS,
    Bloc,
    Champ,
    ChampChoix,
    ConfirmationIdentite,
    Definition,
    GroupeChamps,
    Step,
)
from ..store import Compte, Demande, Identite
from .forms import Form
from .pages import current_account, portal, render

D = texts.DEMARCHE


def demandes_of(request: Request) -> Demandes:
    p = portal(request)
    return Demandes(p.store, p.clock, p.settings.data_dir)


def step_url(request: Request, definition: Definition, step_id: str) -> str:
    return str(request.url_for("demarche_etape", procedure=definition.id, etape=step_id))


def go(request: Request, definition: Definition, step_id: str) -> RedirectResponse:
    return RedirectResponse(step_url(request, definition, step_id), status_code=303)


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
        sources["identite.lieu_naissance"] = ident.lieu_naissance
        sources["identite.adresse"] = ident.adresse
    return sources


def identity_record(s: Any, numero: str) -> dict[str, Any] | None:
    """The identity the administration holds for a numéro étranger (a confirmation_identite bloc)."""
    ident = s.get(Identite, numero) if numero else None
    return {key: getattr(ident, key) for key in IDENTITE_KEYS} if ident is not None else None


# A step ---------------------------------------------------------------------------------------
class StepPage:
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
        self.sources = sources or {}
        data = wz.with_prefill(definition, {k: dict(v) for k, v in (demande.donnees or {}).items()}, sources or {})
        values = wz.with_prefill(definition, {step.id: dict(values)}, sources or {})[step.id]
        self.variables = self.wizard.variables(data, (step.id, values))
        self.data = data
        self.partie_erreur: str | None = None  # a récapitulatif part whose validation just failed
        self.form = Form(values=p.faults.shown_values(values), errors=dict(errors))
        self.faults = p.faults
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
    def texte(self, key: str, default: str) -> str:
        """The procedure's own wording of a shared element (Definition.textes), else the shared one."""
        return self.faults.procedure_text(self.definition.textes, key, default)

    def applies(self, bloc: Bloc) -> bool:
        return self.wizard.applies(bloc, self.variables)

    def read_only(self, bloc: Champ) -> bool:
        """Shown read-only: always, or only when the record has the value (lecture_seule_si_renseigne)."""
        return bloc.lecture_seule or bool(bloc.lecture_seule_si_renseigne and self.sources.get(bloc.prefill or ""))

    def when(self, bloc: Bloc) -> str:
        return json.dumps(bloc.when.to_json(), ensure_ascii=False) if bloc.when else ""

    def context_json(self) -> str:
        safe = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in self.variables.items()
                if isinstance(v, (str, int, float, bool, list, date)) or v is None}
        return json.dumps(safe, ensure_ascii=False, default=str)

    def options(self, bloc: ChampChoix) -> list[tuple[str, str]]:
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

    def element(self, bloc: GroupeChamps, n: int) -> str:
        return bloc.element.format(n=n)

    def progression(self) -> tuple[str, str | None] | None:
        if not self.step.progression:
            return None
        percent, minutes = self.step.progression
        return D["progression"].format(pourcentage=percent), (D["minutes"].format(minutes=minutes) if minutes else None)

    def step_url(self, step_id: str) -> str:
        return step_url(self.request, self.definition, step_id)

    # A récapitulatif step ----------------------------------------------------------------------
    def parties(self) -> list[recap.Part]:
        return recap.parts(self.wizard, self.step, self.data, self.partie_erreur)

    def recapitulatif_complet(self) -> bool:
        return recap.complete(self.wizard, self.step, self.data)

    def label_core(self, label: str) -> str:
        return wz.label_core(label)

    def confirmed(self, bloc: ConfirmationIdentite) -> bool:
        """A confirmation_identite bloc holds for what the page shows."""
        return wz.identity_confirmed(bloc, self.form.values)

    def justificatif_when(self, jid: str) -> str:
        """A justificatif that depends on a field of this very step (a box that swaps which document
        is asked) is drawn even when it does not apply, hidden, with its condition for demarche.js;
        without JavaScript, saving the step shows the right one."""
        j = self.definition.justificatifs[jid]
        if j.when is None or not (j.when.names & {b.id for b in self.step.fields()}):
            return ""
        if j.cas is not None and not self.wizard.applies(self.definition.cas_by_id(j.cas), self.variables):
            return ""
        return json.dumps(j.when.to_json(), ensure_ascii=False)

    def shown(self, bloc: Champ) -> str:
        """A read-only field's value as the user reads it."""
        return wz.display_field(bloc, self.form.values)


def render_step(page: StepPage, status_code: int = 200) -> Response:
    return render(page.request, "demarche/etape.html", status_code=status_code, P=page, D=page.definition, step=page.step)


def step_page(request: Request, s: Any, definition: Definition, demande: Demande, step: Step, values: wz.Values,
              errors: dict[str, str] | None = None, **extra: Any) -> StepPage:
    demandes = demandes_of(request)
    connected = current_account(request)  # loaded once per request (pages.session_row)
    titulaire = connected if connected is not None and connected.id == demande.compte_id else s.get(Compte, demande.compte_id)
    rows = demandes.pieces(s, demande)
    return StepPage(request, definition, demande, step, values, errors or {}, demandes.stored_pieces(s, demande, rows),
                    rows, sources=prefill_sources(s, titulaire), **extra)
