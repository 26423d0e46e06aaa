"""Steps of guide 05 (membre de famille d'un citoyen UE/EEE/Suisse, accueillant français or
européen): who acts, what they type at étape 2, the justificatifs, the confirmation. One sentence,
one harness call."""

from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from harness import accueillant, famille_ue, parcours
from harness.actor import Actor
from harness.browser import label_pattern
from harness.documents import PdfDocument
from harness.preconditions import Preconditions
from harness.recoupement import courriel_contre_document
from harness.referentiel import Referentiel

ACTIVITES = {"salarié": "salarié", "non salarié": "non salarié", "étudiant": "étudiant",
             "retraité ou inactif": "retraité ou inactif", "en cessation involontaire d'activité": "en cessation involontaire d'activité"}


# Who acts ---------------------------------------------------------------------------------------
@given(parsers.parse("un membre de famille conjoint d'un accueillant français, ayant séjourné avec lui "
                     "{mois:d} mois dans un autre État membre, dont le titre de séjour est connu du portail"),
       target_fixture="acteur")
def conjoint_de_francais(personas, actor_factory, referentiel: Referentiel, mois: int) -> Actor:  # type: ignore[no-untyped-def]
    return actor_factory(referentiel.titre(personas, lambda f: f.famille_ue(
        accueillant="français", lien="conjoint", activite="salarié", sejour_autre_etat_mois=mois), tous_les_prenoms=True))


@given(parsers.parse('un membre de famille "{lien}" d\'un accueillant européen "{activite}" sans titre de séjour, '
                     'dont le titre de séjour est connu du portail'), target_fixture="acteur")
def membre_de_famille_europeen(personas, actor_factory, referentiel: Referentiel, lien: str, activite: str) -> Actor:  # type: ignore[no-untyped-def]
    return actor_factory(referentiel.titre(personas, lambda f: f.famille_ue(
        accueillant="européen", lien=lien, activite=ACTIVITES[activite]), tous_les_prenoms=True))


def _titulaire(personas, actor_factory, referentiel: Referentiel, lien: str, activite: str, enfants: int) -> Actor:  # type: ignore[no-untyped-def]
    persona = referentiel.titre(personas, lambda f: f.famille_ue(
        accueillant="européen", lien=lien, activite=ACTIVITES[activite], accueillant_titre=True, enfants=enfants),
        tous_les_prenoms=True, accueillant=True)
    return actor_factory(persona)


@given(parsers.parse('un membre de famille "{lien}" d\'un accueillant européen "{activite}" titulaire d\'un titre de séjour, '
                     'leurs titres de séjour étant connus du portail'), target_fixture="acteur")
def membre_de_famille_titulaire(personas, actor_factory, referentiel: Referentiel, lien: str, activite: str) -> Actor:  # type: ignore[no-untyped-def]
    return _titulaire(personas, actor_factory, referentiel, lien, activite, 0)


@given(parsers.parse('un membre de famille "{lien}" d\'un accueillant européen "{activite}" titulaire d\'un titre de séjour, '
                     'avec {enfants:d} enfants à charge, leurs titres de séjour étant connus du portail'), target_fixture="acteur")
def membre_de_famille_titulaire_avec_enfants(personas, actor_factory, referentiel: Referentiel, lien: str, activite: str,  # type: ignore[no-untyped-def]
                                             enfants: int) -> Actor:
    return _titulaire(personas, actor_factory, referentiel, lien, activite, enfants)


@given(parsers.parse('j\'ai commencé ma demande de renouvellement jusqu\'à l\'étape "{titre}"'))
def commence_jusqua(acteur: Actor, titre: str, preconditions: Preconditions) -> None:
    parcours.du(acteur).advance_to(acteur, titre, preconditions)


# Step 1 -----------------------------------------------------------------------------------------
@then("l'adresse connue de mon titre est pré-remplie, à vérifier")
def adresse_pre_remplie(acteur: Actor) -> None:
    famille_ue.expect_address_prefilled(acteur)


@when("je renseigne mon lieu de naissance et mon téléphone, et garde mon adresse vérifiée")
def informations(acteur: Actor) -> None:
    famille_ue.fill_informations(acteur)


