"""Answer deadlines for inquiries: pure date arithmetic, no Django.

Public surface: :func:`answer_deadline`, :func:`add_business_days`,
:func:`is_business_day`, :func:`milestones` and :func:`milestone_config`. Callers
pass dates, never requests or querysets (STYLE.md habit 8).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
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


def is_known_country(country: str) -> bool:
    """Whether the ``holidays`` package has a calendar for ``country`` (ISO 3166-1 alpha-2)."""
    import holidays

    return country in holidays.list_supported_countries()


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
        try:
            target, fatal = (int(t) for t in terms)
        except (TypeError, ValueError):
            raise ValueError(
                f"milestones.{step}: expected [target, fatal] business days"
            ) from None
        if not 0 <= target <= fatal:
            raise ValueError(f"milestones.{step}: expected 0 <= target <= fatal")
        config[step] = (target, fatal)
    return config


def milestones(
    registered: date,
    answer_due: date | None,
    config: Mapping[str, tuple[int, int]] | None = None,
    country: str = "NL",
) -> list[Milestone]:
    """The internal milestones of one inquiry, then the answer itself.

    Args:
        registered: the day the inquiry was registered.
        answer_due: the external deadline (e.g. three or six weeks after submission), or
            ``None`` when there is none; it caps every internal fatal date.
        config: ``{step: (target, fatal)}`` business days after registration
            (default :data:`DEFAULT_MILESTONES`).
        country: the holiday calendar (ISO 3166-1 alpha-2).

    Returns:
        One :class:`Milestone` per step of :data:`MILESTONE_STEPS`, then ``"answer"`` when
        ``answer_due`` is given (target = ``ANSWER_TARGET_MARGIN`` business days earlier).
    """
    config = config or DEFAULT_MILESTONES
    out = []
    for step in MILESTONE_STEPS:
        target_days, fatal_days = config[step]
        target = add_business_days(registered, target_days, country)
        fatal = add_business_days(registered, fatal_days, country)
        if answer_due is not None:
            target, fatal = min(target, answer_due), min(fatal, answer_due)
        out.append(Milestone(step, target, fatal))
    if answer_due is not None:
        target = min(
            answer_due,
            max(
                registered,
                add_business_days(answer_due, -ANSWER_TARGET_MARGIN, country),
            ),
        )
        out.append(Milestone("answer", target, answer_due))
    return out
