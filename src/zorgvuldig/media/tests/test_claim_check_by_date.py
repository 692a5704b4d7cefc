"""The claim check judges an article against the measure in force on the day it speaks
of (issue 13): its publication day, or the day a person gives the check."""

from __future__ import annotations

import datetime as dt

import pytest

from zorgvuldig.inquiries.tests.factories import Team, build_annulled_dismissal
from zorgvuldig.media.services import check_article

pytestmark = pytest.mark.django_db

D = dt.date.fromisoformat


@pytest.fixture
def case():
    """Suspended on 9 Feb 2012, conditionally dismissed from 1 June 2012, annulled by a
    court on 15 May 2013."""
    team = Team()
    return team, build_annulled_dismissal(team)


ARTICLE = (
    "# Ambassadeur geschorst\n\nDe ambassadeur is geschorst, meldt het ministerie."
)


def test_the_claim_check_judges_against_the_measure_in_force_on_the_article_day(case):
    team, inquiry = case
    then = check_article(
        actor=team.comms, inquiry=inquiry, content=ARTICLE, published=D("2012-03-05")
    )
    assert then.result["measure_in_force"]["term"] == "geschorst"
    assert then.verdict == "accurate"
    later = check_article(
        actor=team.comms, inquiry=inquiry, content=ARTICLE, published=D("2013-06-01")
    )
    assert later.result["measure_in_force"]["category"] == "none"
    dated = check_article(
        actor=team.comms,
        inquiry=inquiry,
        content=ARTICLE,
        published=D("2013-06-01"),
        on=D("2012-03-05"),
    )
    assert dated.result["measure_in_force"]["term"] == "geschorst"
    assert dated.verdict == "accurate"


def test_the_coverage_panel_names_the_measure_in_force_today_not_the_annulled_one(
    client, case
):
    team, inquiry = case
    client.force_login(team.comms)
    page = client.get(
        f"/inquiries/{inquiry.pk}/", headers={"accept-language": "en"}
    ).content.decode()
    assert "No measure is in force today" in page
    assert "checked against the recorded measure: “geschorst”" not in page
