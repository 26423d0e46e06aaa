"""The portal's reader of a jeu de données de recette (serve --recette): the file's people, titles
and agent become the portal's reference data, relative dates resolved on the day it starts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fake_anef.recette import to_seed

EXEMPLE = Path(__file__).resolve().parents[2] / "docs" / "recette-exemple.yaml"


def test_the_documented_example_becomes_the_portal_reference_data() -> None:
    seed = to_seed(EXEMPLE, today=date(2026, 6, 15))
    numeros = [i["numero_etranger"] for i in seed["identites"]]
    assert len(numeros) == len(set(numeros)) >= 33
    assert seed["agents"] == [{"identifiant": "agent.recette", "mot_de_passe": "Recette-2026!",
                               "nom": "AGENT RECETTE", "prenom": ""}]
    bps = [t for t in seed["titres"] if t["categorie"] == "BPS"]
    assert bps and all("2026-08-14" <= t["date_fin"] <= "2026-10-13" for t in bps)  # J+60 .. J+120: renewal window
    visa = next(t for t in seed["titres"] if t["kind"] == "visa")
    assert visa["numero"] != visa["numero_etranger"]
    assert not {t["numero_etranger"] for t in seed["titres"]} - set(numeros)  # every holder is known


def test_a_served_portal_knows_the_records(tmp_path: Path) -> None:
    import json
    from dataclasses import replace

    from fake_anef.portal import Portal
    from fake_anef.settings import Settings
    from fake_anef.store import Identite, Titre

    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps(to_seed(EXEMPLE)), encoding="utf-8")
    portal = Portal.create(replace(Settings.from_env(), data_dir=tmp_path, seed_file=seed, operator_api=False))
    with portal.store.session() as s:
        assert s.get(Identite, "7500112648").nom == "BENALI"
        assert s.get(Titre, "1100247271").kind == "visa"
