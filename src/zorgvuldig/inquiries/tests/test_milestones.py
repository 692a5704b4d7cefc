"""The procedure's internal milestones, in business days: pure, no database."""

from __future__ import annotations

from datetime import date

import pytest

from zorgvuldig.inquiries.procedure.milestones import milestone_config, milestones


def test_milestones_count_business_days_and_skip_holidays():
    # Registered on Thursday 2 April 2015: Good Friday (3 Apr) and Easter Monday (6 Apr)
    # are holidays, so three business days later is Thursday 9 April.
    rows = {m.step: m for m in milestones(date(2015, 4, 2), date(2015, 4, 23))}
    assert rows["facts"].target == date(2015, 4, 9)
    assert rows["facts"].fatal == date(2015, 4, 13)
    assert rows["answer"].fatal == date(2015, 4, 23)
    assert rows["answer"].target == date(2015, 4, 21)


def test_no_internal_milestone_falls_after_the_answer_deadline():
    due = date(2012, 2, 24)
    for m in milestones(date(2012, 2, 20), due):
        assert m.target <= m.fatal <= due


def test_an_organisation_can_change_the_terms_and_bad_settings_are_named():
    assert milestone_config({"facts": [1, 2]})["facts"] == (1, 2)
    for bad, field in (
        ({"fact": [1, 2]}, "milestones.fact"),
        ({"facts": [3, 1]}, "facts"),
        ({"facts": "x"}, "facts"),
    ):
        with pytest.raises(ValueError, match=field):
            milestone_config(bad)
