"""Holiday calendars and business days: pure date arithmetic, no Django.

Public surface: :class:`HolidayCalendar`, :func:`holiday_calendar`,
:func:`parse_holiday_settings`, :func:`is_known_country`, :func:`is_business_day` and
:func:`add_business_days`, with :data:`CalendarLike` (a calendar or a country code) and
:func:`as_calendar` for functions that take either. An organisation's calendar is its
country's public holidays (the ``holidays`` package) adjusted by its
``procedure_settings["holidays"]``. Callers pass dates and settings values, never requests
or querysets (STYLE.md habit 8).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holidays import HolidayBase

log = logging.getLogger(__name__)


@lru_cache(maxsize=32)
def _public_holidays(country: str, subdivision: str | None = None) -> HolidayBase:
    # Imported here so that the console command and pure parsing stay fast. The package
    # computes its holidays locally (no download); years are filled in when first asked.
    import holidays

    return holidays.country_holidays(country, subdiv=subdivision)


@lru_cache(maxsize=1)
def _supported_countries() -> dict[str, list[str]]:
    import holidays

    return dict(holidays.list_supported_countries())


def is_known_country(country: str) -> bool:
    """Whether the ``holidays`` package has a calendar for ``country`` (ISO 3166-1 alpha-2)."""
    return country in _supported_countries()


@dataclass(frozen=True)
class HolidayCalendar:
    """The days off of an organisation: a country's public holidays, adjusted.

    The public holidays are those of the ``holidays`` package for ``country`` (ISO 3166-1
    alpha-2) and, if given, its ``subdivision``. ``extra_days`` (month, day) are days off
    every year and ``extra_dates`` once; ``removed_days`` and ``removed_dates`` are working
    days even when listed as a holiday (removal wins over an extra day). Weekends stay
    weekends.

    Example: the ``holidays`` package counts Liberation Day (5 May) as a Dutch public
    holiday only in lustrum years (2025, 2030), while the collective agreement of the
    central government (CAO Rijk) gives its employees the day off every year; a ministry
    adds ``(5, 5)`` to ``extra_days``.
    """

    country: str = "NL"
    subdivision: str | None = None
    extra_days: frozenset[tuple[int, int]] = frozenset()
    extra_dates: frozenset[date] = frozenset()
    removed_days: frozenset[tuple[int, int]] = frozenset()
    removed_dates: frozenset[date] = frozenset()

    def is_holiday(self, day: date) -> bool:
        """Whether ``day`` is a day off (weekends aside) in this calendar."""
        if day in self.removed_dates or (day.month, day.day) in self.removed_days:
            return False
        if day in self.extra_dates or (day.month, day.day) in self.extra_days:
            return True
        return day in _public_holidays(self.country, self.subdivision)


#: A calendar, or an ISO 3166-1 alpha-2 country code for that country's public holidays.
CalendarLike = HolidayCalendar | str

#: The settings keys of ``procedure_settings["holidays"]``.
HOLIDAY_SETTINGS_KEYS = ("country", "subdivision", "extra", "not_holidays")
_RECURRING = re.compile(r"(\d{2})-(\d{2})")
_ONE_OFF = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DATE_FORMAT = "MM-DD for every year or YYYY-MM-DD for one day"


def as_calendar(calendar: CalendarLike) -> HolidayCalendar:
    """``calendar`` itself, or the public-holiday calendar of the country code it names."""
    return HolidayCalendar(calendar) if isinstance(calendar, str) else calendar


def _parse_days(
    key: str, values: object, problems: list[str]
) -> tuple[frozenset[tuple[int, int]], frozenset[date]]:
    """The recurring (month, day) and one-off dates in ``values``; bad entries named."""
    if values is None:
        return frozenset(), frozenset()
    if isinstance(values, str):  # a single day written without brackets
        values = [values]
    if not isinstance(values, list):
        problems.append(
            f"holidays.{key}: expected a list of days ({_DATE_FORMAT}), "
            f'e.g. ["05-05", "2026-12-24"]; ignored'
        )
        return frozenset(), frozenset()
    recurring: set[tuple[int, int]] = set()
    once: set[date] = set()
    for index, value in enumerate(values):
        text = value.strip() if isinstance(value, str) else ""
        try:
            if match := _RECURRING.fullmatch(text):
                month, day = int(match[1]), int(match[2])
                date(2000, month, day)  # a leap year: 02-29 is a valid recurring day
                recurring.add((month, day))
                continue
            if match := _ONE_OFF.fullmatch(text):
                once.add(date(int(match[1]), int(match[2]), int(match[3])))
                continue
        except ValueError:
            pass
        problems.append(
            f"holidays.{key}[{index}]: {value!r} is not a day (expected {_DATE_FORMAT}); "
            "ignored"
        )
    return frozenset(recurring), frozenset(once)


def parse_holiday_settings(
    settings: object, country: str | None = "NL"
) -> tuple[HolidayCalendar, list[str]]:
    """The calendar that an organisation's ``procedure_settings["holidays"]`` describes.

    ``settings`` looks like ``{"country": "NL", "subdivision": null, "extra": ["05-05",
    "2026-12-24"], "not_holidays": ["2026-12-26"]}``; every key is optional. ``extra``
    adds days off and ``not_holidays`` makes listed holidays working days, each entry
    ``MM-DD`` (every year) or ``YYYY-MM-DD`` (that day only).

    A settings mistake must not take the case pages down, nor hide a deadline: each
    invalid part is left out and the rest applies.

    Args:
        settings: the value of the ``holidays`` key (``None`` when absent).
        country: the organisation's country, used unless ``settings`` names one; an
            unknown or empty country falls back to NL.

    Returns:
        The calendar, and one message per ignored part naming the key and the expected
        format (empty when the settings are valid).
    """
    problems: list[str] = []
    code = (country or "NL").strip().upper()
    if not is_known_country(code):
        problems.append(
            f"country: {country!r} has no holiday calendar (expected an ISO 3166-1 "
            'alpha-2 code such as "NL"); using NL'
        )
        code = "NL"
    if settings is None:
        return HolidayCalendar(code), problems
    if not isinstance(settings, Mapping):
        problems.append(
            "holidays: expected an object such as "
            '{"country": "NL", "extra": ["05-05"], "not_holidays": []}; ignored'
        )
        return HolidayCalendar(code), problems
    problems.extend(
        f"holidays.{key}: unknown key (expected one of "
        f"{', '.join(HOLIDAY_SETTINGS_KEYS)}); ignored"
        for key in settings
        if key not in HOLIDAY_SETTINGS_KEYS
    )
    value = settings.get("country")
    if value is not None:
        if isinstance(value, str) and is_known_country(value.strip().upper()):
            code = value.strip().upper()
        else:
            problems.append(
                f"holidays.country: {value!r} has no holiday calendar (expected an "
                f'ISO 3166-1 alpha-2 code such as "NL"); using {code}'
            )
    subdivision = settings.get("subdivision")
    if subdivision is not None:
        known = _supported_countries()[code]
        if not isinstance(subdivision, str) or subdivision.strip() not in known:
            problems.append(
                f"holidays.subdivision: {subdivision!r} is not a subdivision of {code} "
                f"(expected null or one of {', '.join(known) or 'none'}); ignored"
            )
            subdivision = None
        else:
            subdivision = subdivision.strip()
    extra_days, extra_dates = _parse_days("extra", settings.get("extra"), problems)
    removed_days, removed_dates = _parse_days(
        "not_holidays", settings.get("not_holidays"), problems
    )
    calendar = HolidayCalendar(
        code, subdivision, extra_days, extra_dates, removed_days, removed_dates
    )
    return calendar, problems


def _logged_calendar(country: str | None, settings: object) -> HolidayCalendar:
    """:func:`parse_holiday_settings`, with each ignored part logged as a warning."""
    calendar, problems = parse_holiday_settings(settings, country)
    for problem in problems:
        log.warning("Procedure settings: %s", problem)
    return calendar


@lru_cache(maxsize=64)
def _cached_calendar(country: str | None, settings_json: str) -> HolidayCalendar:
    # Remembered, so logged once per process and distinct settings.
    return _logged_calendar(country, json.loads(settings_json))


def holiday_calendar(country: str | None, settings: object = None) -> HolidayCalendar:
    """The organisation's calendar: :func:`parse_holiday_settings`, remembered per settings.

    Invalid parts are ignored and logged as warnings (once per distinct settings value),
    so a typo shows up in the log, not as a broken page.

    Args:
        country: the organisation's ``country``.
        settings: its ``procedure_settings.get("holidays")`` (JSON values).
    """
    try:
        settings_json = json.dumps(settings, sort_keys=True)
    except (TypeError, ValueError):  # not a JSON value: parse without remembering
        return _logged_calendar(country, settings)
    return _cached_calendar(country, settings_json)


def is_business_day(day: date, calendar: CalendarLike = "NL") -> bool:
    """Whether ``day`` is a working day: Monday to Friday and not a holiday.

    Args:
        day: the day to test.
        calendar: a :class:`HolidayCalendar`, or an ISO 3166-1 alpha-2 country code for
            that country's public holidays (default NL).

    Returns:
        True for a weekday that is not a holiday in ``calendar``. For NL the ``holidays``
        package lists New Year's Day, Good Friday, Easter Monday, King's Day (27 April,
        or 26 April when the 27th is a Sunday), Liberation Day (5 May, in lustrum years
        only), Ascension Day, Whit Monday and both Christmas days.
    """
    return day.weekday() < 5 and not as_calendar(calendar).is_holiday(day)


def add_business_days(start: date, days: int, calendar: CalendarLike = "NL") -> date:
    """Count ``days`` working days from ``start``, skipping weekends and holidays.

    The start day itself is not counted: one business day after a Friday is the
    next Monday (or Tuesday, when that Monday is a holiday).

    Args:
        start: the day to count from.
        days: how many working days to add; negative counts backwards, and zero
            returns ``start`` unchanged.
        calendar: a :class:`HolidayCalendar` or a country code (default NL).

    Returns:
        The ``abs(days)``-th working day after (or before) ``start``.
    """
    resolved = as_calendar(calendar)
    step = timedelta(days=1 if days >= 0 else -1)
    current = start
    remaining = abs(days)
    while remaining:
        current += step
        if is_business_day(current, resolved):
            remaining -= 1
    return current
