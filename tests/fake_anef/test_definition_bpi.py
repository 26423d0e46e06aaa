"""Guide 04's definition: it loads (récapitulatif step, contexte, attestation with its 2D-DOC), and
the checks that come with those keys refuse a broken one with where and why."""

from pathlib import Path

import pytest

from fake_anef.engine.communs import expand
from fake_anef.engine.definition import DefinitionError, by_id, by_renouvellement
from tests.fake_anef.definitions import load_data

SOURCE = Path(__file__).parents[2] / "fake_anef" / "procedures" / "bpi_renouvellement.yaml"


def _data() -> dict:
    return expand(SOURCE.read_text(encoding="utf-8"))


def _load(data: dict) -> None:
    load_data(data)


def test_the_bundled_definition_is_the_guide_04_one() -> None:
    d = by_id("bpi-renouvellement")
    assert d is not None and by_renouvellement("BPS") is d and by_renouvellement("Réfugié") is d
    assert [s.titre for s in d.steps] == ["Informations personnelles", "Motif de séjour", "Justificatifs",
                                          "Récapitulatif", "Confirmation"]
    recap = d.step("recapitulatif")
    assert recap.type == "recapitulatif" and recap.depot
    assert [p.titre for p in recap.parties] == ["MES INFORMATIONS PERSONNELLES (1/3)", "MON MOTIF DE SEJOUR (2/3)",
                                                "JUSTIFICATIFS (3/3)"]
    assert recap.libelle("modifier") == "Modifier ma saisie"
    assert d.contexte == (("titre_categorie", "titre.categorie"),)
    adp = d.attestation("adp")
    assert adp is not None and adp.validite_mois == 6 and adp.courriel and d.confirmation is None
    assert adp.deux_d_doc is not None and dict(adp.deux_d_doc.champs)["6J"] == "2"


@pytest.mark.parametrize(("breakage", "message"), [
    (lambda d: d["steps"][3]["parties"].append({"etape": "confirmation", "titre": "X"}),
     "n'est pas une étape de saisie précédant le récapitulatif"),
    (lambda d: d["steps"][3]["parties"].append({"etape": "inconnue", "titre": "X"}), "« inconnue »"),
    (lambda d: d["steps"][3].update(parties=[]), "au moins une partie"),
    (lambda d: d["steps"][3]["libelles"].pop("valider"), "« valider » est obligatoire"),
    (lambda d: d["steps"][2].update(parties=[{"etape": "x", "titre": "x"}]), "type: recapitulatif"),
    (lambda d: d["steps"][3].update(type="resume"), "type « resume » inconnu"),
    (lambda d: d.update(contexte={"statut": "compte.mot_de_passe"}), "source « compte.mot_de_passe » inconnue"),
    (lambda d: d["steps"][1]["sections"][0]["blocs"][0].update(when="statut == 'BPS'"), "nom(s) inconnu(s) : statut"),
    (lambda d: d["documents"]["attestations"][0]["deux_d_doc"]["champs"].pop("6Q"), "doit porter 6Q"),
    (lambda d: d["documents"]["attestations"][0]["deux_d_doc"]["champs"].update({"7Z": "x"}), "identifiant 2D-DOC « 7Z » inconnu"),
    (lambda d: d["documents"]["attestations"][0]["deux_d_doc"]["champs"].update({"6A": "{lieu_naissance.code}"}),
     "valeur « {lieu_naissance.code} » inconnue"),
    (lambda d: d["documents"]["attestations"][0].pop("validite_mois"), "« validite_mois »"),
    (lambda d: d["documents"]["attestations"][0]["statut"][0].update(when="categorie == 'BPS'"), "nom(s) inconnu(s)"),
    (lambda d: d["steps"][4]["sections"][0]["blocs"][4].update(document="inconnue"), "document « inconnue » inconnu"),
    (lambda d: d["steps"][4]["sections"][0]["blocs"][4].update(document="adf"), "« adf » n'existe qu'à la décision"),
    (lambda d: d["documents"]["attestations"][1].update(emise="remise"), "« remise » inconnu"),
    (lambda d: d["documents"]["attestations"][1].update(emise="instruction"), "est nommée par sa notification (« lien »)"),
    (lambda d: d["documents"]["attestations"][1].pop("titres"), "quel titre est délivré"),
    (lambda d: d["documents"]["attestations"][1].update(courriel=True), "remise par sa notification"),
    (lambda d: d["documents"]["attestations"][0]["paragraphes"].append({"texte": "{taxe} €"}), "valeur « {taxe} » inconnue"),
    (lambda d: d["documents"].pop("attestations"), "que remet le dépôt"),
])
def test_a_broken_definition_is_refused_with_where_and_why(breakage, message: str) -> None:  # type: ignore[no-untyped-def]
    data = _data()
    breakage(data)
    with pytest.raises(DefinitionError) as error:
        _load(data)
    assert message in str(error.value)
    assert str(error.value).startswith("test.yaml :")
