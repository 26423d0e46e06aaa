"""Guide 05 étape 2 (3/9): "s'il a un titre de séjour, donc un numéro étranger, il faut confirmer son
identité". The portal confirms the numéro, the nom and the date de naissance together: each one
typed wrong in turn must leave the identity unconfirmed (a portal that checks the numéro only would
confirm anyone's name on it)."""

from __future__ import annotations

from datetime import timedelta

from . import famille_ue
from .actor import Actor
from .browser import fold

NOM = "Nom de l'accueillant"
DATE_NAISSANCE = "Date de naissance de l'accueillant"


def autre_nom(nom: str) -> str:
    """The same name with its last letter changed (a difference no accent or case folding hides: a
    name ending in "Á" or "à" gets an "E", never an "A")."""
    last = "A" if fold(nom[-1:]).upper() != "A" else "E"
    return nom[:-1] + last


def type_wrong(actor: Actor, libelle: str) -> None:
    """Type a wrong value in one field of the accueillant's identity (the others stay right)."""
    z, personne = famille_ue.situation_zone(actor), actor.persona.accueillant.personne
    if libelle == NOM:
        z.fill(NOM, autre_nom(personne.nom))
    elif libelle == DATE_NAISSANCE:  # a day earlier: still an adult, still in the past
        z.fill_date(DATE_NAISSANCE, personne.date_naissance - timedelta(days=1))
    elif libelle == famille_ue.NUMERO_ACCUEILLANT:
        z.fill(libelle, famille_ue.autre_numero(personne.numero_etranger))
    else:
        raise AssertionError(f"« {libelle} » n'est pas un champ de l'identité de l'accueillant")
