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


# -- internal milestones --------------------------------------------------------------


def test_milestones_count_business_days_and_skip_holidays():
    from zorgvuldig.inquiries.deadlines import milestones

    # Registered on Thursday 2 April 2015: Good Friday (3 Apr) and Easter Monday (6 Apr)
    # are holidays, so three business days later is Thursday 9 April.
    rows = {m.step: m for m in milestones(date(2015, 4, 2), date(2015, 4, 23))}
    assert rows["facts"].target == date(2015, 4, 9)
    assert rows["facts"].fatal == date(2015, 4, 13)
    assert rows["answer"].fatal == date(2015, 4, 23)
    assert rows["answer"].target == date(2015, 4, 21)


def test_no_internal_milestone_falls_after_the_answer_deadline():
    from zorgvuldig.inquiries.deadlines import milestones

    due = date(2012, 2, 24)
    for m in milestones(date(2012, 2, 20), due):
        assert m.target <= m.fatal <= due


def test_an_organisation_can_change_the_terms_and_bad_settings_are_named():
    from zorgvuldig.inquiries.deadlines import milestone_config

    assert milestone_config({"facts": [1, 2]})["facts"] == (1, 2)
    for bad, field in (
        ({"fact": [1, 2]}, "milestones.fact"),
        ({"facts": [3, 1]}, "facts"),
        ({"facts": "x"}, "facts"),
    ):
        with pytest.raises(ValueError, match=field):
            milestone_config(bad)
