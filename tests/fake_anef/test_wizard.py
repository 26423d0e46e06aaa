"""The wizard's rules: which steps, fields and justificatifs apply, step validation, and the dépôt
validating every stored step again."""

from datetime import date

import pytest

from fake_anef.engine.definition import by_id
from fake_anef.engine.wizard import NoPieces, Wizard, add_item, count, read, remove_item

TODAY = date(2024, 6, 1)
D = by_id("vpf-enfant-de-francais")


@pytest.fixture
def wizard() -> Wizard:
    return Wizard(D, TODAY)  # type: ignore[arg-type]


def situation() -> dict:
    return {"situation": "famille-francais", "situation_famille": "enfant"}


def informations(**over: str) -> dict:
    values = {
        "nom_naissance": "Collins", "prenoms-0": "Marshall", "sexe": "M", "date_naissance_jour": "04",
        "date_naissance_mois": "3", "date_naissance_annee": "1990", "pays_naissance": "CA",
        "lieu_naissance": "Montréal", "nationalites-0": "CA", "adresse": "25 Rue Nationale 59000 Lille",
        "adresse_numero": "25", "adresse_voie": "Rue Nationale", "adresse_code_postal": "59000",
        "adresse_ville": "Lille", "adresse_pays": "France", "adresse_code_insee": "59350", "telephone": "0102030405",
    }
    values.update(over)
    return values


def motif(**over: str) -> dict:
    values = {
        "parent_nom_naissance": "Collins", "parent_prenoms-0": "Jean", "parent_sexe": "M",
        "parent_date_naissance_jour": "1", "parent_date_naissance_mois": "2", "parent_date_naissance_annee": "1960",
        "lien_parente": "Père", "date_entree_jour": "31", "date_entree_mois": "1", "date_entree_annee": "2020",
        "situation_familiale": "Célibataire", "a_enfants": "non", "attestation_polygamie": "oui",
        "attestation_sanctions": "oui",
    }
    values.update(over)
    return values


def data(**steps: dict) -> dict:
    out = {"situation": situation(), "informations-personnelles": informations(), "motif-de-sejour": motif()}
    out.update({k.replace("_", "-"): v for k, v in steps.items()})
    return out


def step(step_id: str):  # type: ignore[no-untyped-def]
    return D.step(step_id)  # type: ignore[union-attr]


def test_a_complete_step_has_no_error(wizard: Wizard) -> None:
    assert wizard.validate(step("informations-personnelles"), informations(), data()) == {}
    assert wizard.validate(step("motif-de-sejour"), motif(), data()) == {}


@pytest.mark.parametrize(("over", "name", "message"), [
    ({"nom_naissance": ""}, "nom_naissance", "Ce champ est obligatoire."),
    ({"prenoms-0": ""}, "prenoms-0", "Ce champ est obligatoire."),
    ({"date_naissance_jour": "31", "date_naissance_mois": "2"}, "date_naissance", "Cette date n'existe pas."),
    ({"date_naissance_annee": "2030"}, "date_naissance", "Cette date est dans le futur."),
    ({"date_naissance_annee": "90"}, "date_naissance", "L'année s'écrit avec 4 chiffres."),
    ({"telephone": "01020304"}, "telephone", "Le numéro de téléphone comporte 10 chiffres"),
    ({"nationalites-0": "XX"}, "nationalites-0", "Choisissez une valeur dans la liste proposée."),
    ({"adresse_code_postal": "590"}, "adresse_code_postal", "Le code postal comporte 5 chiffres."),
    ({"adresse_voie": "", "adresse_ville": ""}, "adresse_voie", "Ce champ est obligatoire."),
])
def test_bad_input_is_refused_next_to_its_field(wizard: Wizard, over: dict, name: str, message: str) -> None:
    errors = wizard.validate(step("informations-personnelles"), informations(**over), data())
    assert name in errors and errors[name].startswith(message)


def test_year_alone_is_enough_where_the_guide_shows_annee_only(wizard: Wizard) -> None:
    values = informations(date_naissance_jour="", date_naissance_mois="")
    assert wizard.validate(step("informations-personnelles"), values, data()) == {}
    values = motif(date_entree_jour="", date_entree_mois="")
    assert wizard.validate(step("motif-de-sejour"), values, data())["date_entree"].startswith("Indiquez le jour")


def test_entry_in_france_before_birth_is_refused(wizard: Wizard) -> None:
    errors = wizard.validate(step("motif-de-sejour"), motif(date_entree_annee="1985"), data())
    assert errors["date_entree"] == "La date d'entrée en France ne peut pas précéder votre date de naissance."


