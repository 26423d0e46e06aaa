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


def _identite(persona: Any, tous_les_prenoms: bool = False) -> dict[str, Any]:
    return {
        "numero_etranger": persona.numero_etranger,
        "nom": persona.nom,
        "prenom": " ".join(persona.prenoms) if tous_les_prenoms else persona.prenoms[0],
        "date_naissance": persona.date_naissance,
        "pays_naissance": pays_par_nom(persona.pays_naissance).code,
        "nationalite": persona.nationalites[0],
        "sexe": persona.sexe,
    }


def register_identite(operator: OperatorAPI, persona: Any, *, tous_les_prenoms: bool = False) -> None:
    operator.register_identite(**_identite(persona, tous_les_prenoms))


def register_titre(operator: OperatorAPI, persona: Any, *, tous_les_prenoms: bool = False) -> None:
    """The persona's first title (or visa), with its holder's identity. `tous_les_prenoms`: the
    identity holds every prénom, space-separated (the administration's record a title holder's
    état civil is read from), not only the first one typed at account creation."""
    register_identite(operator, persona, tous_les_prenoms=tous_les_prenoms)
    titre = persona.titres[0]
    operator.register_titre(
        numero=titre.numero, kind=titre.kind, numero_etranger=persona.numero_etranger,
        date_debut=titre.date_debut, date_fin=titre.date_fin, categorie=titre.categorie, mention=titre.mention,
    )


def register_titulaire(operator: OperatorAPI, personne: Any) -> None:
    """Someone around the applicant who holds a title (guide 05: an accueillant with a numéro
    étranger): their identity, every prénom, and their current title."""
    register_identite(operator, personne, tous_les_prenoms=True)
    titre = personne.titre
    operator.register_titre(
        numero=titre.numero, kind=titre.kind, numero_etranger=personne.numero_etranger,
        date_debut=titre.date_debut, date_fin=titre.date_fin, categorie=titre.categorie, mention=titre.mention,
    )
