"""The récapitulatif step's rules as pure functions of the definition and the stored data: parts open
one after the other, "Déposer la demande" only once all are validated, "Modifier ma saisie" makes
the part (and the following ones) to validate again and leads back, stopping at an incomplete step."""

from datetime import date

from fake_anef.engine import recapitulatif as recap
from fake_anef.engine.definition import by_id
from fake_anef.engine.wizard import CONTEXTE, RECAPITULATIF, NoPieces, Wizard

D = by_id("bpi-renouvellement")
TODAY = date(2022, 4, 26)
STEP = D.step("recapitulatif")  # type: ignore[union-attr]
PIECES = NoPieces(counts={"domicile": 1}, ephoto="0" * 22)


def _data(**over: dict) -> dict:
    data = {
        CONTEXTE: {"titre_categorie": "BPS"},
        "informations-personnelles": {
            "nom_naissance": "Recette", "prenoms": "Test", "sexe": "M", "date_naissance_jour": "05",
            "date_naissance_mois": "4", "date_naissance_annee": "2006", "pays_naissance": "AF", "nationalite": "AF",
            "lieu_naissance": "Kaboul", "situation_familiale": "Célibataire", "en_couple": "non",
            "enfants_en_france": "non", "adresse_numero": "20", "adresse_voie": "Rue Nationale",
            "adresse_code_postal": "59000", "adresse_ville": "Lille", "adresse_pays": "France", "telephone": "0639980000"},
        "motif-de-sejour": {"attestation_bps": "oui", "attestation_sanctions": "oui"},
        "justificatifs": {},
    }
    data.update(over)
    return data


def _wizard() -> Wizard:
    return Wizard(D, TODAY)  # type: ignore[arg-type]


def test_parts_open_one_after_the_other_and_the_depot_waits_for_all() -> None:
    data = _data()
    parts = recap.parts(_wizard(), STEP, data)
    assert [(p.partie.etape, p.ouverte, p.validee) for p in parts] == [
        ("informations-personnelles", True, False), ("motif-de-sejour", False, False), ("justificatifs", False, False)]
    for etape in ("informations-personnelles", "motif-de-sejour"):
        data[RECAPITULATIF] = recap.state_validated(data, etape)
        assert not recap.complete(_wizard(), STEP, data)
    assert [p.ouverte for p in recap.parts(_wizard(), STEP, data)] == [False, False, True]
    data[RECAPITULATIF] = recap.state_validated(data, "justificatifs")
    assert recap.complete(_wizard(), STEP, data)
    assert not any(p.ouverte for p in recap.parts(_wizard(), STEP, data))


def test_a_part_shows_its_step_as_filled() -> None:
    [infos, motif, _] = recap.parts(_wizard(), STEP, _data())
    items = [item for section in infos.sections for item in section["items"]]
    assert ("champ", "Nom de naissance", "Recette") in items
    assert ("champ", "Date de naissance", "05/04/2006") in items
    assert ("champ", "Pays de naissance", "Afghanistan") in items
    assert not any(i[0] == "champ" and i[1] == "Quelle est la nationalité de votre conjoint(e) ?" for i in items)
    motif_items = [item for section in motif.sections for item in section["items"]]
    assert ("paragraphe", "Je demande un titre de séjour en tant que bénéficiaire de la protection subsidiaire.") in motif_items
    assert ("attestation", "Bénéficier de la protection subsidiaire et ne pas être marié.") in motif_items


def test_modifier_unvalidates_from_its_part_and_leads_back() -> None:
    data = _data()
    for etape in ("informations-personnelles", "motif-de-sejour", "justificatifs"):
        data[RECAPITULATIF] = recap.state_validated(data, etape)
    data[RECAPITULATIF] = recap.state_after_modification(D, data, STEP, "motif-de-sejour")  # type: ignore[arg-type]
    assert data[RECAPITULATIF] == {"valide": "informations-personnelles", "retour": "recapitulatif"}
    step = D.step("motif-de-sejour")  # type: ignore[union-attr]
    following = recap.next_after_save(_wizard(), step, data, PIECES)
    assert following is STEP
    assert recap.state_after_save(D, data, step, following) == {"valide": "informations-personnelles"}  # type: ignore[arg-type]


def test_without_modification_in_progress_saving_goes_on_as_usual() -> None:
    assert recap.next_after_save(_wizard(), D.step("informations-personnelles"), _data(), PIECES) is None  # type: ignore[union-attr]


def test_the_way_back_stops_at_a_step_the_change_left_incomplete() -> None:
    data = _data()
    data["informations-personnelles"] = {**data["informations-personnelles"], "situation_familiale": "Marié(e)"}
    data[RECAPITULATIF] = {"retour": "recapitulatif"}
    following = recap.next_after_save(_wizard(), D.step("informations-personnelles"), data, PIECES)  # type: ignore[union-attr]
    assert following is not None and following.id == "motif-de-sejour"  # the polygamy statement is not ticked
    state = recap.state_after_save(D, data, D.step("informations-personnelles"), following)  # type: ignore[arg-type,union-attr]
    assert state["retour"] == "recapitulatif"  # still on the way back


def test_a_refugee_reads_the_refugee_s_sentences() -> None:
    data = _data(**{CONTEXTE: {"titre_categorie": "Réfugié"},
                    "motif-de-sejour": {"attestation_refugie": "oui", "attestation_sanctions": "oui"}})
    [_, motif, _] = recap.parts(_wizard(), STEP, data)
    items = [item for section in motif.sections for item in section["items"]]
    assert ("paragraphe", "Je demande un titre de séjour en tant que réfugié.") in items
    assert _wizard().validate(D.step("motif-de-sejour"), data["motif-de-sejour"], data, PIECES) == {}  # type: ignore[union-attr]
