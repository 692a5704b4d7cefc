"""An organisation's holiday calendar (``procedure_settings["holidays"]``) moves its
milestones, and a mistake in it is logged, never a broken case page."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

import pytest
import time_machine

from zorgvuldig.inquiries.presenters import milestone_overview

from .factories import Team, register

pytestmark = pytest.mark.django_db

AMS = dt.timezone(dt.timedelta(hours=2))


@pytest.fixture
def case():
    """Registered Monday 4 May 2026; Tuesday 5 May is Liberation Day (a working day in
    the ``holidays`` package outside lustrum years)."""
    team = Team()
    with time_machine.travel(dt.datetime(2026, 5, 4, 9, 0, tzinfo=AMS), tick=False):
        inquiry = register(
            team,
            subject="Facebook-like",
            submitted=dt.date(2026, 5, 1),
            askers=None,
            persons=[{"name": "J. de Vries"}],
        )
    return team, inquiry


def _facts_target(inquiry) -> dt.date:
    rows = milestone_overview(inquiry, today=dt.date(2026, 5, 4))
    return next(r.target for r in rows if r.step == "facts")


def test_liberation_day_added_by_the_organisation_moves_the_milestones(case):
    team, inquiry = case
    assert _facts_target(inquiry) == dt.date(2026, 5, 7)  # 5, 6, 7 May
    team.org.procedure_settings = {"holidays": {"extra": ["05-05"]}}
    team.org.save()
    inquiry.organisation.refresh_from_db()
    assert _facts_target(inquiry) == dt.date(2026, 5, 8)  # 6, 7, 8 May


@pytest.mark.parametrize(
    "holidays",
    [
        "05-05",  # not an object
        {"extra": "5 mei"},
        {"extra": ["05-05"], "not_holidays": 3},
        {"country": "XX", "subdivision": ["a"]},
        ["05-05"],
    ],
)
def test_holiday_mistakes_are_logged_not_a_broken_page(client, case, caplog, holidays):
    team, inquiry = case
    team.org.procedure_settings = {"holidays": holidays}
    team.org.save()
    client.force_login(team.handler)
    with caplog.at_level("WARNING", logger="zorgvuldig.parliament.calendars"):
        response = client.get(reverse("inquiries:detail", args=[inquiry.pk]))
    assert response.status_code == 200
    assert "Procedure settings: holidays" in caplog.text
