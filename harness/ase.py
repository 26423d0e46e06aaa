"""Guide 03 (étranger confié à l'ASE, première demande, numéro étranger sans titre de séjour) as a
person does it: from the connected home page to "Votre situation actuelle", the préambule, then the
persona's answers typed into each step, in the guide's words. What the portal must print is
checked here too: the read-only état civil, the confirmation of the dépôt, "Mes demandes en cours".
Used by steps/ase.py."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from playwright.sync_api import Locator, expect

from . import enfant_de_francais as edf
from . import textes
from .actor import Actor
from .browser import label_pattern
from .demarche import Demarche, Zone, save_steps_before
from .documents import (
    CONFIRMATION_SENTENCES,
    Comparison,
    Expected,
    PdfDocument,
    compare_confirmation,
    expected_identity,
)
from .referentiel import country_labels, nationality_labels
from .textes import pattern

VULNERABILITE = "Je suis en situation de vulnérabilité"
ASE = "En tant qu'étranger confié à l'ASE (Aide Sociale à l'Enfance)"
PREAMBULE = "Votre démarche en ligne"
STEPS = ("Informations personnelles", "Motif de séjour", "Justificatifs", "Dépôt de la demande", "Confirmation")
EMANCIPE = "Je suis un mineur (+16 ans) émancipé"
EPHOTO = "Numéro ephoto (22 chiffres)"
SEXE = {"M": "Masculin", "F": "Féminin"}
# The guide's list of situations says "Concubin(ne)"; the personas say "Concubin(e)".
SITUATIONS = {"Concubin(e)": ("Concubin(ne)", "Concubin(e)")}
CONFIRMATION_TITRE = "CONFIRMATION DU DÉPÔT D'UNE PREMIÈRE DEMANDE DE TITRE DE SÉJOUR"
SCHENGEN = "Ce document n'autorise pas le franchissement des frontières de l'espace Schengen."
ENVOYEE = re.compile(r"Demande envoyée : le (\d{2}/\d{2}/\d{4}) à \d{2}:\d{2}")


def demarche(actor: Actor) -> Demarche:
    return edf.demarche(actor)


# Reaching the téléprocédure ---------------------------------------------------------------------
def open_preambule(actor: Actor) -> None:
    """Guide 03 §7-8, connected: the brique, "Moi-même", "Votre situation actuelle", the ASE item,
    "Je commence": ends on "Votre démarche en ligne"."""
    d = demarche(actor)  # the browser's, or the fast preconditions' over HTTP (harness.demarche_http)
    d.click("Accueil")
    d.click("Je demande ou renouvelle un titre de séjour")
    d.choose("Moi-même")
    d.click("Je continue")
    d.expect_text("Votre situation actuelle")
    d.choose(VULNERABILITE)
    d.choose(ASE)
    d.press("Je commence")
    d.expect_text(PREAMBULE)


def start(actor: Actor) -> None:
    open_preambule(actor)
    demarche(actor).press("Je continue")
    demarche(actor).expect_step("Informations personnelles")


def expect_preambule_steps(actor: Actor, rows: list[list[str]]) -> None:
    """Each step of "DÉPOSEZ VOTRE DEMANDE EN 5 ÉTAPES", in order, with its description."""
    items = actor.browser.page.get_by_role("listitem").filter(has_text=re.compile(r"^\s*\d\. "))
    expect(items).to_have_count(len(rows))
    for i, (titre, texte) in enumerate(rows):
        for t in (titre, texte):
            def shown(i: int = i, t: str = t) -> None:
                expect(items.nth(i)).to_contain_text(pattern(t))

            textes.current().verifier(t, shown, lieu=f"l'étape {i + 1} de « {PREAMBULE} »")


# Step 1 -----------------------------------------------------------------------------------------
def expect_etat_civil_read_only(actor: Actor) -> None:
    """ÉTAT CIVIL shows the identity the administration holds for the numéro étranger, and none of
    it can be changed."""
    p, z = actor.persona, demarche(actor).zone.section("ÉTAT CIVIL")
    expected: dict[str, list[str]] = {
        "Nom de naissance": [p.nom],
        "Prénom(s)": [p.prenoms[0]],
        "Sexe": [SEXE[p.sexe]],
        "Date de naissance": [f"{p.date_naissance:%d/%m/%Y}"],
        "Pays de naissance": country_labels(p.pays_naissance),
        "Nationalité": nationality_labels(p.nationalites[0]),
    }
    for label, values in expected.items():
        field = z.field(label)
        expect(field).to_have_value(re.compile("^(" + "|".join(re.escape(v) for v in values) + ")$", re.IGNORECASE))
        expect(field).not_to_be_editable()


def expect_checkbox(actor: Actor, label: str, offered: bool) -> None:
    box = actor.browser.page.get_by_label(label_pattern(label))
    if offered:
        expect(box).to_be_visible()
    else:
        expect(box).to_be_hidden()


def fill_informations(actor: Actor) -> None:
    p, d = actor.persona, demarche(actor)
    z = d.zone.section("ÉTAT CIVIL")
    if p.emancipe:
        z.tick(EMANCIPE)
    z.fill("Nom d'usage", p.nom_usage or "")
    z.fill("Lieu de naissance", p.ville_naissance)
    d.fill_address(p.adresse.ligne(), p.adresse.code_postal, zone=d.zone.section("ADRESSE"))
    d.zone.section("INFORMATIONS DE CONTACT").fill("Téléphone", p.telephone)


# Step 2 -----------------------------------------------------------------------------------------
def fill_prise_en_charge(actor: Actor, value: Any = None) -> None:
    z = demarche(actor).zone.section("INFORMATION SUR LA PRISE EN CHARGE PAR L'ASE")
    z.fill_date("Date de prise en charge par l'ASE", value or actor.persona.date_prise_en_charge_ase)


def fill_situation_familiale(actor: Actor) -> None:
    p, d = actor.persona, demarche(actor)
    z = d.zone.section("LIENS PERSONNELS ET FAMILIAUX")
    z.fill_date("Date d'entrée en France", p.date_entree_france)
    z.select("Quelle est votre situation familiale actuelle ?", *SITUATIONS.get(p.situation_familiale, (p.situation_familiale,)))
    if p.union is not None:
        z.fill_date("Date de début de l'union", p.union.date)
        z.select("Pays de l'union", *country_labels(p.union.pays))
    z.choose("Avez-vous des enfants à votre charge ?", "Oui" if p.enfants else "Non")
    for i, enfant in enumerate(p.enfants):
        if i:
            d.press("Ajouter un enfant")
            z = d.zone.section("LIENS PERSONNELS ET FAMILIAUX")
        edf.fill_enfant(d, z.group(f"Enfant {i + 1}"), enfant)


def attestations(actor: Actor) -> Zone:
    return demarche(actor).zone.section("ATTESTATION SUR L'HONNEUR")


def attest_all(actor: Actor) -> None:
    """Tick every box the ATTESTATION SUR L'HONNEUR shows (which ones is checked separately)."""
    attestations(actor).tick_all()


