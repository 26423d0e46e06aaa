"""The account pages over HTTP (no browser): texts, refusals next to the field, the three paths."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from fake_anef.mail.sink import MailStore
from fake_anef.settings import Settings
from fake_anef.web.app import create_app


@pytest.fixture
def settings(tmp_path: Path, smtp_sink: tuple[MailStore, int]) -> Settings:
    return Settings(data_dir=tmp_path / "portail", smtp_port=smtp_sink[1], base_url="http://testserver")


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as c:
        yield c


def _mails(smtp_sink: tuple[MailStore, int], to: str) -> list[str]:
    from fake_anef.mail.sink import _body, parse

    return [_body(parse(m), "plain") for m in smtp_sink[0].all() if to in m.rcpt_tos]


def test_home_shows_the_banner_and_the_five_briques(client: TestClient) -> None:
    page = client.get("/").text
    assert "SIMULATEUR — site non officiel" in page
    assert "NOUS CONTACTER" in page and "BESOIN D&#39;AIDE ?" in page
    for brique in ["Je valide mon VLS-TS", "Je demande ou renouvelle un titre de séjour",
                   "Je demande un premier titre -sans numéro étranger, sans visa-",
                   "Je déclare un changement de situation", "Je demande un document de voyage"]:
        assert brique in page
    assert "Marianne" not in page


def test_a_bad_email_is_refused_next_to_its_field_and_kept(client: TestClient) -> None:
    response = client.post("/demarches/premiere-demande", data={"email": "awa@", "email_confirmation": "awa@"})
    assert response.status_code == 422
    assert 'aria-describedby="err-email"' in response.text
    assert "L&#39;adresse email n&#39;est pas valide" in response.text
    assert 'value="awa@"' in response.text
    response = client.post("/demarches/premiere-demande", data={"email": "awa@example.org", "email_confirmation": "awa@example.com"})
    assert "La confirmation ne correspond pas à l&#39;adresse email saisie." in response.text


def test_path_a_temporary_password_then_reset(client: TestClient, smtp_sink: tuple[MailStore, int]) -> None:
    page = client.post("/demarches/premiere-demande", data={"email": "awa@example.org", "email_confirmation": "awa@example.org"})
    assert "Demande de création de compte bien enregistrée." in page.text
    [mail] = _mails(smtp_sink, "awa@example.org")
    temporary = re.search(r"Mot de passe provisoire : (\S+)", mail).group(1)  # type: ignore[union-attr]
    login = client.post("/connexion", data={"identifiant": "awa@example.org", "mot_de_passe": temporary})
    assert "Réinitialisation du mot de passe" in login.text
    weak = client.post("/compte/reinitialisation", data={"mot_de_passe": "abcdefgh", "confirmation": "abcdefgh"})
    assert weak.status_code == 422 and "au moins une majuscule" in weak.text
    done = client.post("/compte/reinitialisation", data={"mot_de_passe": "Abcdef1!", "confirmation": "Abcdef1!"})
    assert "Je n&#39;ai pas de numéro d&#39;étranger et je souhaite faire une première demande en ligne :" in done.text
    again = client.post("/demarches/premiere-demande", data={"email": "x@example.org", "email_confirmation": "x@example.org"})
    assert again.status_code == 422  # connected: this is now the choice page, nothing is created


def test_path_c_title_then_link_then_password(client: TestClient, smtp_sink: tuple[MailStore, int]) -> None:
    titre = {"numero": "7512345678", "debut_jour": "01", "debut_mois": "2", "debut_annee": "2025",
             "fin_jour": "31", "fin_mois": "1", "fin_annee": "2027"}
    refused = client.post("/compte/creation", data=titre)
    assert "ne correspondent à aucun titre de séjour ni visa connu" in refused.text
    client.post("/__sim__/titres", json={
        "numero": "7512345678", "kind": "titre", "date_debut": "2025-02-01", "date_fin": "2027-01-31",
        "titulaire": {"numero_etranger": "7512345678", "nom": "COLLINS", "prenom": "Marshall",
                      "date_naissance": "1990-03-04", "pays_naissance": "CA", "nationalite": "CA"},
    }).raise_for_status()
    wrong_dates = client.post("/compte/creation", data={**titre, "fin_annee": "2028"})
    assert "ne correspondent à aucun titre de séjour ni visa connu" in wrong_dates.text
    email_page = client.post("/compte/creation", data=titre)
    assert "Saisissez votre adresse email" in email_page.text
    done = client.post("/compte/email", data={"email": "mc@example.org", "email_confirmation": "mc@example.org"})
    assert "Votre identifiant de connexion sera votre N° Etranger" in done.text
    [mail] = _mails(smtp_sink, "mc@example.org")
    assert mail.splitlines()[0].strip() == "Bonjour"  # guides 01 §III and 04 §7: no name, no comma
    link = re.search(r"http://testserver(/compte/mot-de-passe\?token=\S+)", mail).group(1)  # type: ignore[union-attr]
    assert "Créez votre mot de passe" in client.get(link).text
    assert "Votre compte a bien été créé." in client.post(link, data={"mot_de_passe": "Abcdef1!", "confirmation": "Abcdef1!"}).text
    assert "Ce lien a déjà été utilisé." in client.get(link).text
    assert client.post("/connexion", data={"identifiant": "7512345678", "mot_de_passe": "Abcdef1!"}).url.path == "/"


def test_impossible_dates_are_refused_next_to_the_group(client: TestClient) -> None:
    response = client.post("/compte/creation", data={"numero": "7512345678", "debut_jour": "31", "debut_mois": "2",
                                                     "debut_annee": "2025", "fin_jour": "", "fin_mois": "", "fin_annee": ""})
    assert "Cette date n&#39;existe pas." in response.text
    assert "Ce champ est obligatoire." in response.text
    assert 'value="7512345678"' in response.text


def test_demo_mode_has_no_operator_api(settings: Settings) -> None:
    with TestClient(create_app(replace(settings, operator_api=False))) as demo:
        assert demo.get("/__sim__/health").status_code == 404
        assert demo.get("/").status_code == 200


def test_accounts_and_sessions_survive_a_restart(settings: Settings) -> None:
    with TestClient(create_app(settings)) as first:
        first.post("/demarches/premiere-demande", data={"email": "r@example.org", "email_confirmation": "r@example.org"})
        cookies = dict(first.cookies)
    with TestClient(create_app(settings), cookies=cookies) as second:
        response = second.post("/demarches/premiere-demande", data={"email": "r@example.org", "email_confirmation": "r@example.org"})
        assert "Un compte existe déjà avec cette adresse email." in response.text
