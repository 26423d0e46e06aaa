"""The operator API's accounts (POST /__sim__/comptes, GET /__sim__/comptes/{identifiant}): the
harness's fast preconditions. An account made there logs in through the public login page like one
made through the pages; bad input is refused with a message, never a 500; the same e-mail or an
active numéro étranger is never taken twice; demo mode (no operator API) has none of it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from fake_anef.mail.sink import MailStore
from fake_anef.settings import Settings
from fake_anef.web.app import create_app

PASSWORD = "Abcdef1!x"
IDENTITE = {"numero_etranger": "7501234567", "nom": "Dupont", "prenom": "Awa", "date_naissance": "2000-02-03",
            "pays_naissance": "SN", "nationalite": "SN"}


@pytest.fixture
def settings(tmp_path: Path, smtp_sink: tuple[MailStore, int]) -> Settings:
    return Settings(data_dir=tmp_path / "portail", smtp_port=smtp_sink[1], base_url="http://testserver")


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        yield c


def test_a_path_a_account_logs_in_on_the_page_of_choices(client: TestClient) -> None:
    made = client.post("/__sim__/comptes", json={"email": "Awa@Example.org", "mot_de_passe": PASSWORD})
    assert made.status_code == 201 and made.json() == {"identifiant": "awa@example.org"}
    assert client.get("/__sim__/comptes/awa@example.org").json() == {
        "identifiant": "awa@example.org", "email": "Awa@Example.org", "nom": "", "prenom": "", "numero_etranger": None,
        "kind": "temporaire", "active": True, "must_reset": False, "mot_de_passe": True}
    login = client.post("/connexion", data={"identifiant": "awa@example.org", "mot_de_passe": PASSWORD},
                        follow_redirects=False)
    assert login.status_code == 303
    page = client.get("/demarches/premiere-demande").text
    assert "Je n&#39;ai pas de numéro d&#39;étranger et je souhaite faire une première demande en ligne" in page
    assert client.post("/__sim__/comptes", json={"email": "awa@example.org", "mot_de_passe": PASSWORD}).status_code == 409


def test_a_path_b_account_needs_a_known_identity_and_is_made_once(client: TestClient) -> None:
    body = {"email": "awa@example.org", "mot_de_passe": PASSWORD, "numero_etranger": IDENTITE["numero_etranger"]}
    assert client.post("/__sim__/comptes", json=body).status_code == 422
    assert client.post("/__sim__/identites", json=IDENTITE).status_code == 201
    assert client.post("/__sim__/comptes", json=body).json() == {"identifiant": "7501234567"}
    held = client.get("/__sim__/comptes/7501234567").json()
    assert (held["kind"], held["active"], held["nom"], held["prenom"]) == ("usager", True, "Dupont", "Awa")
    assert client.post("/__sim__/comptes", json={**body, "email": "autre@example.org"}).status_code == 409
    assert client.post("/connexion", data={"identifiant": "7501234567", "mot_de_passe": PASSWORD},
                       follow_redirects=False).status_code == 303


@pytest.mark.parametrize("body", [
    {}, {"email": "awa@example.org"}, {"email": "pas-une-adresse", "mot_de_passe": PASSWORD},
    {"email": "awa@example.org", "mot_de_passe": "court"}, {"email": ["x@y.org"], "mot_de_passe": PASSWORD},
    {"email": "awa@example.org", "mot_de_passe": PASSWORD, "numero_etranger": {"a": 1}},
])
def test_bad_input_is_refused_with_a_message(client: TestClient, body: dict[str, Any]) -> None:
    response = client.post("/__sim__/comptes", json=body)
    assert response.status_code == 422 and response.json()["error"], response.text


def test_an_unknown_account_is_a_404(client: TestClient) -> None:
    assert client.get("/__sim__/comptes/personne@example.org").status_code == 404


def test_demo_mode_has_no_account_api(settings: Settings) -> None:
    with TestClient(create_app(replace(settings, operator_api=False))) as demo:
        assert demo.post("/__sim__/comptes", json={"email": "a@b.org", "mot_de_passe": PASSWORD}).status_code == 404
