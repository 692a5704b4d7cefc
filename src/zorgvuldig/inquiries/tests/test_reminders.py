"""Reminders and escalation fire from the daily job, once each, with a frozen clock."""

from __future__ import annotations

import datetime as dt

from django.core import mail

import pytest
import time_machine

from zorgvuldig.core.choices import Role
from zorgvuldig.inquiries import services
from zorgvuldig.inquiries.choices import State
from zorgvuldig.inquiries.models import Reminder, ReminderKind
from zorgvuldig.inquiries.reminders import reminder_settings
from zorgvuldig.inquiries.tasks import daily_reminders

from .factories import Team, make_user, register

pytestmark = pytest.mark.django_db

AMS = dt.timezone(dt.timedelta(hours=1))


@pytest.fixture(autouse=True)
def _english_mails(settings):
    """Mails are written in the site's language (LANGUAGE_CODE); these tests read English."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def case():
    """Questions submitted Friday 6 Nov 2026, registered Monday 9 Nov (answer due 27 Nov)."""
    team = Team()
    boss = make_user(Role.CASE_HANDLER, team.org, username="afdelingshoofd")
    boss.email = "hoofd@example.org"
    boss.save()
    for i, u in enumerate(team.members):
        u.email = f"user{i}@example.org"
        u.manager = boss
        u.save()
    with time_machine.travel(dt.datetime(2026, 11, 9, 9, 0, tzinfo=AMS), tick=False):
        inquiry = register(
            team,
            subject="Facebook-like",
            submitted=dt.date(2026, 11, 6),
            askers=None,
            persons=[{"name": "J. de Vries"}],
        )
    return team, boss, inquiry


@pytest.fixture
def run_on(django_capture_on_commit_callbacks):
    """Run the daily job on ``day`` (mails go out after commit, as in production)."""

    def run(day: dt.date):
        mail.outbox.clear()
        moment = dt.datetime.combine(day, dt.time(7, 30), tzinfo=AMS)
        with (
            time_machine.travel(moment, tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            return daily_reminders.call_local()

    return run


def test_nothing_is_due_on_the_first_day(case, run_on):
    result = run_on(dt.date(2026, 11, 9))
    assert result["reminders"] == 0
    assert not [m for m in mail.outbox if "Due" in m.subject or "Overdue" in m.subject]


def test_due_soon_then_overdue_then_escalation_each_once(case, run_on):
    team, boss, _inquiry = case
    # Facts: fatal 5 business days after 9 Nov = Monday 16 Nov; due soon from Thursday 12.
    run_on(dt.date(2026, 11, 12))
    due_soon = [m for m in mail.outbox if m.subject.startswith("Due on 2026-11-16")]
    assert [m.to for m in due_soon] == [[team.handler.email]]
    run_on(dt.date(2026, 11, 12))  # a second run the same day (restart, retry)
    assert not [m for m in mail.outbox if m.subject.startswith("Due on 2026-11-16")]

    run_on(dt.date(2026, 11, 17))
    overdue = [
        m for m in mail.outbox if m.subject.startswith("Overdue since 2026-11-16")
    ]
    assert [m.to for m in overdue] == [[team.handler.email]]
    assert not [m for m in mail.outbox if m.subject.startswith("Escalation")]

    run_on(dt.date(2026, 11, 18))  # two business days after the fatal date
    escalation = [m for m in mail.outbox if m.subject.startswith("Escalation")]
    assert {tuple(m.to) for m in escalation} == {(boss.email,)}
    run_on(dt.date(2026, 11, 19))
    assert not [
        m
        for m in mail.outbox
        if m.subject.startswith("Escalation, overdue since 2026-11-16")
    ]
    assert (
        Reminder.objects.filter(kind=ReminderKind.ESCALATION, step="facts").count() == 1
    )


def test_a_reached_milestone_is_not_reminded(case, run_on):
    team, _boss, inquiry = case
    with time_machine.travel(dt.datetime(2026, 11, 10, 10, 0, tzinfo=AMS), tick=False):
        services.record_facts(
            actor=team.handler, inquiry=inquiry, facts="De like dateert van 2010."
        )
        services.establish_facts(actor=team.handler, inquiry=inquiry)
    run_on(dt.date(2026, 11, 17))
    assert not Reminder.objects.filter(step="facts").exists()
    # The hearing is HR's step: its fatal date (7 business days) is 18 Nov, due soon now.
    hr_mails = [
        m
        for m in mail.outbox
        if m.to == [team.hr.email] and "Employee heard" in m.subject
    ]
    assert hr_mails


def test_the_daily_digest_goes_once_per_person_per_day(case, run_on):
    team, _boss, _inquiry = case
    run_on(dt.date(2026, 11, 10))
    digests = [m for m in mail.outbox if m.subject.startswith("Zorgvuldig: your cases")]
    assert {m.to[0] for m in digests} == {u.email for u in team.members}
    assert f"case {_inquiry.pk}" in digests[0].body
    assert (
        "Facebook-like" not in digests[0].body
    )  # no subject in mail: it may name someone
    run_on(dt.date(2026, 11, 10))
    assert not [
        m for m in mail.outbox if m.subject.startswith("Zorgvuldig: your cases")
    ]


def test_sent_cases_get_no_reminders(case, run_on):
    _team, _boss, inquiry = case
    from zorgvuldig.inquiries.models import Inquiry

    Inquiry.objects.filter(pk=inquiry.pk).update(state=State.SENT)
    assert run_on(dt.date(2026, 11, 30)) == {"reminders": 0, "digests": 0}


def test_reminder_settings_fall_back_to_defaults():
    assert reminder_settings(
        {"reminders": {"due_soon_days": 5, "escalate_after_days": -1}}
    ) == {
        "due_soon_days": 5,
        "escalate_after_days": 2,
    }


def test_people_not_cleared_for_the_case_get_no_mail(case, run_on):
    from zorgvuldig.core.choices import Confidentiality
    from zorgvuldig.inquiries.models import Inquiry

    team, _boss, inquiry = case
    Inquiry.objects.filter(pk=inquiry.pk).update(confidentiality=Confidentiality.GEHEIM)
    team.handler.clearance = Confidentiality.GEHEIM
    team.handler.save()
    run_on(dt.date(2026, 11, 10))
    assert {m.to[0] for m in mail.outbox} == {team.handler.email}
