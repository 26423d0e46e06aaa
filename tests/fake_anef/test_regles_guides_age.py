"""Issue 15 pt 2 over HTTP: guide 02 is for "l'enfant (+ de 16 ans) d'un citoyen français" (a child
under 16 is stopped), and guide 03's "Je suis un mineur (+16 ans) émancipé" is not offered under 16."""

from __future__ import annotations

import html
import re
from datetime import date

from starlette.testclient import TestClient

from tests.fake_anef import test_web_ase as ase
from tests.fake_anef.test_web_demarche import BASE, _post, app, client  # noqa: F401  (fixtures)
from tests.fake_anef.test_wizard import informations, motif


def _birth(years_ago: int) -> dict[str, str]:
    born = ase.years_ago(years_ago, 10)
    return {"date_naissance_jour": str(born.day), "date_naissance_mois": str(born.month), "date_naissance_annee": str(born.year)}


def test_an_enfant_de_francais_under_16_is_stopped_and_one_of_16_goes_on(client: TestClient) -> None:
    client.post("/demarches/premiere-demande", data={"motif": "attaches-familiales"})
    _post(client, "situation", {"situation": "famille-francais", "situation_famille": "enfant"})
    page = _post(client, "informations-personnelles", informations(**_birth(10)))
    text = html.unescape(page.text)
    assert "Demandeur non éligible" in text and "uniquement à l'enfant de plus de 16 ans d'un citoyen français" in text
    assert "Modifier ma saisie" in text and not page.url.path.endswith("/motif-de-sejour")
    assert _post(client, "informations-personnelles", informations(**_birth(16))).url.path.endswith("/motif-de-sejour")
    assert _post(client, "motif-de-sejour", motif()).url.path.endswith("/justificatifs")


def test_the_emancipated_minor_box_is_not_offered_under_16_and_a_forged_one_is_ignored(tmp_path, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    from fake_anef.settings import Settings
    from fake_anef.web.app import create_app

    with TestClient(create_app(Settings(data_dir=tmp_path / "p", smtp_port=smtp_sink[1], base_url="http://testserver"))) as c:
        naissance = ase.years_ago(13)
        ase._account(c, smtp_sink, naissance)
        step1 = ase._start(c).text
        assert not ase.shown(step1, "Je suis un mineur (+16 ans) émancipé")
        page = ase._post(c, "informations-personnelles", ase.informations(emancipe="oui"))
        assert page.url.path.endswith("/motif-de-sejour")
        assert "Justificatif d&#39;émancipation" not in ase._post(
            c, "motif-de-sejour", ase.motif(date.today(), date.today())).text


def test_the_lieu_de_naissance_is_read_only_where_the_record_has_it(tmp_path, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    """Guides 03-04: "Les informations d'état civil ne sont pas modifiables" (issue 15 pt 7)."""
    from fake_anef.settings import Settings
    from fake_anef.web.app import create_app

    with TestClient(create_app(Settings(data_dir=tmp_path / "p", smtp_port=smtp_sink[1], base_url="http://testserver"))) as c:
        naissance = ase.years_ago(17, 30)
        ase._account(c, smtp_sink, naissance)
        c.post("/__sim__/identites", json={
            "numero_etranger": ase.NUMERO, "nom": "Etranger", "prenom": "Mineur", "date_naissance": naissance.isoformat(),
            "pays_naissance": "BR", "nationalite": "BR", "sexe": "M", "lieu_naissance": "Recife"}).raise_for_status()
        step1 = html.unescape(ase._start(c).text)
        assert 'value="Recife" readonly' in step1 and 'name="lieu_naissance"' not in step1
        saved = ase._post(c, "informations-personnelles", ase.informations(lieu_naissance="Autre"))
        assert saved.url.path.endswith("/motif-de-sejour")
        back = html.unescape(c.get(f"{ase.BASE}/etapes/informations-personnelles").text)
        assert 'value="Recife" readonly' in back and "Autre" not in back


def test_without_a_lieu_de_naissance_in_the_record_it_is_typed(tmp_path, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    from fake_anef.settings import Settings
    from fake_anef.web.app import create_app

    with TestClient(create_app(Settings(data_dir=tmp_path / "p", smtp_port=smtp_sink[1], base_url="http://testserver"))) as c:
        ase._account(c, smtp_sink, ase.years_ago(17, 30))
        step1 = ase._start(c).text
        assert re.search(r'<input[^>]*name="lieu_naissance"', step1)
        refused = ase._post(c, "informations-personnelles", {**ase.informations(), "lieu_naissance": ""})
        assert refused.status_code == 422


def test_a_data_directory_from_before_gets_the_lieu_de_naissance_column(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from fake_anef.store import Store

    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE identite (numero_etranger VARCHAR(10) PRIMARY KEY, nom VARCHAR(200), prenom VARCHAR(200),"
                   " date_naissance DATE, pays_naissance VARCHAR(2), nationalite VARCHAR(2), sexe VARCHAR(1))")
    Store(f"sqlite:///{path}").create_all()
    with sqlite3.connect(path) as db:
        assert "lieu_naissance" in [row[1] for row in db.execute("PRAGMA table_info(identite)")]
