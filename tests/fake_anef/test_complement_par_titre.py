"""The operator API's demande de complément names a justificatif by its id or by its title as the
applicant's pages write it ("Justificatif de domicile datant de moins de 6 mois", or the start of
one title only: "Justificatif de domicile"): a harness that knows only the guides can ask for one."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.testclient import TestClient

from fake_anef.mail.sink import MailStore
from fake_anef.settings import Settings
from fake_anef.store import Notification
from fake_anef.web.app import create_app

from .test_web_agent import SEED, _deposit


@pytest.fixture
def app(tmp_path: Path, smtp_sink: tuple[MailStore, int]):  # type: ignore[no-untyped-def]
    return create_app(Settings(data_dir=tmp_path / "portail", smtp_port=smtp_sink[1], base_url="http://testserver",
                               seed_file=SEED))


def test_a_complement_names_justificatifs_by_their_titles(app, smtp_sink) -> None:  # type: ignore[no-untyped-def]
    with TestClient(app) as client:
        numero = _deposit(client, smtp_sink)
        client.post(f"/__sim__/demandes/{numero}/instruction").raise_for_status()
        for unknown in ("Justificatif de bonne humeur", "Justificatif de"):  # unknown, or the start of several
            refused = client.post(f"/__sim__/demandes/{numero}/complement", json={"motifs": {unknown: "illisible"}})
            assert refused.status_code == 422
        sent = client.post(f"/__sim__/demandes/{numero}/complement", json={
            "motifs": {"Justificatif de domicile": "illisible", "justificatif de nationalité *": "invalide",
                       "filiation": "manquant"},
            "observations": "Par titre."})
        assert sent.status_code == 201, sent.text
        with app.state.portal.store.session() as s:
            [row] = s.query(Notification).all()
            assert row.contenu["motifs"] == {"domicile": "illisible", "nationalite": "invalide", "filiation": "manquant"}
