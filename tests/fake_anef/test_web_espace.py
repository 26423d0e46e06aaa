"""A connected user's entry: "pour qui", then "Votre situation actuelle" (guide 03 §8, 04 §12-13)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from fake_anef.mail.sink import MailStore, _body, parse
from fake_anef.settings import Settings
from fake_anef.web.app import create_app


@pytest.fixture
def client(tmp_path: Path, smtp_sink: tuple[MailStore, int]) -> Iterator[TestClient]:
    settings = Settings(data_dir=tmp_path / "portail", smtp_port=smtp_sink[1], base_url="http://testserver")
    with TestClient(create_app(settings)) as c:
        yield c


def _connected_title_holder(client: TestClient, smtp_sink: tuple[MailStore, int], categorie: str, mention: str) -> None:
    client.post("/__sim__/titres", json={
        "numero": "7512345678", "kind": "titre", "date_debut": "2025-02-01", "date_fin": "2027-01-31",
        "categorie": categorie, "mention": mention,
        "titulaire": {"numero_etranger": "7512345678", "nom": "COLLINS", "prenom": "Marshall",
                      "date_naissance": "1990-03-04", "pays_naissance": "CA", "nationalite": "CA"},
    }).raise_for_status()
    client.post("/compte/creation", data={"numero": "7512345678", "debut_jour": "01", "debut_mois": "2", "debut_annee": "2025",
                                          "fin_jour": "31", "fin_mois": "1", "fin_annee": "2027"})
    client.post("/compte/email", data={"email": "mc@example.org", "email_confirmation": "mc@example.org"})
    text = _body(parse(smtp_sink[0].all()[-1]), "plain")
    link = re.search(r"http://testserver(/compte/mot-de-passe\?token=\S+)", text).group(1)  # type: ignore[union-attr]
    client.post(link, data={"mot_de_passe": "Abcdef1!", "confirmation": "Abcdef1!"})
    client.post("/connexion", data={"identifiant": "7512345678", "mot_de_passe": "Abcdef1!"})


def test_the_situation_names_the_title_and_lists_the_other_titles(client: TestClient, smtp_sink: tuple[MailStore, int]) -> None:
    _connected_title_holder(client, smtp_sink, "Etudiant", "ETUDIANT")
    assert "Je sollicite ou renouvelle un titre de séjour pour :" in client.get("/demarches/titre-de-sejour").text
    page = client.post("/demarches/titre-de-sejour", data={"pour": "moi-meme"}).text
    assert "Votre situation actuelle" in page
    assert "Vous êtes titulaire d&#39;un titre de séjour en tant que « Etudiant »." in page
    assert "Ce titre porte la mention « ETUDIANT »." in page
    assert "JE SOLLICITE UN AUTRE TITRE DE SÉJOUR :" in page
    # No renewal procedure is simulated for this category: the guide's warning, the choice disabled.
    assert "n&#39;est pas accessible en ligne pour le moment" in page
    assert re.search(r'id="motif-renouvellement"[^>]*disabled', page)


def test_a_sub_choice_is_required_and_an_unsimulated_one_is_said_so(client: TestClient, smtp_sink: tuple[MailStore, int]) -> None:
    _connected_title_holder(client, smtp_sink, "Etudiant", "ETUDIANT")
    refused = client.post("/espace/situation", data={"motif": "Je suis en situation de vulnérabilité"})
    assert refused.status_code == 422 and "Veuillez préciser votre situation." in refused.text
    page = client.post("/espace/situation", data={"motif": "Je suis en situation de vulnérabilité",
                                                  "sous_motif": "En tant que victime de la traite des êtres humains"})
    assert "Le simulateur ne reproduit pas encore cette démarche" in page.text
    assert "En tant que victime de la traite des êtres humains" in page.text
