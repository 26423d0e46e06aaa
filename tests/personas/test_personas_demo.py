"""``python -m personas``: a description gives the same person for the same seed and date; the
guides' named people are listed; what it cannot read is refused with what it understood."""

import json
import subprocess
import sys

import pytest

from personas.demo import main
from personas.reference import REFERENCES

DESCRIPTION = "une demandeuse de nationalité tunisienne, enfant d'un père français"


def test_a_description_prints_the_person_it_describes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([DESCRIPTION, "--seed", "7", "--today", "2026-11-29", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["sexe"] == "F" and first["nationalites"] == ["TN"] and first["parcours"] == "enfant_de_francais"
    assert first["parent_francais"]["lien"] == "Père"
    main([DESCRIPTION, "--seed", "7", "--today", "2026-11-29", "--json"])
    assert json.loads(capsys.readouterr().out) == first  # seeded: the same person again
    main([DESCRIPTION, "--seed", "7", "--today", "2026-11-29"])
    listing = capsys.readouterr().out
    assert listing.startswith("# --seed 7 --today 2026-11-29\n") and f"nom : {first['nom']}\n" in listing


def test_reference_lists_the_guides_people_and_prints_one(capsys: pytest.CaptureFixture[str]) -> None:
    main(["--reference"])
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == list(REFERENCES)
    assert any("COLLINS Marshall, né(e) le 04/03/1990" in line for line in lines)
    main(["--reference", "collins_marshall"])
    assert "ville_naissance : Montréal\n" in capsys.readouterr().out


def test_what_it_cannot_read_is_refused() -> None:
    run = subprocess.run([sys.executable, "-m", "personas", "un chat"], capture_output=True, text=True)
    assert run.returncode == 2 and "description non comprise : 'un chat'" in run.stderr
    run = subprocess.run([sys.executable, "-m", "personas", "--reference", "PERSONNE"], capture_output=True, text=True)
    assert run.returncode == 2 and "COLLINS_MARSHALL" in run.stderr
