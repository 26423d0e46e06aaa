"""Steps of guide 02 (enfant de Français, première demande): who acts, what they type at each step,
what the confirmation and the instruction give them."""

from __future__ import annotations

from datetime import date, timedelta

from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from harness import enfant_de_francais as edf
from harness import parcours
from harness.actor import Actor
from harness.backoffice import BackOffice
from harness.demarche import Demarche
from harness.preconditions import Preconditions


# Who acts ---------------------------------------------------------------------------------------
@given(parsers.parse('un demandeur de nationalité "{nationalite}", enfant d\'un parent français'), target_fixture="acteur")
def demandeur(personas, actor_factory, nationalite: str) -> Actor:  # type: ignore[no-untyped-def]
    return actor_factory(personas.enfant_de_francais(nationalite=nationalite))


@given(parsers.parse('un demandeur marié, de nationalité "{nationalite}", parent de {enfants:d} enfants, '
                     'enfant d\'un parent français'), target_fixture="acteur")
def demandeur_marie(personas, actor_factory, nationalite: str, enfants: int) -> Actor:  # type: ignore[no-untyped-def]
    return actor_factory(personas.enfant_de_francais(nationalite=nationalite, situation="Marié(e)", enfants=enfants))


@given("un numéro ephoto déjà confirmé dans la demande d'un autre demandeur", target_fixture="autre_ephoto")
def ephoto_deja_utilise(personas, actor_factory, preconditions: Preconditions) -> str:  # type: ignore[no-untyped-def]
    autre = actor_factory(personas.enfant_de_francais())
    edf.open_account(autre, preconditions)
    parcours.du(autre).advance_to(autre, "Justificatifs", preconditions)
    d = edf.demarche(autre)
    d.confirm_ephoto(autre.persona.ephoto)
    d.expect_ephoto_confirmed(autre.persona.ephoto)
    d.press("Quitter et revenir plus tard")
    autre.browser.open_home()
    return autre.persona.ephoto


@given("j'ai ouvert mon compte sans numéro étranger")
def compte_ouvert(acteur: Actor, preconditions: Preconditions) -> None:
    edf.open_account(acteur, preconditions)


@given(parsers.parse('j\'ai rempli la demande jusqu\'à l\'étape "{titre}"'))
def rempli_jusqua(acteur: Actor, titre: str, preconditions: Preconditions) -> None:
    """The former wording of steps.demarche's "j'ai rempli ma demande jusqu'à l'étape …"."""
    parcours.du(acteur).advance_to(acteur, titre, preconditions)


@when(parsers.parse('je me reconnecte et je clique sur "{brique}"'))
def reconnexion(acteur: Actor, brique: str) -> None:
    edf.log_in_again(acteur, brique)


# What the actor types ---------------------------------------------------------------------------
@when("je renseigne mon état civil, mon adresse et mon téléphone")
def informations(acteur: Actor) -> None:
    edf.fill_informations(acteur)


@when("je renseigne mon parent français et ma situation familiale")
def motif(acteur: Actor) -> None:
    edf.fill_parent(acteur)
    edf.fill_situation_familiale(acteur)


@when("je renseigne mon parent français")
def parent(acteur: Actor) -> None:
    edf.fill_parent(acteur)


@when("je renseigne ma situation familiale et mes enfants")
def situation_familiale(acteur: Actor) -> None:
    edf.fill_situation_familiale(acteur)


@when("j'atteste sur l'honneur")
def attester(acteur: Actor) -> None:
    edf.attest(acteur)


@when("je coche seulement la première attestation sur l'honneur")
def attester_a_moitie(acteur: Actor) -> None:
    edf.attest(acteur, sanctions=False)


@when(parsers.parse('je saisis la date de naissance "{jour}" "{mois}" "{annee}"'))
def date_naissance_brute(demarche: Demarche, jour: str, mois: str, annee: str) -> None:
    group = demarche.zone.section("ÉTAT CIVIL").group("Date de naissance").root
    group.get_by_label("Jour").fill(jour)
    group.get_by_label("Mois").select_option(label=mois)
    group.get_by_label("Année").fill(annee)


@when("je saisis une date de naissance dans le futur")
def naissance_future(acteur: Actor, demarche: Demarche) -> None:
    demain = date.today() + timedelta(days=400)
    demarche.zone.section("ÉTAT CIVIL").fill_date("Date de naissance", demain)


