"""Text mutants: one per normative requirement of the catalogue (requirements/) that is a rule, a
document field, a 2D-DOC field or a mail, whose text the bundled portal holds. Each is the portal
with that one text altered wherever it is shown (fault mode texte_guide_choisi, ANEF_TEXTE_GUIDE),
and it must be killed by the scenarios tagged with the requirement (@exig_…, written by
scripts/etiqueter_exigences.py). A requirement no scenario is tagged with makes a mutant that no
selection can kill: it is reported as a survivor, "aucun scénario ne vérifie ce texte".

A normative requirement whose text the portal does not hold as such (a field shown with its value,
"Nom de naissance : COLLINS"; a screenshot's caption) has no text mutant: the value mutants of
mutants/catalogue.yaml break those fields; the ones no mutant names are listed apart (`sans_mutant`).
A dev tool, like scripts/mutation.py: it reads fake_anef and harness.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
NATURES = ("regle", "champ_document", "champ_2ddoc", "courriel")
FAULT = "texte_guide_choisi"


def normative(natures: Iterable[str] = NATURES) -> list[dict[str, Any]]:
    """The catalogue's normative requirements of these natures, in file order."""
    out = []
    for path in sorted((ROOT / "requirements").glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")).get("exigences") or []:
            if entry.get("normative") and entry.get("nature") in natures:
                out.append(entry)
    return out


def tagged(features: Path = ROOT / "features") -> set[str]:
    """The @exig_… tags the features carry."""
    return {m for path in features.glob("*.feature")
            for m in re.findall(r"@(exig_\w+)", path.read_text(encoding="utf-8"))}


def guide_of(ident: str) -> str:
    found = re.match(r"G(\d\d)", ident)
    return found.group(1) if found else "simulateur"


def plan(named: set[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(text mutants to run, requirements without a mutant). `named`: the requirement ids the
    catalogue's mutants already name (those need no text mutant when the portal does not hold
    their text). Each text mutant: name, guide, regle, exigence, texte, tag, covered."""
    from fake_anef import reformulation
    from harness.catalogue import tag_for

    strings, tags = reformulation.portal_strings(), tagged()
    mutants, without = [], []
    for entry in normative():
        text = str(entry["texte"])
        if not any(text in s for s in strings):
            if entry["id"] not in named:
                without.append(entry)
            continue
        tag = tag_for(entry["id"])
        mutants.append({"name": f"texte:{entry['id']}", "guide": guide_of(entry["id"]),
                        "regle": f"{entry['id']} ({entry['nature']}) : « {text[:70]} »", "exigence": entry["id"],
                        "texte": text, "tag": tag, "covered": tag in tags})
    return mutants, without
