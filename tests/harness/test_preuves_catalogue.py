"""The catalogue as issue 17 wants it: well formed, every id a scenario cites exists, every
requirement covered by a scenario or saying why not; and the validator refusing each kind of mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.catalogue import CatalogueError, load, tag_for
from harness.preuves.couverture import scan_features

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def catalogue():
    return load(ROOT / "requirements")


def test_the_catalogue_covers_the_five_guides_and_the_simulator(catalogue) -> None:
    assert catalogue.guides() == ["01", "02", "03", "04", "05", "SIM"]
    assert all(e.normative for e in catalogue if e.guide_code != "SIM")


def test_every_id_a_scenario_cites_exists_and_every_requirement_is_covered_or_says_why(catalogue) -> None:
    problems = scan_features(ROOT / "features", catalogue).problems(catalogue)
    assert not problems, "\n".join(problems)


def test_nine_tenths_of_the_normative_requirements_are_covered(catalogue) -> None:
    covered = scan_features(ROOT / "features", catalogue).par_exigence
    normative = [e.id for e in catalogue if e.normative]
    share = sum(i in covered for i in normative) / len(normative)
    assert share >= 0.9, f"{share:.0%} des exigences normatives couvertes"


def test_an_id_is_a_valid_mark_name() -> None:
    assert tag_for("G02-ETAPE1-TITRE") == "exig_G02_ETAPE1_TITRE"
    assert tag_for("SIM-MOT-PASSE-DOIT-2").isidentifier()


def _write(tmp_path: Path, body: str, name: str = "02-x.yaml") -> Path:
    (tmp_path / name).write_text("guide: 02-enfant.md\nexigences:\n" + body, encoding="utf-8")
    return tmp_path


ENTRY = "  - id: {id}\n    section: S\n    nature: {nature}\n    normative: {normative}\n    texte: T\n"


@pytest.mark.parametrize(("body", "message"), [
    (ENTRY.format(id="G02-A", nature="ecran", normative="true") * 2, "G02-A : identifiant déjà défini"),
    (ENTRY.format(id="g02 a", nature="ecran", normative="true"), "identifiant « g02 a » invalide"),
    (ENTRY.format(id="G02-A", nature="couleur", normative="true"), "nature « couleur » inconnue"),
    (ENTRY.format(id="SIM-A", nature="ecran", normative="true"), "SIM-A : une exigence du simulateur"),
    (ENTRY.format(id="G02-A", nature="ecran", normative="oui"), "« normative » doit valoir true ou false"),
    ("  - id: G02-A\n    nature: ecran\n    texte: T\n", "champ(s) manquant(s) : section"),
    (ENTRY.format(id="G02-A", nature="ecran", normative="true") + "    non_couverte: ''\n", "doit donner la raison"),
])
def test_the_validator_names_each_mistake(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(CatalogueError) as error:
        load(_write(tmp_path, body))
    assert message in str(error.value) and "02-x.yaml" in str(error.value)


def test_a_scenario_citing_an_unknown_id_and_a_stale_non_couverte_are_reported(tmp_path: Path) -> None:
    catalogue = load(_write(tmp_path, ENTRY.format(id="G02-A", nature="ecran", normative="true")
                                      + "    non_couverte: pas encore\n"
                                      + ENTRY.format(id="G02-B", nature="ecran", normative="true")))
    features = tmp_path / "features"
    features.mkdir()
    (features / "f.feature").write_text(
        "# language: fr\nFonctionnalité: F\n  @exig_G02_A @exig_G02_Z\n  Scénario: S\n    Soit x\n",
        encoding="utf-8")
    problems = scan_features(features, catalogue).problems(catalogue)
    assert any("cite exig_G02_Z, absent du catalogue" in p for p in problems)
    assert any(p.startswith("G02-A") and "déclarée non couverte mais citée" in p for p in problems)
    assert any(p.startswith("G02-B") and "aucun scénario ne la couvre" in p for p in problems)
