"""Journeys a scenario takes for granted ("Soit un demandeur qui a déjà un compte"): the same
clicks, in the guides' words, as the scenarios that check them step by step."""

from __future__ import annotations

from datetime import date

from . import textes
from .actor import Actor
from .mailbox import Mail
from .preconditions import Preconditions
from .referentiel import country_labels, nationality_labels

# The mails these journeys wait for, by a sentence of the guides (G02 §4, G03 §4): judged by the
# catalogue like any text, so a target that words them otherwise fails, naming the guide.
TEMP_ACCOUNT_MAIL = "Un compte d'accès temporaire a été créé afin de vous permettre de poursuivre votre demande."
CONFIRMATION_MAIL = ("La création du compte d'accès à votre espace personnel usager ou de l'utilisateur que vous "
                     "représentez est en cours.")


def wait_for_mail_saying(actor: Actor, texte: str, *, after: int | None = None) -> Mail:
    """The newest mail since the scenario began (or since mail `after`) that says `texte` (a text
    of the catalogue), its words and case checked too (the mailbox's search folds case). An
    informative text the target words otherwise is a remarque, and the journey goes on with the
    newest mail received."""
    got: list[Mail] = []

    def probe() -> None:
        mail = actor.wait_for_mail(contains=texte, after=after)
        got.append(mail)
        if not textes.contains(mail.text, texte):
            raise AssertionError(f"le courriel « {mail.subject} » le dit en d'autres termes")

    if textes.current().verifier(texte, probe, lieu="les courriels reçus") or got:
        return got[-1]
    return actor.wait_for_mail(after=after)


def fill_email(actor: Actor) -> None:
    actor.browser.fill("Adresse email", actor.email)
    actor.browser.fill("Confirmation de l'adresse email", actor.email)


def log_in(actor: Actor, identifiant: str, password: str) -> None:
    actor.browser.fill("Identifiant", identifiant)
    actor.browser.fill("Mot de passe", password)
    actor.browser.click("S'identifier")


def request_account_without_number(actor: Actor) -> None:
    """Guide 02 §1-4: brique → e-mail twice → "Valider" → the mail with the temporary password."""
    b = actor.browser
    b.open_home()
    b.click("Je demande un premier titre -sans numéro étranger, sans visa-")
    fill_email(actor)
    b.click("Valider")
    b.expect_text("Demande de création de compte bien enregistrée.")
    mail = wait_for_mail_saying(actor, TEMP_ACCOUNT_MAIL)
    actor.notes.identifiant = mail.identifiant()
    actor.notes.mot_de_passe_provisoire = mail.temporary_password()


def create_account_without_number(actor: Actor) -> None:
    """Path a to its end: temporary password replaced by the persona's, then logged out."""
    request_account_without_number(actor)
    b = actor.browser
    b.open_link_from_mail(actor.last_mail.link("Se connecter"))
    log_in(actor, actor.identifiant, actor.mot_de_passe_provisoire)
    b.fill("Nouveau mot de passe", actor.persona.mot_de_passe)
    b.fill("Confirmation du mot de passe", actor.persona.mot_de_passe)
    b.click("Valider mon mot de passe")
    b.expect_text("Je n'ai pas de numéro d'étranger et je souhaite faire une première demande en ligne :")
    actor.notes.mot_de_passe = actor.persona.mot_de_passe
    b.click("Se déconnecter")


def request_account_with_title(actor: Actor) -> None:
    """Guide 01 §III: "SE CONNECTER" → title number and validity dates → e-mail → confirmation mail."""
    b = actor.browser
    titre = actor.persona.titres[0]
    b.open_home()
    b.click("SE CONNECTER")
    fill_title(actor)
    b.click("Créer un compte")
    b.expect_text("Saisissez votre adresse email")
    fill_email(actor)
    b.click("Valider")
    b.expect_text("Demande de création de compte bien enregistrée.")
    actor.notes.identifiant = actor.persona.numero_etranger
    actor.notes.titre = titre
    wait_for_mail_saying(actor, CONFIRMATION_MAIL)


def fill_title(actor: Actor, *, debut: date | None = None, fin: date | None = None) -> None:
    titre = actor.persona.titres[0]
    b = actor.browser
    b.fill("N° de votre visa ou de votre titre de séjour", titre.numero)
    b.fill_date("Date de début de validité", debut or titre.date_debut)
    b.fill_date("Date de fin de validité", fin or titre.date_fin)


def fill_identity(actor: Actor) -> None:
    """Guide 01 §II / 03 §2: "Première visite? Créez votre compte." with a numéro étranger."""
    p, b = actor.persona, actor.browser
    b.fill("Votre numéro Étranger", p.numero_etranger)
    b.fill("Nom", p.nom)
    b.fill("Prénom", p.prenoms[0])
    b.fill_date("Votre date de naissance", p.date_naissance)
    b.select("Pays de naissance", *country_labels(p.pays_naissance))
    b.select("Nationalité", *nationality_labels(p.nationalites[0]))


def create_account_with_number(actor: Actor, pre: Preconditions | None = None) -> None:
    """Path b to its end (guide 03 §1-6): the brique, "Moi-même", the numéro étranger, the e-mail,
    the link of the mail "Bonjour Prénom Nom, La création du compte d'accès…", the password, then
    "SE CONNECTER" with the numéro étranger: ends connected (fast preconditions: the account opened
    over the operator API, the browser logged in on the home page)."""
    p, b = actor.persona, actor.browser
    if pre is not None and pre.fast:
        pre.open_account(actor, numero_etranger=p.numero_etranger)
        b.open_home()
        b.expect_connected(p.numero_etranger)
        return
    b.open_home()
    b.click("Je demande ou renouvelle un titre de séjour")
    b.choose("Moi-même (à partir de 16 ans)")
    b.choose("Et je suis titulaire d'un numéro étranger sans titre de séjour")
    b.click("Je continue")
    b.expect_text("Première visite? Créez votre compte.")
    fill_identity(actor)
    b.click("Créer un compte")
    b.expect_text("Compléter les renseignements suivants pour accéder à vos services.")  # guide 03 §3
    fill_email(actor)
    b.click("Valider")
    b.expect_text("Demande de création de compte bien enregistrée.")
    mail = wait_for_mail_saying(actor, CONFIRMATION_MAIL)
    b.open_link_from_mail(mail.link())
    b.fill("Nouveau mot de passe", p.mot_de_passe)
    b.fill("Confirmation du mot de passe", p.mot_de_passe)
    b.click("Valider mon mot de passe")
    b.expect_text("Votre compte a bien été créé.")
    actor.notes.identifiant = p.numero_etranger
    actor.notes.mot_de_passe = p.mot_de_passe
    b.click("Retour à l'accueil")
    b.click("SE CONNECTER")
    log_in(actor, p.numero_etranger, p.mot_de_passe)
    b.expect_connected(p.numero_etranger)
