"""Guide 05 (membre de famille d'un citoyen UE/EEE/Suisse, renouvellement vers le séjour permanent)
as a person does it: the title path, "Je sollicite le renouvellement de ce titre", the alert, the
préambule, then the five steps. In the guide's words (and the simulator's DERIVED words where the
guide has captions only); used by steps/famille_ue.py."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from playwright.sync_api import expect

from .actor import Actor
from .demarche import Demarche, Zone, save_steps_before
from .documents import CONFIRMATION_LABELS, Comparison, Expected, PdfDocument, compare_confirmation, expected_identity
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
SITUATION = "MA SITUATION VIS-À-VIS DE L'ACCUEILLANT"
NUMERO_ACCUEILLANT = "Numéro étranger de l'accueillant"
# The simulator's words for "confirmer son identité" (guide 05 3/9 has a caption only: DERIVED there).
CONFIRMER = "Confirmer l'identité de l'accueillant"
CONFIRMEE = "Identité confirmée"


def demarche(actor: Actor) -> Demarche:
    if actor.notes.demarche is None:
        actor.notes.demarche = Demarche(actor.browser)
    return actor.notes.demarche


def oui(value: bool) -> str:
    return "Oui" if value else "Non"


# Guide 05 étape 1 (2/2): "Vérifier l'adresse (si changement d'adresse)".
ADRESSE_A_VERIFIER = "guide 05, étape 1 (2/2) : « Vérifier l'adresse (si changement d'adresse) »"


def expect_address_prefilled(actor: Actor) -> None:
    """Étape 1: the address the administration holds for the applicant (registered with their
    title) is already in the address fields, for the user to check: the parts a person reads
    (numéro, voie, complément, code postal, ville), and the fields stay editable."""
    a, zone = actor.persona.adresse, demarche(actor).zone.section("ADRESSE")
    message = f"{ADRESSE_A_VERIFIER} : l'adresse connue du titre ({a.ligne()}) devrait être pré-remplie, modifiable"
    for label, value in (("Numéro de voie", a.numero), ("Voie", a.voie), ("Complément d'adresse", a.complement),
                         ("Code postal", a.code_postal), ("Ville", a.ville)):
        zone.expect_value(label, value, f"{message} ({label} : « {value} »)")
    zone.expect_editable("Adresse", f"{message} : le champ « Adresse » n'est pas modifiable")


def fill_informations(actor: Actor) -> None:
    """Étape 1: the place of birth (the record has none), the phone; the address, pre-filled from
    the record, is checked and kept (the persona has not moved: no "changement d'adresse")."""
    p, d = actor.persona, demarche(actor)
    d.zone.section("ÉTAT CIVIL").fill("Lieu de naissance", p.ville_naissance)
    if p.nom_usage:  # "Un nom d'usage peut être ajouté si nécessaire"
        d.zone.section("ÉTAT CIVIL").fill("Nom d'usage", p.nom_usage)
    expect_address_prefilled(actor)
    d.zone.section("INFORMATIONS DE CONTACT").fill("Téléphone", p.telephone)


def plus_de_5_ans(persona: Any) -> bool:
    """More than 5 years in France: since the entry date, as the persona's title history says."""
    entree: date = persona.date_entree_france
    return (date.today() - entree).days > 5 * 365 + 1


def titulaire(actor: Actor) -> bool:
    """The accueillant is a European holding a title (a numéro étranger): their identity is confirmed."""
    h = actor.persona.accueillant
    return h.qualite != "français" and bool(h.personne.numero_etranger)


def autre_numero(numero: str) -> str:
    """A numéro étranger of the right shape that is not `numero` (its last digit changed)."""
    return numero[:-1] + str((int(numero[-1]) + 1) % 10)


