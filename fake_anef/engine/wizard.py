"""The wizard: reads a procedure definition and the answers stored per step, says which steps,
fields and justificatifs apply, validates a step, and on the dépôt validates every stored step
again (django-formtools' WizardView, driven by data instead of Python form classes).

Answers are kept exactly as the user typed them: one flat mapping per step, keyed by the HTML names
of the inputs (``prenoms-0``, ``date_naissance_annee``, ``enfants-1-sexe``, ``adresse_code_postal``).
"Cleaned" values (dates, lists, booleans) are derived from them when needed, so what is shown back
to the user is always what they typed, and nothing typed is lost by a refused submission.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from .. import texts
from ..countries import UE_EEE_SUISSE, all_countries, by_code
from .definition import ADDRESS_PARTS, Bloc, Bloquant, Definition, Justificatif, Option, Step

Values = dict[str, str]
Data = dict[str, Values]  # step id -> values

# Keys of the stored data that are not steps (step ids never start with "_"): the contexte read when
# the demande started (definition.contexte), and the récapitulatif's state (parts validated, and
# "retour": a "Modifier ma saisie" in progress, which brings the user back to the récapitulatif).
CONTEXTE = "_contexte"
RECAPITULATIF = "_recapitulatif"

PHONE_RE = re.compile(r"^0\d{9}$", re.ASCII)  # ASCII: \d alone would take "٠١٢…" or "０１２…"
POSTCODE_RE = re.compile(r"^\d{5}$", re.ASCII)
_INDEX = re.compile(r"^(?P<base>.+)-(?P<i>\d+)(?P<rest>(-.*)?)$")


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


def error_text(key: str, **fmt: Any) -> str:
    return (texts.ERREURS.get(key) or texts.DEMARCHE_ERREURS[key]).format(**fmt)


# Options --------------------------------------------------------------------------------------
def options(bloc: Bloc) -> list[Option]:
    """The choices of a choix/selection field, from the definition or from a bundled list."""
    if bloc.source == "pays":
        return [Option(p.code, p.nom) for p in all_countries()]
    if bloc.source == "pays_ue_eee_suisse":  # another member state: France excluded
        return [Option(p.code, p.nom) for p in all_countries() if p.code in UE_EEE_SUISSE and p.code != "FR"]
    if bloc.source == "nationalites":
        return [Option(p.code, p.nationalite) for p in all_countries() if p.code != "FR"]
    if bloc.source == "nationalites_toutes":
        return [Option(p.code, p.nationalite) for p in all_countries()]
    return list(bloc.options)


def option_label(bloc: Bloc, value: str) -> str:
    if bloc.source in ("pays", "pays_ue_eee_suisse"):
        pays = by_code().get(value)
        return pays.nom if pays else value
    if bloc.source in ("nationalites", "nationalites_toutes"):
        pays = by_code().get(value)
        return pays.nationalite if pays else value
    return next((o.libelle for o in bloc.options if o.valeur == value), value)


# Reading the flat values -----------------------------------------------------------------------
def input_names(bloc: Bloc, prefix: str = "") -> re.Pattern[str]:
    """The HTML names a field owns, as a pattern."""
    base = re.escape(prefix + (bloc.id or ""))
    if bloc.type == "groupe":
        return re.compile(rf"^{base}-\d+-.+$")
    if bloc.type == "date":
        suffix = r"(-\d+)?_(jour|mois|annee)" if bloc.multiple else r"_(jour|mois|annee)"
        return re.compile(rf"^{base}{suffix}$")
    if bloc.type == "adresse":
        return re.compile(rf"^{base}(_({'|'.join(ADDRESS_PARTS)}))?$")
    if bloc.multiple:
        return re.compile(rf"^{base}-\d+$")
    return re.compile(rf"^{base}$")


# Fields whose value the portal sets itself (an identity confirmed against its records): never
# taken from a form, carried over from what is stored (keep_held).
HELD_TYPES = {"confirmation_identite"}


def read(step: Step, form: Mapping[str, Any]) -> Values:
    """Keep from a submitted form the text values that belong to the step's fields."""
    patterns = [input_names(b) for b in step.fields() if b.type not in HELD_TYPES]
    return {k: str(v) for k, v in form.items() if isinstance(v, str) and any(p.match(k) for p in patterns)}


