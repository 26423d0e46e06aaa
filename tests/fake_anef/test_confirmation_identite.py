"""The confirmation_identite bloc (guide 05, 3/9 "confirmer son identité"): the loader's checks, and
the wizard confirming the fields it names against a record, keeping the confirmation only while
those fields are unchanged, never taking it from a form; and `omise_si_vide` on a PDF line."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from fake_anef.documents.demande import confirmation_pdf
from fake_anef.engine.communs import expand
from fake_anef.engine.definition import DefinitionError, by_id
from fake_anef.engine.wizard import Wizard, clean, identity_confirmed, keep_held, read
from tests.fake_anef.definitions import load_data

D = by_id("famille-ue")
STEP = D.step("modalites-du-sejour")  # type: ignore[union-attr]
BLOC = D.field("accueillant_identite_confirmee")  # type: ignore[union-attr]
TODAY = date(2026, 6, 1)
RECORDS = {"7512345678": {"nom": "Müller", "prenom": "Anna", "date_naissance": date(1985, 3, 14),
                          "pays_naissance": "DE", "nationalite": "DE", "sexe": "F"}}
SOURCE = Path(__file__).parents[2] / "fake_anef" / "procedures" / "famille_ue.yaml"


def values(**over: str) -> dict[str, str]:
    out = {
        "nationalite_accueillant": "europeenne", "activite_accueillant": "salarié", "presence_plus_5_ans": "oui",
        "lien": "conjoint", "accueillant_titre": "oui", "accueillant_numero": "7512345678", "titre_permanent_accueillant": "non",
        "accueillant_nom": "MULLER", "accueillant_prenoms": "Anna", "accueillant_nationalite": "DE",
        "accueillant_date_naissance_jour": "14", "accueillant_date_naissance_mois": "3", "accueillant_date_naissance_annee": "1985",
        "a_enfants": "non", "situation_familiale": "Marié(e)", "date_union_jour": "1", "date_union_mois": "6",
        "date_union_annee": "2015", "pays_union": "DE",
        "accueillant_titre_debut_jour": "1", "accueillant_titre_debut_mois": "1", "accueillant_titre_debut_annee": "2020",
    }
    out.update(over)
    return out


def confirm(v: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    return Wizard(D, TODAY).confirm_identity(STEP, BLOC.id, v, {}, RECORDS.get)  # type: ignore[arg-type]


def test_a_matching_record_confirms_and_the_step_then_validates() -> None:
    wizard = Wizard(D, TODAY)  # type: ignore[arg-type]
    assert wizard.validate(STEP, values(), {})["accueillant_numero"].startswith("Confirmez l'identité")
    confirmed, errors = confirm(values())
    assert errors == {} and identity_confirmed(BLOC, confirmed) and clean(BLOC, confirmed) is True
    assert wizard.validate(STEP, confirmed, {}) == {}
    assert wizard.display({"modalites-du-sejour": confirmed})["accueillant_identite_confirmee"] == "Identité confirmée"


@pytest.mark.parametrize("over", [
    {"accueillant_numero": "7512345679"}, {"accueillant_nom": "Meier"}, {"accueillant_date_naissance_annee": "1986"},
])
def test_no_match_is_an_error_next_to_the_numero(over: dict) -> None:
    out, errors = confirm(values(**over))
    assert list(errors) == ["accueillant_numero"] and errors["accueillant_numero"].startswith("Aucun titre de séjour")
    assert not identity_confirmed(BLOC, out)


def test_a_changed_field_undoes_the_confirmation() -> None:
    confirmed, _ = confirm(values())
    assert not identity_confirmed(BLOC, {**confirmed, "accueillant_nom": "Meier"})
    assert identity_confirmed(BLOC, {**confirmed, "accueillant_nom": "Müller"})  # the same name, as a clerk reads it
    assert identity_confirmed(BLOC, {**confirmed, "accueillant_prenoms": "Anna Maria"})  # not a checked field


def test_an_empty_or_bad_field_is_said_before_any_lookup() -> None:
    def no_lookup(numero: str) -> None:
        raise AssertionError("looked up")

    wizard = Wizard(D, TODAY)  # type: ignore[arg-type]
    _, errors = wizard.confirm_identity(STEP, BLOC.id, values(accueillant_nom=""), {}, no_lookup)  # type: ignore[arg-type]
    assert errors == {"accueillant_nom": "Ce champ est obligatoire."}
    _, errors = wizard.confirm_identity(STEP, BLOC.id, values(accueillant_date_naissance_jour="31",
                                                              accueillant_date_naissance_mois="2"), {}, no_lookup)  # type: ignore[arg-type]
    assert list(errors) == ["accueillant_date_naissance"]


def test_no_title_no_confirmation_asked() -> None:
    v = values(accueillant_titre="non")
    assert "accueillant_numero" not in Wizard(D, TODAY).validate(STEP, v, {})  # type: ignore[arg-type]
    assert confirm(v) == (v, {})


def test_the_confirmation_is_never_read_from_a_form_but_carried_from_what_is_stored() -> None:
    confirmed, _ = confirm(values())
    form = {**values(), "accueillant_identite_confirmee": "7512345678|muller|1985-03-14"}
    assert "accueillant_identite_confirmee" not in read(STEP, form)
    assert keep_held(STEP, read(STEP, form), confirmed)["accueillant_identite_confirmee"] == confirmed["accueillant_identite_confirmee"]


def _load(change) -> None:  # type: ignore[no-untyped-def]
    data = expand(SOURCE.read_text(encoding="utf-8"))
    blocs = data["steps"][1]["sections"][1]["blocs"]
    [bloc] = [b for b in blocs if b.get("type") == "confirmation_identite"]
    change(bloc, blocs)
    load_data(data)


@pytest.mark.parametrize(("change", "message"), [
    (lambda b, _: b["identite"].pop("numero_etranger"), "numero_etranger"),
    (lambda b, _: b["identite"].update(adresse="accueillant_nom"), "clé\\(s\\) inconnue\\(s\\) : adresse"),
    (lambda b, _: b["identite"].update(nom="telephone"), "identite.nom désigne « telephone »"),
    (lambda b, _: b["identite"].update(date_naissance="accueillant_nom"), "identite.date_naissance"),
    (lambda b, _: b.pop("bouton"), "« bouton » est obligatoire"),
    (lambda _, blocs: blocs[0].update(bouton="x"), "ne s'emploient qu'avec « type: confirmation_identite »"),
])
def test_a_broken_confirmation_is_refused(change, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DefinitionError, match=message):
        _load(change)


def test_an_omitted_empty_line_is_not_printed() -> None:
    printed = {"accueillant_numero": "", "accueillant_identite_confirmee": "", "lien": "Conjoint",
               "accueillant_nom": "Martin", "numero_demande": "7501202601010000001"}
    flat = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(confirmation_pdf(D, printed))).pages)  # type: ignore[arg-type]
    assert "Lien avec l'accueillant : CONJOINT" in flat and "Nom d'usage :" in flat
    assert "N° étranger de l'accueillant" not in flat and "Identité de l'accueillant" not in flat
