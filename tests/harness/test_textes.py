"""The text checks: typography is normalised, words/accents/case are not; a normative mismatch fails
on any target naming its requirement, guide, section and text; an informative one fails against the
bundled portal and is a remarque against another target."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from harness.catalogue import Catalogue, Exigence, catalogue, normalise
from harness.textes import TexteNonConforme, Verificateur, contains, message, pattern

NORMATIVE = catalogue().find("Demande de création de compte bien enregistrée.")
INFORMATIVE = catalogue().find("Le mot de passe doit contenir au moins une majuscule.")


def _fail() -> None:
    raise AssertionError("texte absent")


class Node(SimpleNamespace):
    """What a check records on: a test item's user_properties and its config's stash."""

    def __init__(self) -> None:
        super().__init__(nodeid="features/x.feature::scenario", user_properties=[],
                         config=SimpleNamespace(stash={}))


# Normalisation ---------------------------------------------------------------------------------
@pytest.mark.parametrize("seen", [
    "Votre identifiant de connexion sera votre N° Etranger",
    "Votre identifiant de connexion sera votre N°\u00a0Etranger",
    "Votre  identifiant\nde connexion sera votre N° Etranger",
])
def test_spaces_are_typography(seen: str) -> None:
    assert contains(seen, "Votre identifiant de connexion sera votre N° Etranger")


@pytest.mark.parametrize("seen", ["Je n’ai pas de numéro d’étranger", "Je n'ai pas de numéro d'étranger",
                                  "Je nʼai pas de numéro dʼétranger"])
def test_apostrophes_are_typography(seen: str) -> None:
    assert contains(seen, "Je n'ai pas de numéro d'étranger")


@pytest.mark.parametrize("seen", ["Adresse email * :", "Adresse email :", "Adresse email:", "Adresse email\u202f:",
                                  "Adresse email *:"])
def test_colon_spacing_and_required_star_are_typography(seen: str) -> None:
    assert pattern("Adresse email * :", whole=True).search(normalise(seen))
    assert pattern("Adresse email :", whole=True).search(seen)


@pytest.mark.parametrize("seen", [
    "Demande de creation de compte bien enregistrée.",   # an accent
    "demande de création de compte bien enregistrée.",   # case
    "Demande de création du compte bien enregistrée.",   # a word
])
def test_words_accents_and_case_are_not(seen: str) -> None:
    assert not contains(seen, "Demande de création de compte bien enregistrée.")


def test_placeholder_of_a_catalogue_text_matches_a_value() -> None:
    assert pattern("Votre démarche en ligne est à {pourcentage}% terminée").search(
        "Votre démarche en ligne est à 40% terminée")
    found = catalogue().find_template("Votre démarche en ligne est à 40% terminée")
    assert found is not None and not found.normative  # the guides never show 40 %
    found = catalogue().find_template("Votre démarche en ligne est à 20% terminée")
    assert found is not None and found.normative and found.guide.startswith("02-")


# Outcomes --------------------------------------------------------------------------------------
def test_catalogue_sources_used_here() -> None:
    assert NORMATIVE is not None and NORMATIVE.normative
    assert INFORMATIVE is not None and not INFORMATIVE.normative


@pytest.mark.parametrize("foreign", [False, True])
def test_normative_mismatch_fails_on_any_target(foreign: bool) -> None:
    node = Node()
    with pytest.raises(TexteNonConforme) as failure:
        Verificateur(foreign=foreign, node=node).verifier(NORMATIVE.texte, _fail, lieu="la page /creation")
    text = str(failure.value)
    assert NORMATIVE.id in text and NORMATIVE.guide in text and NORMATIVE.section in text
    assert "« Demande de création de compte bien enregistrée. »" in text and "la page /creation" in text
    assert node.user_properties == [("exigence", f"{NORMATIVE.id}:ko")]


def test_informative_mismatch_fails_against_the_bundled_portal() -> None:
    node = Node()
    with pytest.raises(TexteNonConforme) as failure:
        Verificateur(foreign=False, node=node).verifier(INFORMATIVE.texte, _fail)
    assert INFORMATIVE.id in str(failure.value) and "informatif" in str(failure.value)
    assert node.user_properties == [("exigence", f"{INFORMATIVE.id}:ko")]


def test_informative_mismatch_is_a_remarque_against_another_target() -> None:
    node = Node()
    v = Verificateur(foreign=True, node=node)
    assert v.verifier(INFORMATIVE.texte, _fail, lieu="le message du champ") is False
    assert ("exigence", f"{INFORMATIVE.id}:remarque") in node.user_properties
    remarque = dict(node.user_properties)["remarque"]
    assert INFORMATIVE.id in remarque and INFORMATIVE.texte in remarque
    assert [r.exigence.id for r in v.remarques] == [INFORMATIVE.id]
    assert len(next(iter(node.config.stash.values()))) == 1  # listed by the terminal summary


def test_a_match_is_recorded_ok() -> None:
    node = Node()
    assert Verificateur(foreign=True, node=node).verifier_dans(
        NORMATIVE.texte, "… Demande de création de compte bien enregistrée. …", lieu="x")
    assert node.user_properties == [("exigence", f"{NORMATIVE.id}:ok")]


def test_a_text_outside_the_catalogue_is_refused() -> None:
    with pytest.raises(TexteNonConforme, match="catalogue"):
        Verificateur().verifier("Une phrase que personne n'a cataloguée", lambda: None)


def test_message_names_guide_section_and_text() -> None:
    e = Exigence(id="G02-ETAPE6-X", guide="02-enfant-de-francais-premiere-demande.md",
                 section="ETAPE 6 : CONFIRMATION", nature="texte", normative=True, texte="Bien reçu.")
    text = message(e, "la page", "Bien reçu.", "constaté : rien")
    assert "G02-ETAPE6-X" in text and "guide 02-enfant-de-francais-premiere-demande.md" in text
    assert "« ETAPE 6 : CONFIRMATION »" in text and "« Bien reçu. »" in text


def test_a_normative_entry_is_preferred_when_the_simulator_repeats_a_guide_text() -> None:
    shared = dict(section="s", nature="texte", texte="Valider")
    cat = Catalogue((Exigence(id="SIM-A", guide="sim", normative=False, **shared),
                     Exigence(id="G01-A", guide="01.md", normative=True, **shared)))
    assert cat.find("Valider").id == "G01-A"
