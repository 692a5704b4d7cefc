"""The procedure's state machine: who may do what, when, and what blocks each step."""

from __future__ import annotations

import datetime as dt

import pytest

from zorgvuldig.core.choices import Role
from zorgvuldig.inquiries import services
from zorgvuldig.inquiries.choices import AdviceKind, MeasureCategory, State
from zorgvuldig.inquiries.models import Inquiry, Measure, ProcedureEvent

from .factories import Team, build_inquiry, make_user

pytestmark = pytest.mark.django_db

# (state, transition) -> the one role allowed to fire it on an assigned case.
ALLOWED = {
    (State.REGISTERED, "establish_facts"): Role.CASE_HANDLER,
    **{
        (s, "revise_facts"): Role.CASE_HANDLER
        for s in (
            State.FACTS_ESTABLISHED,
            State.ADVICE_COMPLETE,
            State.MEASURE_DECIDED,
            State.ANSWER_DRAFTED,
        )
    },
    (State.FACTS_ESTABLISHED, "complete_advice"): Role.CASE_HANDLER,
    (State.ADVICE_COMPLETE, "decide_measure"): Role.HR_ADVISOR,
    (State.ADVICE_COMPLETE, "draft_answer"): Role.CASE_HANDLER,
    (State.MEASURE_DECIDED, "draft_answer"): Role.CASE_HANDLER,
    (State.ANSWER_DRAFTED, "approve"): Role.APPROVER,
    (State.ANSWER_DRAFTED, "return_for_rework"): Role.APPROVER,
    (State.APPROVED, "send"): Role.CASE_HANDLER,
}


def test_transition_table_matches_the_model():
    declared = {(t.source, t.name) for t in Inquiry().get_all_state_transitions()}
    assert declared == set(ALLOWED)


@pytest.mark.parametrize("role", [r for r in Role.values])
@pytest.mark.parametrize(("state", "name"), sorted(ALLOWED))
def test_permission_per_role(state, name, role):
    """For each transition, exactly the allowed roles pass the permission check, and only
    when they are assigned to the case (same setup for the allowed and the refused user)."""
    team = Team()
    inquiry = build_inquiry(team, State.REGISTERED)
    Inquiry.objects.filter(pk=inquiry.pk).update(state=state)  # the state under test
    inquiry = Inquiry.objects.get(pk=inquiry.pk)
    insider, outsider = make_user(role, team.org), make_user(role, team.org)
    inquiry.assignees.add(insider)
    transition = next(
        t
        for t in inquiry.get_all_state_transitions()
        if t.name == name and t.source == state
    )
    allowed = ALLOWED[(state, name)]
    allowed = allowed if isinstance(allowed, set) else {allowed}
    assert transition.has_perm(inquiry, insider) == (role in allowed)
    assert transition.has_perm(inquiry, outsider) is False


def test_every_state_reaches_sent():
    edges: dict[str, set[str]] = {}
    for t in Inquiry().get_all_state_transitions():
        targets = getattr(t.target, "allowed_states", None) or [t.target]
        edges.setdefault(t.source, set()).update(targets)
    reachable = {State.SENT}
    changed = True
    while changed:
        changed = False
        for src, targets in edges.items():
            if src not in reachable and targets & reachable:
                reachable.add(src)
                changed = True
    assert set(State.values) <= reachable


@pytest.mark.parametrize("state", State.values)
def test_factory_traits_yield_the_state(state):
    team = Team()
    assert build_inquiry(team, state).state == state


def test_works_council_inquiry_skips_hearing_and_measure():
    team = Team()
    inquiry = build_inquiry(team, State.SENT, person=False)
    steps = list(inquiry.events.values_list("transition", flat=True))
    assert "decide_measure" not in steps
    assert steps[-1] == "send"


def test_person_inquiry_cannot_be_drafted_without_a_measure():
    team = Team()
    inquiry = build_inquiry(team, State.ADVICE_COMPLETE)
    services.save_answers(
        actor=team.handler, inquiry=inquiry, answers={1: "Ja.", 2: "Ja."}
    )
    with pytest.raises(services.ProcedureError) as err:
        services.submit_draft_answer(actor=team.handler, inquiry=inquiry)
    assert "measure" in str(err.value).lower()


def test_advice_complete_requires_both_advisors():
    team = Team()
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)
    services.record_advice(
        actor=team.hr, inquiry=inquiry, kind=AdviceKind.HR, text="ok"
    )
    with pytest.raises(services.ProcedureError) as err:
        services.complete_advice(actor=team.handler, inquiry=inquiry)
    assert err.value.messages == ["Legal advice is required."]
    services.record_advice(
        actor=team.legal, inquiry=inquiry, kind=AdviceKind.LEGAL, text="ok"
    )
    assert services.complete_advice(actor=team.handler, inquiry=inquiry).state == (
        State.ADVICE_COMPLETE
    )


