"""The wording fault modes: `reformule_derives` rewords exactly the DERIVED texts (read from the
comments line by line), `texte_guide_modifie` changes one guide text. Applied in a subprocess: they
change the portal's texts for the life of the process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from fake_anef import reformulation, texts
from fake_anef.reformulation import derived_texts, derived_yaml_strings, reword

TEXTS = Path(texts.__file__).read_text(encoding="utf-8")


def test_reword_changes_the_case_and_keeps_placeholders() -> None:
    assert reword("Ce champ ne peut pas dépasser {max} caractères.") == "CE CHAMP NE PEUT PAS DÉPASSER {max} CARACTÈRES."
    assert reword("NON AUTORISE A TRAVAILLER") == "non autorise a travailler"


def test_derived_entries_of_texts_py() -> None:
    found = {path: text for path, text in derived_texts(TEXTS)}
    assert found[("ERREURS", "mdp_majuscule")] == texts.ERREURS["mdp_majuscule"]  # a block marked DERIVED
    assert ("CREATION_TITRE", "inconnu") in found  # "),  # DERIVED" after a parenthesised string
    assert ("MAILS", "compte_temporaire", "objet") in found
    assert ("DEMARCHE", "confirmation_telecharger") in found
    # the guides' texts are not touched
    assert ("CREATION_ENREGISTREE", "enregistree") not in found
    assert ("DEMARCHE", "progression") not in found
    assert not any(path[:2] == ("MAILS", "compte_temporaire") and path[-1] == "corps" for path in found)


def test_derived_strings_of_a_definition_are_read_line_by_line() -> None:
    text = """
titre: "Un titre du guide"
bloc:
  - {label: "Une question inventée ?", when: "x == 'Réfugié'"}  # DERIVED
  - {valeur: "marie", libelle: "Marié(e)"}  # DERIVED
  - message: "Une phrase du guide."
    aide: "Une aide inventée pour l'exemple."   # DERIVED (explained)
"""
    assert derived_yaml_strings(text) == ["Une question inventée ?", "Une aide inventée pour l'exemple."]


def _run(faults: str, texte: str = "") -> dict[str, str]:
    code = (
        "import json; from fake_anef import reformulation, texts; from fake_anef.engine import definition;"
        f"reformulation.apply(frozenset({faults!r}.split(',')), {texte!r});"
        "ue = next(d for d in definition.bundled() if d.id.startswith('famille'));"
        "print(json.dumps({'mdp': texts.ERREURS['mdp_majuscule'], 'enregistree': texts.CREATION_ENREGISTREE['enregistree'],"
        "'intro': texts.COMPTE_SANS_NUMERO['intro'], 'ue': repr(ue)}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    return json.loads(out.stdout)


def test_reword_mode_rewords_derived_texts_only() -> None:
    seen = _run("reformule_derives")
    assert seen["mdp"] == texts.ERREURS["mdp_majuscule"].upper()
    assert seen["intro"] == texts.COMPTE_SANS_NUMERO["intro"]  # a guide's text, kept
    assert seen["enregistree"] == "Demande de création de compte bien enregistrée."
    assert "JE VÉRIFIE LES MODALITÉS DE MON SÉJOUR." in seen["ue"]  # a "# DERIVED" line of famille_ue.yaml
    assert "'partenaire enregistré'" in seen["ue"]  # a value the rules compare is kept


def test_guide_text_mode_changes_one_guide_text() -> None:
    seen = _run("texte_guide_modifie")
    assert seen["enregistree"] == reformulation.GUIDE_CHANGE[1]
    assert seen["mdp"] == texts.ERREURS["mdp_majuscule"]


def test_chosen_guide_text_is_altered_wherever_the_portal_holds_it() -> None:
    """texte_guide_choisi (one mutant per normative text, scripts/mutants_textes.py): the text named
    loses its longest word in texts.py and in the definitions; every other text is kept."""
    seen = _run("texte_guide_choisi", "Demande de création de compte bien enregistrée.")
    assert seen["enregistree"] == "Demande de création de compte bien."
    assert seen["mdp"] == texts.ERREURS["mdp_majuscule"]
    ue = _run("texte_guide_choisi", "Acte de mariage")["ue"]  # a definition's justificatif
    assert "Acte de mariage" not in ue and "Acte de" in ue


def test_altered_drops_the_longest_word_or_changes_a_single_words_case() -> None:
    assert reformulation.altered("Ce champ ne peut pas dépasser {max} caractères.") == "Ce champ ne peut pas dépasser {max}."
    assert reformulation.altered("Bonjour") == "BONJOUR"
    assert reformulation.altered("INFORMATIONS PERSONNELLES") == "PERSONNELLES"


def test_a_chosen_text_the_portal_does_not_hold_is_an_error_not_a_silent_mutant() -> None:
    with pytest.raises(subprocess.CalledProcessError) as raised:
        _run("texte_guide_choisi", "Une phrase qu'aucun guide n'a écrite")
    assert "n'est dans aucun texte du portail" in raised.value.stderr


def test_a_comment_after_a_dict_covers_its_strings_and_a_mixed_line_is_split() -> None:
    found = {path for path, _ in derived_texts(TEXTS)}
    # "etats": {…,\n…},  # guide 01 FAQ 12 — in a block marked DERIVED, the states stay the guide's
    assert ("AGENT", "etats", "instruction") not in found and ("AGENT", "etats", "disponible") not in found
    # guide 02's first filter stays, the simulator's three others are reworded
    assert ("MES_NOTIFICATIONS", "filtres", "") not in found
    assert {("MES_NOTIFICATIONS", "filtres", k) for k in ("non_lue", "lue", "repondu")} <= found
    # a mail's body (a guide's) keeps its words even though its subject is marked DERIVED
    assert ("MAILS", "compte_temporaire", "corps") not in found
