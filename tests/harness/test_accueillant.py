"""The accueillant's name typed wrong (guide 05 étape 2) must differ from the right one whatever
the portal folds away: accents and case (a name ending in "Á" once got an "A", which the portal
rightly took for the same name, and the scenario failed for that persona)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from harness.accueillant import autre_nom
from harness.browser import fold

LETTERS = st.sampled_from(list("aAáÁàÀâÂäÄeÉèzZñÑçÇ"))


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ -'", max_size=12), LETTERS)
def test_the_wrong_name_differs_once_accents_and_case_are_folded(stem: str, last: str) -> None:
    nom = stem + last
    assert fold(autre_nom(nom)) != fold(nom)
    assert autre_nom(nom)[:-1] == nom[:-1]


def test_a_name_ending_in_an_accented_a_gets_an_e() -> None:
    assert autre_nom("DA SILVÁ") == "DA SILVE"