def test_facts_must_be_written_before_established():
    team = Team()
    inquiry = build_inquiry(team, State.REGISTERED)
    with pytest.raises(services.ProcedureError) as err:
        services.establish_facts(actor=team.handler, inquiry=inquiry)
    assert "facts" in err.value.messages[0]


def test_approval_requires_the_hearing_when_a_person_is_concerned():
    team = Team()
    inquiry = build_inquiry(team, State.ANSWER_DRAFTED, hearing=False)
    with pytest.raises(services.ProcedureError) as err:
        services.approve_answer(actor=team.approver, inquiry=inquiry)
    assert err.value.messages == [
        "Every employee concerned must be heard before approval."
    ]
    services.record_hearing(
        actor=team.hr,
        inquiry=inquiry,
        held_on=dt.date(2012, 2, 6),
        present="ambassadeur",
        account="account",
    )
    # The hearing changed the record the advice rests on: both advisors confirm first;
    # until then their outdated advice counts as missing.
    with pytest.raises(services.ProcedureError) as err:
        services.approve_answer(actor=team.approver, inquiry=inquiry)
    assert err.value.messages == [
        "Advice given before the facts or the hearing changed must be confirmed again.",
        "HR advice is required.",
        "Legal advice is required.",
    ]
    for advisor, kind in ((team.hr, AdviceKind.HR), (team.legal, AdviceKind.LEGAL)):
        text = inquiry.advice.get(kind=kind).text
        services.record_advice(actor=advisor, inquiry=inquiry, kind=kind, text=text)
    assert (
        services.approve_answer(actor=team.approver, inquiry=inquiry).state
        == State.APPROVED
    )


def test_punishment_cannot_be_recorded_before_the_hearing_but_informal_can():
    team = Team()
    inquiry = build_inquiry(team, State.ADVICE_COMPLETE, hearing=False)
    with pytest.raises(services.ProcedureError) as err:
        services.record_measure(
            actor=team.hr,
            inquiry=inquiry,
            category=MeasureCategory.PUNISHMENT,
            term="schriftelijke berisping",
        )
    assert "hearing" in err.value.messages[0]
    assert not Measure.objects.filter(inquiry=inquiry).exists()
    measure = services.record_measure(
        actor=team.hr,
        inquiry=inquiry,
        category=MeasureCategory.INFORMAL,
        term="aangesproken",
    )
    assert measure.term == "aangesproken"


def test_punishment_after_hearing_is_allowed():
    team = Team()
    inquiry = build_inquiry(
        team,
        State.MEASURE_DECIDED,
        measure=(MeasureCategory.PUNISHMENT, "schriftelijke berisping"),
    )
    assert inquiry.measures.get().category == MeasureCategory.PUNISHMENT


def test_refused_role_writes_nothing():
    team = Team()
    inquiry = build_inquiry(team, State.ANSWER_DRAFTED)
    before = ProcedureEvent.objects.count()
    with pytest.raises(services.ProcedureError) as err:
        services.approve_answer(actor=team.handler, inquiry=inquiry)
    assert "Approver" in err.value.messages[0]
    assert Inquiry.objects.get(pk=inquiry.pk).state == State.ANSWER_DRAFTED
    assert ProcedureEvent.objects.count() == before


def test_unassigned_user_of_the_right_role_is_refused():
    team = Team()
    inquiry = build_inquiry(team, State.ANSWER_DRAFTED)
    outsider = make_user(Role.APPROVER, team.org)
    with pytest.raises(services.ProcedureError):
        services.approve_answer(actor=outsider, inquiry=inquiry)


def test_advice_from_the_wrong_advisor_is_refused():
    team = Team()
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)
    with pytest.raises(services.ProcedureError):
        services.record_advice(
            actor=team.hr, inquiry=inquiry, kind=AdviceKind.LEGAL, text="x"
        )


def test_return_for_rework_of_an_inquiry_about_no_person_goes_back_to_advice():
    team = Team()
    inquiry = build_inquiry(team, State.ANSWER_DRAFTED, person=False)
    after = services.return_for_rework(
        actor=team.approver, inquiry=inquiry, reason="Vraag 2 is niet beantwoord."
    )
    assert after.state == State.ADVICE_COMPLETE


def test_a_person_case_cannot_skip_the_decide_measure_step():
    """Recording a measure is not deciding it: the answer waits for the HR step."""
    team = Team()
    inquiry = build_inquiry(team, State.ADVICE_COMPLETE)
    services.record_measure(
        actor=team.hr,
        inquiry=inquiry,
        category=MeasureCategory.INFORMAL,
        term="aangesproken",
    )
    services.save_answers(
        actor=team.handler, inquiry=inquiry, answers={1: "Ja.", 2: "Ja."}
    )
    with pytest.raises(services.ProcedureError) as err:
        services.submit_draft_answer(actor=team.handler, inquiry=inquiry)
    assert "measure must be decided" in err.value.messages[0]