def attestation(actor: Actor, label: str) -> Locator:
    found: Locator = attestations(actor).root.get_by_label(label_pattern(label))
    return found


def fill_motif(actor: Actor) -> None:
    fill_prise_en_charge(actor)
    fill_situation_familiale(actor)
    attest_all(actor)


# Step 3 -----------------------------------------------------------------------------------------
def fill_justificatifs(actor: Actor) -> None:
    demarche(actor).fill_ephoto_and_justificatifs(actor.persona.ephoto, EPHOTO)


FILLERS = {
    "Informations personnelles": fill_informations,
    "Motif de séjour": fill_motif,
    "Justificatifs": fill_justificatifs,
}


def advance_to(actor: Actor, title: str) -> None:
    """From the connected home page, every step before `title` filled and saved."""
    start(actor)
    save_steps_before(demarche(actor), actor, STEPS, FILLERS, title)


# The confirmation of the dépôt ----------------------------------------------------------------
def expected_on_confirmation(persona: Any) -> list[Expected]:
    """The portal prints the identity it holds for the numéro étranger: one prénom (the one the
    account was created with), one nationality."""
    out = []
    for expected in expected_identity(persona):
        if expected.label == "Prénom":
            expected = Expected("Prénom", (persona.prenoms[0],))
        out.append(expected)
    return out


def compare(document: PdfDocument, persona: Any) -> Comparison:
    return compare_confirmation(document, persona, numero_etranger=persona.numero_etranger, titre=CONFIRMATION_TITRE,
                                sentences=(*CONFIRMATION_SENTENCES, SCHENGEN), identity=expected_on_confirmation(persona))


# "Mes demandes en cours" ------------------------------------------------------------------------
def suivi_row(actor: Actor, numero_demande: str) -> Locator:
    """The row of "Suivi de ma demande :" for this demande."""
    table = actor.browser.page.get_by_role("region", name=label_pattern("Suivi de ma demande"))
    return table.get_by_role("row").filter(has_text=numero_demande)


def expect_suivi(actor: Actor, numero_demande: str, type_demande: str, date_depot: date) -> None:
    row = suivi_row(actor, numero_demande)
    expect(row).to_have_count(1)
    cells = row.get_by_role("cell")
    expect(cells.nth(0)).to_have_text(numero_demande)
    textes.current().verifier(type_demande, lambda: expect(cells.nth(1)).to_have_text(pattern(type_demande, whole=True)),
                              lieu="le type de la demande dans « Suivi de ma demande »")
    expect(cells.nth(2)).to_have_text(actor.persona.numero_etranger)
    expect(cells.nth(3)).to_contain_text(f"Demande envoyée : le {date_depot:%d/%m/%Y} à ")
    expect(cells.nth(3)).to_contain_text(ENVOYEE)
