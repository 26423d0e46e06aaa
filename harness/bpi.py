"""Guide 04 (renouvellement d'un bénéficiaire de la protection internationale) as a person does it:
the account made with the title number, "Votre situation actuelle", the préambule, the five steps
with the récapitulatif, the attestation de prolongation d'instruction. In the guide's words only;
used by steps/bpi.py, both for the scenarios that check each step and for those that take earlier
steps for granted."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from . import fichiers, journeys
from .actor import Actor
from .browser import label_pattern
from .demarche import Demarche, save_steps_before
from .documents import PdfDocument, download
from .preconditions import Preconditions
from .referentiel import country_labels, nationality_labels

STEPS = ("Informations personnelles", "Motif de séjour", "Justificatifs", "Récapitulatif", "Confirmation")
PARTS = ("MES INFORMATIONS PERSONNELLES (1/3)", "MON MOTIF DE SEJOUR (2/3)", "JUSTIFICATIFS (3/3)")
PREAMBULE = "DÉPOSEZ VOTRE DEMANDE EN 5 ÉTAPES"
RENOUVELLEMENT = "Je sollicite le renouvellement de ce titre"
SEXE = {"M": "Masculin", "F": "Féminin"}
# Guide 04 étape 2: "le texte s'adapte en fonction de la situation familiale de l'usager".
ATTESTATION = {
    ("BPS", False): "Bénéficier de la protection subsidiaire et ne pas être marié.",
    ("BPS", True): "Bénéficier de la protection subsidiaire et ne pas vivre en état de polygamie, même si mon pays d'origine l'autorise.",
    ("Réfugié", False): "Bénéficier du statut de réfugié et ne pas être marié.",
    ("Réfugié", True): "Bénéficier du statut de réfugié et ne pas vivre en état de polygamie, même si mon pays d'origine l'autorise.",
}
SANCTIONS = "Avoir connaissance des sanctions pénales encourues par l'auteur d'une fausse attestation."
MOTIF = {"BPS": "Je demande un titre de séjour en tant que bénéficiaire de la protection subsidiaire.",
         "Réfugié": "Je demande un titre de séjour en tant que réfugié."}
DOMICILE = "Justificatifs de domicile de moins de 6 mois"
ADP_LINK = "J'ouvre ma confirmation de dépôt de demande (PDF)"
ADP_FILE = re.compile(r"^ATTESTATION_PROLOGATION_INSTRUCTION_(\d{10})_(\d{8})\.pdf$")


def demarche(actor: Actor) -> Demarche:
    if actor.notes.demarche is None:
        actor.notes.demarche = Demarche(actor.browser)
    return actor.notes.demarche


def statut(actor: Actor) -> str:
    return str(actor.persona.titres[0].categorie)


def marie(actor: Actor) -> bool:
    return bool(actor.persona.situation_familiale == "Marié(e)")


def open_account(actor: Actor, pre: Preconditions | None = None) -> None:
    """Guide 04 §5-10: the account made with the title number and its validity dates, the password
    created from the mail's link, then "SE CONNECTER" with the numéro étranger: ends connected
    (fast preconditions: the account opened over the operator API, the browser logged in on the
    home page)."""
    if pre is not None and pre.fast:
        pre.open_account(actor, numero_etranger=actor.persona.numero_etranger)
        actor.notes.titre = actor.persona.titres[0]
        actor.browser.open_home()
        actor.browser.expect_connected(actor.persona.numero_etranger)
        return
    journeys.request_account_with_title(actor)
    b = actor.browser
    b.open_link_from_mail(actor.last_mail.link())
    b.fill("Mot de passe", actor.persona.mot_de_passe)
    b.fill("Confirmation du mot de passe", actor.persona.mot_de_passe)
    b.click("Créer le mot de passe")
    b.expect_text("Votre compte a bien été créé.")
    actor.notes.mot_de_passe = actor.persona.mot_de_passe
    b.click("Retour à l'accueil")
    b.click("SE CONNECTER")
    journeys.log_in(actor, actor.persona.numero_etranger, actor.persona.mot_de_passe)


def start(actor: Actor) -> None:
    """Guide 04 §11-13: the brique, "Moi-même", "Je sollicite le renouvellement de ce titre", "Je
    commence", the préambule's "Je continue": ends on step 1."""
    start_renewal(actor, STEPS[0], PREAMBULE)


def start_renewal(actor: Actor, first_step: str, preambule: str | None = None) -> None:
    """A renewal from the connected home page (guides 04 and 05): the brique, "Moi-même", "Je
    sollicite le renouvellement de ce titre", "Je commence", the préambule (`preambule`: a text it
    shows) and its "Je continue": ends on `first_step`."""
    d = demarche(actor)  # the browser's, or the fast preconditions' over HTTP (harness.demarche_http)
    d.open_home()
    d.click("Je demande ou renouvelle un titre de séjour")
    d.choose("Moi-même")
    d.click("Je continue")
    d.choose(RENOUVELLEMENT)
    d.click("Je commence")
    if preambule is not None:
        d.expect_text(preambule)
    d.press("Je continue")
    d.expect_step(first_step)


