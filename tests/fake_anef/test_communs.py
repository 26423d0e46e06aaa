"""Shared blocs of the definitions (procedures/communs.yaml): each guide sentence is written once,
a reference to an unknown bloc is refused with the place that names it, overrides and lists work."""

import re
from pathlib import Path

import pytest
import yaml

from fake_anef.engine.communs import COMMUNS_FILE, bundled_communs, parse_communs, resolve
from fake_anef.engine.conditions import ConditionError, parse
from fake_anef.engine.definition import DefinitionError, bundled, load_text

PROCEDURES = Path(__file__).parents[2] / "fake_anef" / "procedures"
QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _code(line: str) -> str:
    """The line without its comment (a # outside double quotes, after a space or at the start)."""
    quoted = False
    for i, char in enumerate(line):
        if char == '"' and (i == 0 or line[i - 1] != "\\"):
            quoted = not quoted
        elif char == "#" and not quoted and (i == 0 or line[i - 1].isspace()):
            return line[:i]
    return line


def is_sentence(text: str) -> bool:
    """A guide text: three words or more, not a condition of the definition language."""
    words = [w for w in text.split() if re.search(r"[^\W\d_]", w) and not w.startswith("{")]
    if len(words) < 3:
        return False
    try:
        parse(text)
    except ConditionError:
        return True
    return False


def sentences(path: Path) -> set[str]:
    """The quoted guide texts of a YAML file (outside comments). A text on a line marked DERIVED is
    the simulator's own: the same words may be a guide's sentence elsewhere (guide 02's e-photo
    title, borrowed where guide 04's OCR is unreadable), and the two are kept apart."""
    return {m.group(1) for line in path.read_text(encoding="utf-8").splitlines()
            if "DERIVED" not in line[len(_code(line)):]
            for m in QUOTED.finditer(_code(line)) if is_sentence(m.group(1))}


def test_no_guide_sentence_is_written_in_two_definition_files() -> None:
    seen: dict[str, list[str]] = {}
    for path in sorted(PROCEDURES.glob("*.yaml")):
        for text in sentences(path):
            seen.setdefault(text, []).append(path.name)
    copies = {text: names for text, names in seen.items() if len(names) > 1}
    assert not copies, "\n".join(f"{names}: {text}" for text, names in sorted(copies.items()))


def test_every_shared_bloc_is_used() -> None:
    texts = "\n".join(p.read_text(encoding="utf-8") for p in PROCEDURES.glob("*.yaml"))
    unused = [name for name in bundled_communs() if not re.search(rf"commun: {re.escape(name)}\b", texts)]
    assert not unused


def test_bundled_definitions_load_with_their_shared_blocs() -> None:
    definitions = {d.id: d for d in bundled()}
    for d in definitions.values():
        contact = next(s for step in d.steps for s in step.sections if s.titre == "INFORMATIONS DE CONTACT")
        assert [b.id for b in contact.blocs] == ["email", "telephone"]
        assert d.attestation("adf").titre[0] == "ATTESTATION DE DÉCISION FAVORABLE"
    # ase overrides one part of the shared address: "Ville * :" where the other guides show "Ville :".
    assert definitions["vpf-ase"].field("adresse").partie("ville") == "Ville * :"
    assert definitions["bpi-renouvellement"].field("adresse").partie("ville") == "Ville :"


BLOCS = {
    "phrase": "Une phrase du guide.",
    "paragraphes": [{"texte": "Un."}, {"texte": "Deux."}],
    "champ": {"id": "tel", "type": "telephone", "label": "Téléphone * :", "requis": True},
    "section": {"titre": "CONTACT", "blocs": [{"commun": "champ"}]},
}


def test_a_reference_is_replaced_spliced_or_overridden() -> None:
    data = {"a": {"commun": "phrase"}, "liste": [{"texte": "Zéro."}, {"commun": "paragraphes"}],
            "s": {"commun": "section", "titre": "AUTRE"}, "c": {"commun": "champ", "requis": None}}
    out = resolve(data, BLOCS, "test.yaml")
    assert out == {"a": "Une phrase du guide.", "liste": [{"texte": "Zéro."}, {"texte": "Un."}, {"texte": "Deux."}],
                   "s": {"titre": "AUTRE", "blocs": [BLOCS["champ"]]},
                   "c": {"id": "tel", "type": "telephone", "label": "Téléphone * :"}}
    assert BLOCS["champ"]["requis"] is True  # the shared bloc itself is never changed


def test_an_unknown_bloc_is_refused_with_its_place() -> None:
    with pytest.raises(DefinitionError, match=r"test.yaml : steps\[0\].sections\[1\] : bloc commun « sectoin » "
                                              r"inconnu \(proches : section\)"):
        resolve({"steps": [{"sections": [{}, {"commun": "sectoin"}]}]}, BLOCS, "test.yaml")


def test_a_circular_reference_and_an_override_of_a_text_are_refused() -> None:
    with pytest.raises(DefinitionError, match="référence circulaire"):
        parse_communs(yaml.safe_dump({"blocs": {"a": {"commun": "b"}, "b": [{"commun": "a"}]}}))
    with pytest.raises(DefinitionError, match="n'est pas une table"):
        resolve({"x": {"commun": "phrase", "titre": "T"}}, BLOCS, "test.yaml")


def test_a_definition_naming_an_unknown_bloc_does_not_load() -> None:
    text = (PROCEDURES / "bpi_renouvellement.yaml").read_text(encoding="utf-8")
    assert "{commun: section_contact}" in text
    with pytest.raises(DefinitionError, match="bpi.yaml : steps.*bloc commun « section_contct » inconnu"):
        load_text(text.replace("{commun: section_contact}", "{commun: section_contct}"), source="bpi.yaml")


def test_the_shared_file_is_not_a_procedure() -> None:
    assert (PROCEDURES / COMMUNS_FILE).exists()
    assert len(bundled()) == len(list(PROCEDURES.glob("*.yaml"))) - 1
