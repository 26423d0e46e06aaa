"""One small type per bloc kind: the reader builds the class of each type, and refuses what a kind
does not take (a date's options on a text field, a heading inside a group)."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fake_anef.engine.communs import expand
from fake_anef.engine.definition import (
    BLOC_CLASSES,
    Bloc,
    Champ,
    ChampDate,
    DefinitionError,
    GroupeChamps,
    bundled,
)
from tests.fake_anef.definitions import load_data

SOURCE = Path(__file__).parents[2] / "fake_anef" / "procedures" / "enfant_de_francais.yaml"


def _blocs_with_step() -> Iterator[tuple[str, str, Bloc]]:
    for definition in bundled():
        for step in definition.steps:
            for bloc in step.blocs():
                yield definition.id, step.id, bloc
                if isinstance(bloc, GroupeChamps):
                    for inner in bloc.champs:
                        yield definition.id, step.id, inner


def test_every_bundled_bloc_is_of_its_kinds_class() -> None:
    seen = set()
    for procedure, step, bloc in _blocs_with_step():
        expected = BLOC_CLASSES.get(bloc.type, Champ)
        assert type(bloc) is expected, f"{procedure}, étape {step} : {bloc.type} lu comme {type(bloc).__name__}"
        if isinstance(bloc, Champ):
            assert bloc.id, f"{procedure}, étape {step} : un champ {bloc.type} sans id"
        seen.add(type(bloc))
    assert {ChampDate, GroupeChamps} <= seen


def _load_with(update: Callable[[dict], object]) -> None:
    data = expand(SOURCE.read_text(encoding="utf-8"))
    update(data)
    load_data(data)


def _first_text_field(data: dict) -> dict:
    return next(b for b in data["steps"][1]["sections"][0]["blocs"] if b.get("type") == "texte")


def _first_group(data: dict) -> dict:
    return next(b for s in data["steps"] for sec in s["sections"] for b in sec.get("blocs", []) if b.get("type") == "groupe")


@pytest.mark.parametrize(("update", "message"), [
    (lambda d: _first_text_field(d).update(annee_seule=True), "ne s'appliquent qu'à une date"),
    (lambda d: _first_text_field(d).update(pas_futur=True), "ne s'appliquent qu'à une date"),
    (lambda d: _first_group(d)["champs"].append({"type": "paragraphe", "texte": "x"}), "un groupe ne contient que des champs"),
])
def test_an_option_of_another_kind_is_refused(update: Callable[[dict], object], message: str) -> None:
    with pytest.raises(DefinitionError) as info:
        _load_with(update)
    assert message in str(info.value)
