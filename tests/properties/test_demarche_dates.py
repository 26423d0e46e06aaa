"""Property of the dates of the enfant de Français wizard over HTTP (issue 4), for every input
hypothesis draws: dates (birth, entry in France, union) that name no day, lie in the future or come
before the birth are refused with a message next to the field, never a 500, and the refusal keeps
every step saved before it.

Each property also runs against a portal started with one rule broken (fake_anef/faults.py) and
must fail there. One portal and a few applicants per module (tests/properties/demarche_dossiers.py);
examples are bounded (20 to 30 each); ANEF_PROPERTY_EXAMPLES=1000 explores longer. A bug of the portal found on the way (a year 0000 typed alone
gave a 500) is fixed and kept as a regression test. The ASE eligibility boundary belongs to the ASE
journey's tests."""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from personas.strategies import impossible_dates

from .conftest import Applicants, examples
from .demarche_dossiers import BROKEN, PROPERTY, Dossier, assert_saved, dossier, today
from .wizard_http import STEPS, TITRES
from .wizard_saisies import MESSAGES, birth_date, date_fields

Triple = tuple[str, str, str]
JUNK_DAYS = ["", "0", "00", "32", "ab", "-1", " 5 ", "1.5", "x"]
JUNK_MONTHS = ["", "0", "13", "x", "1", "12", "01"]
JUNK_YEARS = ["", "0000", "99", "19900", "abcd", "1990", " 2001 ", "-199"]


@st.composite
def date_inputs(draw: Any) -> tuple[str, Any]:
    """("absolu", (jour, mois, année)) or ("naissance", days after the birth date, padded)."""
    kind = draw(st.sampled_from(["jour", "naissance", "impossible", "junk", "annee"]))
    if kind == "jour":
        day = draw(st.dates(date(1900, 1, 1), date.today() + timedelta(days=3 * 365)))
        return "absolu", (f"{day.day:02d}" if draw(st.booleans()) else str(day.day), str(day.month), str(day.year))
    if kind == "naissance":
        return "naissance", (draw(st.integers(-800, 800)), draw(st.booleans()))
    if kind == "impossible":
        j, m, a = draw(impossible_dates())
        return "absolu", (str(j), str(m), str(a))
    if kind == "annee":
        year = draw(st.sampled_from([1, 999, 1900, 9999]) | st.integers(1900, date.today().year + 3))
        return "absolu", ("", "", f"{year:04d}")
    ascii_junk = st.text(string.ascii_letters + string.digits + " -/.", max_size=5)
    return "absolu", (draw(st.sampled_from(JUNK_DAYS) | ascii_junk), draw(st.sampled_from(JUNK_MONTHS) | ascii_junk),
                      draw(st.sampled_from(JUNK_YEARS) | ascii_junk))


def date_rule(triple: Triple, *, year_alone: bool, today: date, not_before: date | None) -> tuple[date | None, str | None]:
    """(the date, None) when the portal must accept it, else (None, the expected message or "" for any
    message about dates): a date is a real day (a year alone where the guide shows "Année *"), not
    in the future, not before the birth."""
    jour, mois, annee = (x.strip() for x in triple)
    if not (jour or mois or annee):
        return None, MESSAGES["obligatoire"]
    if not re.fullmatch("[0-9]{4}", annee):
        return None, ""
    if not (jour or mois):
        if not year_alone:
            return None, ""
        jour = mois = "1"
    if not (re.fullmatch("[0-9]+", jour) and re.fullmatch("[0-9]+", mois)):
        return None, ""
    try:
        day = date(int(annee), int(mois), int(jour))
    except ValueError:
        return None, "" if int(annee) == 0 else MESSAGES["date_invalide"]
    if day > today:
        return None, MESSAGES["date_future"]
    if not_before is not None and day < not_before:
        return None, "avant_naissance"
    return day, None


