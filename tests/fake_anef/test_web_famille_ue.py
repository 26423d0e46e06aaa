"""Guide 05 over HTTP (no browser): the holder of the title "Membre de famille de ressortissant
UE/EEE/Suisse" renews it; étape 2's rules (the French accueillant's spouse and the stay in another
member state, the student accueillant, the European accueillant without title) and the justificatifs
of étape 3 that follow the answers; the dépôt, its confirmation PDF and mail."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from starlette.testclient import TestClient

from fake_anef.engine.communs import expand
from fake_anef.mail.sink import MailStore, _body, parse
from fake_anef.settings import Settings
from fake_anef.web.app import create_app
from harness import fichiers
from tests.fake_anef.definitions import load_data
from tests.fake_anef.test_web_bpi import NUMERO, connected_holder, informations

BASE = "/teleprocedures/famille-ue"
CATEGORIE = "Membre de famille de ressortissant UE/EEE/Suisse"


@pytest.fixture
def client(tmp_path: Path, smtp_sink: tuple[MailStore, int]) -> Iterator[TestClient]:
    settings = Settings(data_dir=tmp_path / "portail", smtp_port=smtp_sink[1], base_url="http://testserver")
    with TestClient(create_app(settings)) as c:
        yield c


def _date(name: str, value: date) -> dict[str, str]:
    return {f"{name}_jour": str(value.day), f"{name}_mois": str(value.month), f"{name}_annee": str(value.year)}


def modalites(accueillant: str = "francaise", activite: str = "salarié", lien: str = "conjoint",
              plus_5_ans: str = "non", situation: str = "Marié(e)", **over: str) -> dict[str, str]:
    values = {
        "nationalite_accueillant": accueillant, "activite_accueillant": activite, "presence_plus_5_ans": plus_5_ans,
        "lien": lien, "accueillant_nom": "Martin", "accueillant_prenoms": "Claire", "accueillant_nationalite": "FR",
        **_date("accueillant_date_naissance", date(1985, 3, 14)), "a_enfants": "non", "situation_familiale": situation,
    }
    if accueillant == "europeenne":
        values.update(accueillant_titre="non", accueillant_nationalite="DE")
    if situation in ("Marié(e)", "Pacsé(e)"):
        values.update(_date("date_union", date(2019, 6, 1)), pays_union="BE")
    if lien == "descendant":
        values["parente"] = "Mère"
        if activite == "étudiant":
            values["descendant_a_charge"] = "oui"
    if accueillant == "francaise" and situation == "Marié(e)" and plus_5_ans == "non":
        values.update(sejour_autre_etat_pays="BE", **_date("sejour_autre_etat_debut", date(2019, 1, 10)),
                      **_date("sejour_autre_etat_fin", date(2021, 2, 1)), sejour_autre_etat_plus_3_mois="oui")
    values.update(over)
    return values


def _post(client: TestClient, step: str, data: dict, files: dict | None = None):  # type: ignore[no-untyped-def]
    return client.post(f"{BASE}/etapes/{step}", data=data, files=files)


def start(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    connected_holder(client, smtp_sink, categorie=CATEGORIE, mention="MEMBRE DE FAMILLE UE/EEE/SUISSE")
    page = client.post("/espace/situation", data={"motif": "renouvellement"})
    text = html.unescape(page.text)
    assert "DÉPOSEZ VOTRE DEMANDE EN 5 ÉTAPES" in text and "Cette procédure est réservée aux membres de famille" in text
    assert "Télécharger la liste des pièces justificatives." in text
    page = client.post(BASE)
    assert page.url.path == f"{BASE}/etapes/informations-personnelles"
    assert 'value="Recette Métier"' in page.text or "Recette Métier" in page.text
    saved = _post(client, "informations-personnelles", informations())
    assert saved.url.path.endswith("/modalites-du-sejour"), saved.text[-1500:]


def visible(page_html: str) -> str:
    """The page's text without the justificatifs drawn hidden (for demarche.js to show when a box
    of the step is ticked)."""
    return html.unescape(re.sub(r'<section class="justificatif"[^>]*\bhidden>.*?</section>', "", page_html, flags=re.S))


def justificatifs(client: TestClient, smtp_sink, **answers: str) -> str:  # type: ignore[no-untyped-def]
    start(client, smtp_sink)
    page = _post(client, "modalites-du-sejour", modalites(**answers))
    assert page.url.path.endswith("/justificatifs"), html.unescape(page.text)[-3000:]
    return visible(page.text)


TITRES = {
    "mariage": "Acte de mariage *",
    "pacs": "Justificatif du partenariat enregistré *",
    "identite": "Document d'identité de l'accueillant *",
    "charge": "Justificatifs de la prise en charge par l'accueillant *",
    "ascendant": "Justificatif du lien de parenté avec l'accueillant (ascendant) *",
    "descendant_etudiant": "(descendant à charge) *",
    "descendant": "Justificatif du lien de parenté avec l'accueillant (descendant) *",
    "droit_sejour": "Justificatifs du droit au séjour de l'accueillant durant les 5 années précédentes *",
    "continuite": "Justificatifs de la continuité de votre séjour en France pendant 5 ans *",
    "residence": "Justificatifs de la résidence en France *",
    "pec_etudiant": "Justificatif de prise en charge par l'accueillant étudiant *",
    "pec_salarie": "Justificatif de prise en charge par l'accueillant salarié *",
    "salarie": "Justificatifs de l'activité salariée de l'accueillant *",
    "cessation": "en cessation involontaire d'activité *",
    "non_salarie": "Justificatifs de l'activité non salariée de l'accueillant *",
    "assurance": "Justificatif d'assurance maladie de l'accueillant *",
    "ressources": "Justificatifs de ressources de l'accueillant (facultatif)",
    "carte_autre_etat": "Carte de séjour délivrée par l'autre État de l'UE, de l'EEE ou de la Suisse *",
    "preuves_autre_etat": "Justificatifs du séjour dans l'autre État de l'UE, de l'EEE ou de la Suisse *",
}


@pytest.mark.parametrize(("answers", "present"), [
    ({"accueillant": "francaise"}, {"mariage", "identite", "residence", "carte_autre_etat"}),
    ({"accueillant": "europeenne", "activite": "étudiant", "lien": "conjoint", "plus_5_ans": "oui"},
     {"mariage", "identite", "droit_sejour", "continuite", "pec_etudiant"}),
    ({"accueillant": "europeenne", "activite": "étudiant", "lien": "descendant", "plus_5_ans": "oui", "situation": "Célibataire"},
     {"identite", "descendant_etudiant", "droit_sejour", "continuite", "pec_etudiant"}),
    ({"accueillant": "europeenne", "activite": "salarié", "lien": "ascendant", "plus_5_ans": "oui", "situation": "Veuf(ve)"},
     {"identite", "ascendant", "droit_sejour", "continuite", "pec_salarie", "salarie"}),
    ({"accueillant": "europeenne", "activite": "non salarié", "lien": "personne à charge", "plus_5_ans": "oui", "situation": "Célibataire"},
     {"identite", "charge", "droit_sejour", "continuite", "non_salarie"}),
    ({"accueillant": "europeenne", "activite": "cessation", "lien": "partenaire enregistré", "plus_5_ans": "oui", "situation": "Pacsé(e)"},
     {"pacs", "identite", "droit_sejour", "continuite", "cessation"}),
    ({"accueillant": "europeenne", "activite": "retraité ou inactif", "lien": "conjoint", "plus_5_ans": "oui"},
     {"mariage", "identite", "droit_sejour", "continuite", "assurance", "ressources"}),
])
def test_the_justificatifs_follow_the_answers(client: TestClient, smtp_sink, answers: dict, present: set) -> None:  # type: ignore[no-untyped-def]
    text = justificatifs(client, smtp_sink, **answers)
    assert "Photographie d'identité récente" in text and "Justificatif de domicile datant de moins de 6 mois *" in text
    shown = {key for key, titre in TITRES.items() if titre in text}
    assert shown == present


def test_a_french_accueillant_asks_for_no_activity_nor_resources(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    text = justificatifs(client, smtp_sink, accueillant="francaise", activite="retraité ou inactif")
    assert "Tout document prouvant la résidence en France de votre conjoint français, par exemple :" in text
    assert "Quittances de loyer ou de charges" in text
    absent = ("ressources", "assurance", "pec_etudiant", "pec_salarie", "salarie", "non_salarie", "cessation", "droit_sejour")
    assert not [key for key in absent if TITRES[key] in text]


def test_a_salaried_accueillant_s_descendant_under_21_gives_no_prise_en_charge(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    start(client, smtp_sink)
    client.post("/__sim__/titres", json={
        "numero": NUMERO, "kind": "titre", "date_debut": (date.today() - timedelta(days=1400)).isoformat(),
        "date_fin": (date.today() + timedelta(days=60)).isoformat(), "categorie": CATEGORIE,
        "mention": "MEMBRE DE FAMILLE UE/EEE/SUISSE",
        "titulaire": {"numero_etranger": NUMERO, "nom": "Recette Métier", "prenom": "Test Quarante-et-un",
                      "date_naissance": (date.today() - timedelta(days=20 * 365)).isoformat(), "pays_naissance": "AF",
                      "nationalite": "AF", "sexe": "M"},
    }).raise_for_status()
    page = _post(client, "modalites-du-sejour", modalites(accueillant="europeenne", activite="salarié", lien="descendant",
                                                         plus_5_ans="oui", situation="Célibataire"))
    text = html.unescape(page.text)
    assert TITRES["salarie"] in text and TITRES["descendant"] in text
    assert TITRES["pec_salarie"] not in text


@pytest.mark.parametrize("answers", [
    {"accueillant": "europeenne", "activite": "étudiant", "lien": "ascendant", "situation": "Veuf(ve)"},
    {"accueillant": "europeenne", "activite": "étudiant", "lien": "descendant", "situation": "Célibataire",
     "descendant_a_charge": "non"},
])
def test_a_student_accueillant_cannot_host_an_ascendant_or_a_descendant_not_at_charge(client: TestClient, smtp_sink, answers: dict) -> None:  # type: ignore[no-untyped-def]
    start(client, smtp_sink)
    page = _post(client, "modalites-du-sejour", modalites(plus_5_ans="oui", **answers))
    text = html.unescape(page.text)
    assert "Demandeur non éligible" in text and "Lorsque l'accueillant est étudiant" in text
    assert "Modifier ma saisie" in text and "Abandonner la demande" in text
    again = client.get(f"{BASE}/etapes/modalites-du-sejour")
    assert 'value="étudiant" checked' in html.unescape(again.text)  # nothing saved is lost


def test_a_french_accueillant_s_family_member_must_be_the_spouse(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    start(client, smtp_sink)
    page = _post(client, "modalites-du-sejour", modalites(lien="ascendant", situation="Veuf(ve)"))
    assert "Lorsque l'accueillant est Français, le membre de famille est obligatoirement son conjoint" in html.unescape(page.text)


def test_three_months_or_less_in_another_state_sends_elsewhere_and_no_depot(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    start(client, smtp_sink)
    short = {**_date("sejour_autre_etat_debut", date(2020, 1, 10)), **_date("sejour_autre_etat_fin", date(2020, 3, 1))}
    page = _post(client, "modalites-du-sejour", modalites(sejour_autre_etat_plus_3_mois="non", **short))
    text = html.unescape(page.text)
    assert "Demandeur non éligible" in text
    assert "vraisemblablement la procédure « Conjoint de Français » du droit commun, ou contacter votre préfecture" in text
    assert not page.url.path.endswith("/justificatifs")
    refused = _post(client, "recapitulatif", {"_action": "deposer"})
    assert "/confirmation" not in refused.url.path


def test_the_stay_in_another_state_is_asked_only_of_a_french_citizen_s_spouse_in_france_under_5_years(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    start(client, smtp_sink)
    missing = _post(client, "modalites-du-sejour", {k: v for k, v in modalites().items() if not k.startswith("sejour_autre_etat")})
    assert missing.status_code == 422 and "Dans quel État de l'UE" in html.unescape(missing.text)
    ok = _post(client, "modalites-du-sejour", modalites(plus_5_ans="oui"))  # 5 years or more: not asked
    assert ok.url.path.endswith("/justificatifs")


def test_european_accueillant_with_a_title_gives_the_numero(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    start(client, smtp_sink)
    page = _post(client, "modalites-du-sejour", modalites(accueillant="europeenne", plus_5_ans="oui", accueillant_titre="oui"))
    assert page.status_code == 422 and "Numéro étranger de l&#39;accueillant" in page.text


def test_depot_confirmation_pdf_and_mail(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    justificatifs(client, smtp_sink)
    _post(client, "justificatifs", {"_action": "ephoto:confirmer", "ephoto": "0" * 21 + "7"})
    for jid in ("domicile", "carte-autre-etat", "mariage", "identite-accueillant", "residence-france"):
        payload = fichiers.pdf(f"{jid}.pdf")
        _post(client, "justificatifs", {"_action": f"joindre:{jid}"},
              files={f"fichier-{jid}": (payload["name"], payload["buffer"], payload["mimeType"])})
    page = _post(client, "justificatifs", {})
    assert page.url.path.endswith("/recapitulatif"), html.unescape(page.text)[-2000:]
    for etape in ("informations-personnelles", "modalites-du-sejour", "justificatifs"):
        _post(client, "recapitulatif", {"_action": f"valider:{etape}"})
    done = _post(client, "recapitulatif", {"_action": "deposer"})
    assert done.url.path.endswith("/confirmation"), done.text[-2000:]
    assert "J'ouvre ma confirmation de dépôt de demande (PDF)" in html.unescape(done.text)
    pdf = client.get(f"{BASE}/confirmation-depot.pdf").content
    flat = " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "CONFIRMATION DU DÉPÔT D'UNE DEMANDE DE TITRE DE SÉJOUR" in flat and f"Identifiant (N° étranger) : {NUMERO}" in flat
    assert "Lien avec l'accueillant : CONJOINT Nom de l'accueillant : MARTIN" in flat
    assert "N° étranger de l'accueillant" not in flat and "Identité de l'accueillant" not in flat  # French: neither
    numero = re.search(r"N° de la demande : (\d{19})", flat).group(1)  # type: ignore[union-attr]
    [mail] = [m for m in map(parse, smtp_sink[0].all()) if "bien été enregistrée" in _body(m, "plain")]
    assert [p.get_filename() for p in mail.iter_attachments()] == [f"confirmation-depot-{numero}.pdf"]
    # the favourable decision hands out the ADF: the permanent card, signed 2D-DOC 6J = 3
    assert client.post(f"/__sim__/demandes/{numero}/instruction").json()["numero_etranger"] == NUMERO
    client.post(f"/__sim__/demandes/{numero}/decision",
                json={"date_debut": "2027-02-01", "date_fin": "2037-01-31", "taxe": "225"}).raise_for_status()
    [decision_id] = set(re.findall(r'/espace/notifications/(\d+)">[^<]*Notification de décision', client.get("/espace/notifications").text))
    adf = client.get(f"/espace/notifications/{decision_id}/document").content
    flat = " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(adf)).pages).split())
    assert ("Une carte de séjour permanent, valable du 01/02/2027 au 31/01/2037 portant la mention Membre de famille "
            "d'un citoyen de l'Union/EEE/Suisse va vous être délivré(e).") in flat
    from harness.twoddoc import parse as parse_code
    from harness.twoddoc import scan_pdf

    [code] = scan_pdf(adf)
    assert parse_code(code.payload).values()["6J"] == "3"


def test_the_definition_is_bundled_and_a_broken_bloquants_rule_is_refused() -> None:
    from fake_anef.engine.definition import DefinitionError, bundled, by_renouvellement

    [definition] = [d for d in bundled() if d.id == "famille-ue"]
    assert by_renouvellement(CATEGORIE) is definition
    assert len(definition.step("modalites-du-sejour").bloquants) == 4
    source = Path(__file__).parents[2] / "fake_anef" / "procedures" / "famille_ue.yaml"
    data = expand(source.read_text(encoding="utf-8"))
    data["steps"][1]["bloquants"][0]["when"] = "accueillant_inconnu == 'x'"
    with pytest.raises(DefinitionError, match=r"nom\(s\) inconnu\(s\)"):
        load_data(data)


def test_the_list_of_justificatifs_from_the_preambule(client: TestClient) -> None:
    pdf = client.get(f"{BASE}/liste-des-pieces-justificatives.pdf").content
    flat = " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "MEMBRE DE FAMILLE D'UN CITOYEN UE/EEE/SUISSE" in flat
    assert flat.index("LIENS PERSONNELS ET FAMILIAUX") < flat.index("Document d'identité de l'accueillant")
    assert "Justificatifs de la résidence en France" in flat and "RESSOURCES" in flat


# An accueillant holding a title: "confirmer son identité" against the portal's records (3/9) ----
ACCUEILLANT = "7512345678"
CONFIRMER = "identite:accueillant_identite_confirmee"


def register_accueillant(client: TestClient) -> None:
    client.post("/__sim__/identites", json={
        "numero_etranger": ACCUEILLANT, "nom": "Müller", "prenom": "Anna", "date_naissance": "1985-03-14",
        "pays_naissance": "DE", "nationalite": "DE", "sexe": "F",
    }).raise_for_status()


def avec_titre(**over: str) -> dict[str, str]:
    values = modalites(accueillant="europeenne", activite="retraité ou inactif", plus_5_ans="oui", accueillant_titre="oui",
                       accueillant_numero=ACCUEILLANT, accueillant_nom="MULLER", accueillant_prenoms="Anna",
                       titre_permanent_accueillant="oui")
    values.update(over)
    return values


def field_error(page_html: str, name: str) -> str:
    """The error tied to the input `name` (aria-describedby), as a user's screen reader reads it."""
    assert re.search(rf'name="{name}"[^>]*aria-describedby="err-{name}"', page_html), f"{name}: no error tied to it"
    match = re.search(rf'id="err-{name}"[^>]*>(.*?)</', page_html, re.S)
    return html.unescape(match.group(1)).strip() if match else ""


