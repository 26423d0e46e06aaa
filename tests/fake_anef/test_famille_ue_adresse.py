"""Guide 05 étape 1 (2/2): "Vérifier l'adresse (si changement d'adresse)": the address the
administration holds for the applicant (registered with the identity: operator API, seed, recette)
is pre-filled for the user to check, and stays editable. And the operator API's `adresse`: bad input
is refused with a message, nothing registered."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from fake_anef.mail.sink import MailStore
from fake_anef.recette import to_seed
from fake_anef.settings import Settings
from fake_anef.web.app import create_app
from tests.fake_anef.test_web_bpi import NUMERO, connected_holder, informations
from tests.fake_anef.test_web_famille_ue import BASE, CATEGORIE

ADRESSE = {"numero": "7", "voie": "Rue de la Paix", "complement": "Bâtiment B", "code_postal": "75002",
           "ville": "Paris", "pays": "France", "code_insee": "75102"}
IDENTITE = {"numero_etranger": NUMERO, "nom": "Recette Métier", "prenom": "Test Quarante-et-un",
            "date_naissance": "2006-04-05", "pays_naissance": "AF", "nationalite": "AF", "sexe": "M"}


@pytest.fixture
def client(tmp_path: Path, smtp_sink: tuple[MailStore, int]) -> Iterator[TestClient]:
    settings = Settings(data_dir=tmp_path / "portail", smtp_port=smtp_sink[1], base_url="http://testserver",
                        faults=Settings.from_env().faults)  # ANEF_FAULTS: the mutation kit's mutants
    with TestClient(create_app(settings)) as c:
        yield c


def _input_value(page: str, name: str) -> str | None:
    """The value of the input named `name` as the page holds it (None: no such input)."""
    tag = re.search(rf'<input[^>]*\bname="{re.escape(name)}"[^>]*>', page)
    if tag is None:
        return None
    value = re.search(r'\bvalue="([^"]*)"', tag.group(0))
    return html.unescape(value.group(1)) if value else ""


def _step1(client: TestClient, smtp_sink: tuple[MailStore, int], adresse: dict[str, str] | None) -> str:
    connected_holder(client, smtp_sink, categorie=CATEGORIE, mention="MEMBRE DE FAMILLE UE/EEE/SUISSE")
    if adresse is not None:  # the same identity, now with its address (the operator API upserts)
        client.post("/__sim__/identites", json={**IDENTITE, "adresse": adresse}).raise_for_status()
    client.post("/espace/situation", data={"motif": "renouvellement"})
    page = client.post(BASE)
    assert page.url.path == f"{BASE}/etapes/informations-personnelles"
    return page.text


def test_the_address_of_the_record_is_pre_filled_to_check_and_stays_editable(client: TestClient, smtp_sink: Any) -> None:
    page = _step1(client, smtp_sink, ADRESSE)
    assert _input_value(page, "adresse") == "7 Rue de la Paix 75002 Paris"
    for part, text in ADRESSE.items():
        assert _input_value(page, f"adresse_{part}") == text, part
    assert not re.search(r'<input[^>]*name="adresse"[^>]*readonly', page)  # to check, not frozen
    # "si changement d'adresse": the user's new address is saved and shown back, not the record's
    moved = informations(adresse="20 Rue Nationale 59000 Lille")
    moved.pop("lieu_naissance")
    saved = client.post(f"{BASE}/etapes/informations-personnelles", data={**moved, "lieu_naissance": "Kaboul"})
    assert saved.url.path.endswith("/modalites-du-sejour"), saved.text[-800:]
    back = client.get(f"{BASE}/etapes/informations-personnelles").text
    assert _input_value(back, "adresse") == "20 Rue Nationale 59000 Lille"
    assert _input_value(back, "adresse_ville") == "Lille" and _input_value(back, "adresse_complement") == ""


def test_without_an_address_in_the_record_it_is_typed(client: TestClient, smtp_sink: Any) -> None:
    page = _step1(client, smtp_sink, None)
    assert _input_value(page, "adresse") == "" and _input_value(page, "adresse_ville") == ""


@pytest.mark.parametrize(("adresse", "message"), [
    ("7 rue de la Paix", "adresse : objet JSON attendu"),
    ({"voie": "Rue de la Paix", "ville": "Paris", "etage": "3"}, "partie(s) inconnue(s) etage"),
    ({"numero": "7", "code_postal": "75002", "ville": "Paris"}, "adresse : voie manquant(s)"),
    ({"voie": "Rue de la Paix", "ville": "Paris", "code_postal": "7502"}, "adresse.code_postal : 5 chiffres"),
    ({"voie": "x" * 201, "ville": "Paris"}, "voie : texte de 200 caractères au plus"),
    ({"voie": ["Rue"], "ville": "Paris"}, "voie : texte de 200 caractères au plus"),
])
def test_the_operator_api_refuses_a_bad_address_with_a_message(client: TestClient, adresse: Any, message: str) -> None:
    refused = client.post("/__sim__/identites", json={**IDENTITE, "adresse": adresse})
    assert refused.status_code == 422 and message in refused.text, refused.text
    # nothing registered: a title for this numéro still needs its holder
    debut, fin = date.today() - timedelta(days=10), date.today() + timedelta(days=300)
    titre = client.post("/__sim__/titres", json={"numero": NUMERO, "kind": "titre", "numero_etranger": NUMERO,
                                                 "date_debut": debut.isoformat(), "date_fin": fin.isoformat()})
    assert titre.status_code == 422 and "numero_etranger inconnu" in titre.text


def test_the_operator_api_takes_the_address_with_a_titulaire(client: TestClient) -> None:
    debut, fin = date.today() - timedelta(days=10), date.today() + timedelta(days=300)
    refused = client.post("/__sim__/titres", json={
        "numero": NUMERO, "kind": "titre", "date_debut": debut.isoformat(), "date_fin": fin.isoformat(),
        "titulaire": {**IDENTITE, "adresse": {"voie": "Rue de la Paix"}}})
    assert refused.status_code == 422 and "ville manquant" in refused.text
    client.post("/__sim__/titres", json={
        "numero": NUMERO, "kind": "titre", "date_debut": debut.isoformat(), "date_fin": fin.isoformat(),
        "titulaire": {**IDENTITE, "adresse": ADRESSE}}).raise_for_status()


def test_a_recette_record_may_hold_the_address(tmp_path: Path) -> None:
    path = tmp_path / "recette.yaml"
    path.write_text(
        "titulaires:\n  - {numero_etranger: '0123456789', nom: A, prenom: B, date_naissance: 1990-01-01,\n"
        "     pays_naissance: af, nationalite: af,\n"
        "     adresse: {numero: '7', voie: Rue de la Paix, code_postal: '75002', ville: Paris},\n"
        "     titre: {categorie: X, date_debut: J-10, date_fin: J+300}}\n", encoding="utf-8")
    seed = to_seed(path, today=date(2026, 6, 15))
    assert seed["identites"][0]["adresse"] == {"numero": "7", "voie": "Rue de la Paix", "code_postal": "75002",
                                               "ville": "Paris", "pays": "France"}


def test_a_data_directory_from_before_gets_the_address_column(tmp_path: Path) -> None:
    import sqlite3

    from fake_anef.store import Store

    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE identite (numero_etranger VARCHAR(10) PRIMARY KEY, nom VARCHAR(200), prenom VARCHAR(200),"
                   " date_naissance DATE, pays_naissance VARCHAR(2), nationalite VARCHAR(2), sexe VARCHAR(1))")
    Store(f"sqlite:///{path}").create_all()
    with sqlite3.connect(path) as db:
        assert {"lieu_naissance", "adresse"} <= {row[1] for row in db.execute("PRAGMA table_info(identite)")}
