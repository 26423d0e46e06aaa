"""Property of the enfant de Français wizard over HTTP (issue 4): a refused submission, whatever
valid answers hypothesis draws around the one field that breaks a rule, keeps every step saved
before it (and the documents joined).

Each property also runs against a portal started with one rule broken (fake_anef/faults.py) and
must fail there. One portal and a few applicants per module (tests/properties/demarche_dossiers.py);
examples are bounded (20 to 30 each); ANEF_PROPERTY_EXAMPLES=1000 explores longer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import Applicants, examples
from .demarche_dossiers import BROKEN, PROPERTY, Dossier, assert_saved, dossier, today
from .wizard_http import TITRES
from .wizard_saisies import BREAKERS, MESSAGES, NOT_ACCEPTED, birth_date, informations_valides, motifs_valides, shown

# A refusal keeps what was saved --------------------------------------------------------------------
REFUSALS = [(step_id, i) for step_id, breakers in BREAKERS.items() for i in range(len(breakers))]


def a_refusal_keeps_what_was_saved(d: Dossier, today_: date, refusal: tuple[str, int], data: st.DataObject) -> None:
    step_id, i = refusal
    champ, over, message = BREAKERS[step_id][i]
    birth = birth_date(d.saved["informations-personnelles"])
    valid = {"situation": d.saved["situation"],
             "informations-personnelles": data.draw(informations_valides(today_), label="valides"),
             "motif-de-sejour": data.draw(motifs_valides(today_, birth), label="valides"),  # type: ignore[arg-type]
             "justificatifs": {}, "depot": {"observations": "Merci."}}[step_id]
    typed = {**valid, **over}
    files = {"fichier-domicile": ("facture.pdf", NOT_ACCEPTED["exe"], "application/pdf")} if step_id == "justificatifs" else None
    action = "deposer" if step_id == "depot" else "enregistrer"
    pieces_before = d.applicant.step("justificatifs").pieces("domicile")
    page = d.applicant.submit(step_id, typed, action=action, files=files)
    assert page.status == 422 and page.step_title == TITRES[step_id], (refusal, page.status, page.step_title)
    assert message in (page.error(champ) or ""), (refusal, page.errors())
    unknown = set(over) if message == MESSAGES["choix_invalide"] else set()  # a value no list offers
    assert page.shown() == {k: v for k, v in shown(typed).items() if k not in unknown}, "what was typed is not shown"
    assert_saved(d.applicant, d.saved)
    assert d.applicant.step("justificatifs").pieces("domicile") == pieces_before


def keeper(applicants: Applicants) -> Dossier:
    def make() -> Dossier:
        d = dossier(applicants, "keeper-base", last="depot")
        d.applicant.submit("depot", {"observations": "Première version."}, action="precedent")
        d.saved["depot"] = {"observations": "Première version."}
        return d
    return applicants.get("keeper", make)


def refusal_property(test: Callable[..., None]) -> Callable[..., None]:
    return given(refusal=st.sampled_from(REFUSALS), data=st.data())(test)


@settings(PROPERTY, max_examples=examples(25))
@refusal_property
def test_a_refused_submission_keeps_every_saved_step(applicants: Applicants, refusal: tuple[str, int],
                                                     data: st.DataObject) -> None:
    a_refusal_keeps_what_was_saved(keeper(applicants), today(applicants.portal), refusal, data)


def test_the_refusal_property_fails_when_a_refusal_saves_what_was_typed(make_portal) -> None:  # type: ignore[no-untyped-def]
    portal = make_portal(frozenset({"refus_enregistre"}))
    d = keeper(Applicants(portal))

    @BROKEN
    @refusal_property
    def run(refusal: tuple[str, int], data: st.DataObject) -> None:
        a_refusal_keeps_what_was_saved(d, today(portal), refusal, data)

    with pytest.raises(AssertionError, match="no longer shows what was saved"):
        run()
