"""Issue 15 pt 2 over HTTP: guide 02 is for "l'enfant (+ de 16 ans) d'un citoyen français" (a child
under 16 is stopped), and guide 03's "Je suis un mineur (+16 ans) émancipé" is not offered under 16."""

from __future__ import annotations

import html
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