# Step 2 -----------------------------------------------------------------------------------------
@when("je renseigne les modalités de mon séjour et mon accueillant")
def modalites(acteur: Actor) -> None:
    famille_ue.fill_modalites(acteur)


@when(parsers.parse("je renseigne les modalités de mon séjour, avec un séjour de {mois:d} mois dans l'autre État membre"))
def modalites_sejour_court(acteur: Actor, mois: int) -> None:
    famille_ue.fill_modalites(acteur, mois=mois)


@when(parsers.parse('je renseigne les modalités de mon séjour en me déclarant "{lien}" de mon accueillant'))
def modalites_lien(acteur: Actor, lien: str) -> None:
    famille_ue.fill_modalites(acteur, lien=lien)


@when("je renseigne les modalités de mon séjour et mon accueillant, avec un autre numéro étranger que le sien")
def modalites_autre_numero(acteur: Actor) -> None:
    numero = famille_ue.autre_numero(acteur.persona.accueillant.personne.numero_etranger)
    acteur.notes.numero_accueillant_saisi = numero
    famille_ue.fill_modalites(acteur, numero=numero)


@when(parsers.parse('je renseigne les modalités de mon séjour et mon accueillant, avec une erreur sur "{libelle}"'))
def modalites_erreur(acteur: Actor, libelle: str) -> None:
    famille_ue.fill_modalites(acteur)
    accueillant.type_wrong(acteur, libelle)


@when("je confirme l'identité de mon accueillant")
def confirme_identite(acteur: Actor) -> None:
    famille_ue.confirm_identity(acteur)


@when("je corrige le numéro étranger de mon accueillant")
def corrige_numero(acteur: Actor) -> None:
    famille_ue.correct_numero(acteur)


@then("l'identité de mon accueillant est confirmée")
def identite_confirmee(acteur: Actor) -> None:
    famille_ue.expect_identity_confirmed(acteur)


@then("l'identité de mon accueillant n'est pas confirmée")
def identite_non_confirmee(acteur: Actor) -> None:
    famille_ue.expect_identity_confirmed(acteur, confirmed=False)


@then("ce que j'ai saisi sur mon accueillant est conservé")
def accueillant_conserve(acteur: Actor) -> None:
    famille_ue.expect_accueillant_kept(acteur, acteur.notes.exige("numero_accueillant_saisi"))


@then("mes enfants à charge sont déclarés, chacun dans son groupe")
def enfants_declares(acteur: Actor) -> None:
    famille_ue.expect_enfants(acteur)


@then(parsers.parse('le champ "{libelle}" n\'est pas proposé'))
def champ_non_propose(acteur: Actor, libelle: str) -> None:
    expect(famille_ue.demarche(acteur).page.get_by_label(label_pattern(libelle))).to_be_hidden()


# Step 3 -----------------------------------------------------------------------------------------
@when("je confirme mon numéro ephoto et je joins un document à chaque justificatif demandé")
def justificatifs(acteur: Actor) -> None:
    famille_ue.fill_justificatifs(acteur)


# Step 4 -----------------------------------------------------------------------------------------
@when("je valide les trois parties du récapitulatif de ma demande")
def valider(acteur: Actor) -> None:
    famille_ue.validate_parts(acteur)


# Step 5 -----------------------------------------------------------------------------------------
@then("le document téléchargé est ma confirmation de dépôt : mon identité, ma nationalité, mon adresse, mon accueillant et notre lien")
def confirmation(acteur: Actor, document: PdfDocument) -> None:
    famille_ue.expect_confirmation(document, acteur.persona)
    acteur.notes.confirmation = document


@then("ce courriel porte en pièce jointe la confirmation de dépôt téléchargée")
def piece_jointe(acteur: Actor) -> None:
    nom, contenu = acteur.last_mail.attachment(".pdf")
    telechargee: PdfDocument = acteur.notes.exige("confirmation")
    assert nom == telechargee.filename, (nom, telechargee.filename)
    assert PdfDocument(filename=nom, content=contenu).flat == telechargee.flat
    courriel_contre_document(acteur.last_mail, telechargee, acteur.persona).check()
