"""Issue 15, points 8, 10-12 at the HTTP level: a definition's own wording ('textes') and préambule
buttons are checked when it is loaded; the login pages the guides show answer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from fake_anef.engine.communs import expand
from fake_anef.engine.definition import DefinitionError
from fake_anef.mail.sink import MailStore
from fake_anef.settings import Settings
from fake_anef.web.app import create_app
from tests.fake_anef.definitions import load_data

SOURCE = Path(__file__).parents[2] / "fake_anef" / "procedures" / "ase.yaml"


def _load(data: dict) -> None:  # type: ignore[type-arg]
    load_data(data)


def test_the_ase_definition_words_its_buttons_and_signature_as_guide_03() -> None:
    data = expand(SOURCE.read_text(encoding="utf-8"))
    assert data["textes"] == {"supprimer_ephoto": "Supprimer le numéro ephoto", "supprimer_piece": "SUPPRIMER {FICHIER}",
                              "signature_decision": "Ministère de l'Intérieur"}


def test_an_unknown_text_key_or_preambule_button_is_refused() -> None:
    data = expand(SOURCE.read_text(encoding="utf-8"))
    data["textes"]["supprimer_tout"] = "x"
    with pytest.raises(DefinitionError, match="supprimer_tout"):
        _load(data)
    data = expand(SOURCE.read_text(encoding="utf-8"))
    data["preambule"]["boutons"] = ["abandonner", "imprimer"]
    with pytest.raises(DefinitionError, match="imprimer"):
        _load(data)


@pytest.fixture
def client(tmp_path: Path, smtp_sink: tuple[MailStore, int]) -> Iterator[TestClient]:
    settings = Settings(data_dir=tmp_path / "portail", smtp_port=smtp_sink[1], base_url="http://testserver")
    with TestClient(create_app(settings)) as c:
        yield c


def test_the_notification_login_page_and_identifiant_oublie(client: TestClient) -> None:
    page = client.get("/se-connecter").text
    for text in ("Connectez-vous pour accéder à vos services", "Le symbole * indique les champs obligatoires.",
                 "Identifiant oublié ?", "Mot de passe oublié ?", "Se connecter"):
        assert text in page
    refused = client.post("/se-connecter", data={"identifiant": "7503134955", "mot_de_passe": "Faux1!aaa"})
    assert refused.status_code == 422 and "Connectez-vous pour accéder à vos services" in refused.text
    assert "Votre identifiant de connexion est votre N° Etranger" in client.get("/identifiant-oublie").text


def test_the_header_login_page_links_franceconnect_and_helps_with_the_number(client: TestClient) -> None:
    page = client.get("/connexion").text
    assert "Qu&#39;est-ce que FranceConnect ?" in page
    assert 'aria-label="Où se trouve le numero étranger"' in page
