"""valeur_imprimee_fausse (the value mutants of mutants/catalogue.yaml): one printed value of the
documents wrong by one character, the others and their 2D-DOC forms untouched."""

from __future__ import annotations

from fake_anef.faults import Faults
from fake_anef.settings import Settings

VALUES = {"nom_naissance": "COLLINS", "numero_etranger": "7503136189", "date_naissance.jjmmaaaa": "04031990"}


def test_the_named_value_is_printed_one_character_off() -> None:
    assert Faults(["valeur_imprimee_fausse"], "nom_naissance").printed_values(VALUES) == {**VALUES, "nom_naissance": "COLLINT"}
    assert Faults(["valeur_imprimee_fausse"], "numero_etranger").printed_values(VALUES)["numero_etranger"] == "7503136180"


def test_without_the_fault_mode_or_on_another_name_nothing_changes() -> None:
    assert Faults([], "nom_naissance").printed_values(VALUES) == VALUES
    assert Faults(["valeur_imprimee_fausse"], "adresse").printed_values(VALUES) == VALUES


def test_an_attestation_value_is_changed_once() -> None:
    """misprinted(values, done): a value already changed with the document's values is not changed twice."""
    faults = Faults(["valeur_imprimee_fausse"], "nom_naissance")
    printed = faults.printed_values(VALUES)
    assert faults.misprinted({**printed, "date_fin_validite": "25/10/2022"}, printed)["nom_naissance"] == "COLLINT"
    later = Faults(["valeur_imprimee_fausse"], "date_fin_validite")
    assert later.misprinted({**VALUES, "date_fin_validite": "25/10/2022"}, VALUES)["date_fin_validite"] == "25/10/2023"


def test_the_name_comes_from_the_environment() -> None:
    assert Settings.from_env({"ANEF_VALEUR_FAUSSE": "prenoms"}).valeur_fausse == "prenoms"
