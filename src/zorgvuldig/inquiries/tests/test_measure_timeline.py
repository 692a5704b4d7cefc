"""Which measure is in force on a day, from a history of plain values (no database)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from zorgvuldig.inquiries.measure_timeline import in_force, standing, timeline

T0 = dt.datetime(2013, 1, 1, tzinfo=dt.UTC)


def entry(pk, stage, day, term="", category="", corrects=None, recorded=0):
    return SimpleNamespace(
        pk=pk,
        stage=stage,
        effective_on=dt.date.fromisoformat(day),
        term=term,
        category=category,
        corrects_id=corrects,
        recorded_at=T0 + dt.timedelta(minutes=recorded),
    )


#: Issue 13: a suspension, then a conditional dismissal, then a court annulling it.
HISTORY = [
    entry(1, "proposed", "2012-02-20", "voorwaardelijk strafontslag", "dismissal"),
    entry(2, "imposed", "2012-03-01", "geschorst", "order_measure"),
    entry(3, "imposed", "2012-06-01", "voorwaardelijk strafontslag", "dismissal"),
    entry(4, "annulled", "2013-05-15"),
]


def test_nothing_is_in_force_before_the_first_measure_nor_for_a_proposal():
    assert in_force(HISTORY, dt.date(2012, 1, 1)) is None
    assert in_force(HISTORY, dt.date(2012, 2, 25)) is None


def test_each_stage_is_in_force_from_its_own_day():
    assert in_force(HISTORY, dt.date(2012, 3, 1)).term == "geschorst"
    assert in_force(HISTORY, dt.date(2012, 5, 31)).term == "geschorst"
    on_the_day = in_force(HISTORY, dt.date(2012, 6, 1))
    # Returned as recorded: the claim check decides what "niet ontslagen" says of it.
    assert (on_the_day.term, on_the_day.category) == (
        "voorwaardelijk strafontslag",
        "dismissal",
    )


def test_annulled_means_nothing_in_force_from_that_day():
    assert in_force(HISTORY, dt.date(2013, 5, 14)).pk == 3
    assert in_force(HISTORY, dt.date(2013, 5, 15)) is None
    assert (
        in_force([*HISTORY[:2], entry(5, "ended", "2012-04-01")], dt.date(2012, 5, 1))
        is None
    )


def test_a_change_on_objection_replaces_the_measure_from_its_day():
    changed = [
        *HISTORY[:3],
        entry(
            5,
            "changed_on_objection",
            "2012-09-01",
            "schriftelijke berisping",
            "punishment",
        ),
    ]
    assert in_force(changed, dt.date(2012, 8, 31)).pk == 3
    assert in_force(changed, dt.date(2012, 9, 1)).pk == 5


def test_a_corrected_entry_no_longer_counts_and_is_kept():
    # The annulment was entered with the wrong day; the correction says so.
    fixed = [*HISTORY, entry(5, "annulled", "2013-06-15", corrects=4, recorded=5)]
    assert in_force(fixed, dt.date(2013, 6, 1)).pk == 3
    assert in_force(fixed, dt.date(2013, 6, 15)) is None
    assert [e.pk for e in standing(fixed)] == [1, 2, 3, 5]
    rows = timeline(fixed, dt.date(2013, 6, 1))
    assert [(r.entry.pk, r.corrected, r.in_force) for r in rows] == [
        (1, False, False),
        (2, False, False),
        (3, False, True),
        (4, True, False),
        (5, False, False),
    ]
    assert rows[-1].corrects.pk == 4


def test_on_the_same_day_the_entry_recorded_last_decides():
    same_day = [
        entry(1, "imposed", "2012-03-01", "aangesproken", "informal", recorded=2),
        entry(2, "imposed", "2012-03-01", "geschorst", "order_measure", recorded=1),
    ]
    assert in_force(same_day, dt.date(2012, 3, 1)).pk == 1