def test_an_accueillant_with_a_title_is_confirmed_and_it_is_kept(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    start(client, smtp_sink)
    register_accueillant(client)
    page = _post(client, "modalites-du-sejour", {**avec_titre(), "_action": CONFIRMER})
    text = html.unescape(page.text)
    assert page.status_code == 200 and "Identité confirmée" in text, text[-3000:]
    assert "Identité confirmée" in html.unescape(client.get(f"{BASE}/etapes/modalites-du-sejour").text)  # kept
    saved = _post(client, "modalites-du-sejour", avec_titre())
    assert saved.url.path.endswith("/justificatifs"), html.unescape(saved.text)[-3000:]
    shown = visible(saved.text)
    assert TITRES["identite"] not in shown and TITRES["droit_sejour"] not in shown  # permanent title: no 5 years
    assert TITRES["ressources"] not in shown and TITRES["assurance"] not in shown
    assert "Attestation sur l'honneur de l'accueillant *" in shown


def test_a_forged_confirmation_is_ignored_and_saving_unconfirmed_is_refused(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    start(client, smtp_sink)
    register_accueillant(client)
    forged = f"{ACCUEILLANT}|muller|1985-03-14"
    page = _post(client, "modalites-du-sejour", avec_titre(accueillant_identite_confirmee=forged))
    assert page.status_code == 422
    assert "Confirmez l'identité de votre accueillant" in field_error(page.text, "accueillant_numero")


@pytest.mark.parametrize("wrong", [
    {"accueillant_numero": "7512345679"},  # no such numéro
    {"accueillant_nom": "Meier"},
    {"accueillant_date_naissance_jour": "15"},
])
def test_a_record_that_does_not_match_is_refused_next_to_the_numero_and_nothing_saved_is_lost(client: TestClient, smtp_sink, wrong: dict) -> None:  # type: ignore[no-untyped-def]
    start(client, smtp_sink)
    register_accueillant(client)
    assert _post(client, "modalites-du-sejour", {**avec_titre(), "_action": CONFIRMER}).status_code == 200
    page = _post(client, "modalites-du-sejour", {**avec_titre(**wrong), "_action": CONFIRMER})
    assert page.status_code == 422
    assert field_error(page.text, "accueillant_numero").startswith("Aucun titre de séjour ne correspond à ce numéro étranger")
    text = html.unescape(page.text)
    assert "Identité confirmée" not in text
    for value in wrong.values():
        assert f'value="{value}"' in text  # what was typed is shown back
    again = html.unescape(client.get(f"{BASE}/etapes/modalites-du-sejour").text)
    assert f'value="{ACCUEILLANT}"' in again and "Identité confirmée" in again  # the confirmed save stays


def test_changing_the_identity_after_confirming_asks_to_confirm_again(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    start(client, smtp_sink)
    register_accueillant(client)
    _post(client, "modalites-du-sejour", {**avec_titre(), "_action": CONFIRMER})
    page = _post(client, "modalites-du-sejour", avec_titre(accueillant_nom="Meier"))
    assert page.status_code == 422 and "Confirmez l'identité" in field_error(page.text, "accueillant_numero")


def test_confirming_with_an_empty_field_says_which(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    start(client, smtp_sink)
    page = _post(client, "modalites-du-sejour", {**avec_titre(accueillant_nom=""), "_action": CONFIRMER})
    assert page.status_code == 422 and field_error(page.text, "accueillant_nom") == "Ce champ est obligatoire."


def test_no_residence_card_from_that_state_is_ticked_at_step_3_and_swaps_the_justificatif(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    page = justificatifs(client, smtp_sink)
    assert "Je ne possède pas de carte de séjour délivrée par cet État" in page
    assert TITRES["carte_autre_etat"] in page and TITRES["preuves_autre_etat"] not in page
    modalites_page = html.unescape(client.get(f"{BASE}/etapes/modalites-du-sejour").text)
    assert "Je ne possède pas de carte de séjour" not in modalites_page  # not at the end of step 2 any more
    ticked = _post(client, "justificatifs", {"sans_carte_autre_etat": "oui"})  # saved: the files are missing
    assert ticked.status_code == 422
    shown = visible(ticked.text)
    assert TITRES["preuves_autre_etat"] in shown and TITRES["carte_autre_etat"] not in shown
    assert 'name="sans_carte_autre_etat" value="oui" checked' in ticked.text
    # the other one is on the page too, hidden, with its condition for demarche.js
    assert len(re.findall(r'<section class="justificatif"[^>]*data-when=', ticked.text)) == 2


def test_the_confirmation_pdf_names_the_accueillant_and_its_confirmed_identity(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    start(client, smtp_sink)
    register_accueillant(client)
    _post(client, "modalites-du-sejour", {**avec_titre(), "_action": CONFIRMER})
    assert _post(client, "modalites-du-sejour", avec_titre()).url.path.endswith("/justificatifs")
    _post(client, "justificatifs", {"_action": "ephoto:confirmer", "ephoto": "0" * 21 + "7"})
    for jid in ("domicile", "mariage", "absence-accueillant", "continuite-sejour"):
        payload = fichiers.pdf(f"{jid}.pdf")
        _post(client, "justificatifs", {"_action": f"joindre:{jid}"},
              files={f"fichier-{jid}": (payload["name"], payload["buffer"], payload["mimeType"])})
    assert _post(client, "justificatifs", {}).url.path.endswith("/recapitulatif")
    recap = html.unescape(client.get(f"{BASE}/etapes/recapitulatif").text)
    assert re.search(r"Identité de l'accueillant\s*(</[^>]+>\s*<[^>]+>\s*)*:?\s*Identité confirmée", recap), recap[-4000:]
    for etape in ("informations-personnelles", "modalites-du-sejour", "justificatifs"):
        _post(client, "recapitulatif", {"_action": f"valider:{etape}"})
    assert _post(client, "recapitulatif", {"_action": "deposer"}).url.path.endswith("/confirmation")
    pdf = client.get(f"{BASE}/confirmation-depot.pdf").content
    flat = " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    for line in ("Lien avec l'accueillant : CONJOINT", "Nom de l'accueillant : MULLER", "Prénom(s) de l'accueillant : ANNA",
                 "Nationalité de l'accueillant : ALLEMANDE", f"N° étranger de l'accueillant : {ACCUEILLANT}",
                 "Identité de l'accueillant : IDENTITÉ CONFIRMÉE"):
        assert line in flat, flat