def fill_modalites(actor: Actor, *, lien: str | None = None, mois: int | None = None, numero: str | None = None,
                   confirmer: bool = False) -> None:
    """Étape 2, sub-screens 1/9 to 9/9, from the persona; `lien` and `mois` override its link to the
    accueillant and the months spent in another member state (for the refusals), `numero` the
    accueillant's numéro étranger typed; `confirmer`: press "Confirmer" for an accueillant with a
    title and see the identity confirmed (3/9), before the children and the family situation."""
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
            z.fill(NUMERO_ACCUEILLANT, numero or personne.numero_etranger)
            z.choose("Ce titre de séjour est-il un titre de séjour permanent ?", "Non")
            # Guide 05 1/7, 3/7: the start of the host's title (the persona records none): the
            # applicant's own title start, long enough ago to bring no 7-month exemption.
            z.fill_date("Date de début de validité de ce titre de séjour", p.titre.date_debut)
    z.fill("Nom de l'accueillant", personne.nom)
    z.fill("Prénom(s) de l'accueillant", " ".join(personne.prenoms))
    z.fill_date("Date de naissance de l'accueillant", personne.date_naissance)
    z.select("Nationalité de l'accueillant", *nationality_labels(personne.nationalites[0]))
    if confirmer and titulaire(actor):
        confirm_identity(actor)
        expect_identity_confirmed(actor)
    fill_enfants(actor)
    z = d.zone.section("LIENS PERSONNELS ET FAMILIAUX")
    z.select("Quelle est votre situation familiale actuelle ?", p.situation_familiale)
    if p.situation_familiale in ("Marié(e)", "Pacsé(e)"):
        z.fill_date("Date de l'union", p.union.date)
        z.select("Pays de l'union", p.union.pays)
    if francais and p.situation_familiale == "Marié(e)" and not plus_de_5_ans(p):
        mois = h.sejour_autre_etat_mois if mois is None else mois
        fin = p.titre.date_debut - timedelta(days=1)
        # 28 days a month up to 3 (always "trois mois ou moins"), 30.4 beyond (always more).
        debut = fin - timedelta(days=int(mois * (28 if mois <= 3 else 30.4)))
        z.select("Dans quel État de l'UE, de l'EEE ou en Suisse avez-vous séjourné avec votre conjoint ?", AUTRE_ETAT)
        z.fill_date("Date de début du séjour", debut)
        z.fill_date("Date de fin du séjour", fin)
        z.choose("Ce séjour a-t-il duré plus de trois mois ?", oui(mois > 3))


def fill_enfants(actor: Actor) -> None:
    """6/9: "Il peut également déclarer plusieurs enfants": each child in its group "Enfant n",
    the next one after "Ajouter un enfant" (which reloads the page, what was typed kept)."""
    p, d = actor.persona, demarche(actor)
    z = d.zone.section("LIENS PERSONNELS ET FAMILIAUX")
    z.choose("Avez-vous des enfants à votre charge ou à celle de votre conjoint ?", oui(bool(p.enfants)))
    for i, enfant in enumerate(p.enfants):
        if i:
            d.press("Ajouter un enfant", within=z)
            z = d.zone.section("LIENS PERSONNELS ET FAMILIAUX")
        g = z.group(f"Enfant {i + 1}")
        g.fill("Nom", enfant.nom)
        g.fill("Prénom(s)", " ".join(enfant.prenoms))
        g.fill_date("Date de naissance", enfant.date_naissance)


def expect_enfants(actor: Actor) -> None:
    """Every child of the persona is in its group, as typed."""
    z = demarche(actor).zone.section("LIENS PERSONNELS ET FAMILIAUX")
    assert actor.persona.enfants, "la personne n'a pas d'enfant"
    for i, enfant in enumerate(actor.persona.enfants):
        g = z.group(f"Enfant {i + 1}")
        expect(g.field("Nom")).to_have_value(enfant.nom)
        expect(g.field("Prénom(s)")).to_have_value(" ".join(enfant.prenoms))
    expect(z.root.get_by_role("group", name=f"Enfant {len(actor.persona.enfants) + 1}", exact=True)).to_have_count(0)


def situation_zone(actor: Actor) -> Zone:
    return demarche(actor).zone.section(SITUATION)


def confirm_identity(actor: Actor) -> None:
    """3/9 "confirmer son identité": the button of the accueillant's identity (the page reloads)."""
    demarche(actor).press(CONFIRMER, within=situation_zone(actor))


def expect_identity_confirmed(actor: Actor, confirmed: bool = True) -> None:
    situation_zone(actor).expect_shows(CONFIRMEE, lieu=f"la section « {SITUATION} »", shown=confirmed)


def correct_numero(actor: Actor) -> None:
    situation_zone(actor).fill(NUMERO_ACCUEILLANT, actor.persona.accueillant.personne.numero_etranger)


def expect_accueillant_kept(actor: Actor, numero: str) -> None:
    """After a refused confirmation, what was typed about the accueillant is still there."""
    z, personne = situation_zone(actor), actor.persona.accueillant.personne
    expect(z.field(NUMERO_ACCUEILLANT)).to_have_value(numero)
    expect(z.field("Nom de l'accueillant")).to_have_value(personne.nom)
    expect(z.field("Prénom(s) de l'accueillant")).to_have_value(" ".join(personne.prenoms))
    expect(z.group("Date de naissance de l'accueillant").root.get_by_label("Année")).to_have_value(str(personne.date_naissance.year))


