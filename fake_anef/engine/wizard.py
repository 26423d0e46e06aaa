"""The wizard: reads a procedure definition and the answers stored per step, says which steps,
fields and justificatifs apply, validates a step, and on the dépôt validates every stored step
again (django-formtools' WizardView, driven by data instead of Python form classes).

Answers are kept exactly as the user typed them: one flat mapping per step, keyed by the HTML names
of the inputs (``prenoms-0``, ``date_naissance_annee``, ``enfants-1-sexe``, ``adresse_code_postal``).
"Cleaned" values (dates, lists, booleans) are derived from them when needed, so what is shown back
to the user is always what they typed, and nothing typed is lost by a refused submission.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from .definition import (
    ADDRESS_PARTS,
    Affichage,
    Bloc,
    Bloquant,
    Cas,
    Champ,
    ChampChoix,
    ConfirmationIdentite,
    Definition,
    GroupeChamps,
    Justificatif,
    Option,
    RenvoiJustificatif,
    Step,
)
from .valeurs import (
    Data,
    Values,
    _display,
    _get,
    add_item,
    beyond_maximum,
    clean,
    count,
    display_field,
    identity_confirmed,
    identity_key,
    identity_matches,
    item_maximum,
    keep_held,
    label_core,
    normalise_numero,
    options,
    read,
    remove_item,
    with_prefill,
)
from .validation import error_text, validate_field

# The wizard's names, and the values' helpers its callers take from here (defined in .valeurs).
__all__ = ["CONTEXTE", "Data", "NoPieces", "Pieces", "RECAPITULATIF", "Values", "Wizard", "add_item",
    "beyond_maximum", "clean", "count", "display_field", "error_text", "identity_confirmed", "item_maximum",
    "keep_held", "label_core", "options", "parties_validees", "read", "remove_item", "with_prefill"]

# Keys of the stored data that are not steps (step ids never start with "_"): the contexte read when
# the demande started (definition.contexte), and the récapitulatif's state (parts validated, and
# "retour": a "Modifier ma saisie" in progress, which brings the user back to the récapitulatif).
CONTEXTE = "_contexte"
RECAPITULATIF = "_recapitulatif"



class Pieces(Protocol):
    """What the justificatifs step needs from the store: files per justificatif, the ephoto."""

    def count(self, justificatif_id: str) -> int: ...

    @property
    def ephoto(self) -> str | None: ...


@dataclass
class NoPieces:
    counts: dict[str, int] = field(default_factory=dict)
    ephoto: str | None = None

    def count(self, justificatif_id: str) -> int:
        return self.counts.get(justificatif_id, 0)


# The wizard ------------------------------------------------------------------------------------
@dataclass
class Wizard:
    definition: Definition
    today: date

    # What applies ----------------------------------------------------------------------------
    def variables(self, data: Mapping[str, Values], overlay: tuple[str, Values] | None = None) -> dict[str, Any]:
        """Every answer (cleaned) and the definition's computed variables. `overlay` replaces one
        step's stored values by what was just submitted. Fields whose own condition is false are
        left out, so a stale answer (a union date after "Célibataire") never decides anything."""
        merged = dict(data)
        if overlay:
            merged[overlay[0]] = overlay[1]
        raw: dict[str, Any] = {}
        contexte = merged.get(CONTEXTE, {})
        for name, _ in self.definition.contexte:
            raw[name] = contexte.get(name) or None
        for step in self.definition.steps:
            for bloc in step.fields():
                raw[bloc.id] = clean(bloc, merged.get(step.id, {}))
        self._compute(raw)
        for step in self.definition.steps:
            for bloc in step.fields():
                if bloc.when is not None and not bloc.when.test(raw, self.today):
                    raw[bloc.id] = None
        self._compute(raw)
        return raw

    def _compute(self, variables: dict[str, Any]) -> None:
        for name, expression in self.definition.variables:
            variables[name] = expression.evaluate(variables, self.today)

    def applies(self, bloc: Bloc | Step | Cas, variables: Mapping[str, Any]) -> bool:
        return bloc.when is None or bloc.when.test(variables, self.today)

    def justificatif_applies(self, j: Justificatif, variables: Mapping[str, Any]) -> bool:
        if j.when is not None and not j.when.test(variables, self.today):
            return False
        if j.cas is not None and not self.definition.cas_by_id(j.cas).when.test(variables, self.today):
            return False
        return True

    def justificatifs(self, step: Step, variables: Mapping[str, Any]) -> list[Justificatif]:
        return [self.definition.justificatifs[j] for j in step.justificatifs()
                if self.justificatif_applies(self.definition.justificatifs[j], variables)]

    def steps(self, variables: Mapping[str, Any]) -> list[Step]:
        return [s for s in self.definition.steps if self.applies(s, variables)]

    def next_step(self, step_id: str, variables: Mapping[str, Any]) -> Step | None:
        steps = self.steps(variables)
        ids = [s.id for s in steps]
        if step_id not in ids:
            return steps[0]
        i = ids.index(step_id)
        return steps[i + 1] if i + 1 < len(steps) else None

    def previous_step(self, step_id: str, variables: Mapping[str, Any]) -> Step | None:
        steps = self.steps(variables)
        ids = [s.id for s in steps]
        i = ids.index(step_id) if step_id in ids else 0
        return steps[i - 1] if i > 0 else None

    def recapitulatif(self, variables: Mapping[str, Any]) -> list[str]:
        """The "Merci, nous avons bien pris en compte votre situation." bullets: the chosen options'."""
        out = []
        for step in self.definition.steps:
            for bloc in step.fields():
                if isinstance(bloc, ChampChoix) and bloc.type == "choix" and self.applies(bloc, variables):
                    chosen = next((o for o in bloc.options if o.valeur == variables.get(bloc.id)), None)
                    if chosen and chosen.recapitulatif:
                        out.append(chosen.recapitulatif)
        return out

    def not_simulated(self, step: Step, values: Values) -> Option | None:
        """A chosen option the simulator does not reproduce (its téléprocédure is not in a guide)."""
        variables = self.variables({}, (step.id, values))
        for bloc in step.fields():
            if isinstance(bloc, ChampChoix) and bloc.type == "choix" and self.applies(bloc, variables):
                chosen = next((o for o in bloc.options if o.valeur == _get(values, bloc.id)), None)
                if chosen is not None and not chosen.simulee:
                    return chosen
        return None

    # Validation ------------------------------------------------------------------------------
    def validate(self, step: Step, values: Values, data: Mapping[str, Values], pieces: Pieces | None = None) -> dict[str, str]:
        """Errors of one step, keyed by the HTML name of the input they belong to."""
        variables = self.variables(data, (step.id, values))
        errors: dict[str, str] = {}
        for bloc in step.fields():
            if self.applies(bloc, variables):
                validate_field(bloc, values, variables, self.today, errors)
                for cond, message in bloc.controles:
                    if bloc.id not in errors and cond.test(variables, self.today):
                        errors[bloc.id or ""] = message
        for j in self.justificatifs(step, variables):
            if not j.requis:
                continue
            if j.type == "ephoto":
                if not (pieces and pieces.ephoto):
                    errors.setdefault("ephoto", error_text("ephoto_a_confirmer"))
            elif not (pieces and pieces.count(j.id)):
                errors.setdefault(f"justificatif-{j.id}", error_text("justificatif_manquant"))
        return errors

    def first_incomplete(self, after: str, before: str, data: Mapping[str, Values], pieces: Pieces) -> Step | None:
        """The first applicable step strictly between `after` and `before` that does not validate
        (where "Modifier ma saisie" must stop on its way back to the récapitulatif)."""
        steps = self.steps(self.variables(data))
        ids = [s.id for s in steps]
        start = ids.index(after) + 1 if after in ids else 0
        end = ids.index(before) if before in ids else len(ids)
        for step in steps[start:end]:
            values = data.get(step.id, {})
            if self.validate(step, values, data, pieces) or self.not_simulated(step, values):
                return step
        return None

    def check_all(self, data: Mapping[str, Values], pieces: Pieces) -> tuple[Step, dict[str, str]] | None:
        """The dépôt: every applicable step validated again (its bloquant rule included); the first
        one with errors, if any."""
        variables = self.variables(data)
        for step in self.steps(variables):
            if step.confirmation:
                continue
            values = data.get(step.id, {})
            errors = self.validate(step, values, data, pieces)
            if errors or self.not_simulated(step, values) or self.blocked(step, variables):
                return step, errors
        return None

    def blocked(self, step: Step, variables: Mapping[str, Any]) -> Bloquant | None:
        """The step's bloquant rule when it holds ("Demandeur non éligible")."""
        rules = ((step.bloquant,) if step.bloquant is not None else ()) + step.bloquants
        return next((rule for rule in rules if rule.when.test(variables, self.today)), None)

    def confirm_identity(self, step: Step, bloc_id: str, values: Values, data: Mapping[str, Values],
                         lookup: Callable[[str], Mapping[str, Any] | None]) -> tuple[Values, dict[str, str]]:
        """"Confirmer" on a confirmation_identite bloc: the fields it names are checked, then the
        record of the numéro typed (`lookup`: numéro → identity, or None) is compared with them. On a
        match the returned values hold the confirmation; otherwise the errors say why, next to the
        field, and any earlier confirmation is dropped from the returned values."""
        bloc = next((b for b in step.fields() if b.id == bloc_id and isinstance(b, ConfirmationIdentite)), None)
        out = dict(values)
        if bloc is None:
            return out, {}
        out.pop(bloc_id, None)
        variables = self.variables(data, (step.id, out))
        if not self.applies(bloc, variables):
            return out, {}
        errors: dict[str, str] = {}
        by_id = {b.id: b for b in step.fields()}
        for _, field_id in bloc.identite:
            field = by_id[field_id]
            if not self.applies(field, variables):
                continue
            validate_field(field, out, variables, self.today, errors)
            if field_id not in errors and clean(field, out) in (None, ""):
                errors[field_id] = error_text("obligatoire")
        if errors:
            return out, errors
        numero_field = dict(bloc.identite)["numero_etranger"]
        record = lookup(normalise_numero(_get(out, numero_field)))
        if record is None or not identity_matches(bloc, out, record):
            return out, {numero_field: bloc.erreur}
        out[bloc_id] = identity_key(bloc, out)
        return out, {}

    # Récapitulatif ----------------------------------------------------------------------------
    def summary(self, step: Step, data: Mapping[str, Values]) -> list[dict[str, Any]]:
        """A step shown back as the user filled it, section by section: each item is
        ("intertitre"|"paragraphe"|"element", text), ("champ", label, value), ("attestation", label),
        ("email", label) or ("justificatif", Justificatif); what does not apply is left out."""
        variables = self.variables(data)
        values = data.get(step.id, {})
        out = []
        for section in step.sections:
            items: list[tuple[Any, ...]] = []
            for bloc in section.blocs:
                if not self.applies(bloc, variables):
                    continue
                if isinstance(bloc, Affichage) and bloc.type in ("intertitre", "paragraphe"):
                    items.append((bloc.type, bloc.texte))
                elif isinstance(bloc, RenvoiJustificatif):
                    j = self.definition.justificatifs[bloc.justificatif]
                    if self.justificatif_applies(j, variables):
                        items.append(("justificatif", j))
                elif not isinstance(bloc, Champ):  # a link to a document: nothing typed to show back
                    continue
                elif bloc.type == "email_compte":
                    items.append(("email", label_core(bloc.label)))
                elif bloc.type == "attestation":
                    if clean(bloc, values):
                        items.append(("attestation", label_core(bloc.label)))
                elif isinstance(bloc, GroupeChamps):
                    for i in range(count(values, bloc.id or "", 0)):
                        items.append(("element", bloc.element.format(n=i + 1)))
                        item = {c.id: clean(c, values, f"{bloc.id}-{i}-") for c in bloc.champs if c.id}
                        for inner in bloc.champs:
                            if inner.when is None or inner.when.test({**variables, **item}, self.today):
                                items.append(("champ", label_core(inner.label), _display(inner, values, f"{bloc.id}-{i}-")))
                else:
                    items.append(("champ", label_core(bloc.label), _display(bloc, values)))
            if items or section.titre:
                out.append({"titre": section.titre, "intro": section.intro, "items": items})
        return out

    def document_values(self, data: Mapping[str, Values]) -> dict[str, str]:
        """What a document may print (definition.document_names): every field as displayed, the
        contexte, and the derived forms `champ.code`, `date.jjmmaaaa`, `texte.liste`, `adresse.partie`."""
        out = self.display(data)
        variables = self.variables(data)
        contexte = data.get(CONTEXTE, {})
        for name, _ in self.definition.contexte:
            out[name] = contexte.get(name, "")
        for step in self.definition.steps:
            values = data.get(step.id, {})
            for bloc in step.fields():
                fid = bloc.id or ""
                value = clean(bloc, values) if self.applies(bloc, variables) else None
                if bloc.type in ("choix", "selection"):
                    out[f"{fid}.code"] = (value[0] if value else "") if isinstance(value, list) else (value or "")
                elif bloc.type == "date":
                    out[f"{fid}.jjmmaaaa"] = f"{value:%d%m%Y}" if isinstance(value, date) else ""
                elif bloc.type == "texte":
                    items = value if isinstance(value, list) else (value or "").split()
                    out[f"{fid}.liste"] = "/".join(items)
                elif bloc.type == "adresse":
                    for part in ADDRESS_PARTS:
                        out[f"{fid}.{part}"] = (value or {}).get(part, "")
        return out

    # Progress and display --------------------------------------------------------------------
    def display(self, data: Mapping[str, Values]) -> dict[str, str]:
        """Each applicable field as the user reads it: dates DD/MM/YYYY, countries by name,
        nationalities as adjectives, the address on one line."""
        variables = self.variables(data)
        out: dict[str, str] = {}
        for step in self.definition.steps:
            values = data.get(step.id, {})
            for bloc in step.fields():
                applicable = self.applies(bloc, variables)
                out[bloc.id] = _display(bloc, values) if applicable else ""
        return out


def parties_validees(data: Mapping[str, Values]) -> list[str]:
    """The récapitulatif's parts (step ids) the user has validated, in order."""
    return [x for x in data.get(RECAPITULATIF, {}).get("valide", "").split(",") if x]

