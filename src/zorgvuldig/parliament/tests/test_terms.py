"""The answer term of written questions (DESIGN.md §6.2): pure, no database."""

from __future__ import annotations

from datetime import date

import pytest

from zorgvuldig.parliament.terms import answer_deadline


@pytest.mark.parametrize(
    ("submitted", "due"),
    [
        (date(2012, 2, 28), date(2012, 3, 20)),  # kv-tk-2012Z03535
        (date(2013, 2, 8), date(2013, 3, 1)),
        (date(2024, 2, 8), date(2024, 2, 29)),  # leap day
        (date(2023, 12, 20), date(2024, 1, 10)),  # over the year end
        (date(2023, 4, 6), date(2023, 4, 27)),  # due on King's Day: not moved
    ],
)
def test_three_weeks_after_submission(submitted, due):
    assert answer_deadline(submitted) == due


def test_postponement_notice_gives_six_weeks():
    assert answer_deadline(date(2023, 12, 20), postponed=True) == date(2024, 1, 31)
    assert answer_deadline(date(2012, 2, 28), postponed=True) == date(2012, 4, 10)
