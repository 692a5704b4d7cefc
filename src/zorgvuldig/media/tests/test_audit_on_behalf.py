"""The audit entry of an article check: its verdict in the reader's language, and whom a
delegate checked it for."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone, translation

import pytest

from zorgvuldig.core.choices import Role
from zorgvuldig.core.models import AuditEntry, User
from zorgvuldig.core.services import delegate_role
from zorgvuldig.inquiries.choices import State
from zorgvuldig.inquiries.tests.factories import Team, build_inquiry, make_user
from zorgvuldig.media.services import check_article

pytestmark = pytest.mark.django_db

ARTICLE = "# Minister spreekt ambassadeur aan\nDe ambassadeur is aangesproken."


@pytest.fixture
def case():
    team = Team()
    return team, build_inquiry(team, State.MEASURE_DECIDED)


def test_the_verdict_is_kept_as_a_code_and_the_headline_as_data(case):
    team, inquiry = case
    with translation.override("nl"):
        check_article(actor=team.comms, inquiry=inquiry, content=ARTICLE)
    entry = AuditEntry.objects.get(action="media.checked")
    assert entry.on_behalf_of is None
    assert entry.summary_params["verdict"] == {
        "choice": "media.Verdict",
        "value": "accurate",
    }
    with translation.override("en"):
        assert entry.action_label == "Article checked"
        assert entry.summary_text == "Accurate: Minister spreekt ambassadeur aan"


def test_a_delegate_checks_on_behalf_of_the_communications_officer(case):
    team, inquiry = case
    deputy = make_user(Role.HR_ADVISOR, team.org)  # not assigned to the case
    today = timezone.localdate()
    delegate_role(
        actor=team.comms,
        from_user=team.comms,
        to_user=deputy,
        starts=today,
        ends=today + dt.timedelta(days=3),
    )
    check_article(
        actor=User.objects.get(pk=deputy.pk), inquiry=inquiry, content=ARTICLE
    )
    entry = AuditEntry.objects.get(action="media.checked")
    assert (entry.actor, entry.on_behalf_of) == (deputy, team.comms)
