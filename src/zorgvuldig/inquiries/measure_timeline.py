"""Which measure is in force on a day, from an employee's measure history.

:func:`in_force`, :func:`standing` and :func:`timeline` are pure: they work on any objects
shaped like ``models.MeasureEntry`` (``pk``, ``stage``, ``effective_on``, ``recorded_at``,
``corrects_id``), so they are tested on plain values. :func:`measure_in_force` (re-exported
by ``queries``) reads an employee's or a case's entries with them.

The rules (issue 13): an entry that a later entry corrects no longer counts; proposals are
never in force; of the others, the one that took effect last on or before the day decides
(on the same day, the one recorded last). An annulment or an end means that nothing is in
force from its day on. A conditional dismissal ("voorwaardelijk strafontslag") is
returned as recorded: whether an article's "niet ontslagen" fits it is the claim check's
question, not this module's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from django.utils import timezone

from zorgvuldig.inquiries.choices import MeasureCategory, MeasureStage

if TYPE_CHECKING:
    from zorgvuldig.inquiries.models import Inquiry, MeasureEntry, PersonConcerned


class Entry(Protocol):
    """What :func:`in_force` reads of an entry."""

    pk: Any
    stage: str
    effective_on: dt.date
    recorded_at: dt.datetime
    corrects_id: Any


E = TypeVar("E", bound=Entry)


def standing(entries: Iterable[E]) -> list[E]:
    """The entries no other entry corrects, in the order they took effect (then were
    recorded)."""
    entries = list(entries)
    corrected = {e.corrects_id for e in entries if e.corrects_id is not None}
    kept = [e for e in entries if e.pk not in corrected]
    return sorted(kept, key=_order)


def in_force(entries: Iterable[E], on: dt.date) -> E | None:
    """The entry stating the measure in force on the calendar day ``on``, or ``None``
    when nothing is (none imposed yet, or annulled or ended by then).

    Args:
        entries: one employee's history, in any order, corrections included.
        on: a calendar date (Europe/Amsterdam, like ``effective_on``).
    """
    effective = [
        e
        for e in standing(entries)
        if MeasureStage.takes_effect(e.stage) and e.effective_on <= on
    ]
    if not effective or not MeasureStage.names_a_measure(effective[-1].stage):
        return None
    return effective[-1]


def measure_in_force(
    of: PersonConcerned | Inquiry, on: dt.date | None = None
) -> MeasureEntry | None:
    """The measure in force on the calendar day ``on`` (Europe/Amsterdam; ``None``:
    today), as the entry of the measure history that states it, or ``None`` when nothing
    is in force (nothing imposed yet; annulled or ended by then).

    ``of`` is one employee concerned, or a case: then the most severe measure in force
    among its employees (the measure ladder, DESIGN.md §6.3; on a tie the first person's),
    the one an article about the case is judged against. Both the answer check and the
    media claim check read the record through this function; the rules are
    :func:`in_force`. Reads the prefetched entries of
    ``queries.with_case_relations`` when there are any, else one query per person. No access
    check: the caller holds a case read with ``queries.get_inquiry_for``. Re-exported by
    ``queries`` (the one home of reads); it lives here because the answer check, which
    the models' guards import, calls it.
    """
    on = on or timezone.localdate()
    if not hasattr(of, "persons"):  # one employee, not a case
        return in_force(of.measure_entries.all(), on)
    found = [m for p in of.persons.all() if (m := measure_in_force(p, on))]
    if not found:
        return None
    return max(
        found, key=lambda m: MeasureCategory.severity(m.category)
    )  # max keeps the first on ties


def superseded(entries: Iterable[E]) -> set[Any]:
    """The pks of the entries a later entry corrects."""
    return {e.corrects_id for e in entries if e.corrects_id is not None}


def _order(e: Entry) -> tuple[dt.date, dt.datetime, Any]:
    return (e.effective_on, e.recorded_at, e.pk or 0)


@dataclass(frozen=True)
class TimelineRow(Generic[E]):
    """One entry as the case page shows it: ``corrected`` when a later entry corrects
    it, ``in_force`` when it states the measure in force on the day asked; ``corrects``
    is the entry it corrects, if any."""

    entry: E
    corrected: bool
    in_force: bool
    corrects: E | None = None


def timeline(entries: Iterable[E], on: dt.date) -> list[TimelineRow[E]]:
    """Every entry, corrected ones included, in the order they took effect (then were
    recorded), marked as :class:`TimelineRow`."""
    entries = list(entries)
    gone = superseded(entries)
    current = in_force(entries, on)
    by_pk = {e.pk: e for e in entries}
    return [
        TimelineRow(e, e.pk in gone, e is current, by_pk.get(e.corrects_id))
        for e in sorted(entries, key=_order)
    ]
