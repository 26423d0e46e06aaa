"""The engine features guide 03 needed, as data: the préambule, pre-filled read-only fields, an
optional checkbox ("case"), the bloquant rule, justificatifs outside the list or outside the steps,
the `anniversaire` function; and the ASE definition's three CAS read from those rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from fake_anef.engine.communs import expand
from fake_anef.engine.conditions import parse
from fake_anef.engine.definition import DefinitionError, by_id, by_situation
from fake_anef.engine.wizard import Wizard, with_prefill
from tests.fake_anef.definitions import load_data

SOURCE = Path(__file__).parents[2] / "fake_anef" / "procedures" / "ase.yaml"
ASE = by_id("vpf-ase")
TODAY = date(2026, 6, 15)


def _data() -> dict:
    return expand(SOURCE.read_text(encoding="utf-8"))


def _load(data: dict) -> None:
    load_data(data)


def test_the_ase_definition_is_reached_from_votre_situation_actuelle() -> None:
    assert by_situation("En tant qu'étranger confié à l'ASE (Aide Sociale à l'Enfance)") is ASE
    assert [s.titre for s in ASE.steps] == ["Informations personnelles", "Motif de séjour", "Justificatifs",
                                            "Dépôt de la demande", "Confirmation"]
    assert ASE.preambule is not None and ASE.preambule.bouton == "Je continue"
    assert [e.titre for e in ASE.preambule.etapes][0] == "1. Informations personnelles"
    assert ASE.preambule.intro_parts() == [
        "Ce site vous permet d'effectuer une demande de titre de séjour Vie Privée et Familiale :",
        ["en tant qu'étranger confié(e) à l'Aide Sociale à l'Enfance (ASE)"],
    ]
    assert ASE.type_demande == "Demande de vie privée et familiale"


@pytest.mark.parametrize(("naissance", "expected"), [
    (date(2010, 5, 1), date(2026, 5, 1)),
    (date(2008, 2, 29), date(2024, 2, 29)),
    (date(2009, 2, 28), date(2025, 2, 28)),
    (date(2012, 2, 29), date(2028, 2, 29)),
    (date(2011, 2, 28), date(2027, 2, 28)),
])
def test_anniversaire(naissance: date, expected: date) -> None:
    assert parse("anniversaire(d, 16)").evaluate({"d": naissance}, TODAY) == expected


def test_anniversaire_of_29_february_in_a_common_year_is_28_february() -> None:
    assert parse("anniversaire(d, 16)").evaluate({"d": date(2004, 2, 29)}, TODAY) == date(2020, 2, 29)
    assert parse("anniversaire(d, 17)").evaluate({"d": date(2004, 2, 29)}, TODAY) == date(2021, 2, 28)
    assert parse("anniversaire(d, 16)").evaluate({"d": None}, TODAY) is None


def _steps(data: dict, step: int) -> list:
    return data["steps"][step]["sections"]


@pytest.mark.parametrize(("breakage", "message"), [
    (lambda d: _steps(d, 0)[0]["blocs"][1].update(prefill="identite.telephone"), "prefill « identite.telephone » inconnu"),
    (lambda d: _steps(d, 0)[0]["blocs"][1].update(prefill="identite.date_naissance"), "ne remplit pas un champ « texte »"),
    (lambda d: _steps(d, 0)[0]["blocs"][2].update(lecture_seule=True), "a besoin de « prefill »"),
    (lambda d: d["steps"][1]["bloquant"].pop("when"), "« when » est obligatoire"),
    (lambda d: d["steps"][1]["bloquant"].update(when="inconnu > 1"), "nom(s) inconnu(s) : inconnu"),
    (lambda d: d["preambule"].update(couleur="rouge"), "clé(s) inconnue(s) : couleur"),
    (lambda d: d["preambule"].pop("bouton"), "« bouton » est obligatoire"),
    (lambda d: d["justificatifs"][2].pop("hors_liste"), "absent(s) de la liste : identite"),
    (lambda d: d["justificatifs"][-1].pop("hors_etape"), "jamais demandé(s) dans une étape : insertion"),
    (lambda d: _steps(d, 2)[1]["blocs"].append({"type": "justificatif", "justificatif": "insertion"}), "hors_etape"),
    (lambda d: d["steps"][0].update(recapitulatif=True), "demande le « recapitulatif » de la définition"),
])
def test_a_broken_ase_definition_is_refused_with_where_and_why(breakage, message: str) -> None:  # type: ignore[no-untyped-def]
    data = _data()
    breakage(data)
    with pytest.raises(DefinitionError) as info:
        _load(data)
    assert message in str(info.value)


SOURCES = {"identite.nom": "Etranger", "identite.prenom": "Mineur", "identite.date_naissance": date(2009, 8, 10),
           "identite.pays_naissance": "BR", "identite.nationalite": "BR", "identite.sexe": "M",
           "compte.email": "m@example.org"}


def test_read_only_fields_always_hold_the_administration_s_values() -> None:
    typed = {"informations-personnelles": {"nom_naissance": "Autre", "date_naissance_annee": "1990",
                                           "lieu_naissance": "Brasilia"}}
    data = with_prefill(ASE, typed, SOURCES)
    step = data["informations-personnelles"]
    assert step["nom_naissance"] == "Etranger" and step["prenoms"] == "Mineur" and step["sexe"] == "M"
    assert (step["date_naissance_jour"], step["date_naissance_mois"], step["date_naissance_annee"]) == ("10", "8", "2009")
    assert step["pays_naissance"] == "BR" and step["nationalite"] == "BR" and step["lieu_naissance"] == "Brasilia"
    assert typed["informations-personnelles"]["nom_naissance"] == "Autre"  # the input is not changed in place
    variables = Wizard(ASE, TODAY).variables(data)
    assert variables["age"] == 16 and variables["mineur"] is True and variables["seize_ans"] == date(2025, 8, 10)


def test_a_prefilled_field_that_is_not_read_only_keeps_what_the_user_typed() -> None:
    data = _data()
    _steps(data, 0)[0]["blocs"][2].update(prefill="identite.nom")  # nom_usage, editable
    definition = load_data(data, source="<définition>")
    assert with_prefill(definition, {}, SOURCES)["informations-personnelles"]["nom_usage"] == "Etranger"
    typed = {"informations-personnelles": {"nom_usage": ""}}
    assert with_prefill(definition, typed, SOURCES)["informations-personnelles"]["nom_usage"] == ""


def _variables(naissance: date, emancipe: bool) -> tuple[Wizard, dict]:
    wizard = Wizard(ASE, TODAY)
    data = with_prefill(ASE, {"informations-personnelles": {"emancipe": "oui"} if emancipe else {}},
                        {**SOURCES, "identite.date_naissance": naissance})
    return wizard, wizard.variables(data)


@pytest.mark.parametrize(("naissance", "emancipe", "attestations", "justificatif", "absents"), [
    (date(2009, 8, 10), False, {"attestation_travail", "attestation_sanctions"}, "accord-parent", {"emancipation"}),
    (date(2009, 8, 10), True, {"attestation_travail", "attestation_polygamie", "attestation_sanctions"}, "emancipation",
     {"accord-parent"}),
    (date(2005, 8, 10), True, {"attestation_polygamie", "attestation_sanctions"}, None, {"accord-parent", "emancipation"}),
])
def test_the_three_cas(naissance: date, emancipe: bool, attestations: set, justificatif: str | None, absents: set) -> None:
    wizard, variables = _variables(naissance, emancipe)
    motif = ASE.step("motif-de-sejour")
    shown = {b.id for b in motif.fields() if b.type == "attestation" and wizard.applies(b, variables)}
    assert shown == attestations
    asked = {j.id for j in wizard.justificatifs(ASE.step("justificatifs"), variables)}
    assert (justificatif is None or justificatif in asked) and not (absents & asked)
    assert "insertion" not in asked


def test_the_bloquant_rule_holds_the_day_after_the_16th_birthday() -> None:
    wizard = Wizard(ASE, TODAY)
    motif = ASE.step("motif-de-sejour")

    def data(prise: date) -> dict:
        return with_prefill(ASE, {"motif-de-sejour": {"date_prise_en_charge_ase_jour": str(prise.day),
                                                      "date_prise_en_charge_ase_mois": str(prise.month),
                                                      "date_prise_en_charge_ase_annee": str(prise.year)}}, SOURCES)

    assert wizard.blocked(motif, wizard.variables(data(date(2025, 8, 10)))) is None
    blocage = wizard.blocked(motif, wizard.variables(data(date(2025, 8, 11))))
    assert blocage is not None and blocage.titre == "Demandeur non éligible"
    assert blocage.modifier == "Modifier ma saisie" and blocage.abandonner == "Abandonner la demande"
