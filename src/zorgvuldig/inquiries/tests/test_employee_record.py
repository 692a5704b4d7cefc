"""The employee reads what is recorded about them and responds to the hearing record."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import translation

import pytest

from zorgvuldig.core.models import AuditEntry
from zorgvuldig.inquiries import services
from zorgvuldig.inquiries.choices import AdviceKind, HearingResponse, State
from zorgvuldig.inquiries.models import Inquiry

from .factories import Team, build_inquiry, make_user

pytestmark = pytest.mark.django_db
EN = {"headers": {"accept-language": "en"}}


@pytest.fixture
def case():
    team = Team()
    inquiry = build_inquiry(team, State.ADVICE_COMPLETE)
    employee = make_user("employee", team.org, username="jdevries")
    inquiry.persons.update(user=employee)
    return team, employee, inquiry


def test_the_employee_reads_facts_and_hearing(client, case):
    _team, employee, inquiry = case
    client.force_login(employee)
    listing = client.get(reverse("inquiries:list"), **EN).content.decode()
    assert "Records about you" in listing
    page = client.get(reverse("inquiries:record_about_me", args=[inquiry.pk]), **EN)
    text = page.content.decode()
    assert inquiry.facts in text
    assert "Ik vond de pagina in 2010 leuk" in text
    # The case page itself (advice, other people's work) stays closed to them.
    assert client.get(reverse("inquiries:detail", args=[inquiry.pk])).status_code == 404


def test_an_objection_needs_comments_and_outdates_the_advice(client, case):
    team, employee, inquiry = case
    with pytest.raises(services.ProcedureError):
        services.respond_to_record(
            actor=employee, inquiry=inquiry, response=HearingResponse.OBJECTED
        )
    client.force_login(employee)
    client.post(
        reverse("inquiries:record_about_me", args=[inquiry.pk]),
        {
            "response": "objected",
            "comment": "Ik heb de like in maart 2010 geplaatst, niet later.",
        },
    )
    hearing = Inquiry.objects.get(pk=inquiry.pk).hearings.get()
    assert hearing.response == HearingResponse.OBJECTED
    assert "maart 2010" in hearing.employee_comment
    assert AuditEntry.objects.filter(
        action="hearing.responded", actor=employee
    ).exists()
    # The record changed: the advice must be confirmed before the procedure goes on.
    services.record_measure(
        actor=team.hr,
        inquiry=inquiry,
        category="informal",
        term="aangesproken",
        decided_on=dt.date(2012, 2, 9),
    )
    services.decide_measure(actor=team.hr, inquiry=inquiry)
    services.save_answers(
        actor=team.handler,
        inquiry=inquiry,
        answers={1: "Wij staan achter de ambassadeur.", 2: "Hij is aangesproken."},
    )
    services.submit_draft_answer(actor=team.handler, inquiry=inquiry)
    # (the client's request above switched the language to the site's; read English again)
    with translation.override("en"), pytest.raises(services.ProcedureError) as err:
        services.approve_answer(actor=team.approver, inquiry=inquiry)
    assert "confirmed again" in " ".join(err.value.messages)
    for advisor, kind in ((team.hr, AdviceKind.HR), (team.legal, AdviceKind.LEGAL)):
        services.record_advice(
            actor=advisor, inquiry=inquiry, kind=kind, text="Bevestigd."
        )
    assert (
        services.approve_answer(actor=team.approver, inquiry=inquiry).state
        == State.APPROVED
    )


def test_only_the_employee_concerned_may_respond(case):
    team, _employee, inquiry = case
    other = make_user("employee", team.org)
    for actor in (other, team.hr):
        with pytest.raises(services.ProcedureError):
            services.respond_to_record(
                actor=actor, inquiry=inquiry, response=HearingResponse.CONFIRMED
            )


def test_the_employee_account_is_linked_at_intake(client):
    team = Team()
    employee = make_user("employee", team.org, username="jdevries")
    client.force_login(team.handler)
    client.post(
        reverse("inquiries:intake"),
        {
            "confirm": "1",
            "kind": "parliamentary_written",
            "subject": "Facebook-like",
            "persons": "J. de Vries, ambassadeur, jdevries",
            "question_1": "Kent u het bericht?",
            "assignees": [team.hr.pk, team.legal.pk, team.approver.pk],
        },
    )
    assert Inquiry.objects.get().persons.get().user == employee


def test_after_approval_the_employee_is_sent_to_hr_instead_of_blocking_the_case():
    team = Team()
    inquiry = build_inquiry(team, State.APPROVED)
    employee = make_user("employee", team.org)
    inquiry.persons.update(user=employee)
    with pytest.raises(services.ProcedureError) as err:
        services.respond_to_record(
            actor=employee,
            inquiry=inquiry,
            response=HearingResponse.OBJECTED,
            comment="Niet juist.",
        )
    assert err.value.messages == [
        "The answer has been approved; contact HR about the record."
    ]
    after = services.send_answer(actor=team.handler, inquiry=inquiry)
    assert after.state == State.SENT