def test_union_fields_apply_only_when_married_or_pacsed(wizard: Wizard) -> None:
    errors = wizard.validate(step("motif-de-sejour"), motif(situation_familiale="Marié(e)"), data())
    assert set(errors) == {"date_union", "pays_union"}
    ok = motif(situation_familiale="Pacsé(e)", date_union_jour="1", date_union_mois="1", date_union_annee="2015",
               pays_union="FR")
    assert wizard.validate(step("motif-de-sejour"), ok, data()) == {}
    # a stale union date after "Célibataire" is ignored, not validated
    stale = motif(date_union_annee="1800")
    assert wizard.validate(step("motif-de-sejour"), stale, data()) == {}


def test_children_are_required_one_by_one_when_declared(wizard: Wizard) -> None:
    values = motif(a_enfants="oui")
    errors = wizard.validate(step("motif-de-sejour"), values, data())
    assert {"enfants-0-nom", "enfants-0-prenoms-0", "enfants-0-sexe", "enfants-0-date_naissance"} <= set(errors)
    values = add_item(values, "enfants")
    assert count(values, "enfants") == 2
    values.update({"enfants-1-nom": "B"})
    values = remove_item(values, "enfants", 0)
    assert values["enfants-0-nom"] == "B" and count(values, "enfants") == 1


def test_each_attestation_must_be_ticked(wizard: Wizard) -> None:
    errors = wizard.validate(step("motif-de-sejour"), motif(attestation_sanctions=""), data())
    assert errors == {"attestation_sanctions": "Pour poursuivre la téléprocédure, vous devez cocher cette case."}


@pytest.mark.parametrize(("nationalite", "asked", "not_asked"), [
    ("CA", "visa-long-sejour", "sejour-regulier"),
    ("MA", "visa-long-sejour", "sejour-regulier"),
    ("DZ", "sejour-regulier", "visa-long-sejour"),
    ("TN", "sejour-regulier", "visa-long-sejour"),
])
def test_cas_1_and_cas_2_justificatifs(wizard: Wizard, nationalite: str, asked: str, not_asked: str) -> None:
    variables = wizard.variables(data(informations_personnelles=informations(**{"nationalites-0": nationalite})))
    ids = [j.id for j in wizard.justificatifs(step("justificatifs"), variables)]
    assert asked in ids and not_asked not in ids


def test_resources_justificatifs_from_21_years_of_age(wizard: Wizard) -> None:
    young = wizard.variables(data(informations_personnelles=informations(date_naissance_annee="2005")))
    old = wizard.variables(data())
    assert "ressources-parent" not in [j.id for j in wizard.justificatifs(step("justificatifs"), young)]
    assert "ressources-parent" in [j.id for j in wizard.justificatifs(step("justificatifs"), old)]


def test_justificatifs_step_needs_files_and_a_confirmed_ephoto(wizard: Wizard) -> None:
    errors = wizard.validate(step("justificatifs"), {}, data(), NoPieces())
    assert errors["ephoto"] == "Saisissez puis confirmez votre numéro ephoto."
    assert "justificatif-nationalite" in errors and "justificatif-visa-long-sejour" in errors
    counts = {j: 1 for j in D.justificatifs}  # type: ignore[union-attr]
    assert wizard.validate(step("justificatifs"), {}, data(), NoPieces(counts, "1" * 22)) == {}


def test_the_depot_validates_every_stored_step_again(wizard: Wizard) -> None:
    pieces = NoPieces({j: 1 for j in D.justificatifs}, "1" * 22)  # type: ignore[union-attr]
    assert wizard.check_all(data(depot={}), pieces) is None
    broken = data(depot={}, informations_personnelles=informations(telephone="12"))
    failing_step, errors = wizard.check_all(broken, pieces)  # type: ignore[misc]
    assert failing_step.id == "informations-personnelles" and "telephone" in errors
    # a situation the simulator does not reproduce can never be deposited
    other = data(depot={}, situation={"situation": "famille-francais", "situation_famille": "conjoint"})
    assert wizard.check_all(other, pieces)[0].id == "situation"  # type: ignore[index]


def test_read_keeps_only_the_step_inputs() -> None:
    form = {"nom_naissance": "A", "prenoms-0": "B", "prenoms-1": "C", "_action": "x", "ephoto": "1", "intrus": "z",
            "date_naissance_jour": "1", "adresse_code_postal": "59000"}
    assert read(step("informations-personnelles"), form) == {
        "nom_naissance": "A", "prenoms-0": "B", "prenoms-1": "C", "date_naissance_jour": "1",
        "adresse_code_postal": "59000"}


def test_display_prints_what_the_user_reads(wizard: Wizard) -> None:
    shown = wizard.display(data())
    assert shown["date_naissance"] == "04/03/1990"
    assert shown["pays_naissance"] == "Canada"
    assert shown["nationalites"] == "Canadienne"
    assert shown["adresse"] == "25 Rue Nationale 59000 Lille France"
    assert shown["date_union"] == ""
