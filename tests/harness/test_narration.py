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
from typing import Any

import pytest
from PIL import Image

from harness.demo import demo_args
from harness.narration import INIT_SCRIPT, guide_section

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


PAGE = ('<!doctype html><html lang="fr"><head><title>Écran</title></head><body><main><h1>Écran</h1>'
        '<button type="button" onclick="document.title = \'activé\'">Je continue</button></main></body></html>')


def test_pause_waits_for_a_key_that_the_page_does_not_receive(page: Any) -> None:
    page.set_content(PAGE)
    page.evaluate(INIT_SCRIPT)
    page.evaluate("(s) => window.__anefNarration.draw(s)", {"step": "Quand je clique sur « Je continue »", "section": "S"})
    button = page.get_by_role("button", name="Je continue")
    button.focus()
    assert button.evaluate("(b) => getComputedStyle(b).outlineWidth") == "4px"  # the element acted on, outlined
    assert page.get_by_text("Quand je clique").count() == 0  # the caption is out of the steps' reach
    page.evaluate("() => window.__anefNarration.pause(null)")
    assert page.evaluate("() => window.__anefNarration.cont") is False
    assert "pour continuer" in page.evaluate("() => window.__anefNarration.shown().pause")
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.__anefNarration.cont", timeout=2000)
    assert page.title() == "Écran"  # the key went to the narration, not to the focused button


def test_fixed_pace_pause_ends_on_its_countdown(page: Any) -> None:
    page.set_content(PAGE)
    page.evaluate(INIT_SCRIPT)
    page.evaluate("(s) => window.__anefNarration.draw(s)", {"step": "Alors je vois l'écran", "section": "S"})
    page.evaluate("() => window.__anefNarration.pause(1)")
    assert "suite dans 1 s" in page.evaluate("() => window.__anefNarration.shown().pause")
    page.wait_for_function("() => window.__anefNarration.cont", timeout=5000)
    assert page.evaluate("() => window.__anefNarration.shown().pause") == ""
