"""Working days and holiday calendars, an organisation's own included: pure, no database."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zorgvuldig.parliament.calendars import (
    HolidayCalendar,
    add_business_days,
    holiday_calendar,
    is_business_day,
    parse_holiday_settings,
)


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
    assert add_business_days(date(2024, 7, 3), 1, "US") == date(2024, 7, 5)
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


# -- the organisation's holiday calendar (procedure_settings["holidays"]) ---------------

LIBERATION_DAY_2026 = date(2026, 5, 5)  # a Tuesday; a public holiday only in 2025, 2030


def _calendar(settings, country="NL"):
    calendar, problems = parse_holiday_settings(settings, country)
    assert problems == []
    return calendar


def test_liberation_day_is_a_working_day_unless_the_organisation_adds_it():
    assert is_business_day(LIBERATION_DAY_2026)
    assert not is_business_day(date(2025, 5, 5))  # lustrum year: in the package
    rijk = _calendar({"extra": ["05-05"]})
    assert not is_business_day(LIBERATION_DAY_2026, rijk)
    assert not is_business_day(date(2027, 5, 5), rijk)  # every year
    assert add_business_days(date(2026, 5, 4), 1, rijk) == date(2026, 5, 6)
    assert add_business_days(date(2026, 5, 4), 1) == LIBERATION_DAY_2026


def test_a_one_off_day_off_counts_in_its_year_only():
    calendar = _calendar({"extra": ["2026-12-24"]})
    assert not is_business_day(date(2026, 12, 24), calendar)
    assert is_business_day(date(2027, 12, 24), calendar)
    # Wednesday 23 Dec 2026: the 24th and both Christmas days are off, then a weekend
    assert add_business_days(date(2026, 12, 23), 1, calendar) == date(2026, 12, 28)


def test_a_public_holiday_can_be_made_a_working_day():
    kings_day = date(2026, 4, 27)  # a Monday
    assert not is_business_day(kings_day)
    assert is_business_day(kings_day, _calendar({"not_holidays": ["2026-04-27"]}))
    every_year = _calendar({"not_holidays": ["12-26"]})
    assert is_business_day(date(2025, 12, 26), every_year)
    assert not is_business_day(date(2025, 12, 25), every_year)
    # removal wins over an extra day; a weekend stays a weekend
    both = _calendar({"extra": ["05-05"], "not_holidays": ["2026-05-05", "12-27"]})
    assert is_business_day(LIBERATION_DAY_2026, both)
    assert not is_business_day(date(2027, 5, 5), both)
    assert not is_business_day(date(2026, 12, 27), both)  # a Sunday


def test_country_and_subdivision():
    assert _calendar(None) == HolidayCalendar("NL")
    assert _calendar({}, country="us") == HolidayCalendar("US")
    assert _calendar({"country": "US"}).country == "US"  # the settings win
    bavaria = _calendar({"country": "DE", "subdivision": "BY"})
    assert not is_business_day(date(2026, 1, 6), bavaria)  # Epiphany, in Bavaria only
    assert is_business_day(date(2026, 1, 6), _calendar({"country": "DE"}))


@pytest.mark.parametrize(
    ("settings", "country", "named"),
    [
        (["05-05"], "NL", "holidays: expected an object"),
        ({"extra": ["05-05", "5 mei"]}, "NL", "holidays.extra[1]: '5 mei' is not"),
        ({"extra": ["05-05", 505]}, "NL", "holidays.extra[1]: 505 is not a day"),
        ({"extra": ["05-05", "02-30"]}, "NL", "holidays.extra[1]: '02-30'"),
        ({"extra": ["05-05", "2026-13-01"]}, "NL", "holidays.extra[1]"),
        ({"extra": ["05-05"], "not_holidays": {"a": 1}}, "NL", "holidays.not_holidays"),
        ({"extra": ["05-05"], "extras": ["12-24"]}, "NL", "holidays.extras: unknown"),
        ({"extra": ["05-05"], "country": "Nederland"}, "NL", "holidays.country"),
        ({"extra": ["05-05"], "subdivision": "BY"}, "NL", "holidays.subdivision"),
        ({"extra": ["05-05"]}, "XX", "country: 'XX' has no holiday calendar"),
    ],
)
def test_bad_settings_are_named_and_the_rest_applies(settings, country, named):
    calendar, problems = parse_holiday_settings(settings, country)
    assert len(problems) == 1
    assert problems[0].startswith(named)
    assert "expected" in problems[0]
    assert calendar.country == "NL"
    assert calendar.subdivision is None
    assert is_business_day(date(2026, 12, 24), calendar)  # nothing invalid slipped in
    if isinstance(settings, dict):
        assert not is_business_day(LIBERATION_DAY_2026, calendar)


def test_the_calendar_is_remembered_per_settings_and_mistakes_logged_once(caplog):
    settings = {"extra": ["05-05", "12-32"], "not_holidays": []}
    with caplog.at_level("WARNING", logger="zorgvuldig.parliament.calendars"):
        first = holiday_calendar("NL", settings)
        again = holiday_calendar(
            "NL", {"not_holidays": [], "extra": ["05-05", "12-32"]}
        )
    assert first is again
    assert [r.getMessage() for r in caplog.records] == [
        "Procedure settings: holidays.extra[1]: '12-32' is not a day (expected MM-DD "
        "for every year or YYYY-MM-DD for one day); ignored"
    ]
    assert holiday_calendar("NL", {"extra": ["05-05"]}) == first
    assert holiday_calendar("NL", {"extra": {date(2026, 5, 5)}}) == HolidayCalendar()
