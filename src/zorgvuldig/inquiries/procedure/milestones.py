"""The procedure's internal milestones: a target and a fatal day per step, in business days.

Pure date arithmetic over :mod:`zorgvuldig.parliament.calendars`; public surface:
:data:`MILESTONE_STEPS`, :data:`DEFAULT_MILESTONES`, :class:`Milestone`,
:func:`milestone_config` and :func:`milestones`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from zorgvuldig.parliament.calendars import CalendarLike, add_business_days, as_calendar

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
    calendar = as_calendar(calendar)
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
