"""Procedure definitions: the bundled one loads; a broken one is refused with a clear message."""

from pathlib import Path

import pytest

from fake_anef.engine.communs import expand
from fake_anef.engine.definition import DefinitionError, bundled, by_motif, load_text
from tests.fake_anef.definitions import load_data

SOURCE = Path(__file__).parents[2] / "fake_anef" / "procedures" / "enfant_de_francais.yaml"


def _data() -> dict:
    return expand(SOURCE.read_text(encoding="utf-8"))


def _load(data: dict) -> None:
    load_data(data)


def test_bundled_definition_is_the_guide_02_one() -> None:
    [definition] = [d for d in bundled() if d.id == "vpf-enfant-de-francais"]
    assert [s.titre for s in definition.steps] == [
        "Votre situation", "Informations personnelles", "Motif de séjour", "Justificatifs",
        "Dépôt de la demande", "Confirmation"]
    assert by_motif("attaches-familiales") is definition
    assert definition.justificatifs["visa-long-sejour"].cas == "cas-1"
    assert definition.justificatifs["sejour-regulier"].cas == "cas-2"


@pytest.mark.parametrize(("breakage", "message"), [
    (lambda d: d.pop("steps"), "« steps » est obligatoire"),
    (lambda d: d["steps"][1]["sections"][0]["blocs"][0].update(type="inconnu"), "type « inconnu » inconnu"),
    (lambda d: d["steps"][2]["sections"][1]["blocs"][3].update(when="__import__('os')"), "condition"),
    (lambda d: d["steps"][2]["sections"][1]["blocs"][3].update(when="situation_famille_x == 'a'"), "nom(s) inconnu(s)"),
    (lambda d: d["steps"][3]["sections"][0]["blocs"].append({"type": "justificatif", "justificatif": "absent"}),
     "justificatif « absent » inconnu"),
    (lambda d: d["justificatifs"][2].update(cas="cas-9"), "cas « cas-9 » inconnu"),
    (lambda d: d["steps"][1]["sections"][0]["blocs"].append({"id": "nom_naissance", "type": "texte", "label": "x"}),
     "défini(s) deux fois"),
    (lambda d: d["steps"][1]["sections"][0]["blocs"][0].update(couleur="rouge"), "clé(s) inconnue(s) : couleur"),
    (lambda d: d["documents"]["confirmation_depot"]["lignes"][0].update(valeur="{__class__}"), "valeur « {__class__} » inconnue"),
    (lambda d: d["steps"][0].update(boutons=["voler"]), "bouton(s) inconnu(s)"),
    (lambda d: d["steps"][1].update(progression={"pourcentage": 140}), "pourcentage"),
    (lambda d: d["steps"][4].pop("depot"), "depot: true"),
    (lambda d: d["identite"].update(nom="nom_inexistant"), "identite.nom"),
    (lambda d: d["variables"].update(age="age(date_naissance) + 1"), "variables.age"),
])
def test_a_broken_definition_is_refused_with_where_and_why(breakage, message: str) -> None:
    data = _data()
    breakage(data)
    with pytest.raises(DefinitionError) as info:
        _load(data)
    assert message in str(info.value)
    assert str(info.value).startswith("test.yaml : ")


def test_unreadable_yaml_is_refused() -> None:
    with pytest.raises(DefinitionError, match="YAML illisible"):
        load_text("id: [", source="test.yaml")
