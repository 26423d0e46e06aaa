"""Guide 02 (enfant de Français, première demande) as a person does it: the persona's answers typed
into each step of the téléprocédure, in the guide's words. Used by steps/enfant_de_francais.py,
both for the scenarios that check each step and for those that take earlier steps for granted."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from . import journeys
from .actor import Actor
from .demarche import Demarche, Zone, save_steps_before
from .preconditions import Preconditions
from .referentiel import country_labels, nationality_labels

BRIQUE = "Je demande un premier titre -sans numéro étranger, sans visa-"
CHOIX = "Car j'ai des attaches familiales en France"
PAGE_CHOIX = "Je n'ai pas de numéro d'étranger et je souhaite faire une première demande en ligne :"
SITUATION = "Je suis membre de famille d'un citoyen français"
SITUATION_ENFANT = "Je suis l'enfant (+ de 16 ans) d'un citoyen français"
STEPS = ("Votre situation", "Informations personnelles", "Motif de séjour", "Justificatifs",
         "Dépôt de la demande", "Confirmation")
SEXE = {"M": "Masculin", "F": "Féminin"}


def demarche(actor: Actor) -> Demarche:
    if actor.notes.demarche is None:
        actor.notes.demarche = Demarche(actor.browser)
    return actor.notes.demarche


def open_account(actor: Actor, pre: Preconditions | None = None) -> None:
    """Guide 02 §1-6: temporary account, temporary password replaced; ends on the page
    "Je n'ai pas de numéro d'étranger et je souhaite faire une première demande en ligne :".
    With fast preconditions (`pre.fast`) the account is opened over the operator API and the
    logged-in browser follows the brique of guide 02 §1 to the same page."""
    b = actor.browser
    if pre is not None and pre.fast:
        pre.open_account(actor)
        b.open_home()
        b.click(BRIQUE)
        b.expect_text(PAGE_CHOIX)
        return
    journeys.request_account_without_number(actor)
    b.open_link_from_mail(actor.last_mail.link("Se connecter"))
    journeys.log_in(actor, actor.identifiant, actor.mot_de_passe_provisoire)
    b.fill("Nouveau mot de passe", actor.persona.mot_de_passe)
    b.fill("Confirmation du mot de passe", actor.persona.mot_de_passe)
    b.click("Valider mon mot de passe")
    b.expect_text(PAGE_CHOIX)
    actor.notes.mot_de_passe = actor.persona.mot_de_passe



def log_in_again(actor: Actor, brique_name: str = BRIQUE) -> None:
    """Back from "Quitter et revenir plus tard": SE CONNECTER and log in. A portal may land on the
    draft directly (the bundled one does) or on the accueil, whence the brique the scenario names
    (guide 02 §1's by default) leads back to it: accept both, as a user would."""
    b = actor.browser
    b.open_home()
    b.click("SE CONNECTER")
    journeys.log_in(actor, actor.identifiant, actor.mot_de_passe)
    brique = b.page.get_by_role("link", name=brique_name, exact=True)
    draft = b.page.get_by_role("button", name=re.compile(r"Quitter et revenir plus tard"))
    expect(brique.or_(draft).first).to_be_visible()
    if brique.count():
        brique.first.click()


def start(actor: Actor) -> None:
    demarche(actor).choose(CHOIX)
    demarche(actor).press("Je continue")
    demarche(actor).expect_step("Votre situation")


def fill_situation(actor: Actor) -> None:
    demarche(actor).choose(SITUATION)
    demarche(actor).choose(SITUATION_ENFANT)


def fill_etat_civil(actor: Actor) -> None:
    p, d = actor.persona, demarche(actor)
    z = d.zone.section("ÉTAT CIVIL")
    z.fill("Nom de naissance", p.nom)
    z.fill("Nom d'usage", p.nom_usage or "")
    z.fill_many("Prénom(s)", p.prenoms, "+ Ajouter un prénom", d)
    z = d.zone.section("ÉTAT CIVIL")
    z.choose("Quel est votre sexe ?", SEXE[p.sexe])
    z.fill_date("Date de naissance", p.date_naissance)
    z.select("Pays de naissance", *country_labels(p.pays_naissance))
    z.fill("Lieu de naissance", p.ville_naissance)
    z.select_many("Nationalité(s)", [nationality_labels(c) for c in p.nationalites], "+ Ajouter une nationalité", d)


def fill_adresse_contact(actor: Actor) -> None:
    p, d = actor.persona, demarche(actor)
    a = p.adresse
    d.fill_address(a.ligne(), a.code_postal, zone=d.zone.section("ADRESSE"))
    d.zone.section("INFORMATIONS DE CONTACT").fill("Téléphone", p.telephone)


def fill_informations(actor: Actor) -> None:
    fill_etat_civil(actor)
    fill_adresse_contact(actor)


def fill_parent(actor: Actor) -> None:
    parent = actor.persona.parent_francais
    person, d = parent.personne, demarche(actor)
    z = d.zone.section("INFORMATIONS PERSONNELLES DU PARENT FRANCAIS")
    z.fill("Nom de naissance", person.nom)
    z.fill_many("Prénom(s)", person.prenoms, "+ Ajouter un prénom", d)
    z = d.zone.section("INFORMATIONS PERSONNELLES DU PARENT FRANCAIS")
    z.choose("Sexe", SEXE[person.sexe])
    z.fill_date("Date de naissance", person.date_naissance)
    z.select("Votre lien de parenté avec le parent", parent.lien)


def fill_situation_familiale(actor: Actor) -> None:
    p, d = actor.persona, demarche(actor)
    z = d.zone.section("LIENS PERSONNELS ET FAMILIAUX")
    z.fill_date("Date d'entrée en France", p.date_entree_france)
    z.select("Quelle est votre situation familiale actuelle ?", p.situation_familiale)
    if p.union is not None:
        z.fill_date("Date de début de l'union", p.union.date)
        z.select("Pays de l'union", *country_labels(p.union.pays))
    z.choose("Avez-vous des enfants à votre charge ?", "Oui" if p.enfants else "Non")
    for i, enfant in enumerate(p.enfants):
        if i:
            d.press("Ajouter un enfant")
            z = d.zone.section("LIENS PERSONNELS ET FAMILIAUX")
        fill_enfant(d, z.group(f"Enfant {i + 1}"), enfant)


def fill_enfant(d: Demarche, z: Zone, enfant: Any) -> None:
    z.fill("Nom de naissance", enfant.nom)
    z.fill_nth("Prénom(s)", 0, enfant.prenoms[0])
    z.choose("Quel est le sexe de votre enfant ?", SEXE[enfant.sexe])
    z.fill_date("Date de naissance", enfant.date_naissance)
    z.select("Nationalité(s)", *nationality_labels(enfant.nationalites[0]))
    z.choose("Où réside votre enfant ?", "En France" if enfant.pays_naissance == "France" else "A l'étranger")


def attest(actor: Actor, *, polygamie: bool = True, sanctions: bool = True) -> None:
    z = demarche(actor).zone.section("ATTESTATION SUR L'HONNEUR")
    if polygamie:
        z.tick("Ne pas vivre en état de polygamie, même si mon pays d'origine l'autorise.")
    if sanctions:
        z.tick("Avoir connaissance des sanctions pénales encourues par l'auteur d'une fausse attestation.")


def fill_motif(actor: Actor) -> None:
    fill_parent(actor)
    fill_situation_familiale(actor)
    attest(actor)


def requested_justificatifs(actor: Actor) -> list[str]:
    """The titles of the justificatifs the page asks a file for ("Joindre un document")."""
    return demarche(actor).requested_justificatifs()


def fill_justificatifs(actor: Actor) -> None:
    demarche(actor).fill_ephoto_and_justificatifs(actor.persona.ephoto)


def attach_all(actor: Actor) -> None:
    """A small PDF joined to every justificatif the page asks for."""
    demarche(actor).attach_all_requested()


FILLERS = {
    "Votre situation": fill_situation,
    "Informations personnelles": fill_informations,
    "Motif de séjour": fill_motif,
    "Justificatifs": fill_justificatifs,
}


def advance_to(actor: Actor, title: str) -> None:
    """From the page of choices, every step before `title` filled and saved."""
    start(actor)
    save_steps_before(demarche(actor), actor, STEPS, FILLERS, title)