def _item_index(key: str, name: str) -> tuple[int, str] | None:
    """(index, rest) when `key` names an item of `name` ("enfants-3-nom" → (3, "-nom")); indexes
    over 6 digits count as huge without being converted."""
    m = re.match(rf"^{re.escape(name)}-(\d+)(.*)$", key)
    if m is None:
        return None
    digits = m.group(1)
    return (int(digits) if len(digits) <= 6 else 10**6), m.group(2)


def beyond_maximum(step: Step, keys: Iterable[str]) -> bool:
    """A submitted key names an item past its field's maximum (a group's element, a multiple
    field's value, also inside a group): the page never offers one, so the request is refused
    before any work (issue 14: `enfants-30000-nom` made every page count 30,000 items)."""
    repeated = [b for b in step.fields() if b.id and (b.type == "groupe" or b.multiple)]
    for key in keys:
        for bloc in repeated:
            found = _item_index(key, bloc.id or "")
            if found is None:
                continue
            index, rest = found
            if index >= bloc.maximum:
                return True
            for inner in bloc.champs if bloc.type == "groupe" else ():
                nested = _item_index(rest[1:], inner.id or "") if inner.id and inner.multiple else None
                if nested is not None and nested[0] >= inner.maximum:
                    return True
    return False


def item_maximum(step: Step, name: str) -> int | None:
    """The maximum of the group or multiple field an "ajouter:<name>" button names on this step
    ("enfants", or "enfants-2-prenoms" inside a group), or None when the step has no such field."""
    for bloc in step.fields():
        if not bloc.id or not (bloc.type == "groupe" or bloc.multiple):
            continue
        if name == bloc.id:
            return bloc.maximum
        found = _item_index(name, bloc.id) if bloc.type == "groupe" else None
        if found is not None and found[0] < bloc.maximum:
            inner = next((c for c in bloc.champs if c.id and c.multiple and found[1] == f"-{c.id}"), None)
            if inner is not None:
                return inner.maximum
    return None


def keep_held(step: Step, values: Values, stored: Mapping[str, str]) -> Values:
    """`values` (as read from a form) with the stored values of the fields the portal sets itself."""
    out = dict(values)
    for bloc in step.fields():
        if bloc.type in HELD_TYPES and stored.get(bloc.id or ""):
            out[bloc.id or ""] = stored[bloc.id or ""]
    return out


