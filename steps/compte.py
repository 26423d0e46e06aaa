"""Steps of the account journeys (guide 01; 02 §1-6; 03 §1-6; 04 §5-10)."""

from __future__ import annotations

import re

from pytest_bdd import given, parsers, then, when

from harness import journeys, referentiel, textes
from harness.actor import Actor
from harness.horloge import Horloge
from harness.referentiel import Referentiel


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# Who acts --------------------------------------------------------------------------------------
@given("un demandeur sans numéro étranger", target_fixture="acteur")
def demandeur_sans_numero(personas, actor_factory) -> Actor:  # type: ignore[no-untyped-def]
    return actor_factory(personas.compte("sans_numero"))


@given("un demandeur titulaire d'un numéro étranger sans titre de séjour, connu du portail", target_fixture="acteur")
def demandeur_numero(personas, actor_factory, referentiel: Referentiel) -> Actor:  # type: ignore[no-untyped-def]
    return actor_factory(referentiel.identite(personas, lambda f: f.compte("numero")))


@given("un demandeur dont le numéro étranger est inconnu du portail", target_fixture="acteur")
def demandeur_numero_inconnu(personas, actor_factory) -> Actor:  # type: ignore[no-untyped-def]
    return actor_factory(personas.compte("numero"))


@given(parsers.parse("un titulaire d'un {document} connu du portail"), target_fixture="acteur")
def titulaire(personas, actor_factory, referentiel: Referentiel, document: str) -> Actor:  # type: ignore[no-untyped-def]
    kind = "visa" if "visa" in document else "titre"
    categorie = "VLS-TS" if kind == "visa" else "Vie privée et familiale"
    return actor_factory(referentiel.titre(personas, lambda f: f.titulaire(categorie=categorie, mention="", kind=kind)))


@given("un demandeur qui a reçu son mot de passe provisoire", target_fixture="acteur")
def demandeur_mot_de_passe_provisoire(personas, actor_factory) -> Actor:  # type: ignore[no-untyped-def]
    actor = actor_factory(personas.compte("sans_numero"))
    journeys.request_account_without_number(actor)
    return actor


@given("un demandeur qui a un compte sans numéro étranger", target_fixture="acteur")
def demandeur_avec_compte(personas, actor_factory) -> Actor:  # type: ignore[no-untyped-def]
    actor = actor_factory(personas.compte("sans_numero"))
    journeys.create_account_without_number(actor)
    return actor


@given("j'ai demandé la création de mon compte avec mon titre de séjour")
def creation_demandee(acteur: Actor) -> None:
    journeys.request_account_with_title(acteur)


# What the actor types --------------------------------------------------------------------------
@when("je saisis mon adresse email et sa confirmation")
def saisir_email(acteur: Actor) -> None:
    journeys.fill_email(acteur)


@when("je saisis mon numéro étranger, mon nom, mon prénom, ma date de naissance, mon pays de naissance et ma nationalité")
def saisir_identite(acteur: Actor) -> None:
    p, b = acteur.persona, acteur.browser
    b.fill("Votre numéro Étranger", p.numero_etranger)
    b.fill("Nom", p.nom)
    b.fill("Prénom", p.prenoms[0])
    b.fill_date("Votre date de naissance", p.date_naissance)
    b.select("Pays de naissance", *referentiel.country_labels(p.pays_naissance))
    b.select("Nationalité", *referentiel.nationality_labels(p.nationalites[0]))


@when("je saisis le numéro de mon titre et ses dates de validité")
def saisir_titre(acteur: Actor) -> None:
    journeys.fill_title(acteur)


@when("je saisis le numéro de mon titre avec une date de fin de validité erronée")
def saisir_titre_faux(acteur: Actor) -> None:
    titre = acteur.persona.titres[0]
    journeys.fill_title(acteur, fin=titre.date_fin.replace(year=titre.date_fin.year + 1))


@when(parsers.parse('je saisis mon mot de passe dans "{champ}" et "{confirmation}"'))
def saisir_mot_de_passe(acteur: Actor, champ: str, confirmation: str) -> None:
    acteur.browser.fill(champ, acteur.persona.mot_de_passe)
    acteur.browser.fill(confirmation, acteur.persona.mot_de_passe)
    acteur.notes.mot_de_passe = acteur.persona.mot_de_passe


