"""Guide 03 (étranger confié à l'ASE) over HTTP, no browser: the préambule, the read-only état civil
pre-filled from the numéro étranger, the three CAS, the "Demandeur non éligible" rule and its
boundary, the dépôt with the account's numéro étranger, and "Mes demandes en cours"."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from starlette.testclient import TestClient

from fake_anef.mail.sink import MailStore, _body, parse
from fake_anef.settings import Settings
from fake_anef.web.app import create_app
from harness import fichiers

BASE = "/teleprocedures/vpf-ase"
NUMERO = "5903007192"
SITUATION = {"motif": "Je suis en situation de vulnérabilité",
             "sous_motif": "En tant qu'étranger confié à l'ASE (Aide Sociale à l'Enfance)"}
TRAVAIL = "Avoir besoin de disposer d&#39;un titre afin de pouvoir travailler ou faire un stage."
POLYGAMIE = "Ne pas vivre en France en état de polygamie, même si mon pays d&#39;origine l&#39;autorise."


def years_ago(years: int, days: int = 0) -> date:
    today = date.today()
    try:
        birthday = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        birthday = today.replace(year=today.year - years, day=28)
    return birthday - timedelta(days=days)


def sixteenth(naissance: date) -> date:
    try:
        return naissance.replace(year=naissance.year + 16)
    except ValueError:
        return naissance.replace(year=naissance.year + 16, day=28)


def _identite(client: TestClient, naissance: date, numero: str = NUMERO) -> None:
    client.post("/__sim__/identites", json={
        "numero_etranger": numero, "nom": "Etranger", "prenom": "Mineur", "date_naissance": naissance.isoformat(),
        "pays_naissance": "BR", "nationalite": "BR", "sexe": "M",
    }).raise_for_status()


def _account(client: TestClient, smtp_sink: tuple[MailStore, int], naissance: date, email: str = "mineur@example.org",
             numero: str = NUMERO) -> None:
    """Guide 03 §1-6: numéro étranger, e-mail, the link of the mail, the password, the login."""
    _identite(client, naissance, numero)
    client.post("/compte/numero-etranger", data={
        "numero_etranger": numero, "nom": "Etranger", "prenom": "Mineur", "naissance_jour": str(naissance.day),
        "naissance_mois": str(naissance.month), "naissance_annee": str(naissance.year), "pays_naissance": "BR",
        "nationalite": "BR"})
    client.post("/compte/email", data={"email": email, "email_confirmation": email})
    text = _body(parse([m for m in smtp_sink[0].all() if email in m.rcpt_tos][-1]), "plain")
    assert text.startswith("Bonjour Mineur Etranger,")
    link = re.search(r"http://testserver(/compte/mot-de-passe\?token=\S+)", text).group(1)  # type: ignore[union-attr]
    client.post(link, data={"mot_de_passe": "Abcdef1!", "confirmation": "Abcdef1!"})
    client.post("/connexion", data={"identifiant": numero, "mot_de_passe": "Abcdef1!"})


@pytest.fixture
def app(tmp_path: Path, smtp_sink: tuple[MailStore, int]):  # type: ignore[no-untyped-def]
    return create_app(Settings(data_dir=tmp_path / "portail", smtp_port=smtp_sink[1], base_url="http://testserver"))


@pytest.fixture
def client(app) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with TestClient(app) as c:
        yield c


def _post(client: TestClient, step: str, data: dict, files: dict | None = None):  # type: ignore[no-untyped-def]
    return client.post(f"{BASE}/etapes/{step}", data=data, files=files)


def _date(name: str, value: date) -> dict[str, str]:
    return {f"{name}_jour": str(value.day), f"{name}_mois": str(value.month), f"{name}_annee": str(value.year)}


def informations(**extra: str) -> dict[str, str]:
    return {"lieu_naissance": "Brasilia", "adresse": "20 Rue Nationale 59800 Lille", "adresse_numero": "20",
            "adresse_voie": "Rue Nationale", "adresse_code_postal": "59800", "adresse_ville": "Lille",
            "adresse_pays": "France", "telephone": "0101010101", **extra}


def motif(prise: date, entree: date, **extra: str) -> dict[str, str]:
    return {**_date("date_prise_en_charge_ase", prise), **_date("date_entree", entree),
            "situation_familiale": "Célibataire", "a_enfants": "non", "attestation_travail": "oui",
            "attestation_polygamie": "oui", "attestation_sanctions": "oui", **extra}


def shown(page: str, label: str) -> bool:
    """Whether the checkbox `label` is on the page and not hidden by its condition."""
    match = re.search(rf'<div\s+data-when="[^"]*"( hidden)?>\s*<div class="field checkbox[^"]*">\s*<input[^>]*>\s*'
                      rf'<label[^>]*>{re.escape(label)}', page)
    return bool(match) and match.group(1) is None


def _start(client: TestClient):  # type: ignore[no-untyped-def]
    page = client.post("/espace/situation", data=SITUATION)
    assert page.url.path == BASE and "Votre démarche en ligne" in page.text
    return client.post(BASE)


def test_the_situation_leads_to_the_preambule_then_step_1_read_only(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    naissance = years_ago(17, 30)
    _account(client, smtp_sink, naissance)
    page = client.post("/espace/situation", data=SITUATION)
    text = html.unescape(page.text)
    for sentence in ("Votre démarche en ligne", "DÉPOSEZ VOTRE DEMANDE EN 5 ÉTAPES", "1. Informations personnelles",
                     "Vérifiez et complétez les informations relatives à votre identité et vos informations de contact.",
                     "5. Confirmation", "Vous devez joindre :", "Télécharger la liste des pièces justificatives."):
        assert sentence in text, sentence
    assert re.search(r"<p>Ce site vous permet[^<]*:</p>\s*<ul>\s*<li>en tant qu'étranger confié\(e\)", text)
    step1 = client.post(BASE)
    assert step1.url.path == f"{BASE}/etapes/informations-personnelles"
    text = html.unescape(step1.text)
    assert "Les informations d'état civil ne sont pas modifiables." in text
    assert re.search(r'value="Etranger" readonly', text) and re.search(rf'value="{naissance:%d/%m/%Y}" readonly', text)
    assert 'value="Brésilienne" readonly' in text or 'value="Brésilien" readonly' in text
    assert "Je suis un mineur (+16 ans) émancipé" in text
    # a submitted value for a read-only field is ignored: the administration's is kept
    saved = _post(client, "informations-personnelles", informations(nom_naissance="Autre", date_naissance_annee="1990"))
    assert saved.url.path.endswith("/motif-de-sejour")
    back = html.unescape(client.get(f"{BASE}/etapes/informations-personnelles").text)
    assert 'value="Etranger" readonly' in back and "Autre" not in back
    # a demande begun skips the préambule
    assert client.get(BASE).url.path.endswith("/motif-de-sejour")
    assert "Votre démarche en ligne" in client.get(f"{BASE}/preambule").text


@pytest.mark.parametrize(("age", "emancipe", "attestations", "present", "absent"), [
    (17, False, (TRAVAIL,), "Accord du parent/représentant légal ou du mandataire", "Justificatif d&#39;émancipation"),
    (16, True, (TRAVAIL, POLYGAMIE), "Justificatif d&#39;émancipation", "Accord du parent/représentant légal"),
    (20, False, (POLYGAMIE,), None, "Justificatif d&#39;émancipation"),
])
def test_each_cas_has_its_attestations_and_justificatifs(client: TestClient, smtp_sink, age: int, emancipe: bool,  # type: ignore[no-untyped-def]
                                                         attestations: tuple[str, ...], present: str | None, absent: str) -> None:
    naissance = years_ago(age, 40)
    _account(client, smtp_sink, naissance)
    _start(client)
    page = _post(client, "informations-personnelles", informations(**({"emancipe": "oui"} if emancipe else {})))
    step1 = client.get(f"{BASE}/etapes/informations-personnelles").text
    assert shown(step1, "Je suis un mineur (+16 ans) émancipé") == (age < 18)
    for sentence in (TRAVAIL, POLYGAMIE):
        assert shown(page.text, sentence) == (sentence in attestations), sentence
    justificatifs = _post(client, "motif-de-sejour", motif(sixteenth(naissance), sixteenth(naissance)))
    assert justificatifs.url.path.endswith("/justificatifs")
    assert "Décision de placement par l&#39;autorité judiciaire" in justificatifs.text
    if present:
        assert present in justificatifs.text
    assert absent not in justificatifs.text
    assert "Insertion dans la société française" not in justificatifs.text


def test_a_prise_en_charge_after_16_is_refused_then_modifier_ma_saisie_keeps_it(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    naissance = years_ago(19, 3)
    _account(client, smtp_sink, naissance)
    _start(client)
    _post(client, "informations-personnelles", informations())
    late = sixteenth(naissance) + timedelta(days=200)
    page = _post(client, "motif-de-sejour", motif(late, late))
    text = html.unescape(page.text)
    assert "Demandeur non éligible" in text
    assert "accessible uniquement aux demandeurs confiés à l'Aide Sociale à l'Enfance (ASE) au plus tard à l'âge de 16 ans" in text
    assert "Modifier ma saisie" in text and "Abandonner la demande" in text
    again = client.get(f"{BASE}/etapes/motif-de-sejour")
    assert f'value="{late.year}"' in again.text  # what was typed is kept, to be changed
    # The dépôt validates every step again: the rule cannot be walked around.
    ok = _post(client, "motif-de-sejour", motif(sixteenth(naissance), late))
    assert ok.url.path.endswith("/justificatifs")
    assert "Abandonner la demande" in client.get(f"{BASE}/abandon").text


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(age=st.integers(min_value=16, max_value=25), days=st.integers(min_value=1, max_value=364))
def test_eligibility_boundary_on_the_16th_birthday(client: TestClient, smtp_sink, age: int, days: int) -> None:  # type: ignore[no-untyped-def]
    """Property: prise en charge on the 16th birthday is accepted, the day after is refused."""
    naissance = years_ago(age, days)
    if not client.cookies:
        _account(client, smtp_sink, naissance)
        _start(client)
        _post(client, "informations-personnelles", informations())
    _identite(client, naissance)  # the administration's record (read-only birth date) changes
    birthday = sixteenth(naissance)
    refused = _post(client, "motif-de-sejour", motif(birthday + timedelta(days=1), birthday))
    assert "Demandeur non éligible" in refused.text
    accepted = _post(client, "motif-de-sejour", motif(birthday, birthday))
    assert accepted.url.path.endswith("/justificatifs"), accepted.text[-2000:]


def test_depot_pdf_mail_and_mes_demandes_en_cours(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    naissance = years_ago(20, 10)
    _account(client, smtp_sink, naissance)
    assert "Mes demandes en cours" in client.get("/").text
    _start(client)
    _post(client, "informations-personnelles", informations())
    _post(client, "motif-de-sejour", motif(sixteenth(naissance), sixteenth(naissance)))
    _post(client, "justificatifs", {"_action": "ephoto:confirmer", "ephoto": "3" * 22})
    for jid in ("nationalite", "identite", "domicile", "placement-ase", "activite-professionnelle", "liens-famille"):
        _post(client, "justificatifs", {"_action": f"joindre:{jid}"},
              files={f"fichier-{jid}": (f"{jid}.pdf", fichiers.pdf()["buffer"], "application/pdf")})
    assert _post(client, "justificatifs", {}).url.path.endswith("/depot")
    # The dépôt validates every step again: an ineligible date saved by "Revenir à l'étape
    # précédente" (which does not validate) stops it.
    late = sixteenth(naissance) + timedelta(days=1)
    _post(client, "motif-de-sejour", {**motif(late, late), "_action": "precedent"})
    refused = _post(client, "depot", {"_action": "deposer"})
    assert "Demandeur non éligible" in refused.text and "/espace" not in refused.url.path
    assert "Demande en cours de saisie" in client.get("/espace/demandes").text
    _post(client, "motif-de-sejour", motif(sixteenth(naissance), sixteenth(naissance)))
    done = _post(client, "depot", {"_action": "deposer"})
    text = html.unescape(done.text)
    assert "Votre demande a bien été enregistrée et vous allez recevoir un accusé de réception." in text
    assert "J'ouvre ma confirmation de dépôt de demande (PDF)" in text and "ameli.fr" in text
    pdf = client.get(f"{BASE}/confirmation-depot.pdf").content
    flat = " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "CONFIRMATION DU DÉPÔT D'UNE PREMIÈRE DEMANDE DE TITRE DE SÉJOUR" in flat
    assert f"Identifiant (N° étranger) : {NUMERO}" in flat
    assert "Ce document n'autorise pas le franchissement des frontières de l'espace Schengen." in flat
    assert f"Né(e) le : {naissance:%d/%m/%Y}" in flat and "A : BRASILIA, BRÉSIL" in flat
    numero = re.search(r"N° de la demande : (\d{19})", flat).group(1)  # type: ignore[union-attr]
    [mail] = [m for m in map(parse, smtp_sink[0].all()) if "bien été enregistrée" in _body(m, "plain")]
    assert [p.get_filename() for p in mail.iter_attachments()] == [f"confirmation-depot-{numero}.pdf"]
    suivi = html.unescape(client.get("/espace/demandes").text)
    assert numero in suivi and "Demande de vie privée et familiale" in suivi and NUMERO in suivi
    assert re.search(r"Demande envoyée : le \d{2}/\d{2}/\d{4} à \d{2}:\d{2}", suivi)
    link = re.search(r'href="http://testserver([^"]+)" download>TÉLÉCHARGER LA CONFIRMATION DE DÉPÔT', suivi).group(1)  # type: ignore[union-attr]
    again = client.get(link).content
    assert " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(again)).pages).split()) == flat
    assert "Historique de mes Titres de Séjour :" in suivi


def test_mes_demandes_needs_a_login_and_lists_a_draft(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/espace/demandes").url.path == "/connexion"
    _account(client, smtp_sink, years_ago(18, 5))
    assert "Vous n&#39;avez aucune demande en cours." in client.get("/espace/demandes").text
    _start(client)
    suivi = client.get("/espace/demandes").text
    assert "Demande en cours de saisie" in suivi and "Reprendre ma demande" in suivi
    assert "Vous n&#39;avez aucune demande en cours." not in suivi


def test_the_list_of_justificatifs_is_annexe_1(client: TestClient) -> None:
    pdf = client.get(f"{BASE}/liste-des-pieces-justificatives.pdf").content
    flat = " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "ÉTRANGER CONFIE(E) À L'AIDE SOCIALE À L'ENFANCE (ASE)" in flat
    assert flat.index("MOTIF DE SÉJOUR") < flat.index("Insertion dans la société française")
    assert "Justificatif d'émancipation" not in flat
