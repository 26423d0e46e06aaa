"""The narrated replay (issue 18 pt 2): a short journey replayed headed under Xvfb with --narration
shows, on the screen, a caption equal to the step being played."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from harness.narration import demo_args, guide_section

PROJECT = Path(__file__).resolve().parents[2]
CAPTION_BACKGROUND = (17, 17, 17)  # the caption box's #111


def test_demo_composes_a_headed_narrated_run_that_records_nothing() -> None:
    args = demo_args(["bpi", "--pause", "5"])
    assert args[:2] == ["-m", "bpi"] and "--headed" in args and "--narration" in args
    assert args[args.index("--slowmo") + 1] == "300" and args[-2:] == ["--pause", "5"]
    assert "--screenshot=off" in args and args[args.index("--scenario-retries") + 1] == "0"
    with pytest.raises(SystemExit, match="parcours inconnu"):
        demo_args(["tourisme"])


def test_section_is_the_guide_section_of_the_quoted_text() -> None:
    tags = {"exig_G04_INTRODUCTION_VALIDER", "exig_G02_REINITIALISATION_MOT_VALIDER_MON_MOT"}
    assert guide_section(tags, 'Et je clique sur "Valider mon mot de passe"') == \
        "Guide 02-enfant-de-francais-premiere-demande — Réinitialisation du mot de passe"
    assert guide_section(tags, "Et je m'identifie avec le mot de passe provisoire") is None


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb n'est pas installé (Debian : apt-get install -y xvfb, fait par scripts/bootstrap.sh)")
    read, write = os.pipe()
    server = subprocess.Popen([xvfb, "-displayfd", str(write), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as displayfd:
        number = displayfd.readline().strip()  # written once the server accepts clients
    try:
        assert number, "Xvfb n'a pas démarré"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_caption_shows_the_current_step_headed_under_xvfb(xvfb_display: str, tmp_path: Path) -> None:
    captures = tmp_path / "legendes"
    env = {**os.environ, "DISPLAY": xvfb_display, "ANEF_REPORTS_DIR": str(tmp_path / "reports")}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "features", "-m", "chemin_a", "-q", "--headed", "--slowmo", "50",
         "--narration", "--pause", "1", "--narration-captures", str(captures), "--accessibilite", "non",
         "--scenario-retries", "0", f"--output={tmp_path / 'playwright'}"],
        cwd=PROJECT, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    records = [json.loads(line) for line in (captures / "legendes.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 4, records  # one per guide screen of the journey
    for record in records:
        assert record["shown"]["step"] == record["step"]  # what the page shows is the step being played
        assert record["shown"]["section"] == record["section"] and record["section"]
        image = Image.open(captures / record["png"]).convert("RGB")
        width, height = image.size
        strip = image.crop((0, height - 120, width, height))  # the caption sits at the bottom of the window
        dark = dict((color, n) for n, color in strip.getcolors(width * 120)).get(CAPTION_BACKGROUND, 0)
        assert dark > width * 20, f"{record['png']} : la légende n'est pas visible"
    assert any(r["section"].startswith("Guide ") for r in records)  # a section taken from the catalogue
