"""Every rule with a limit tried on both sides, at the closest values the rule allows (issue 16 pt 1),
over HTTP against the bundled portal (no browser): 10 Mo per file, 3 files per justificatif, 22 digits
for the ephoto and its 6 months, 10 digits for the numéro étranger, the 24-hour link, the 16th
birthday (guides 02 and 03), 21 years (guides 02 and 05), the renewal window (guide 01 FAQ 3).

Each portal runs with the fault modes of ANEF_FAULTS (scripts/mutation.py sets it), so each
boundary's mutant of mutants/catalogue.yaml is killed here. The ages are counted from the portal's
day: the 16th birthday is today, or tomorrow (15 years and 364 days or so)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from fake_anef.engine import pieces
from fake_anef.engine.conditions import mois_apres
from fake_anef.mail.sink import MailStore, _body, parse
from fake_anef.settings import Settings
from fake_anef.web.app import create_app
from tests.fake_anef import test_web_ase as ase
from tests.fake_anef import test_web_famille_ue as ue
from tests.fake_anef.test_regles_guides import error_of
from tests.fake_anef.test_web_bpi import connected_holder
from tests.fake_anef.test_web_demarche import BASE, _account, _post, _to_justificatifs
from tests.fake_anef.test_wizard import informations, motif
from tests.properties.wizard_saisies import real_file

TODAY = date.today  # the portal's day (its clock has no offset but in the link's test)


@pytest.fixture
def client(tmp_path: Path, smtp_sink: tuple[MailStore, int]) -> Iterator[TestClient]:
    """A fresh bundled portal, with the fault modes of ANEF_FAULTS (the mutation kit's mutant)."""
    settings = Settings(data_dir=tmp_path / "portail", smtp_port=smtp_sink[1], base_url="http://testserver",
                        faults=Settings.from_env().faults)
    with TestClient(create_app(settings)) as c:
        yield c


def text_of(page: Any) -> str:
    return html.unescape(page.text)


def birth(day: date) -> dict[str, str]:
    return {"date_naissance_jour": str(day.day), "date_naissance_mois": str(day.month), "date_naissance_annee": str(day.year)}


def sixteenth_birthday_today() -> date:
    return ase.years_ago(16)


def one_day_short(years: int) -> date:
    """Born so that the birthday of `years` is tomorrow: one day short of it."""
    return ase.years_ago(years) + timedelta(days=1)


# Files: 10 Mo per file, 3 files per justificatif (guides 02 étape 4, 03) ---------------------------
@pytest.mark.exig_SIM_FICHIER_TAILLE
@pytest.mark.parametrize(("size", "joined"), [(pieces.MAX_SIZE, True), (pieces.MAX_SIZE + 1, False)],
                         ids=["10_mo", "10_mo_plus_1_octet"])
def test_a_file_of_10_mo_is_joined_and_one_byte_more_is_refused(client: TestClient, smtp_sink, size: int, joined: bool) -> None:  # type: ignore[no-untyped-def]
    _account(client, smtp_sink, "taille@example.org")
    _to_justificatifs(client)
    content = real_file("png", size)
    assert len(content) == size
    page = _post(client, "justificatifs", {"_action": "joindre:nationalite"},
                 files={"fichier-nationalite": ("scan.png", content, "image/png")})
    refusal = "Le fichier « scan.png » n'a pas été joint : la taille maximale est de 10 Mo par fichier."
    assert (refusal in text_of(page)) == (not joined), (size, page.status_code)
    assert ("scan.png" in text_of(client.get(f"{BASE}/etapes/justificatifs")).replace(refusal, "")) == joined


@pytest.mark.exig_SIM_FICHIER_NOMBRE
def test_a_third_file_is_joined_and_a_fourth_is_refused(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    _account(client, smtp_sink, "nombre@example.org")
    _to_justificatifs(client)
    pdf = real_file("pdf")
    for i in range(1, 4):
        page = _post(client, "justificatifs", {"_action": "joindre:domicile"},
                     files={"fichier-domicile": (f"p{i}.pdf", pdf, "application/pdf")})
        assert page.status_code == 200 and f"p{i}.pdf" in text_of(page), f"file {i} of 3 refused"
    page = _post(client, "justificatifs", {"_action": "joindre:domicile"},
                 files={"fichier-domicile": ("p4.pdf", pdf, "application/pdf")})
    assert "Le fichier « p4.pdf » n'a pas été joint : 3 documents au maximum par justificatif." in text_of(page)
    assert "p4.pdf" not in text_of(client.get(f"{BASE}/etapes/justificatifs"))


# The ephoto: 22 digits, valid 6 months (guide 02 étape 4, guide 01 FAQ 10) ---------------------------
@pytest.mark.exig_G02_ETAPE_4_NUMERO_EPHOTO
@pytest.mark.parametrize(("digits", "accepted"), [(21, False), (22, True), (23, False)])
def test_an_ephoto_of_22_digits_is_taken_and_21_or_23_are_refused(client: TestClient, smtp_sink, digits: int, accepted: bool) -> None:  # type: ignore[no-untyped-def]
    _account(client, smtp_sink, "ephoto@example.org")
    _to_justificatifs(client)
    page = _post(client, "justificatifs", {"_action": "ephoto:confirmer", "ephoto": "7" * digits})
    assert (error_of(page.text, "ephoto") == "Le numéro ephoto comporte 22 chiffres.") == (not accepted), page.status_code
    assert (page.status_code == 200) == accepted


def first_valid_day_of_a_code() -> date:
    """The earliest day an e-photo code can have been taken and still be valid today (6 months)."""
    day = TODAY() - timedelta(days=190)
    while (end := mois_apres(day, 6)) is not None and end < TODAY():
        day += timedelta(days=1)
    return day


@pytest.mark.exig_G01_FAQ10_EPHOTO_UNE_SEULE_DEMARCHE
@pytest.mark.parametrize(("days_before", "valid"), [(0, True), (1, False)], ids=["6_mois", "6_mois_et_1_jour"])
def test_an_e_photo_code_is_valid_6_months_and_not_one_day_more(client: TestClient, smtp_sink, days_before: int, valid: bool) -> None:  # type: ignore[no-untyped-def]
    _account(client, smtp_sink, "validite@example.org")
    _to_justificatifs(client)
    taken = first_valid_day_of_a_code() - timedelta(days=days_before)
    numero = "3" * 22
    client.post("/__sim__/ephotos", json={"numero": numero, "date_prise": taken.isoformat()}).raise_for_status()
    page = _post(client, "justificatifs", {"_action": "ephoto:confirmer", "ephoto": numero})
    expired = error_of(page.text, "ephoto").startswith("Ce numéro ephoto n'est plus valide : la validité d'un code e-photo est de 6 mois")
    assert expired == (not valid), (taken, page.status_code)


# The numéro étranger: 10 digits (guide 01) ---------------------------------------------------------------
@pytest.mark.exig_SIM_NUMERO_ETRANGER_COMPORTE
@pytest.mark.parametrize(("numero", "looked_up"), [(ase.NUMERO[:9], False), (ase.NUMERO, True), (ase.NUMERO + "0", False)],
                         ids=["9_chiffres", "10_chiffres", "11_chiffres"])
def test_a_numero_etranger_of_10_digits_is_looked_up_and_9_or_11_are_refused(client: TestClient, numero: str, looked_up: bool) -> None:
    naissance = date(1990, 5, 17)
    ase._identite(client, naissance)
    page = client.post("/compte/numero-etranger", data={
        "numero_etranger": numero, "nom": "Etranger", "prenom": "Mineur", "naissance_jour": str(naissance.day),
        "naissance_mois": str(naissance.month), "naissance_annee": str(naissance.year), "pays_naissance": "BR",
        "nationalite": "BR"})
    assert (error_of(page.text, "numero_etranger") == "Le numéro étranger comporte 10 chiffres.") == (not looked_up)
    assert (page.status_code == 200 and page.url.path != "/compte/numero-etranger") == looked_up, page.url.path


# The 24-hour link (guide 01 §III: « ce lien n'est valable que 24 heures »), with the portal's clock ---
@pytest.mark.exig_G01_III_COMMENT_LIEN_EST_VALABLE
@pytest.mark.parametrize(("minutes", "alive"), [(23 * 60 + 59, True), (24 * 60 + 1, False)], ids=["23h59", "24h01"])
def test_the_link_of_the_mail_is_alive_at_23_h_59_and_dead_at_24_h_01(client: TestClient, smtp_sink, minutes: int, alive: bool) -> None:  # type: ignore[no-untyped-def]
    naissance = date(1990, 5, 17)
    ase._identite(client, naissance)
    client.post("/compte/numero-etranger", data={
        "numero_etranger": ase.NUMERO, "nom": "Etranger", "prenom": "Mineur", "naissance_jour": str(naissance.day),
        "naissance_mois": str(naissance.month), "naissance_annee": str(naissance.year), "pays_naissance": "BR",
        "nationalite": "BR"})
    client.post("/compte/email", data={"email": "lien@example.org", "email_confirmation": "lien@example.org"})
    text = _body(parse([m for m in smtp_sink[0].all() if "lien@example.org" in m.rcpt_tos][-1]), "plain")
    link = re.search(r"http://testserver(/compte/mot-de-passe\?token=\S+)", text).group(1)  # type: ignore[union-attr]
    client.post("/__sim__/clock", json={"offset_seconds": minutes * 60}).raise_for_status()
    page = client.post(link, data={"mot_de_passe": "Abcdef1!", "confirmation": "Abcdef1!"})
    dead = "ce lien n'est valable que 24 heures" in text_of(page)
    assert dead == (not alive), (minutes, page.status_code)
    login = client.post("/connexion", data={"identifiant": ase.NUMERO, "mot_de_passe": "Abcdef1!"})
    assert (login.url.path != "/connexion") == alive, login.url.path


# Ages: the 16th birthday (guides 02 and 03), 21 years (guides 02 and 05) --------------------------------
@pytest.mark.exig_G02_DEMANDER_TITRE_SUIS_ENFANT_16
@pytest.mark.parametrize(("naissance", "eligible"), [(sixteenth_birthday_today, True), (lambda: one_day_short(16), False)],
                         ids=["16_ans_aujourd_hui", "16_ans_demain"])
def test_guide_02_takes_a_child_on_the_16th_birthday_not_the_day_before(client: TestClient, smtp_sink, naissance: Any, eligible: bool) -> None:  # type: ignore[no-untyped-def]
    _account(client, smtp_sink, "seize@example.org")
    client.post("/demarches/premiere-demande", data={"motif": "attaches-familiales"})
    _post(client, "situation", {"situation": "famille-francais", "situation_famille": "enfant"})
    page = _post(client, "informations-personnelles", informations(**birth(naissance())))
    stopped = "uniquement à l'enfant de plus de 16 ans d'un citoyen français" in text_of(page)
    assert stopped == (not eligible)
    assert page.url.path.endswith("/motif-de-sejour") == eligible, page.url.path


RESSOURCES = ("Justificatif de ressources du parent français *", "Justificatif de votre absence de ressources *")


@pytest.mark.parametrize(("naissance", "asked"), [(lambda: ase.years_ago(21), True), (lambda: one_day_short(21), False)],
                         ids=["21_ans_aujourd_hui", "21_ans_demain"])
def test_guide_02_asks_for_resources_from_the_21st_birthday(client: TestClient, smtp_sink, naissance: Any, asked: bool) -> None:  # type: ignore[no-untyped-def]
    _account(client, smtp_sink, "ressources@example.org")
    client.post("/demarches/premiere-demande", data={"motif": "attaches-familiales"})
    _post(client, "situation", {"situation": "famille-francais", "situation_famille": "enfant"})
    assert _post(client, "informations-personnelles", informations(**birth(naissance()))).url.path.endswith("/motif-de-sejour")
    page = _post(client, "motif-de-sejour", motif())
    assert page.url.path.endswith("/justificatifs")
    assert [t in text_of(page) for t in RESSOURCES] == [asked, asked]


EMANCIPE = "Je suis un mineur (+16 ans) émancipé"


@pytest.mark.exig_G03_8_CHOIX_SUIS_MINEUR_16
@pytest.mark.parametrize(("naissance", "offered"), [(sixteenth_birthday_today, True), (lambda: one_day_short(16), False)],
                         ids=["16_ans_aujourd_hui", "16_ans_demain"])
def test_guide_03_offers_the_emancipated_minor_box_from_the_16th_birthday(client: TestClient, smtp_sink, naissance: Any, offered: bool) -> None:  # type: ignore[no-untyped-def]
    ase._account(client, smtp_sink, naissance())
    page = ase._start(client)
    assert ase.shown(page.text, EMANCIPE) == offered


@pytest.mark.parametrize(("naissance", "prise_en_charge"), [(lambda: ase.years_ago(21), True), (lambda: one_day_short(21), False)],
                         ids=["21_ans_aujourd_hui", "21_ans_demain"])
def test_guide_05_a_descendant_gives_a_prise_en_charge_from_the_21st_birthday(client: TestClient, smtp_sink, naissance: Any,  # type: ignore[no-untyped-def]
                                                                              prise_en_charge: bool) -> None:
    ue.start(client, smtp_sink)
    client.post("/__sim__/titres", json={
        "numero": ue.NUMERO, "kind": "titre", "date_debut": (TODAY() - timedelta(days=1400)).isoformat(),
        "date_fin": (TODAY() + timedelta(days=60)).isoformat(), "categorie": ue.CATEGORIE,
        "mention": "MEMBRE DE FAMILLE UE/EEE/SUISSE",
        "titulaire": {"numero_etranger": ue.NUMERO, "nom": "Recette Métier", "prenom": "Test Quarante-et-un",
                      "date_naissance": naissance().isoformat(), "pays_naissance": "AF", "nationalite": "AF", "sexe": "M"},
    }).raise_for_status()
    page = ue._post(client, "modalites-du-sejour", ue.modalites(accueillant="europeenne", activite="salarié", lien="descendant",
                                                                plus_5_ans="oui", situation="Célibataire"))
    text = ue.visible(page.text)
    assert ue.TITRES["descendant"] in text
    assert (ue.TITRES["pec_salarie"] in text) == prise_en_charge


# The renewal window (guide 01 FAQ 3: « au plus tôt 4 mois ... avant la date de fin de validité ») --------
def days_left_for_opening(opening: date) -> int:
    """Days left on a title whose renewal window opens on `opening` (4 months before its end)."""
    return next(n for n in range(90, 160) if mois_apres(TODAY() + timedelta(days=n), -4) == opening)


@pytest.mark.parametrize(("opening_in", "open_"), [(0, True), (1, False)], ids=["ouvre_aujourd_hui", "ouvre_demain"])
def test_a_renewal_is_filed_from_the_day_the_window_opens_not_the_day_before(client: TestClient, smtp_sink, opening_in: int, open_: bool) -> None:  # type: ignore[no-untyped-def]
    connected_holder(client, smtp_sink, jours_restants=days_left_for_opening(TODAY() + timedelta(days=opening_in)))
    page = client.post("/espace/situation", data={"motif": "renouvellement"})
    refused = "Vous ne pouvez pas encore déposer votre demande de renouvellement" in text_of(page)
    assert refused == (not open_)
    assert (page.url.path == "/teleprocedures/bpi-renouvellement") == open_, page.url.path
