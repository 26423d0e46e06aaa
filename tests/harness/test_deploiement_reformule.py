"""A small part of the reworded-DERIVED run (issue 12 §5), cheap enough for `make test`: the bundled
portal plays a deployment (no operator API, the recette data set) and rewords every text of its own
(fault mode reformule_derives); one scenario that checks such a text (the message for an unknown
numéro étranger, SIM-NUMERO-ETRANGER-INCONNU) must pass, with a remarque naming that text. The whole
run is `make deploiement-reformule` (scripts/deploiement.sh --reformule)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_reworded_text_of_the_simulator_is_a_remarque_in_deployment_mode(tmp_path: Path) -> None:
    env = {**os.environ, "ANEF_REPORTS_DIR": str(tmp_path)}
    env.pop("ANEF_FAULTS", None)
    run = subprocess.run(
        # --accessibilite non: the page's analysis is the features run's; this run is about its texts
        ["bash", "scripts/deploiement.sh", "--reformule", "-p", "no:randomly", "-k", "numéro_étranger_inconnu",
         "--accessibilite", "non"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900, check=False)
    out = run.stdout + run.stderr
    assert run.returncode == 0, out[-4000:]
    assert "ANEF_FAULTS=reformule_derives" in out
    assert re.search(r"\b1 passed\b", out) and not re.search(r"\b\d+ failed\b", out), out[-4000:]
    count = re.search(r"(\d+) remarque\(s\)", out)
    assert count and int(count.group(1)) >= 1, out[-4000:]
    assert re.search(r"- SIM-NUMERO-ETRANGER-INCONNU \(.*\) : attendu « Les informations saisies ne correspondent "
                     r"à aucun numéro étranger connu\. »", out), out[-4000:]
    junit = (tmp_path / "deploiement-reformule" / "junit.xml").read_text(encoding="utf-8")
    assert 'name="remarque"' in junit
