"""A field's answer checked, as typed: required, dates (a year alone, not in the future, after
another), addresses, postcodes, phone numbers, choices among the options, lengths, a group's items and
an identity to confirm. The messages are the guides' (texts.ERREURS, texts.DEMARCHE_ERREURS)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from .. import texts
from .definition import ADDRESS_PARTS, Champ, ChampChoix, ChampDate, ConfirmationIdentite, GroupeChamps
from .valeurs import _get, clean, count, identity_confirmed, options, parse_date

PHONE_RE = re.compile(r"^0\d{9}$", re.ASCII)  # ASCII: \d alone would take "٠١٢…" or "０１２…"
POSTCODE_RE = re.compile(r"^\d{5}$", re.ASCII)


def error_text(key: str, **fmt: Any) -> str:
    return (texts.ERREURS.get(key) or texts.DEMARCHE_ERREURS[key]).format(**fmt)


def validate_field(bloc: Champ, values: Mapping[str, str], variables: Mapping[str, Any], today: date,
                   errors: dict[str, str], prefix: str = "") -> None:
    """The errors of one field (a group's fields each in turn), keyed by the HTML name of the input."""
    name = prefix + (bloc.id or "")

    def fail(key: str, at: str | None = None, **fmt: Any) -> None:
        errors.setdefault(at or name, error_text(key, **fmt))

    if isinstance(bloc, GroupeChamps):
        n = count(values, name, 1)
        if n > bloc.maximum:
            fail("trop_d_elements", max=bloc.maximum)
        for i in range(min(n, bloc.maximum)):
            item = {c.id: clean(c, values, f"{name}-{i}-") for c in bloc.champs if c.id}
            for inner in bloc.champs:
                if inner.when is None or inner.when.test({**variables, **item}, today):
                    validate_field(inner, values, variables, today, errors, f"{name}-{i}-")
        return
    if bloc.multiple:
        n = count(values, name, 1)
        items = [_get(values, f"{name}-{i}") for i in range(n)]
        if bloc.requis and not any(items):
            fail("obligatoire", f"{name}-0")
        for i, entry in enumerate(items):
            if entry:
                _check_single(bloc, entry, f"{name}-{i}", errors)
        return
    if isinstance(bloc, ChampDate):
        value, problem, year_only = parse_date(values, name)
        if problem:
            fail(problem)
        elif value is None:
            if bloc.requis:
                fail("obligatoire")
        elif year_only and not bloc.annee_seule:
            fail("date_incomplete")
        elif bloc.pas_futur and value > today:
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
    if isinstance(bloc, ConfirmationIdentite):  # next to the numéro, the field to act on
        if bloc.requis and not identity_confirmed(bloc, values):
            errors.setdefault(dict(bloc.identite)["numero_etranger"], bloc.a_confirmer)
        return
    if bloc.type == "case" or bloc.lecture_seule:  # a read-only value is the administration's
        return
    text = _get(values, name)
    if not text:
        if bloc.requis:
            fail("obligatoire")
        return
    _check_single(bloc, text, name, errors)

def _check_single(bloc: Champ, value: str, name: str, errors: dict[str, str]) -> None:
    if isinstance(bloc, ChampChoix):
        if value not in {o.valeur for o in options(bloc)}:
            errors.setdefault(name, error_text("choix_invalide"))
    elif bloc.type == "telephone":
        if not PHONE_RE.match(re.sub(r"[\s.\-]", "", value)):
            errors.setdefault(name, error_text("telephone"))
    elif len(value) > bloc.longueur_max:
        errors.setdefault(name, error_text("trop_long", max=bloc.longueur_max))