def fill_justificatifs(actor: Actor) -> None:
    """The ephoto confirmed and a small PDF joined to every justificatif the page asks for."""
    demarche(actor).fill_ephoto_and_justificatifs(actor.persona.ephoto)


def start(actor: Actor) -> None:
    """Guide 05 from the connected home page: the brique, "Moi-même", "Je sollicite le
    renouvellement de ce titre", "Je commence", the préambule's "Je continue": ends on step 1."""
    from .bpi import start_renewal

    start_renewal(actor, STEPS[0])


def fill_modalites_confirmees(actor: Actor) -> None:
    fill_modalites(actor, confirmer=True)


FILLERS = {
    "Informations personnelles": fill_informations,
    "Modalités du séjour": fill_modalites_confirmees,
    "Justificatifs": fill_justificatifs,
}


def advance_to(actor: Actor, title: str) -> None:
    """From the connected home page, every step before `title` filled and saved."""
    start(actor)
    save_steps_before(demarche(actor), actor, STEPS, FILLERS, title)

def validate_parts(actor: Actor) -> None:
    d = demarche(actor)
    for i, part in enumerate(PARTS):
        d.expect_part_open(part)
        d.press_in_part(part, "Valider et vérifier la suite de ma saisie")
        if i + 1 < len(PARTS):
            d.expect_part_open(PARTS[i + 1])


# The confirmation of the dépôt ----------------------------------------------------------------
CONFIRMATION_TITRE = "CONFIRMATION DU DÉPÔT D'UNE DEMANDE DE TITRE DE SÉJOUR"
# The lines the simulator prints after guide 02's (its own words: guide 05 shows no confirmation).
ACCUEILLANT_LABELS = ("Lien avec l'accueillant", "Nom de l'accueillant", "Prénom(s) de l'accueillant",
                      "Nationalité de l'accueillant", "N° étranger de l'accueillant", "Identité de l'accueillant")


def _adjectifs(code: str) -> tuple[str, ...]:
    return tuple(nationality_labels(code)[:2])


def expected_on_confirmation(persona: Any) -> tuple[list[Expected], list[str]]:
    """What the confirmation must print for this persona (the identity the portal holds for the
    numéro étranger: every prénom, the first nationality; the accueillant as typed at étape 2), and
    the labels it must not print (no numéro nor confirmed identity for an accueillant without title)."""
    h = persona.accueillant
    identity = [e for e in expected_identity(persona) if e.label != "Nationalité"]
    identity.append(Expected("Nationalité", _adjectifs(persona.nationalites[0])))
    identity += [
        Expected("Lien avec l'accueillant", (LIENS[h.lien],)),
        Expected("Nom de l'accueillant", (h.personne.nom,)),
        Expected("Prénom(s) de l'accueillant", (" ".join(h.personne.prenoms),)),
        Expected("Nationalité de l'accueillant", _adjectifs(h.personne.nationalites[0])),
    ]
    if h.qualite != "français" and h.personne.numero_etranger:
        identity += [Expected("N° étranger de l'accueillant", (h.personne.numero_etranger,)),
                     Expected("Identité de l'accueillant", (CONFIRMEE,))]
        return identity, []
    return identity, ["N° étranger de l'accueillant", "Identité de l'accueillant"]


def compare(document: PdfDocument, persona: Any) -> Comparison:
    """Every line of the confirmation against the persona, and its references."""
    identity, absent = expected_on_confirmation(persona)
    result = compare_confirmation(document, persona, numero_etranger=persona.numero_etranger, titre=CONFIRMATION_TITRE,
                                  identity=identity, labels=(*CONFIRMATION_LABELS, *ACCUEILLANT_LABELS))
    for label in absent:
        if label in result.printed:
            result.problems.append(f"{label} : lu « {result.printed[label]} », attendu absent")
    return result


def expect_confirmation(document: PdfDocument, persona: Any) -> None:
    """The confirmation de dépôt prints the applicant, their address, the accueillant and the link."""
    compare(document, persona).check()


def expect_no_step(actor: Actor, title: str) -> None:
    expect(demarche(actor).page.get_by_role("heading", name=title)).to_have_count(0)