# Identity confirmation (bloc confirmation_identite) --------------------------------------------
def _fold(text: str) -> str:
    """Names compared as a clerk would: no accents, case, hyphens, apostrophes or extra spaces."""
    letters = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[\s\-'’]+", " ", letters).strip().casefold()


def normalise_numero(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def identity_key(bloc: Bloc, values: Mapping[str, str]) -> str:
    """What a confirmation vouches for: the numéro and the identity typed, normalised. The stored
    confirmation is this key; it no longer holds once one of these fields is changed."""
    parts = []
    for key, field_id in bloc.identite:
        if key == "numero_etranger":
            parts.append(normalise_numero(_get(values, field_id)))
        elif key == "date_naissance":
            value = parse_date(values, field_id)[0]
            parts.append(value.isoformat() if value else "")
        else:
            parts.append(_fold(_get(values, field_id)))
    return "|".join(parts)


def identity_confirmed(bloc: Bloc, values: Mapping[str, str]) -> bool:
    stored = _get(values, bloc.id or "")
    return bool(stored) and not stored.startswith("|") and stored == identity_key(bloc, values)


def identity_matches(bloc: Bloc, values: Mapping[str, str], record: Mapping[str, Any],
                     unchecked: Collection[str] = ()) -> bool:
    """The typed identity is the record's (dates equal, names folded, codes equal); `unchecked`: parts
    a broken portal does not compare (fake_anef.faults)."""
    for key, field_id in bloc.identite:
        if key == "numero_etranger" or key in unchecked:
            continue
        expected = record.get(key)
        if key == "date_naissance":
            if parse_date(values, field_id)[0] != expected:
                return False
        elif key in ("nom", "prenom"):
            if _fold(_get(values, field_id)) != _fold(str(expected or "")):
                return False
        elif _get(values, field_id).upper() != str(expected or "").upper():
            return False
    return True


def count(values: Mapping[str, str], name: str, minimum: int = 1) -> int:
    """How many items a multiple field or a group has in `values` (at least `minimum`)."""
    pattern = re.compile(rf"^{re.escape(name)}-(\d+)(-|$|_)")
    indexes = [int(m.group(1)) for k in values if (m := pattern.match(k))]
    return max(max(indexes) + 1 if indexes else 0, minimum)


def add_item(values: Values, name: str) -> Values:
    """"+ Ajouter …": one more empty item (a multiple field, or a group's element)."""
    out = dict(values)
    out[f"{name}-{count(values, name)}"] = ""
    return out


def remove_item(values: Values, name: str, index: int) -> Values:
    """Remove item `index` of group/multiple `name` and renumber the following ones."""
    pattern = re.compile(rf"^{re.escape(name)}-(\d+)(.*)$")
    out: Values = {}
    for key, value in values.items():
        m = pattern.match(key)
        if not m:
            out[key] = value
            continue
        i = int(m.group(1))
        if i == index:
            continue
        out[f"{name}-{i - 1 if i > index else i}{m.group(2)}"] = value
    return out


def _get(values: Mapping[str, str], name: str) -> str:
    return (values.get(name) or "").strip()


def parse_date(values: Mapping[str, str], name: str) -> tuple[date | None, str | None, bool]:
    """(date, error key, year only). A year alone gives 1 January of that year, flagged."""
    jour, mois, annee = (_get(values, f"{name}_{p}") for p in ("jour", "mois", "annee"))
    if not (jour or mois or annee):
        return None, None, False
    if not (annee.isascii() and annee.isdigit() and len(annee) == 4):
        return None, "annee_invalide", False
    if int(annee) < 1:  # "0000" has the right shape but names no year
        return None, "date_invalide", False
    if not (jour or mois):
        return date(int(annee), 1, 1), None, True
    if not (jour.isascii() and jour.isdigit() and mois.isascii() and mois.isdigit()):  # not "٤" nor "４"
        return None, "date_incomplete", False
    try:
        return date(int(annee), int(mois), int(jour)), None, False
    except ValueError:
        return None, "date_invalide", False


def clean(bloc: Bloc, values: Mapping[str, str], prefix: str = "") -> Any:
    """The value a field holds, typed: str | None, list, date | None, bool, dict, list of dicts."""
    name = prefix + (bloc.id or "")
    if bloc.type == "groupe":
        return [
            {c.id: clean(c, values, f"{name}-{i}-") for c in bloc.champs if c.id}
            for i in range(count(values, name, 0))
        ]
    if bloc.multiple:
        items = [_get(values, f"{name}-{i}") for i in range(count(values, name, 0))]
        return [v for v in items if v]
    if bloc.type == "date":
        return parse_date(values, name)[0]
    if bloc.type in ("attestation", "case"):
        return bool(_get(values, name))
    if bloc.type == "confirmation_identite":
        return identity_confirmed(bloc, values)
    if bloc.type == "adresse":
        return {part: _get(values, f"{name}_{part}") for part in ADDRESS_PARTS}
    return _get(values, name) or None


# Pre-filled fields -----------------------------------------------------------------------------
def prefill_values(bloc: Bloc, value: Any) -> Values:
    """The inputs of `bloc` holding `value` (from definition.PREFILL_SOURCES: a text, a date, an
    ISO country code, "M"/"F"), as if the user had typed them."""
    name = bloc.id or ""
    if value is None or value == "":
        return {}
    if bloc.type == "date":
        if not isinstance(value, date):
            return {}
        return {f"{name}_jour": f"{value.day:02d}", f"{name}_mois": str(value.month), f"{name}_annee": f"{value.year:04d}"}
    text = str(value)
    if bloc.type == "texte" and bloc.prefill in ("identite.pays_naissance", "identite.nationalite"):
        text = option_label(Bloc(type="selection", source="pays" if bloc.prefill.endswith("naissance") else "nationalites_toutes"), text)
    if bloc.type == "texte" and bloc.prefill == "identite.sexe":
        text = {"M": "Masculin", "F": "Féminin"}.get(text, text)  # the guides' two choices
    return {f"{name}-0" if bloc.multiple else name: text}


def with_prefill(definition: Definition, data: Mapping[str, Values], sources: Mapping[str, Any]) -> Data:
    """`data` with the pre-filled fields' values from `sources` ("identite.nom", "compte.email"…):
    a read-only field (lecture_seule, or lecture_seule_si_renseigne when the source has a value)
    always holds the source's value, whatever was submitted; any
    other pre-filled field gets it only while the user has given nothing for it."""
    out: Data = {k: dict(v) for k, v in data.items()}
    for step in definition.steps:
        for bloc in step.fields():
            if not bloc.prefill:
                continue
            values = out.setdefault(step.id, {})
            owned = input_names(bloc)
            present = [k for k in values if owned.match(k)]
            if bloc.lecture_seule or (bloc.lecture_seule_si_renseigne and sources.get(bloc.prefill)):
                for k in present:
                    del values[k]
            elif present:
                continue
            values.update(prefill_values(bloc, sources.get(bloc.prefill)))
    return out


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
                raw[bloc.id] = clean(bloc, merged.get(step.id, {}))  # type: ignore[index]
        self._compute(raw)
        for step in self.definition.steps:
            for bloc in step.fields():
                if bloc.when is not None and not bloc.when.test(raw, self.today):
                    raw[bloc.id] = None  # type: ignore[index]
        self._compute(raw)
        return raw

    def _compute(self, variables: dict[str, Any]) -> None:
        for name, expression in self.definition.variables:
            variables[name] = expression.evaluate(variables, self.today)

    def applies(self, bloc: Bloc | Step, variables: Mapping[str, Any]) -> bool:
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
                if bloc.type == "choix" and self.applies(bloc, variables):
                    chosen = next((o for o in bloc.options if o.valeur == variables.get(bloc.id)), None)  # type: ignore[arg-type]
                    if chosen and chosen.recapitulatif:
                        out.append(chosen.recapitulatif)
        return out

    def not_simulated(self, step: Step, values: Values) -> Option | None:
        """A chosen option the simulator does not reproduce (its téléprocédure is not in a guide)."""
        variables = self.variables({}, (step.id, values))
        for bloc in step.fields():
            if bloc.type == "choix" and self.applies(bloc, variables):
                chosen = next((o for o in bloc.options if o.valeur == _get(values, bloc.id)), None)  # type: ignore[arg-type]
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
                self._validate_field(bloc, values, variables, errors)
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

    def _validate_field(self, bloc: Bloc, values: Mapping[str, str], variables: Mapping[str, Any],
                        errors: dict[str, str], prefix: str = "") -> None:
        name = prefix + (bloc.id or "")

        def fail(key: str, at: str | None = None, **fmt: Any) -> None:
            errors.setdefault(at or name, error_text(key, **fmt))

        if bloc.type == "groupe":
            n = count(values, name, 1)
            if n > bloc.maximum:
                fail("trop_d_elements", max=bloc.maximum)
            for i in range(min(n, bloc.maximum)):
                item = {c.id: clean(c, values, f"{name}-{i}-") for c in bloc.champs if c.id}
                for inner in bloc.champs:
                    if inner.when is None or inner.when.test({**variables, **item}, self.today):
                        self._validate_field(inner, values, variables, errors, f"{name}-{i}-")
            return
        if bloc.multiple:
            n = count(values, name, 1)
            items = [_get(values, f"{name}-{i}") for i in range(n)]
            if bloc.requis and not any(items):
                fail("obligatoire", f"{name}-0")
            for i, item in enumerate(items):
                if item:
                    self._check_single(bloc, item, f"{name}-{i}", errors)
            return
        if bloc.type == "date":
            value, problem, year_only = parse_date(values, name)
            if problem:
                fail(problem)
            elif value is None:
                if bloc.requis:
                    fail("obligatoire")
            elif year_only and not bloc.annee_seule:
                fail("date_incomplete")
            elif bloc.pas_futur and value > self.today:
                fail("date_future")
            elif bloc.apres:
                other = variables.get(bloc.apres[0])
                if isinstance(other, date) and value < other:
                    errors.setdefault(name, bloc.apres[1])
            return
        if bloc.type == "adresse":
            parts = {p: _get(values, f"{name}_{p}") for p in ADDRESS_PARTS}
            missing = [p for p in ("voie", "code_postal", "ville") if not parts[p]]
            if bloc.requis and missing:
                fail("adresse_incomplete")
                for p in missing:
                    fail("obligatoire", f"{name}_{p}")
            pays = parts["pays"].casefold()
            if parts["code_postal"] and pays in ("", "france") and not POSTCODE_RE.match(parts["code_postal"]):
                fail("code_postal", f"{name}_code_postal")
            for p, v in parts.items():
                if len(v) > bloc.longueur_max:
                    fail("trop_long", f"{name}_{p}", max=bloc.longueur_max)
            return
        if bloc.type == "attestation":
            if not _get(values, name):
                fail("attestation")
            return
        if bloc.type == "confirmation_identite":  # next to the numéro, the field to act on
            if bloc.requis and not identity_confirmed(bloc, values):
                errors.setdefault(dict(bloc.identite)["numero_etranger"], bloc.a_confirmer)
            return
        if bloc.type == "case" or bloc.lecture_seule:  # a read-only value is the administration's
            return
        value = _get(values, name)
        if not value:
            if bloc.requis:
                fail("obligatoire")
            return
        self._check_single(bloc, value, name, errors)

    def _check_single(self, bloc: Bloc, value: str, name: str, errors: dict[str, str]) -> None:
        if bloc.type in ("choix", "selection"):
            if value not in {o.valeur for o in options(bloc)}:
                errors.setdefault(name, error_text("choix_invalide"))
        elif bloc.type == "telephone":
            if not PHONE_RE.match(re.sub(r"[\s.\-]", "", value)):
                errors.setdefault(name, error_text("telephone"))
        elif len(value) > bloc.longueur_max:
            errors.setdefault(name, error_text("trop_long", max=bloc.longueur_max))

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
                         lookup: Callable[[str], Mapping[str, Any] | None],
                         unchecked: Collection[str] = ()) -> tuple[Values, dict[str, str]]:
        """"Confirmer" on a confirmation_identite bloc: the fields it names are checked, then the
        record of the numéro typed (`lookup`: numéro → identity, or None) is compared with them. On a
        match the returned values hold the confirmation; otherwise the errors say why, next to the
        field, and any earlier confirmation is dropped from the returned values."""
        bloc = next((b for b in step.fields() if b.id == bloc_id and b.type == "confirmation_identite"), None)
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
            self._validate_field(field, out, variables, errors)
            if field_id not in errors and clean(field, out) in (None, ""):
                errors[field_id] = error_text("obligatoire")
        if errors:
            return out, errors
        numero_field = dict(bloc.identite)["numero_etranger"]
        record = lookup(normalise_numero(_get(out, numero_field)))
        if record is None or not identity_matches(bloc, out, record, unchecked):
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
                if bloc.type in ("intertitre", "paragraphe"):
                    items.append((bloc.type, bloc.texte))
                elif bloc.type == "justificatif":
                    j = self.definition.justificatifs[bloc.justificatif]  # type: ignore[index]
                    if self.justificatif_applies(j, variables):
                        items.append(("justificatif", j))
                elif bloc.type == "email_compte":
                    items.append(("email", label_core(bloc.label)))
                elif bloc.type == "attestation":
                    if clean(bloc, values):
                        items.append(("attestation", label_core(bloc.label)))
                elif bloc.type == "groupe":
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
                out[bloc.id] = _display(bloc, values) if applicable else ""  # type: ignore[index]
        return out


def _display(bloc: Bloc, values: Mapping[str, str], prefix: str = "") -> str:
    name = prefix + (bloc.id or "")
    if bloc.type == "groupe":
        return ""
    if bloc.multiple:
        items = clean(bloc, values, prefix)
        if bloc.type in ("choix", "selection"):
            return ", ".join(option_label(bloc, v) for v in items)
        return " ".join(items)
    if bloc.type == "date":
        value, problem, year_only = parse_date(values, name)
        if value is None or problem:
            return ""
        return str(value.year) if year_only else value.strftime("%d/%m/%Y")
    if bloc.type == "adresse":
        parts = clean(bloc, values, prefix)
        return " ".join(parts[p] for p in ("numero", "voie", "complement", "code_postal", "ville", "pays") if parts[p])
    if bloc.type in ("attestation", "case"):
        return "Oui" if _get(values, name) else ""
    if bloc.type == "confirmation_identite":
        return bloc.texte if identity_confirmed(bloc, values) else ""
    value = _get(values, name)
    if bloc.type in ("choix", "selection") and value:
        return option_label(bloc, value)
    return value


def label_core(label: str) -> str:
    """A field's label without its decorations, as a récapitulatif prints it: "Nom d'usage
    (facultatif) :" → "Nom d'usage", "Téléphone * :" → "Téléphone"."""
    core = label.strip()
    for _ in range(3):
        core = core.rstrip(" :").rstrip("*").rstrip()
        core = re.sub(r"\s*\(facultatif\)$", "", core)
    return core


def parties_validees(data: Mapping[str, Values]) -> list[str]:
    """The récapitulatif's parts (step ids) the user has validated, in order."""
    return [x for x in data.get(RECAPITULATIF, {}).get("valide", "").split(",") if x]


def display_field(bloc: Bloc, values: Mapping[str, str]) -> str:
    """One field as the user reads it (a read-only field shows this)."""
    return _display(bloc, values)


def iter_fields(blocs: Iterable[Bloc]) -> Iterable[Bloc]:
    for bloc in blocs:
        if bloc.is_field:
            yield bloc