# Step 1 ---------------------------------------------------------------------------------------
def expect_etat_civil(actor: Actor) -> None:
    """The état civil the administration holds, shown read only."""
    p, z = actor.persona, demarche(actor).zone.section("ÉTAT CIVIL")
    for label, values in (
        ("Nom de naissance", [p.nom]),
        ("Prénom(s)", [" ".join(p.prenoms)]),
        ("Sexe", [SEXE[p.sexe]]),
        ("Date de naissance", [f"{p.date_naissance:%d/%m/%Y}"]),
        ("Pays de naissance", country_labels(p.pays_naissance)),
        ("Nationalité", nationality_labels(p.nationalites[0])),
    ):
        field = z.field(label)
        expect(field).not_to_be_editable()
        pattern = "|".join(re.escape(v) for v in values)
        expect(field).to_have_value(re.compile(rf"^\s*({pattern})\s*$", re.IGNORECASE))


def fill_situation_familiale(actor: Actor) -> None:
    p, d = actor.persona, demarche(actor)
    z = d.zone.section("LIENS PERSONNELS ET FAMILIAUX")
    z.select("Quelle est votre situation familiale actuelle ?", p.situation_familiale)
    en_couple = p.situation_familiale in ("Marié(e)", "Pacsé(e)", "Concubin(e)")
    z.choose("Etes-vous marié, pacsé ou en concubinage ?", "Oui" if en_couple else "Non")
    if en_couple:
        nationalite = p.conjoint.nationalites[0] if p.conjoint else ""
        z.select("Quelle est la nationalité de votre conjoint(e) ?", "Française" if nationalite == "FR" else "Autre pays")
    z.choose("Avez-vous des enfants en France ?", "Oui" if p.enfants else "Non")
    if p.enfants:
        francais = any("FR" in e.nationalites for e in p.enfants)
        z.choose("L'un des enfants est-il de nationalité française ?", "Oui" if francais else "Non")


def fill_informations(actor: Actor) -> None:
    p, d = actor.persona, demarche(actor)
    d.zone.section("ÉTAT CIVIL").fill("Lieu de naissance", p.ville_naissance)
    fill_situation_familiale(actor)
    a = p.adresse
    d.fill_address(a.ligne(), a.code_postal, zone=d.zone.section("ADRESSE"))
    d.zone.section("INFORMATIONS DE CONTACT").fill("Téléphone", p.telephone)


# Step 2 ---------------------------------------------------------------------------------------
def attestation(actor: Actor, married: bool | None = None) -> str:
    return ATTESTATION[(statut(actor), marie(actor) if married is None else married)]


def attest(actor: Actor) -> None:
    z = demarche(actor).zone.section("ATTESTATION SUR L'HONNEUR")
    z.tick(attestation(actor))
    z.tick(SANCTIONS)


def expect_attestation(actor: Actor) -> None:
    """Only the statement that fits the family situation is asked (and the sanctions)."""
    page = demarche(actor).page
    expect(page.get_by_label(label_pattern(attestation(actor)))).to_be_visible()
    expect(page.get_by_label(label_pattern(attestation(actor, not marie(actor))))).to_be_hidden()
    expect(page.get_by_label(label_pattern(SANCTIONS))).to_be_visible()


# Step 3 ---------------------------------------------------------------------------------------
def fill_justificatifs(actor: Actor) -> None:
    d = demarche(actor)
    d.confirm_ephoto(actor.persona.ephoto)
    d.expect_ephoto_confirmed(actor.persona.ephoto)
    d.attach(DOMICILE, fichiers.pdf("justificatif-domicile.pdf"))
    d.expect_joined(DOMICILE, "justificatif-domicile.pdf")


FILLERS = {
    "Informations personnelles": fill_informations,
    "Motif de séjour": attest,
    "Justificatifs": fill_justificatifs,
}


def advance_to(actor: Actor, title: str) -> None:
    """From the home page (connected), every step before `title` filled and saved."""
    start(actor)
    save_steps_before(demarche(actor), actor, STEPS, FILLERS, title)


# Step 4: the récapitulatif --------------------------------------------------------------------
def validate_parts(actor: Actor) -> None:
    d = demarche(actor)
    for i, part in enumerate(PARTS):
        d.expect_part_open(part)
        d.press_in_part(part, "Valider et vérifier la suite de ma saisie")
        if i + 1 < len(PARTS):
            d.expect_part_open(PARTS[i + 1])


def deposit(actor: Actor) -> None:
    validate_parts(actor)
    d = demarche(actor)
    d.press("Déposer la demande")
    d.expect_step("Confirmation")


# Step 5: the attestation ------------------------------------------------------------------------
def download_adp(actor: Actor) -> PdfDocument:
    page = demarche(actor).page
    pattern = re.compile(rf"^\W*{re.escape(ADP_LINK)}\W*$", re.IGNORECASE)
    document = download(page, page.get_by_role("link", name=pattern).first.click)
    actor.notes.adp = document
    return document


def mail_adp(actor: Actor) -> PdfDocument:
    name, content = actor.last_mail.attachment("ATTESTATION_")
    return PdfDocument(filename=name, content=content)


def expect_file_name(document: PdfDocument, numero_etranger: str, emission: str) -> None:
    """ATTESTATION_PROLOGATION_INSTRUCTION_<numéro étranger>_<AAAAMMJJ>.pdf (guide 04 ANNEXE 2's spelling)."""
    match = ADP_FILE.match(document.filename)
    assert match, f"« {document.filename} » n'a pas la forme ATTESTATION_PROLOGATION_INSTRUCTION_<N° étranger>_<AAAAMMJJ>.pdf"
    day = f"{emission[6:]}{emission[3:5]}{emission[:2]}"
    assert match.groups() == (numero_etranger, day), (
        f"« {document.filename} » : attendu le numéro étranger {numero_etranger} et la date d'émission {day}")