def test_a_hearing_after_the_decision_does_not_allow_a_punishment():
    team = Team()
    inquiry = build_inquiry(team, State.ADVICE_COMPLETE, hearing=False)
    services.record_hearing(
        actor=team.hr,
        inquiry=inquiry,
        held_on=dt.date(2012, 3, 1),
        present="ambassadeur",
        account="account",
    )
    with pytest.raises(services.ProcedureError):
        services.record_measure(
            actor=team.hr,
            inquiry=inquiry,
            category=MeasureCategory.PUNISHMENT,
            term="schriftelijke berisping",
            decided_on=dt.date(2012, 2, 9),
        )


def test_dates_in_the_future_are_refused():
    team = Team()
    inquiry = build_inquiry(team, State.ADVICE_COMPLETE, hearing=False)
    future = dt.date.today() + dt.timedelta(days=30)  # noqa: DTZ011
    with pytest.raises(services.ProcedureError):
        services.record_hearing(
            actor=team.hr, inquiry=inquiry, held_on=future, present="x", account="y"
        )
    with pytest.raises(services.ProcedureError):
        services.record_measure(
            actor=team.hr,
            inquiry=inquiry,
            category=MeasureCategory.INFORMAL,
            term="aangesproken",
            decided_on=future,
        )


def test_return_for_rework_needs_a_reason_and_goes_back_to_the_measure():
    team = Team()
    inquiry = build_inquiry(team, State.ANSWER_DRAFTED)
    with pytest.raises(services.ProcedureError):
        services.return_for_rework(actor=team.approver, inquiry=inquiry, reason=" ")
    after = services.return_for_rework(
        actor=team.approver, inquiry=inquiry, reason="Antwoord 2 is te stellig."
    )
    assert after.state == State.MEASURE_DECIDED
    assert after.events.last().reason == "Antwoord 2 is te stellig."


def test_every_transition_is_recorded_with_who_and_when():
    team = Team()
    inquiry = build_inquiry(team, State.SENT)
    events = list(inquiry.events.all())
    assert [e.transition for e in events] == [
        "establish_facts",
        "complete_advice",
        "decide_measure",
        "draft_answer",
        "approve",
        "send",
    ]
    assert [e.actor for e in events] == [
        team.handler,
        team.handler,
        team.hr,
        team.handler,
        team.approver,
        team.handler,
    ]
    assert all(e.from_state != e.to_state for e in events)


def test_revising_the_facts_outdates_the_advice_and_goes_back_to_the_facts():
    team = Team()
    inquiry = build_inquiry(team, State.MEASURE_DECIDED)
    with pytest.raises(services.ProcedureError):
        services.revise_facts(
            actor=team.handler, inquiry=inquiry, facts="Nieuw.", reason=""
        )
    after = services.revise_facts(
        actor=team.handler,
        inquiry=inquiry,
        facts="De like dateert van maart 2010; de pagina veranderde in juni 2010.",
        reason="Platformexport ontvangen",
    )
    assert after.state == State.FACTS_ESTABLISHED
    with pytest.raises(services.ProcedureError) as err:
        services.complete_advice(actor=team.handler, inquiry=after)
    assert "confirmed again" in err.value.messages[0]
    services.record_advice(
        actor=team.hr, inquiry=after, kind=AdviceKind.HR, text="Blijft."
    )
    services.record_advice(
        actor=team.legal, inquiry=after, kind=AdviceKind.LEGAL, text="Blijft."
    )
    assert services.complete_advice(actor=team.handler, inquiry=after).state == (
        State.ADVICE_COMPLETE
    )


def test_only_the_case_handler_revises_facts():
    team = Team()
    inquiry = build_inquiry(team, State.ADVICE_COMPLETE)
    with pytest.raises(services.ProcedureError):
        services.revise_facts(
            actor=team.hr, inquiry=inquiry, facts="Anders.", reason="x"
        )
    assert Inquiry.objects.get(pk=inquiry.pk).state == State.ADVICE_COMPLETE


def test_postponement_moves_the_deadline_to_six_weeks_once():
    team = Team()
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)
    assert str(inquiry.deadline) == "2012-02-24"
    services.postpone_answer(
        actor=team.handler, inquiry=inquiry, reason="HR-advies vraagt meer tijd."
    )
    assert str(Inquiry.objects.get(pk=inquiry.pk).deadline) == "2012-03-16"
    with pytest.raises(services.ProcedureError):
        services.postpone_answer(
            actor=team.handler, inquiry=inquiry, reason="Nogmaals."
        )
    with pytest.raises(services.ProcedureError):
        services.postpone_answer(
            actor=team.hr, inquiry=build_inquiry(team, State.REGISTERED), reason="x"
        )


def test_works_council_questions_are_not_postponed():
    team = Team()
    inquiry = build_inquiry(team, State.REGISTERED, person=False)
    with pytest.raises(services.ProcedureError):
        services.postpone_answer(actor=team.handler, inquiry=inquiry, reason="x")
