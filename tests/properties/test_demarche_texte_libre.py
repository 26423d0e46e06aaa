"""Property of the free text of the enfant de Français wizard over HTTP (issue 4), for every input
hypothesis draws: free text (names, "Observations à destination de l'administration") of any kind
is kept as typed, shown escaped, never a 500, and the page says which field is too long.

Each property also runs against a portal started with one rule broken (fake_anef/faults.py) and
must fail there. One portal and a few applicants per module (tests/properties/demarche_dossiers.py);
examples are bounded (20 to 30 each); ANEF_PROPERTY_EXAMPLES=1000 explores longer."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from personas.strategies import free_texts

from .conftest import Applicants, examples
from .demarche_dossiers import BROKEN, PROPERTY, Dossier, assert_saved, dossier
from .wizard_http import Page
from .wizard_saisies import MESSAGES

# Free text -----------------------------------------------------------------------------------------
TEXT_FIELDS = {"nom_naissance": "informations-personnelles", "prenoms-0": "informations-personnelles",
               "lieu_naissance": "informations-personnelles", "parent_nom_naissance": "motif-de-sejour",
               "observations": "depot"}


def as_shown(typed: str, shown_value: str) -> bool:
    """What a field shows is what was typed (a browser sends line breaks as CR LF)."""
    candidates = {typed, typed.replace("\r\n", "\n").replace("\r", "\n")}
    return shown_value in candidates | {c.removeprefix("\n") for c in candidates}


def assert_no_markup_from_the_user(page: Page) -> None:
    for node in page.root.iter():
        assert node.tag not in ("img", "iframe", "svg", "object"), f"<{node.tag}> in the page"
        assert node.tag != "script" or node.attrs.get("src"), "an inline <script> in the page"
        assert not any(name.startswith("on") for name in node.attrs), f"an event handler on <{node.tag}>"


def free_text_is_kept_escaped_and_measured(d: Dossier, champ: str, text: str) -> None:
    step_id = TEXT_FIELDS[champ]
    if step_id == "depot":
        limit, values, action = 2000, {"observations": text}, "deposer"
    else:
        limit, values, action = 200, {**d.saved[step_id], champ: text}, "enregistrer"
    page = d.applicant.submit(step_id, values, action=action)
    assert_no_markup_from_the_user(page)
    stripped = text.strip()
    if step_id != "depot" and not stripped:
        expected: str | None = MESSAGES["obligatoire"]
    elif len(stripped) > limit:
        expected = MESSAGES[f"trop_long_{limit}"]
    else:
        expected = None
    if expected is not None:
        assert page.status == 422 and page.error(champ) == expected, (len(stripped), page.errors())
        assert as_shown(text, page.values()[champ]), "what was typed is not shown back as typed"
        assert_saved(d.applicant, {k: v for k, v in d.saved.items() if k != "depot"})
        return
    if step_id == "depot":
        # nothing is deposited (a justificatif is missing), and the observations are kept
        assert page.status == 422 and page.general == MESSAGES["depot_refuse"], (page.status, page.general)
        d.saved["depot"] = values
    else:
        assert page.status == 200 and page.error(champ) is None, page.errors()
        d.saved[step_id] = values
    again = d.applicant.step(step_id)
    assert_no_markup_from_the_user(again)
    assert as_shown(text, again.values()[champ]), "the saved text is not shown as typed"


def scribe(applicants: Applicants) -> Dossier:
    def make() -> Dossier:
        d = dossier(applicants, "scribe-base", last="depot")
        d.applicant.remove_pieces("filiation")  # so that "Déposer la demande" never deposits
        return d
    return applicants.get("scribe", make)


def free_text_property(test: Callable[..., None]) -> Callable[..., None]:
    test = given(champ=st.sampled_from(sorted(TEXT_FIELDS)), text=free_texts(max_size=2500))(test)
    return example(champ="lieu_naissance", text="\"><img src=x onerror=alert(1)>")(test)


@settings(PROPERTY, max_examples=examples(30))
@free_text_property
def test_free_text_is_stored_escaped_and_too_long_is_said(applicants: Applicants, champ: str, text: str) -> None:
    free_text_is_kept_escaped_and_measured(scribe(applicants), champ, text)


def test_the_free_text_property_fails_when_text_is_not_escaped(make_portal) -> None:  # type: ignore[no-untyped-def]
    d = scribe(Applicants(make_portal(frozenset({"texte_non_echappe"}))))

    @BROKEN
    @free_text_property
    def run(champ: str, text: str) -> None:
        free_text_is_kept_escaped_and_measured(d, champ, text)

    with pytest.raises(AssertionError, match="<img> in the page|not shown as typed"):
        run()
