"""add_years / add_months (dateutil's relativedelta underneath): a shorter month's end is clamped,
never an error, whichever way the years or months go. Every journey draws its dates with them, on
any `today` (a 29 February included): an exception here is a factory that cannot build anyone."""

from __future__ import annotations

from datetime import date

import pytest

from personas.factory import PersonaFactory, add_months, add_years


@pytest.mark.parametrize(("start", "n", "expected"), [
    (date(2024, 2, 29), 1, date(2025, 2, 28)),  # common year: 28 February
    (date(2024, 2, 29), -1, date(2023, 2, 28)),
    (date(2024, 2, 29), 4, date(2028, 2, 29)),  # leap year again: the 29th kept
    (date(2024, 2, 29), -18, date(2006, 2, 28)),
    (date(2025, 3, 14), -16, date(2009, 3, 14)),
])
def test_add_years(start: date, n: int, expected: date) -> None:
    assert add_years(start, n) == expected


@pytest.mark.parametrize(("start", "n", "expected"), [
    (date(2025, 1, 31), 1, date(2025, 2, 28)),  # clamped to the end of a shorter month
    (date(2024, 1, 31), 1, date(2024, 2, 29)),  # of a leap February
    (date(2025, 3, 31), -1, date(2025, 2, 28)),  # going back too
    (date(2025, 5, 31), -1, date(2025, 4, 30)),
    (date(2025, 8, 31), 6, date(2026, 2, 28)),  # over a year's end
    (date(2025, 11, 15), 2, date(2026, 1, 15)),
    (date(2025, 1, 31), -13, date(2023, 12, 31)),
    (date(2024, 2, 29), 12, date(2025, 2, 28)),
])
def test_add_months(start: date, n: int, expected: date) -> None:
    assert add_months(start, n) == expected


@pytest.mark.parametrize("today", [date(2024, 2, 29), date(2025, 1, 31), date(2025, 8, 31)])
def test_every_journey_draws_people_on_a_month_end(today: date) -> None:
    """The journeys whose draws add years (ages, titles, the ASE's 16th birthday) and months (the
    renewal window: 2 to 4 months ahead) to `today` and to birth dates."""
    factory = PersonaFactory(7, today)
    people = [factory.compte("numero_etranger"), factory.renouvellement(), factory.enfant_de_francais(),
              factory.ase(1, eligible=False), factory.bpi(), factory.famille_ue()]
    for person in people:
        assert person.date_naissance < today
    renouvellement = people[1].titre
    assert renouvellement is not None
    assert add_months(today, 2) <= renouvellement.date_fin <= add_months(today, 4)
