"""Answer deadlines for inquiries: pure date arithmetic, no Django.

Public surface: :func:`answer_deadline`, :func:`add_business_days`,
:func:`is_business_day`. Callers pass dates, never requests or querysets
(STYLE.md habit 8).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holidays import HolidayBase

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


@lru_cache(maxsize=8)
def _holiday_calendar(country: str) -> HolidayBase:
    # Imported here so that the console command and pure parsing stay fast.
    import holidays

    return holidays.country_holidays(country)


def is_business_day(day: date, country: str = "NL") -> bool:
    """Whether ``day`` is a working day: Monday to Friday and not a public holiday.

    Args:
        day: the day to test.
        country: ISO 3166-1 alpha-2 code of the holiday calendar (default NL).

    Returns:
        True for a weekday that is not a public holiday in ``country`` as listed
        by the ``holidays`` package. For NL that list holds New Year's Day, Good
        Friday, Easter Monday, King's Day (27 April, or 26 April when the 27th is
        a Sunday), Liberation Day (5 May, in lustrum years only), Ascension Day,
        Whit Monday and both Christmas days.
    """
    return day.weekday() < 5 and day not in _holiday_calendar(country)


def add_business_days(start: date, days: int, country: str = "NL") -> date:
    """Count ``days`` working days from ``start``, skipping weekends and holidays.

    The start day itself is not counted: one business day after a Friday is the
    next Monday (or Tuesday, when that Monday is a holiday).

    Args:
        start: the day to count from.
        days: how many working days to add; negative counts backwards, and zero
            returns ``start`` unchanged.
        country: ISO 3166-1 alpha-2 code of the holiday calendar (default NL).

    Returns:
        The ``abs(days)``-th working day after (or before) ``start``.
    """
    step = timedelta(days=1 if days >= 0 else -1)
    current = start
    remaining = abs(days)
    while remaining:
        current += step
        if is_business_day(current, country):
            remaining -= 1
    return current