@when("je saisis mon téléphone")
def telephone(acteur: Actor, demarche: Demarche) -> None:
    demarche.zone.section("INFORMATIONS DE CONTACT").fill("Téléphone", acteur.persona.telephone)


@when("je saisis une date d'entrée en France antérieure à ma naissance")
def entree_avant_naissance(acteur: Actor, demarche: Demarche) -> None:
    demarche.zone.section("LIENS PERSONNELS ET FAMILIAUX").fill_date(
        "Date d'entrée en France", acteur.persona.date_naissance - timedelta(days=30))


@when("je confirme mon numéro ephoto")
def confirmer_ephoto(acteur: Actor, demarche: Demarche) -> None:
    demarche.confirm_ephoto(acteur.persona.ephoto)


@when("je saisis le numéro ephoto de l'autre demandeur et je le confirme")
def confirmer_ephoto_autre(demarche: Demarche, autre_ephoto: str) -> None:
    demarche.confirm_ephoto(autre_ephoto)


@then("mon numéro ephoto est confirmé")
def ephoto_confirme(acteur: Actor, demarche: Demarche) -> None:
    demarche.expect_ephoto_confirmed(acteur.persona.ephoto)


@when("je joins un document à chaque justificatif demandé")
def joindre_tout(acteur: Actor) -> None:
    edf.attach_all(acteur)


# What the page shows back -----------------------------------------------------------------------
@then("la page montre ma date et mon pays d'union et le prénom de chacun de mes enfants")
def union_et_enfants(acteur: Actor, demarche: Demarche) -> None:
    p, z = acteur.persona, demarche.zone.section("LIENS PERSONNELS ET FAMILIAUX")
    union = z.group("Date de début de l'union").root
    expect(union.get_by_label("Année")).to_have_value(str(p.union.date.year))
    expect(union.get_by_label("Jour")).to_have_value(f"{p.union.date.day:02d}")
    expect(z.field("Pays de l'union").locator("option:checked")).to_have_text(p.union.pays)
    for i, enfant in enumerate(p.enfants):
        expect(z.group(f"Enfant {i + 1}").nth_field("Prénom(s)", 0)).to_have_value(enfant.prenoms[0])


@then("la page montre le nom de naissance de mon parent français")
def nom_parent(acteur: Actor, demarche: Demarche) -> None:
    z = demarche.zone.section("INFORMATIONS PERSONNELLES DU PARENT FRANCAIS")
    expect(z.field("Nom de naissance")).to_have_value(acteur.persona.parent_francais.personne.nom)


@then("la page montre mon nom de naissance")
def nom(acteur: Actor, demarche: Demarche) -> None:
    expect(demarche.zone.section("ÉTAT CIVIL").field("Nom de naissance")).to_have_value(acteur.persona.nom)


@then("la page montre mon nom de naissance, mon téléphone et mon code postal")
def nom_telephone_cp(acteur: Actor, demarche: Demarche) -> None:
    p = acteur.persona
    expect(demarche.zone.section("ÉTAT CIVIL").field("Nom de naissance")).to_have_value(p.nom)
    expect(demarche.zone.section("INFORMATIONS DE CONTACT").field("Téléphone")).to_have_value(p.telephone)
    expect(demarche.zone.section("ADRESSE").field("Code postal")).to_have_value(p.adresse.code_postal)


# Dépôt, confirmation, instruction ---------------------------------------------------------------
@when("l'instruction de ma demande commence")
def instruction(acteur: Actor, backoffice: BackOffice) -> None:
    """The agent starts it (through the target's back-office adapter); the numéro étranger is
    read in the account mail that follows."""
    backoffice.start_instruction(acteur.numero_demande)


@then("ce courriel me donne mon numéro étranger comme identifiant et un mot de passe provisoire")
def courriel_numero(acteur: Actor) -> None:
    mail = acteur.last_mail
    identifiant = mail.identifiant()
    assert identifiant.isdigit() and len(identifiant) == 10, identifiant
    acteur.notes.numero_etranger = identifiant
    acteur.notes.identifiant = identifiant
    acteur.notes.mot_de_passe_provisoire = mail.temporary_password()

