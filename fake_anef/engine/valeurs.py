"""The answers as typed, read without the wizard: the flat values of one step (``prenoms-0``,
``date_naissance_annee``, ``enfants-1-sexe``…), the HTML names a field owns, the value a field holds
once cleaned, pre-filled values, an identity confirmed against the records, and a field as the user
reads it. :mod:`.wizard` decides what applies and validates; this module only reads and writes values."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from datetime import date
from typing import Any

from ..countries import UE_EEE_SUISSE, all_countries, by_code
from .definition import (
    ADDRESS_PARTS,
    Bloc,
    Champ,
    ChampChoix,
    ConfirmationIdentite,
    Definition,
    GroupeChamps,
    Option,
    Step,
)

Values = dict[str, str]
Data = dict[str, Values]  # step id -> values


# Options --------------------------------------------------------------------------------------
def options(bloc: ChampChoix) -> list[Option]:
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


def option_label(bloc: ChampChoix, value: str) -> str:
    if bloc.source in ("pays", "pays_ue_eee_suisse"):
        pays = by_code().get(value)
        return pays.nom if pays else value
    if bloc.source in ("nationalites", "nationalites_toutes"):
        pays = by_code().get(value)
        return pays.nationalite if pays else value
    return next((o.libelle for o in bloc.options if o.valeur == value), value)


# Reading the flat values -----------------------------------------------------------------------
def input_names(bloc: Champ, prefix: str = "") -> re.Pattern[str]:
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
            for inner in bloc.champs if isinstance(bloc, GroupeChamps) else ():
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
        found = _item_index(name, bloc.id) if isinstance(bloc, GroupeChamps) else None
        if isinstance(bloc, GroupeChamps) and found is not None and found[0] < bloc.maximum:
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


def identity_key(bloc: ConfirmationIdentite, values: Mapping[str, str]) -> str:
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


def identity_confirmed(bloc: ConfirmationIdentite, values: Mapping[str, str]) -> bool:
    stored = _get(values, bloc.id or "")
    return bool(stored) and not stored.startswith("|") and stored == identity_key(bloc, values)


def identity_matches(bloc: ConfirmationIdentite, values: Mapping[str, str], record: Mapping[str, Any],
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


def clean(bloc: Champ, values: Mapping[str, str], prefix: str = "") -> Any:
    """The value a field holds, typed: str | None, list, date | None, bool, dict, list of dicts."""
    name = prefix + (bloc.id or "")
    if isinstance(bloc, GroupeChamps):
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
    if isinstance(bloc, ConfirmationIdentite):
        return identity_confirmed(bloc, values)
    if bloc.type == "adresse":
        return {part: _get(values, f"{name}_{part}") for part in ADDRESS_PARTS}
    return _get(values, name) or None


# Pre-filled fields -----------------------------------------------------------------------------
def prefill_values(bloc: Champ, value: Any) -> Values:
    """The inputs of `bloc` holding `value` (from definition.PREFILL_SOURCES: a text, a date, an
    ISO country code, "M"/"F"), as if the user had typed them."""
    name = bloc.id or ""
    if value is None or value == "":
        return {}
    if bloc.type == "date":
        if not isinstance(value, date):
            return {}
        return {f"{name}_jour": f"{value.day:02d}", f"{name}_mois": str(value.month), f"{name}_annee": f"{value.year:04d}"}
    if bloc.type == "adresse":
        return _prefill_adresse(name, value)
    text = str(value)
    if bloc.type == "texte" and bloc.prefill in ("identite.pays_naissance", "identite.nationalite"):
        text = option_label(ChampChoix(type="selection", source="pays" if bloc.prefill.endswith("naissance") else "nationalites_toutes"), text)
    if bloc.type == "texte" and bloc.prefill == "identite.sexe":
        text = {"M": "Masculin", "F": "Féminin"}.get(text, text)  # the guides' two choices
    return {f"{name}-0" if bloc.multiple else name: text}


def _prefill_adresse(name: str, value: Any) -> Values:
    """An address record ({part: text}) as the address bloc's inputs: each part, and the one-line
    label the type-ahead field shows ("20 Rue Nationale 59000 Lille", complement and country aside)."""
    if not isinstance(value, Mapping):
        return {}
    parts = {part: str(value.get(part) or "").strip() for part in ADDRESS_PARTS}
    if not any(parts.values()):
        return {}
    ligne = " ".join(parts[p] for p in ("numero", "voie", "code_postal", "ville") if parts[p])
    return {name: ligne, **{f"{name}_{part}": text for part, text in parts.items()}}


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


def _display(bloc: Champ, values: Mapping[str, str], prefix: str = "") -> str:
    name = prefix + (bloc.id or "")
    if bloc.type == "groupe":
        return ""
    if bloc.multiple:
        items = clean(bloc, values, prefix)
        if isinstance(bloc, ChampChoix):
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
    if isinstance(bloc, ConfirmationIdentite):
        return bloc.texte if identity_confirmed(bloc, values) else ""
    text = _get(values, name)
    if isinstance(bloc, ChampChoix) and text:
        return option_label(bloc, text)
    return text


def label_core(label: str) -> str:
    """A field's label without its decorations, as a récapitulatif prints it: "Nom d'usage
    (facultatif) :" → "Nom d'usage", "Téléphone * :" → "Téléphone"."""
    core = label.strip()
    for _ in range(3):
        core = core.rstrip(" :").rstrip("*").rstrip()
        core = re.sub(r"\s*\(facultatif\)$", "", core)
    return core


def display_field(bloc: Champ, values: Mapping[str, str]) -> str:
    """One field as the user reads it (a read-only field shows this)."""
    return _display(bloc, values)


def iter_fields(blocs: Iterable[Bloc]) -> Iterable[Champ]:
    for bloc in blocs:
        if isinstance(bloc, Champ) and bloc.is_field:
            yield bloc
