"""Answer deadlines (DESIGN.md §6.2) and Dutch working days: pure, no database."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zorgvuldig.inquiries.deadlines import (
    add_business_days,
    answer_deadline,
    is_business_day,
)


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


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2023, 4, 27), False),  # King's Day, a Thursday
        (
            date(2025, 4, 26),
            False,
        ),  # King's Day moves to the 26th when the 27th is a Sunday
        (date(2024, 4, 1), False),  # Easter Monday
        (date(2024, 12, 25), False),
        (date(2025, 1, 1), False),
        (date(2024, 4, 2), True),
        (date(2024, 4, 6), False),  # a Saturday
    ],
)
def test_business_days(day, working):
    assert is_business_day(day) is working


@pytest.mark.parametrize(
    ("start", "days", "end"),
    [
        (date(2023, 4, 26), 1, date(2023, 4, 28)),  # over King's Day
        (date(2024, 3, 29), 1, date(2024, 4, 2)),  # weekend and Easter Monday
        (date(2024, 12, 24), 1, date(2024, 12, 27)),  # both Christmas days
        (date(2024, 12, 31), 1, date(2025, 1, 2)),  # New Year's Day, new year
        (date(2024, 12, 20), 5, date(2024, 12, 31)),
        (date(2024, 4, 2), -1, date(2024, 3, 28)),  # backwards over Easter
        (date(2024, 4, 6), 0, date(2024, 4, 6)),  # zero keeps the day
    ],
)
def test_add_business_days(start, days, end):
    assert add_business_days(start, days) == end


def test_other_country_calendar():
    # 4 July is a US federal holiday, not a Dutch one
    assert add_business_days(date(2024, 7, 3), 1, country="US") == date(2024, 7, 5)
    assert add_business_days(date(2024, 7, 3), 1) == date(2024, 7, 4)


@given(
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2050, 12, 31)),
    days=st.integers(min_value=-40, max_value=40),
)
def test_counted_days_are_working_days(start, days):
    end = add_business_days(start, days)
    if days == 0:
        assert end == start
        return
    assert is_business_day(end)
    assert (end > start) == (days > 0)
    step = 1 if days > 0 else -1
    between = [
        start + timedelta(days=step * k) for k in range(1, abs((end - start).days) + 1)
    ]
    assert sum(is_business_day(d) for d in between) == abs(days)
