"""The requirement catalogue holds every text the features quote, each with a well-formed source;
a normative quote is found in the guide it names (typography aside; guide 04 is OCR'd text, so its
quotes are the restored French and are matched by similarity)."""

from __future__ import annotations

import difflib
import os
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from harness.catalogue import NATURES, REQUIREMENTS, catalogue, feature_quotes, normalise
from harness.textes import pattern

# The guides sit in shared/ beside the project (as in CI, where the repository is cloned next to it).
GUIDES = Path(os.environ.get("ANEF_GUIDES") or Path(__file__).resolve().parents[2].parent / "shared" / "guides")


def test_every_text_quoted_in_a_feature_is_in_the_catalogue() -> None:
    cat = catalogue()
    missing = sorted({f"{feature}: « {q} » (étape « {step} »)"
                      for feature, step, q in feature_quotes() if cat.find_template(q) is None})
    assert not missing, "textes cités par les features absents de requirements/ :\n" + "\n".join(missing)


def test_feature_quotes_are_read_with_their_examples() -> None:
    quotes = {q for _, _, q in feature_quotes()}
    assert "Le mot de passe doit contenir au moins une majuscule." in quotes  # from an Exemples table
    assert not any(q.startswith("<") for q in quotes)
    assert "12345" not in quotes  # typed by the user, not a text of the portal


def test_entries_are_well_formed() -> None:
    ids = Counter()
    for path in sorted(REQUIREMENTS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["guide"]
        informative = path.name == "simulateur.yaml"
        for item in data["exigences"]:
            ids[item["id"]] += 1
            assert set(item) <= {"id", "section", "nature", "normative", "texte", "non_couverte"}, item
            assert item["nature"] in NATURES, item
            assert item["normative"] is (not informative), item
            assert item["texte"].strip() and item["section"].strip(), item
            prefix = "SIM-" if informative else f"G{path.name[:2]}-"
            assert item["id"].startswith(prefix), item
    assert [i for i, n in ids.items() if n > 1] == []


def _guide_text(name: str) -> str:
    raw = (GUIDES / name).read_text(encoding="utf-8")
    raw = re.sub(r"</?[a-zA-Z][^<>\n]{0,40}>", "", raw).replace("**", "").replace("\\*", "*")
    return normalise(re.sub(r"(?m)^#+\s*", "", raw))


@pytest.mark.skipif(not GUIDES.exists(), reason=f"les guides ne sont pas dans {GUIDES} (ANEF_GUIDES)")
def test_normative_quotes_are_in_their_guide() -> None:
    texts: dict[str, str] = {}
    wrong = []
    for e in catalogue().exigences:
        if not e.normative:
            continue
        text = texts.setdefault(e.guide, _guide_text(e.guide))
        wanted = normalise(e.texte)
        if wanted in text or ("{" in e.texte and pattern(e.texte).search(text)):
            continue
        if e.guide.endswith(".ocr.txt"):  # restored French: the OCR'd line must be close to it
            sm = difflib.SequenceMatcher(None, text.casefold(), wanted.casefold(), autojunk=False)
            if sm.find_longest_match(0, len(text), 0, len(wanted)).size >= max(6, len(wanted) * 0.45):
                continue
        wrong.append(f"{e.id}: « {e.texte} » introuvable dans {e.guide}")
    assert not wrong, "\n".join(wrong)


def test_the_same_words_are_the_simulators_in_a_journey_whose_guide_does_not_show_them() -> None:
    """"Acte de mariage" is guide 04's text (ANNEXE 1, normative); in guide 05's journey the
    simulator words that justificatif itself (SIM-ACTE-MARIAGE, section famille_ue): there a target
    that words it otherwise gets a remarque, not a failure naming guide 04."""
    cat = catalogue()
    assert cat.find("Acte de mariage").id == "G04-ANNEXE1-LISTE-ACTE-MARIAGE"
    assert cat.find("Acte de mariage", "bpi").id == "G04-ANNEXE1-LISTE-ACTE-MARIAGE"
    assert cat.find("Acte de mariage", "famille_ue").id == "SIM-ACTE-MARIAGE"
    assert cat.find("Enregistrer et poursuivre", "famille_ue").normative  # no simulator entry: the guide's
