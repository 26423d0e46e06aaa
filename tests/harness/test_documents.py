"""The PDF instrument: it passes on the portal's conformant confirmation and is seen to fail on
faulty ones (Inferno's habit: every check tested twice)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from fake_anef.documents.demande import confirmation_pdf
from fake_anef.engine.definition import by_id
from harness.documents import PdfDocument, compare_confirmation, read_fields
from personas.model import Adresse, Demandeur

DEFINITION = by_id("vpf-enfant-de-francais")


def persona(**over: object) -> Demandeur:
    values: dict = dict(
        nom="Collins", prenoms=["Marshall"], sexe="M", date_naissance=date(1990, 3, 4), ville_naissance="Montréal",
        pays_naissance="Canada", nationalites=["CA"], email="m@example.org", telephone="0639980000",
        adresse=Adresse("25", "Rue Nationale", "", "59000", "Lille", "France", "59350"), mot_de_passe="Abcdef1!",
        ephoto="0" * 22,
    )
    values.update(over)
    return Demandeur(**values)


def printed(**over: str) -> dict[str, str]:
    """What the portal prints for the persona above (the guide's example, guide 02 étape 6)."""
    values = {
        "numero_demande": "5901202212220000370", "numero_etranger": "", "date_emission": "22/12/2022",
        "date_depot": "22/12/2022", "nom_naissance": "Collins", "nom_usage": "", "prenoms": "Marshall",
        "date_naissance": "04/03/1990", "lieu_naissance": "Montréal", "pays_naissance": "Canada",
        "nationalites": "Canadienne", "adresse": "25 Rue Nationale 59000 Lille France",
    }
    values.update(over)
    return values


def document(**over: str) -> PdfDocument:
    return PdfDocument("confirmation.pdf", confirmation_pdf(DEFINITION, printed(**over)))  # type: ignore[arg-type]


def test_a_conformant_confirmation_passes() -> None:
    result = compare_confirmation(document(), persona())
    assert result.problems == []
    assert result.printed["Adresse"] == "25 RUE NATIONALE 59000 LILLE FRANCE"
    result.check()


def test_a_masculine_nationality_adjective_is_accepted_too() -> None:
    assert compare_confirmation(document(nationalites="Canadien"), persona()).problems == []


@pytest.mark.parametrize(("fault", "field"), [
    ({"nom_naissance": "Colins"}, "Nom de naissance"),
    ({"prenoms": "Marshal"}, "Prénom"),
    ({"date_naissance": "03/04/1990"}, "Né(e) le"),
    ({"lieu_naissance": "Québec"}, "A"),
    ({"nationalites": "Américaine"}, "Nationalité"),
    ({"adresse": "25 Rue Nationale 59800 Lille France"}, "Adresse"),
    ({"numero_demande": "590120221222000037"}, "N° de la demande"),
    ({"numero_demande": "7501202212220000370"}, "N° de la demande"),
    ({"date_emission": "23/12/2022"}, "N° de la demande"),
    ({"numero_etranger": "5903000273"}, "Identifiant (N° étranger)"),
])
def test_a_faulty_confirmation_fails_on_the_faulty_field(fault: dict, field: str) -> None:
    result = compare_confirmation(document(**fault), persona())
    assert any(p.startswith(field) for p in result.problems), result.problems
    with pytest.raises(AssertionError, match="ne correspond pas au demandeur"):
        result.check()


def test_a_missing_sentence_or_a_non_pdf_fails() -> None:
    faulty_definition = replace(DEFINITION, confirmation=replace(DEFINITION.confirmation, paragraphes=()))  # type: ignore[arg-type]
    pdf = PdfDocument("c.pdf", confirmation_pdf(faulty_definition, printed()))
    assert any("(exigence normative) non respectée" in p for p in compare_confirmation(pdf, persona()).problems)
    with pytest.raises(AssertionError, match="n'est pas un PDF"):
        _ = PdfDocument("c.pdf", b"MZ\x90\x00").text


def test_persona_with_two_first_names_and_a_usage_name() -> None:
    who = persona(prenoms=["Marshall", "John"], nom_usage="Smith")
    assert compare_confirmation(document(prenoms="Marshall John", nom_usage="Smith"), who).problems == []
    assert compare_confirmation(document(), who).problems != []


def test_read_fields_splits_at_labels_in_order() -> None:
    flat = "Nom de naissance : A B Nom d'usage : Prénom : C A : LILLE, FRANCE Le 01/01/2024, vous avez déposé"
    fields = read_fields(flat, ["Nom de naissance", "Nom d'usage", "Prénom", "A"], end=r"Le \d{2}/")
    assert fields == {"Nom de naissance": "A B", "Nom d'usage": "", "Prénom": "C", "A": "LILLE, FRANCE"}