@when(parsers.parse('je saisis un nouveau mot de passe dans "{champ}" et "{confirmation}"'))
def saisir_autre_mot_de_passe(acteur: Actor, champ: str, confirmation: str) -> None:
    nouveau = "Nv9!" + acteur.persona.mot_de_passe[::-1]
    acteur.browser.fill(champ, nouveau)
    acteur.browser.fill(confirmation, nouveau)
    acteur.notes.mot_de_passe = nouveau


@when(parsers.parse('je saisis "{mot_de_passe}" dans "{champ}" et "{confirmation}"'))
def saisir_mot_de_passe_donne(acteur: Actor, mot_de_passe: str, champ: str, confirmation: str) -> None:
    acteur.browser.fill(champ, mot_de_passe)
    acteur.browser.fill(confirmation, mot_de_passe)


@when("je saisis mon identifiant")
def saisir_identifiant(acteur: Actor) -> None:
    acteur.browser.fill("Identifiant", acteur.identifiant)


@when("je m'identifie avec le mot de passe provisoire")
def identification_provisoire(acteur: Actor) -> None:
    journeys.log_in(acteur, acteur.identifiant, acteur.mot_de_passe_provisoire)


@when("je m'identifie avec mon numéro étranger et mon mot de passe")
def identification_numero(acteur: Actor) -> None:
    acteur.notes.identifiant = acteur.persona.numero_etranger
    journeys.log_in(acteur, acteur.persona.numero_etranger, acteur.mot_de_passe)


@when("je m'identifie avec mon identifiant et mon mot de passe")
def identification(acteur: Actor) -> None:
    journeys.log_in(acteur, acteur.identifiant, acteur.mot_de_passe)


# Mail ------------------------------------------------------------------------------------------
@then(parsers.parse('je reçois le courriel "{texte}"'))
@given(parsers.parse('je reçois le courriel "{texte}"'))
def recevoir(acteur: Actor, texte: str) -> None:
    if not textes.current().verifier(texte, lambda: acteur.wait_for_mail(contains=texte), lieu="les courriels reçus"):
        acteur.wait_for_mail()  # a remarque: the scenario goes on with the newest mail received


@then(parsers.parse('ce courriel dit "{texte}"'))
def courriel_dit(acteur: Actor, texte: str) -> None:
    mail = acteur.last_mail
    textes.current().verifier_dans(texte, mail.text, lieu=f"le courriel « {mail.subject} »")


@then("ce courriel me donne mon adresse email comme identifiant et un mot de passe provisoire")
def courriel_identifiants(acteur: Actor) -> None:
    mail = acteur.last_mail
    assert mail.identifiant() == acteur.email
    acteur.notes.identifiant = mail.identifiant()
    acteur.notes.mot_de_passe_provisoire = mail.temporary_password()


@then("ce courriel s'adresse à moi par mon prénom et mon nom")
def courriel_nomme(acteur: Actor) -> None:
    first_line = acteur.last_mail.text.strip().splitlines()[0]
    p = acteur.persona
    assert _words(first_line) == f"Bonjour {p.prenoms[0]} {p.nom},", first_line


@when(parsers.parse('je suis le lien "{libelle}" du courriel'))
def suivre_lien_nomme(acteur: Actor, libelle: str) -> None:
    acteur.browser.open_link_from_mail(acteur.last_mail.link(libelle))


@when("je suis le lien du courriel")
def suivre_lien(acteur: Actor) -> None:
    acteur.browser.open_link_from_mail(acteur.last_mail.link())


# Time and state --------------------------------------------------------------------------------
@when(parsers.parse("{heures:d} heures passent sur l'horloge du portail"))
def horloge_avance(horloge: Horloge, heures: int) -> None:
    horloge.advance(heures)


@then("je suis connecté sur la page d'accueil")
def connecte(acteur: Actor) -> None:
    acteur.browser.click("Accueil")
    acteur.browser.expect_text("Je demande ou renouvelle un titre de séjour")
    acteur.browser.expect_connected(acteur.identifiant)