def dates_are_refused_with_a_message(d: Dossier, today: date, champ: str, spec: tuple[str, Any]) -> None:
    info, motif = d.saved["informations-personnelles"], d.saved["motif-de-sejour"]
    birth = birth_date(info)
    assert birth is not None
    if spec[0] == "naissance":
        days, pad = spec[1]
        try:
            day = birth + timedelta(days=days)
        except OverflowError:  # a birth in year 1 or 9999 was accepted earlier
            day = birth
        triple = (f"{day.day:02d}" if pad else str(day.day), str(day.month), str(day.year))
    else:
        triple = spec[1]
    typed = dict(zip((f"{champ}_jour", f"{champ}_mois", f"{champ}_annee"), triple, strict=True))
    if champ == "date_naissance":
        step_id = "informations-personnelles"
        values = {**{k: v for k, v in info.items() if not k.startswith("date_naissance_")}, **typed}
        _, expected = date_rule(triple, year_alone=True, today=today, not_before=None)
    else:
        step_id = "motif-de-sejour"
        base = {k: v for k, v in motif.items() if not k.startswith(("date_entree_", "date_union_"))}
        base.update(date_fields("date_entree", birth), situation_familiale="Célibataire")
        if champ == "date_union":
            base.update(situation_familiale="Marié(e)", pays_union="FR")
        values = {**base, **typed}
        _, expected = date_rule(triple, year_alone=False, today=today, not_before=birth)
        if expected == "avant_naissance":
            expected = MESSAGES["entree_avant_naissance" if champ == "date_entree" else "union_avant_naissance"]
    page = d.applicant.submit(step_id, values)
    if expected is None and champ == "date_naissance" and _under_16(triple, today):
        # guide 02 is for a child of more than 16: a valid birth date under 16 stops the demande
        # ("Demandeur non éligible"), what was typed kept to change it
        assert page.status == 200 and "Demandeur non éligible" in page, f"{champ} {triple}: not stopped under 16"
        d.saved[step_id] = values
        return
    if expected is None:
        following = STEPS[STEPS.index(step_id) + 1]
        assert page.status == 200 and page.step_title == TITRES[following], f"{champ} {triple} refused: {page.errors()}"
        d.saved[step_id] = values
        return
    message = page.error(champ)
    assert page.status == 422 and page.step_title == TITRES[step_id], f"{champ} {triple} accepted, expected « {expected} »"
    assert message is not None, (triple, page.errors())
    assert message == expected if expected else message in (*MESSAGES.values(),), (triple, message, expected)
    assert_saved(d.applicant, d.saved)


def _under_16(triple: tuple[str, str, str], today: date) -> bool:
    """A valid birth date (a year alone counts from 1 January, as the portal reads it) under 16 today."""
    day, month, year = triple
    birth = date(int(year), int(month or 1), int(day or 1))
    return (today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))) < 16


def date_property(test: Callable[..., None]) -> Callable[..., None]:
    spec = date_inputs()
    test = given(champ=st.sampled_from(["date_naissance", "date_entree", "date_union"]), spec=spec)(test)
    test = example(champ="date_naissance", spec=("absolu", ("", "", str(date.today().year - 10))))(test)  # under 16
    return example(champ="date_entree", spec=("naissance", (-1, False)))(test)


@settings(PROPERTY, max_examples=examples(30))
@date_property
def test_impossible_future_or_out_of_order_dates_are_refused_with_a_message(applicants: Applicants, champ: str,
                                                                           spec: tuple[str, Any]) -> None:
    portal = applicants.portal
    dates_are_refused_with_a_message(dossier(applicants, "dates"), today(portal), champ, spec)


@pytest.mark.parametrize("champ", ["date_naissance", "date_entree"])
def test_a_year_0000_typed_alone_is_refused_with_a_message(applicants: Applicants, champ: str) -> None:
    dates_are_refused_with_a_message(dossier(applicants, "dates"), today(applicants.portal), champ, ("absolu", ("", "", "0000")))


def test_the_date_property_fails_when_entry_before_birth_is_accepted(make_portal) -> None:  # type: ignore[no-untyped-def]
    portal = make_portal(frozenset({"dates_dans_le_desordre"}))
    d = dossier(Applicants(portal), "dates")

    @BROKEN
    @date_property
    def run(champ: str, spec: tuple[str, Any]) -> None:
        dates_are_refused_with_a_message(d, today(portal), champ, spec)

    with pytest.raises(AssertionError, match="accepted, expected « La date d'entrée en France ne peut pas précéder"):
        run()
