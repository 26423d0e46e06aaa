"""Issue 15 pt 3 over HTTP: guide 01 FAQ 3, a renewal is filed "au plus tôt 4 mois et au plus tard
2 mois avant la date de fin de validité"; a BPS title with 900 days left cannot be renewed today."""

from __future__ import annotations

import html
from datetime import date, timedelta

from starlette.testclient import TestClient

from fake_anef.engine.conditions import mois_apres
from tests.fake_anef.test_web_bpi import client, connected_holder  # noqa: F401  (client: a fixture)


def test_a_bps_title_with_900_days_left_cannot_be_renewed_today(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    connected_holder(client, smtp_sink, jours_restants=900)
    page = client.post("/espace/situation", data={"motif": "renouvellement"})
    text = html.unescape(page.text)
    assert page.status_code == 422 and "/teleprocedures/" not in str(page.url)
    opening = mois_apres(date.today() + timedelta(days=900), -4)
    assert "Vous ne pouvez pas encore déposer votre demande de renouvellement" in text
    assert "au plus tôt 4 mois et au plus tard 2 mois avant la date de fin de validité" in text
    assert f"Vous pourrez la déposer à partir du {opening:%d/%m/%Y}." in text


def test_a_title_ending_within_4_months_is_renewed(client: TestClient, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    connected_holder(client, smtp_sink, jours_restants=110)
    page = client.post("/espace/situation", data={"motif": "renouvellement"})
    assert page.status_code == 200 and page.url.path == "/teleprocedures/bpi-renouvellement"
