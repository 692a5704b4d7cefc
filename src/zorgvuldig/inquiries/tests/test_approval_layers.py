"""Approval in layers, return for rework, and time-limited delegation of a role."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from zorgvuldig.core.choices import Role
from zorgvuldig.core.models import AuditEntry
from zorgvuldig.core.services import DelegationError, delegate_role
from zorgvuldig.inquiries import services
from zorgvuldig.inquiries.choices import State
from zorgvuldig.inquiries.models import ApprovalStep, Inquiry
from zorgvuldig.inquiries.queries import inquiries_visible_to

from .factories import Team, build_inquiry, make_user

#: The delegations below start on 1 December 2026; they are made before that day.
BEFORE_THE_PERIOD = dt.datetime(2026, 11, 29, 12, tzinfo=dt.UTC)
pytestmark = pytest.mark.django_db


@pytest.fixture
def layered():
    team = Team()
    team.org.procedure_settings = {"approval_layers": ["director", "secretary-general"]}
    team.org.save()
    team.approver.approval_layer = "director"
    team.approver.save()
    sg = make_user(Role.APPROVER, team.org, username="sg")
    sg.approval_layer = "secretary-general"
    sg.save()
    inquiry = build_inquiry(team, State.ANSWER_DRAFTED)
    inquiry.assignees.add(sg)
    return team, sg, inquiry


def test_each_layer_approves_in_turn(layered):
    team, sg, inquiry = layered
    with pytest.raises(services.ProcedureError, match="director"):
        services.approve_answer(actor=sg, inquiry=inquiry)
    after = services.approve_answer(
        actor=team.approver, inquiry=inquiry, reason="Akkoord."
    )
    assert (
        after.state == State.ANSWER_DRAFTED
    )  # the secretary-general still has to approve
    with pytest.raises(services.ProcedureError, match="already approved"):
        services.approve_answer(actor=team.approver, inquiry=inquiry)
    after = services.approve_answer(actor=sg, inquiry=inquiry)
    assert after.state == State.APPROVED
    assert [a.layer for a in ApprovalStep.objects.filter(inquiry=inquiry)] == [
        "director",
        "secretary-general",
    ]


def test_a_return_for_rework_starts_a_new_round(layered):
    team, sg, inquiry = layered
    services.approve_answer(actor=team.approver, inquiry=inquiry)
    services.return_for_rework(actor=sg, inquiry=inquiry, reason="Antwoord 2 scherper.")
    inquiry = services.submit_draft_answer(actor=team.handler, inquiry=inquiry)
    # The director's approval of the previous round no longer counts.
    with pytest.raises(services.ProcedureError, match="director"):
        services.approve_answer(actor=sg, inquiry=inquiry)


def test_gates_are_checked_at_the_first_layer_already(layered):
    team, _sg, inquiry = layered
    services.save_answers(
        actor=team.handler, inquiry=inquiry, answers={2: "Hij is berispt."}
    )
    with pytest.raises(services.ProcedureError, match="answer checks"):
        services.approve_answer(actor=team.approver, inquiry=inquiry)
    assert not ApprovalStep.objects.exists()


@time_machine.travel(BEFORE_THE_PERIOD, tick=False)
def test_a_delegate_acts_for_the_approver_during_the_period_only(layered):
    team, _sg, inquiry = layered
    deputy = make_user(Role.CASE_HANDLER, team.org, username="plaatsvervanger")
    delegate_role(
        actor=team.approver,
        from_user=team.approver,
        to_user=deputy,
        starts=dt.date(2026, 12, 1),
        ends=dt.date(2026, 12, 14),
        reason="Vakantie",
    )
    assert AuditEntry.objects.filter(action="role.delegated").exists()
    with time_machine.travel(dt.datetime(2026, 11, 30, 12, tzinfo=dt.UTC), tick=False):
        deputy = type(deputy).objects.get(pk=deputy.pk)
        assert inquiry not in inquiries_visible_to(deputy)
        with pytest.raises(services.ProcedureError):
            services.approve_answer(actor=deputy, inquiry=inquiry)
    with time_machine.travel(dt.datetime(2026, 12, 2, 12, tzinfo=dt.UTC), tick=False):
        deputy = type(deputy).objects.get(pk=deputy.pk)
        assert deputy.has_role(Role.APPROVER)
        assert Inquiry.objects.get(pk=inquiry.pk) in inquiries_visible_to(deputy)
        after = services.approve_answer(actor=deputy, inquiry=inquiry)
    assert ApprovalStep.objects.get(inquiry=after).by == deputy


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"to": "self"}, "oneself"),
        ({"ends": dt.date(2026, 11, 1)}, "ends before"),
        ({"ends": dt.date(2027, 6, 1)}, "at most"),
        ({"actor": "other"}, "themselves or an administrator"),
    ],
)
@time_machine.travel(BEFORE_THE_PERIOD, tick=False)
def test_bad_delegations_are_refused(change, message):
    team = Team()
    other = make_user(Role.CASE_HANDLER, team.org)
    kwargs = {
        "actor": other if change.get("actor") == "other" else team.approver,
        "from_user": team.approver,
        "to_user": team.approver if change.get("to") == "self" else other,
        "starts": dt.date(2026, 12, 1),
        "ends": change.get("ends", dt.date(2026, 12, 14)),
    }
    with pytest.raises(DelegationError, match=message):
        delegate_role(**kwargs)


@time_machine.travel(BEFORE_THE_PERIOD, tick=False)
def test_the_delegation_page_delegates_and_lists(client):
    from django.urls import reverse

    team = Team()
    client.force_login(team.approver)
    response = client.post(
        reverse("delegations"),
        {"to_user": team.handler.pk, "starts": "2026-12-01", "ends": "2026-12-14"},
        follow=True,
        headers={"accept-language": "en"},
    )
    assert "Your role has been delegated." in response.content.decode()
    assert team.approver.delegations_given.get().to_user == team.handler


def test_an_approver_without_a_layer_approves_none_when_layers_are_set(layered):
    team, _sg, inquiry = layered
    unlayered = make_user(Role.APPROVER, team.org)
    inquiry.assignees.add(unlayered)
    with pytest.raises(services.ProcedureError, match="director"):
        services.approve_answer(actor=unlayered, inquiry=inquiry)


def test_a_change_during_approval_voids_the_layers_so_far(layered):
    team, sg, inquiry = layered
    services.approve_answer(actor=team.approver, inquiry=inquiry)
    services.save_answers(
        actor=team.handler,
        inquiry=inquiry,
        answers={2: "Ja. Hij is hierop aangesproken."},
    )
    with pytest.raises(services.ProcedureError, match="director"):
        services.approve_answer(
            actor=sg, inquiry=inquiry
        )  # the director must look again


@pytest.mark.parametrize("change", ["hearing", "conduct"])
def test_a_changed_record_during_approval_voids_the_layers_so_far(layered, change):
    """The hearing and the established conduct are part of the record advice and approval
    rest on: a change makes the director look again, even if the advice stays the same."""
    team, sg, inquiry = layered
    services.approve_answer(actor=team.approver, inquiry=inquiry)
    if change == "hearing":
        services.record_hearing(
            actor=team.hr,
            inquiry=inquiry,
            held_on=dt.date(2012, 2, 7),
            present="ambassadeur, HR",
            account="Aangevuld verslag.",
        )
    else:
        services.record_conduct(
            actor=team.handler,
            inquiry=inquiry,
            conduct={
                "actor": {"jurisdiction": "NL", "level": "head_of_mission"},
                "context": {"date": "2012-02-01"},
                "action": {"type": "like", "target": {"kind": "page", "name": "X"}},
                "text": None,
            },
        )
    for advisor, kind in ((team.hr, "hr"), (team.legal, "legal")):
        text = inquiry.advice.get(kind=kind).text  # confirmed unchanged
        services.record_advice(actor=advisor, inquiry=inquiry, kind=kind, text=text)
    with pytest.raises(services.ProcedureError, match="director"):
        services.approve_answer(actor=sg, inquiry=inquiry)


def test_the_drafter_does_not_approve_their_own_draft():
    team = Team()
    inquiry = build_inquiry(team, State.ANSWER_DRAFTED)
    deputy_for_approver = (
        team.handler
    )  # the drafter, who also holds the approver's role
    delegate_role(
        actor=team.approver,
        from_user=team.approver,
        to_user=deputy_for_approver,
        starts=dt.date.today(),  # noqa: DTZ011
        ends=dt.date.today() + dt.timedelta(days=3),  # noqa: DTZ011
    )
    drafter = type(team.handler).objects.get(pk=team.handler.pk)
    with pytest.raises(services.ProcedureError, match="submitted the draft"):
        services.approve_answer(actor=drafter, inquiry=inquiry)


def test_a_delegation_does_not_reach_cases_of_others():
    team = Team()
    inquiry = build_inquiry(team, State.ANSWER_DRAFTED)
    other_approver = make_user(Role.APPROVER, team.org)  # not on this case
    helper = team.hr
    delegate_role(
        actor=other_approver,
        from_user=other_approver,
        to_user=helper,
        starts=dt.date.today(),  # noqa: DTZ011
        ends=dt.date.today() + dt.timedelta(days=3),  # noqa: DTZ011
    )
    helper = type(helper).objects.get(pk=helper.pk)
    with pytest.raises(services.ProcedureError):
        services.approve_answer(actor=helper, inquiry=inquiry)


def test_the_approve_button_says_why_before_it_is_pressed(layered):
    from zorgvuldig.inquiries.presenters import step_overview
    from zorgvuldig.inquiries.queries import get_inquiry_for

    team, sg, inquiry = layered

    def approve_step(user):
        page = get_inquiry_for(user, inquiry.pk)
        return next(s for s in step_overview(page, user)["next"] if s.name == "approve")

    assert approve_step(team.approver).missing == []  # the director is next
    assert approve_step(sg).missing == [
        "The next approval is for the layer 'director'."
    ]
    services.approve_answer(actor=team.approver, inquiry=inquiry)
    assert approve_step(sg).missing == []
    assert approve_step(team.approver).missing == [
        "You have already approved this draft for another layer."
    ]
