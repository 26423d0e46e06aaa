"""The agent's back-office under /agent over HTTP: its own login (agents from the seed file), the
list of deposited demandes with its filters, one demande with what the applicant typed and every
file, and "Démarrer l'instruction", the same action as the operator API's."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from html import unescape
from pathlib import Path

import pytest
from starlette.testclient import TestClient

import fake_anef
from fake_anef.mail.sink import MailStore, _body
from fake_anef.settings import Settings
from fake_anef.store import Agent
from fake_anef.web.app import create_app
from harness import fichiers

from .test_web_demarche import _account, _mails, _post, _to_justificatifs, _upload

SEED = Path(fake_anef.__file__).parent / "data" / "seed.json"
AGENT = {"identifiant": "agent.instructeur", "mot_de_passe": "Instructeur1!"}


@pytest.fixture
def app(tmp_path: Path, smtp_sink: tuple[MailStore, int]):  # type: ignore[no-untyped-def]
    return create_app(Settings(data_dir=tmp_path / "portail", smtp_port=smtp_sink[1], base_url="http://testserver",
                               seed_file=SEED))


def _deposit(client: TestClient, smtp_sink) -> str:  # type: ignore[no-untyped-def]
    _account(client, smtp_sink, "awa@example.org")
    _to_justificatifs(client)
    _post(client, "justificatifs", {"_action": "ephoto:confirmer", "ephoto": "3" * 22})
    for jid in ("nationalite", "visa-long-sejour", "domicile", "nationalite-parent", "filiation",
                "ressources-parent", "absence-ressources"):
        _upload(client, jid, fichiers.pdf(f"{jid}.pdf"))
    _post(client, "justificatifs", {})
    done = _post(client, "depot", {"_action": "deposer", "observations": "Merci."})
    return re.search(r"N° de la demande : (\d{19})", done.text).group(1)  # type: ignore[union-attr]


@pytest.fixture
def deposited(app, smtp_sink) -> Iterator[tuple[TestClient, str]]:  # type: ignore[no-untyped-def]
    with TestClient(app) as applicant:
        numero = _deposit(applicant, smtp_sink)
    with TestClient(app) as agent:
        yield agent, numero


def test_the_agent_password_is_kept_hashed_and_a_wrong_one_is_refused(app, deposited) -> None:  # type: ignore[no-untyped-def]
    agent, _ = deposited
    with app.state.portal.store.session() as s:
        [row] = s.query(Agent).all()
        assert row.identifiant == AGENT["identifiant"] and AGENT["mot_de_passe"] not in row.password_hash
    assert agent.get("/agent").url.path == "/agent/connexion"
    refused = agent.post("/agent/connexion", data={**AGENT, "mot_de_passe": "Faux1234!"})
    assert refused.status_code == 422 and "Identifiant ou mot de passe incorrect." in refused.text
    assert agent.get("/agent").url.path == "/agent/connexion"
    # an applicant's session is not an agent's
    assert agent.post("/connexion", data={"identifiant": "awa@example.org", "mot_de_passe": "Abcdef1!x"}).status_code < 500
    assert agent.get("/agent").url.path == "/agent/connexion"


def test_list_filters_demande_files_and_start_of_instruction(deposited, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    agent, numero = deposited
    listing = agent.post("/agent/connexion", data=AGENT)
    assert listing.url.path == "/agent" and numero in listing.text and "Dépôt de la demande" in listing.text
    assert "COLLINS Marshall" in listing.text
    today = f"{date.today():%d/%m/%Y}"
    assert numero in agent.get("/agent", params={"procedure": "vpf-enfant-de-francais", "du": today, "au": today}).text
    assert numero not in agent.get("/agent", params={"procedure": "bpi-renouvellement"}).text
    assert numero not in agent.get("/agent", params={"etat": "instruction"}).text
    assert numero not in agent.get("/agent", params={"au": "01/01/2000"}).text
    bad = agent.get("/agent", params={"du": "31/02/2025"})
    assert bad.status_code == 422 and "Saisissez une date au format JJ/MM/AAAA." in bad.text
    assert 'value="31/02/2025"' in bad.text  # what was typed stays
    page = agent.get(f"/agent/demandes/{numero}")
    assert "Collins" in page.text and "3" * 22 in page.text
    links = re.findall(rf'href="(?:http://testserver)?(/agent/demandes/{numero}/pieces/\d+)">([^<]+)<', page.text)
    assert sorted(name for _, name in links) == sorted(f"{j}.pdf" for j in (
        "nationalite", "visa-long-sejour", "domicile", "nationalite-parent", "filiation", "ressources-parent",
        "absence-ressources"))
    assert agent.get(links[0][0]).content.startswith(b"%PDF")
    started = agent.post(f"/agent/demandes/{numero}/instruction")
    numero_etranger = re.search(r"le numéro étranger (\d{10}) a été attribué", started.text).group(1)  # type: ignore[union-attr]
    assert "Instruction en cours" in started.text
    [mail] = [m for m in _mails(smtp_sink, "awa@example.org") if "espace personnel usager a été créé" in _body(m, "plain")]
    assert f"Identifiant : {numero_etranger}" in _body(mail, "plain")
    assert numero in agent.get("/agent", params={"etat": "instruction"}).text
    # once started, the operator API refuses a second start (one implementation)
    assert agent.post(f"/__sim__/demandes/{numero}/instruction").status_code == 409


def test_pages_need_an_agent(app, deposited) -> None:  # type: ignore[no-untyped-def]
    agent, numero = deposited
    assert agent.get(f"/agent/demandes/{numero}").url.path == "/agent/connexion"
    assert agent.post(f"/agent/demandes/{numero}/instruction").url.path == "/agent/connexion"
    agent.post("/agent/connexion", data=AGENT)
    assert agent.get("/agent/demandes/0000000000000000000").status_code == 404
    agent.post("/agent/deconnexion")
    assert agent.get("/agent").url.path == "/agent/connexion"


def _notification_mails(smtp_sink) -> list[str]:  # type: ignore[no-untyped-def]
    return [_body(m, "plain") for m in _mails(smtp_sink, "awa@example.org")
            if "Vous venez de recevoir une notification" in _body(m, "plain")]


def test_complement_then_decision_then_title_available_in_the_agent_pages(app, deposited, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    agent, numero = deposited
    agent.post("/agent/connexion", data=AGENT)
    # nothing but the start is possible before the instruction
    early = agent.post(f"/agent/demandes/{numero}/decision", data={"date_debut": "01/01/2027", "date_fin": "31/12/2027", "taxe": "225"})
    assert early.status_code == 422 and "Action impossible : la demande est à l'état « Dépôt de la demande »." in unescape(early.text)
    agent.post(f"/agent/demandes/{numero}/instruction")
    empty = agent.post(f"/agent/demandes/{numero}/complement", data={"observations-domicile": "Rien"})
    assert empty.status_code == 422 and "Choisissez au moins un justificatif et son motif." in empty.text
    assert "Rien</textarea>" in empty.text  # what was typed stays
    # guides 02-04: "Observations :" under each document, the agent's own per document
    sent = agent.post(f"/agent/demandes/{numero}/complement", data={
        "motif-domicile": "illisible", "motif-filiation": "manquant", "observations-domicile": "Merci de renvoyer.",
        "observations-filiation": "L'acte manque."})
    assert "La demande de complément a été envoyée au demandeur." in sent.text
    [mail] = _notification_mails(smtp_sink)
    assert mail.startswith("Bonjour,") and "http://testserver/se-connecter" in mail  # guides 02-04: "Connectez-vous pour accéder à vos services"
    bad = agent.post(f"/agent/demandes/{numero}/decision", data={"date_debut": "32/01/2027", "date_fin": "01/01/2026", "taxe": "beaucoup"})
    assert bad.status_code == 422
    assert "Saisissez une date au format JJ/MM/AAAA." in bad.text and "Saisissez un montant en euros, par exemple 225." in bad.text
    assert 'value="beaucoup"' in bad.text
    backwards = agent.post(f"/agent/demandes/{numero}/decision", data={"date_debut": "01/01/2027", "date_fin": "01/01/2026", "taxe": "225"})
    assert "La date de fin doit suivre la date de début." in backwards.text
    decided = agent.post(f"/agent/demandes/{numero}/decision", data={"date_debut": "01/01/2027", "date_fin": "31/12/2027", "taxe": "225"})
    assert "La décision favorable a été notifiée au demandeur." in decided.text and "Décision prise" in decided.text
    assert len(_notification_mails(smtp_sink)) == 2
    done = agent.post(f"/agent/demandes/{numero}/disponible")
    assert "Le titre de séjour est marqué disponible." in done.text and "Titre de séjour disponible" in done.text
    with app.state.portal.store.session() as s:
        from fake_anef.store import Notification
        rows = [(n.kind, n.titre, n.contenu) for n in s.query(Notification).order_by(Notification.id)]
    assert rows[0] == ("complement", "Demande de complément",
                       {"motifs": {"domicile": "illisible", "filiation": "manquant"},
                        "observations": {"domicile": "Merci de renvoyer.", "filiation": "L'acte manque."}})
    assert rows[1][:2] == ("decision", "Notification de décision")
    assert rows[1][2]["date_debut"] == "2027-01-01" and rows[1][2]["taxe"] == "225"


def test_the_same_actions_in_the_operator_api(deposited, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    api, numero = deposited
    assert api.post(f"/__sim__/demandes/{numero}/complement", json={"motifs": {"domicile": "illisible"}}).status_code == 409
    api.post(f"/__sim__/demandes/{numero}/instruction").raise_for_status()
    assert api.post("/__sim__/demandes/0000000000000000000/complement", json={"motifs": {}}).status_code == 404
    assert api.post(f"/__sim__/demandes/{numero}/complement", json={"motifs": {"inconnu": "illisible"}}).status_code == 422
    assert api.post(f"/__sim__/demandes/{numero}/complement", json={"motifs": {"domicile": "flou"}}).status_code == 422
    assert api.post(f"/__sim__/demandes/{numero}/complement", json={"motifs": {"domicile": "invalide"},
                                                                     "observations": "Périmé"}).status_code == 201
    assert api.post(f"/__sim__/demandes/{numero}/titre-disponible").status_code == 409
    assert api.post(f"/__sim__/demandes/{numero}/decision", json={"date_debut": "2027-01-01"}).status_code == 422
    assert api.post(f"/__sim__/demandes/{numero}/decision",
                    json={"date_debut": "2027-01-01", "date_fin": "2027-12-31", "taxe": "225"}).status_code == 201
    assert api.post(f"/__sim__/demandes/{numero}/titre-disponible").status_code == 201
    assert len(_notification_mails(smtp_sink)) == 2
