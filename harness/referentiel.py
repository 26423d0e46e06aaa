"""Registering a persona's numéro étranger or title with the simulator (operator API), and the
labels under which a portal may list its country and nationality in a drop-down."""

from __future__ import annotations

from typing import Any

from personas.countries import pays_par_code, pays_par_nom

from .operator import OperatorAPI


def country_labels(nom: str) -> list[str]:
    return [nom, pays_par_nom(nom).pays]


def nationality_labels(code: str) -> list[str]:
    pays = pays_par_code(code)
    return [pays.nationalite_f, pays.nationalite_m, pays.pays]


def _identite(persona: Any) -> dict[str, Any]:
    return {
        "numero_etranger": persona.numero_etranger,
        "nom": persona.nom,
        "prenom": persona.prenoms[0],
        "date_naissance": persona.date_naissance,
        "pays_naissance": pays_par_nom(persona.pays_naissance).code,
        "nationalite": persona.nationalites[0],
        "sexe": persona.sexe,
    }


def register_identite(operator: OperatorAPI, persona: Any) -> None:
    operator.register_identite(**_identite(persona))


def register_titre(operator: OperatorAPI, persona: Any) -> None:
    """The persona's first title (or visa), with its holder's identity."""
    register_identite(operator, persona)
    titre = persona.titres[0]
    operator.register_titre(
        numero=titre.numero, kind=titre.kind, numero_etranger=persona.numero_etranger,
        date_debut=titre.date_debut, date_fin=titre.date_fin, categorie=titre.categorie, mention=titre.mention,
    )
