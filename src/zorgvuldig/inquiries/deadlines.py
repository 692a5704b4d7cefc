"""Answer deadlines for inquiries: pure date arithmetic, no Django.

Public surface: :func:`answer_deadline`, :func:`add_business_days`,
:func:`is_business_day`, :func:`milestones`, :func:`milestone_config`, and the holiday
calendar of an organisation: :class:`HolidayCalendar`, :func:`holiday_calendar` and
:func:`parse_holiday_settings`. Callers pass dates and settings values, never requests or
querysets (STYLE.md habit 8).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holidays import HolidayBase

log = logging.getLogger(__name__)

#: Written questions are to be answered within three weeks (DESIGN.md §6.2).
ANSWER_TERM = timedelta(weeks=3)
#: A postponement notice gives three more weeks: six weeks after submission.
POSTPONED_ANSWER_TERM = timedelta(weeks=6)


def answer_deadline(submitted: date, postponed: bool = False) -> date:
    """The day by which written parliamentary questions must be answered.

    Source: Reglement van Orde van de Tweede Kamer der Staten-Generaal, the article
    on written questions (art. 12.2 since the 2021 revision, Kamerstuk 35 322):
    questions are to be answered within **three weeks**; a minister who cannot
    answer in time informs the Chamber, stating the reasons, by a postponement
    notice ("mededeling", uitstelbericht), after which the answer is due within
    three more weeks. The Chamber's weekly list of late answers counts six weeks
    from submission for questions with a notice. See DESIGN.md §6.2.

    The terms are counted in calendar weeks from the day the questions were
    submitted ("ingezonden"); weekends and holidays do not extend them.

    Args:
        submitted: the day the questions were submitted.
        postponed: True when a postponement notice was sent.

    Returns:
        ``submitted`` plus three weeks, or plus six weeks when postponed.
    """
    return submitted + (POSTPONED_ANSWER_TERM if postponed else ANSWER_TERM)


# -- holiday calendars -----------------------------------------------------------------


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


def _as_calendar(calendar: CalendarLike) -> HolidayCalendar:
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
    return day.weekday() < 5 and not _as_calendar(calendar).is_holiday(day)


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
    resolved = _as_calendar(calendar)
    step = timedelta(days=1 if days >= 0 else -1)
    current = start
    remaining = abs(days)
    while remaining:
        current += step
        if is_business_day(current, resolved):
            remaining -= 1
    return current


#: The internal milestones of the procedure, in order, with their default terms in business
#: days after registration: (target, fatal). An organisation may override them in its
#: ``procedure_settings["milestones"]`` (``{"facts": [3, 5], ...}``).
MILESTONE_STEPS: tuple[str, ...] = ("facts", "hearing", "advice", "draft", "approval")
DEFAULT_MILESTONES: dict[str, tuple[int, int]] = {
    "facts": (3, 5),
    "hearing": (5, 7),
    "advice": (7, 9),
    "draft": (9, 11),
    "approval": (11, 13),
}
#: The answer's target lies this many business days before its fatal (external) deadline.
ANSWER_TARGET_MARGIN = 2


@dataclass(frozen=True)
class Milestone:
    """One step's two deadlines: ``target`` (internal aim) and ``fatal`` (last day).

    Dates are calendar days in the organisation's time zone (Europe/Amsterdam for NL).
    """

    step: str
    target: date
    fatal: date


#: The longest milestone term, in business days (about a year).
MAX_MILESTONE_DAYS = 250


def milestone_config(
    overrides: Mapping[str, Sequence[int]] | None,
) -> dict[str, tuple[int, int]]:
    """The default terms with an organisation's ``overrides`` applied and validated.

    Raises:
        ValueError: an unknown step, or terms that are not two non-negative whole numbers
            with target <= fatal (the message names the step).
    """
    config = dict(DEFAULT_MILESTONES)
    for step, terms in (overrides or {}).items():
        if step not in DEFAULT_MILESTONES:
            raise ValueError(
                f"milestones.{step}: unknown step (expected one of {MILESTONE_STEPS})"
            )
        if not (
            isinstance(terms, (list, tuple))
            and len(terms) == 2
            and all(isinstance(t, int) and not isinstance(t, bool) for t in terms)
        ):
            raise ValueError(
                f"milestones.{step}: expected [target, fatal] business days"
            )
        target, fatal = terms
        if not 0 <= target <= fatal <= MAX_MILESTONE_DAYS:
            raise ValueError(
                f"milestones.{step}: expected 0 <= target <= fatal <= "
                f"{MAX_MILESTONE_DAYS}"
            )
        config[step] = (target, fatal)
    return config


def milestones(
    registered: date,
    answer_due: date | None,
    config: Mapping[str, tuple[int, int]] | None = None,
    calendar: CalendarLike = "NL",
) -> list[Milestone]:
    """The internal milestones of one inquiry, then the answer itself.

    Args:
        registered: the day the inquiry was registered.
        answer_due: the external deadline (e.g. three or six weeks after submission), or
            ``None`` when there is none; it caps every internal fatal date.
        config: ``{step: (target, fatal)}`` business days after registration
            (default :data:`DEFAULT_MILESTONES`).
        calendar: the holiday calendar, or a country code (ISO 3166-1 alpha-2).

    Returns:
        One :class:`Milestone` per step of :data:`MILESTONE_STEPS`, then ``"answer"`` when
        ``answer_due`` is given (target = ``ANSWER_TARGET_MARGIN`` business days earlier).
    """
    config = config or DEFAULT_MILESTONES
    calendar = _as_calendar(calendar)
    out = []
    for step in MILESTONE_STEPS:
        target_days, fatal_days = config[step]
        target = add_business_days(registered, target_days, calendar)
        fatal = add_business_days(registered, fatal_days, calendar)
        if answer_due is not None:
            target, fatal = min(target, answer_due), min(fatal, answer_due)
        out.append(Milestone(step, target, fatal))
    if answer_due is not None:
        target = min(
            answer_due,
            max(
                registered,
                add_business_days(answer_due, -ANSWER_TARGET_MARGIN, calendar),
            ),
        )
        out.append(Milestone("answer", target, answer_due))
    return out
