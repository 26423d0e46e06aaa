"""Guide 05 (membre de famille d'un citoyen UE/EEE/Suisse, renouvellement vers le séjour permanent)
as a person does it: the title path, "Je sollicite le renouvellement de ce titre", the alert, the
préambule, then the five steps. In the guide's words (and the simulator's DERIVED words where the
guide has captions only); used by steps/famille_ue.py."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from playwright.sync_api import expect

from . import fichiers
from .actor import Actor
from .demarche import Demarche
from .documents import PdfDocument
from .enfant_de_francais import requested_justificatifs
from .referentiel import nationality_labels

STEPS = ("Informations personnelles", "Modalités du séjour", "Justificatifs", "Récapitulatif", "Confirmation")
PARTS = ("MES INFORMATIONS PERSONNELLES (1/3)", "MES MODALITÉS DE SÉJOUR (2/3)", "JUSTIFICATIFS (3/3)")
ACTIVITES = {
    "étudiant": "Étudiant",
    "salarié": "Salarié",
    "non salarié": "Non salarié",
    "en cessation involontaire d'activité": "Salarié ou non salarié en cessation involontaire d'activité",
    "retraité ou inactif": "Retraité ou inactif",
}
LIENS = {
    "conjoint": "Conjoint",
    "partenaire enregistré": "Partenaire enregistré",
    "concubin": "Concubin",
    "descendant": "Descendant direct",
    "ascendant": "Ascendant direct",
    "personne à charge": "Personne à charge",
}
AUTRE_ETAT = "Belgique"  # where the couple lived: the persona records only how long


def demarche(actor: Actor) -> Demarche:
    if "demarche" not in actor.notes:
        actor.notes["demarche"] = Demarche(actor.browser)
    return actor.notes["demarche"]


def oui(value: bool) -> str:
    return "Oui" if value else "Non"


def fill_informations(actor: Actor) -> None:
    """Étape 1: the place of birth (the record has none), the address, the phone."""
    p, d = actor.persona, demarche(actor)
    d.zone.section("ÉTAT CIVIL").fill("Lieu de naissance", p.ville_naissance)
    a = p.adresse
    d.fill_address(a.ligne(), a.code_postal, zone=d.zone.section("ADRESSE"))
    d.zone.section("INFORMATIONS DE CONTACT").fill("Téléphone", p.telephone)


def plus_de_5_ans(persona: Any) -> bool:
    """More than 5 years in France: since the entry date, as the persona's title history says."""
    entree: date = persona.date_entree_france
    return (date.today() - entree).days > 5 * 365 + 1


def fill_modalites(actor: Actor, *, lien: str | None = None, mois: int | None = None) -> None:
    """Étape 2, sub-screens 1/9 to 9/9, from the persona; `lien` and `mois` override its link to the
    accueillant and the months spent in another member state (for the refusals)."""
    p, d = actor.persona, demarche(actor)
    h = p.accueillant
    lien = lien or h.lien
    francais = h.qualite == "français"
    z = d.zone.section("MOTIF ET DURÉE DE SÉJOUR")
    z.choose("Quelle est la nationalité de votre accueillant ?",
             "Français" if francais else "Ressortissant de l'Union européenne, de l'Espace économique européen ou de la Suisse")
    z.choose("Quelle est l'activité de votre accueillant en France ?", ACTIVITES[h.activite])
    z.choose("Votre présence en France est-elle supérieure à 5 ans ?", oui(plus_de_5_ans(p)))
    z = d.zone.section("MA SITUATION VIS-À-VIS DE L'ACCUEILLANT")
    z.choose("Vous êtes :", LIENS[lien])
    if lien == "descendant":
        z.choose("Lien de parenté avec votre accueillant :", h.parente)
        if h.activite == "étudiant":
            z.choose("Êtes-vous à la charge de votre accueillant ou de son conjoint ?", "Oui")
    personne = h.personne
    if not francais:
        z.choose("Votre accueillant possède-t-il un titre de séjour (numéro étranger) ?", oui(bool(personne.numero_etranger)))
        if personne.numero_etranger:
            z.fill("Numéro étranger de l'accueillant", personne.numero_etranger)
            z.choose("Ce titre de séjour est-il un titre de séjour permanent ?", "Non")
    z.fill("Nom de l'accueillant", personne.nom)
    z.fill("Prénom(s) de l'accueillant", " ".join(personne.prenoms))
    z.fill_date("Date de naissance de l'accueillant", personne.date_naissance)
    z.select("Nationalité de l'accueillant", *nationality_labels(personne.nationalites[0]))
    z = d.zone.section("LIENS PERSONNELS ET FAMILIAUX")
    z.choose("Avez-vous des enfants à votre charge ou à celle de votre conjoint ?", oui(bool(p.enfants)))
    if p.enfants:
        raise NotImplementedError("children are not typed by this journey yet")
    z.select("Quelle est votre situation familiale actuelle ?", p.situation_familiale)
    if p.situation_familiale in ("Marié(e)", "Pacsé(e)"):
        z.fill_date("Date de l'union", p.union.date)
        z.select("Pays de l'union", p.union.pays)
    if francais and p.situation_familiale == "Marié(e)" and not plus_de_5_ans(p):
        mois = h.sejour_autre_etat_mois if mois is None else mois
        fin = p.titre.date_debut - timedelta(days=1)
        debut = fin - timedelta(days=int(mois * 30.4))
        z.select("Dans quel État de l'UE, de l'EEE ou en Suisse avez-vous séjourné avec votre conjoint ?", AUTRE_ETAT)
        z.fill_date("Date de début du séjour", debut)
        z.fill_date("Date de fin du séjour", fin)
        z.choose("Ce séjour a-t-il duré plus de trois mois ?", oui(mois > 3))


def fill_justificatifs(actor: Actor) -> None:
    """The ephoto confirmed and a small PDF joined to every justificatif the page asks for."""
    d = demarche(actor)
    d.confirm_ephoto(actor.persona.ephoto)
    d.expect_ephoto_confirmed(actor.persona.ephoto)
    for i, title in enumerate(requested_justificatifs(actor)):
        name = f"piece-{i + 1}.pdf"
        d.attach(title, fichiers.pdf(name))
        d.expect_joined(title, name)


def validate_parts(actor: Actor) -> None:
    d = demarche(actor)
    for i, part in enumerate(PARTS):
        d.expect_part_open(part)
        d.press_in_part(part, "Valider et vérifier la suite de ma saisie")
        if i + 1 < len(PARTS):
            d.expect_part_open(PARTS[i + 1])


def expect_confirmation(document: PdfDocument, persona: Any) -> None:
    """The confirmation de dépôt names the applicant and their numéro étranger."""
    flat = document.flat
    assert "CONFIRMATION DU DÉPÔT D'UNE DEMANDE DE TITRE DE SÉJOUR" in flat, flat[:800]
    assert persona.numero_etranger in flat, flat[:800]
    assert persona.nom.upper() in flat.upper(), flat[:800]


def expect_no_step(actor: Actor, title: str) -> None:
    expect(demarche(actor).page.get_by_role("heading", name=title)).to_have_count(0)
