"""Test data built through the service functions, one trait per procedure state.

``build_inquiry(state=...)`` returns an inquiry in that state with the facts the state implies
(facts recorded, advice given, hearing held, measure recorded, answers written), so a test
starts where it needs to and cannot skip a gate the real procedure enforces.
"""

from __future__ import annotations

import datetime as dt
import itertools

from zorgvuldig.core.choices import Role
from zorgvuldig.core.models import Organisation, User
from zorgvuldig.inquiries import services
from zorgvuldig.inquiries.choices import AdviceKind, InquiryKind, MeasureCategory, State
from zorgvuldig.inquiries.models import Inquiry

_seq = itertools.count(1)

STATE_ORDER = list(State.values)


def make_org(name: str = "Ministerie van Buitenlandse Zaken") -> Organisation:
    org, _ = Organisation.objects.get_or_create(name=name)
    return org


def make_user(
    role: str, org: Organisation | None = None, username: str | None = None
) -> User:
    n = next(_seq)
    return User.objects.create_user(
        username=username or f"{role}-{n}",
        password="pw-for-tests-only",
        first_name=role.replace("_", " ").title(),
        last_name=str(n),
        role=role,
        organisation=org or make_org(),
    )


class Team:
    """One user per role, all of the same organisation."""

    def __init__(self, org: Organisation | None = None) -> None:
        self.org = org or make_org()
        self.handler = make_user(Role.CASE_HANDLER, self.org)
        self.hr = make_user(Role.HR_ADVISOR, self.org)
        self.legal = make_user(Role.LEGAL_ADVISOR, self.org)
        self.comms = make_user(Role.COMMUNICATIONS, self.org)
        self.approver = make_user(Role.APPROVER, self.org)

    @property
    def members(self) -> list[User]:
        return [self.handler, self.hr, self.legal, self.comms, self.approver]


QUESTIONS = [
    {"number": 1, "text": "Kent u het bericht?"},
    {"number": 2, "text": "Is het waar dat de ambassadeur de pagina leuk vindt?"},
]
ANSWERS = {
    1: "Ja. Het ministerie staat achter de ambassadeur.",
    2: "Ja. De ambassadeur is hierop aangesproken en heeft de like ingetrokken.",
}


def register(team: Team, **fields) -> Inquiry:
    """An inquiry registered through the service by ``team``'s case handler, with the whole
    team assigned: by default written questions (``QUESTIONS``) submitted on 3 February 2012
    by Bakker (PVV) about J. de Vries, ambassador; ``fields`` override any argument of
    ``services.register_inquiry``."""
    return services.register_inquiry(
        **{
            "actor": team.handler,
            "organisation": team.org,
            "kind": InquiryKind.PARLIAMENTARY_WRITTEN,
            "subject": f"Testvragen {next(_seq)}",
            "submitted": dt.date(2012, 2, 3),
            "askers": [{"name": "Bakker", "party": "PVV"}],
            "questions": QUESTIONS,
            "persons": [{"name": "J. de Vries", "function": "ambassadeur"}],
            "assignees": team.members,
            **fields,
        }
    )


def build_inquiry(
    team: Team,
    state: str = State.REGISTERED,
    *,
    person: bool = True,
    measure: tuple[str, str] = (MeasureCategory.INFORMAL, "aangesproken"),
    hearing: bool = True,
    answers: dict[int, str] | None = None,
    questions: list[dict] | None = None,
    groups: dict[int, int | None] | None = None,
) -> Inquiry:
    """An inquiry brought to ``state`` through the real services.

    Args:
        person: whether an employee is concerned (False: a works-council style inquiry).
        measure: (category, term) recorded when the state needs a measure.
        hearing: whether to record the hearing (when a person is concerned and facts exist).
        answers: answer texts by question number (default: accurate answers).
        questions: the questions (default: ``QUESTIONS``).
        groups: questions answered together (``{number: earlier number}``).
    """
    target = STATE_ORDER.index(state)
    about_no_one = {"kind": InquiryKind.WORKS_COUNCIL, "persons": []}
    inquiry = register(
        team, questions=questions or QUESTIONS, **({} if person else about_no_one)
    )
    if target == 0:
        return inquiry
    services.record_facts(
        actor=team.handler, inquiry=inquiry, facts="De like dateert van maart 2010."
    )
    inquiry = services.establish_facts(actor=team.handler, inquiry=inquiry)
    if person and hearing:
        services.record_hearing(
            actor=team.hr,
            inquiry=inquiry,
            held_on=dt.date(2012, 2, 6),
            present="ambassadeur, HR",
            account="Ik vond de pagina in 2010 leuk, toen ging het over discriminatie.",
        )
    if target <= STATE_ORDER.index(State.FACTS_ESTABLISHED):
        return _reload(inquiry)
    services.record_advice(
        actor=team.hr, inquiry=inquiry, kind=AdviceKind.HR, text="Gesprek volstaat."
    )
    services.record_advice(
        actor=team.legal,
        inquiry=inquiry,
        kind=AdviceKind.LEGAL,
        text="Art. 125a: terughoudendheid.",
    )
    inquiry = services.complete_advice(actor=team.handler, inquiry=inquiry)
    if target <= STATE_ORDER.index(State.ADVICE_COMPLETE):
        return _reload(inquiry)
    if person:
        services.record_measure(
            actor=team.hr,
            inquiry=inquiry,
            category=measure[0],
            term=measure[1],
            decided_on=dt.date(2012, 2, 9),
        )
        inquiry = services.decide_measure(actor=team.hr, inquiry=inquiry)
    if target <= STATE_ORDER.index(State.MEASURE_DECIDED):
        return _reload(inquiry)
    default = ANSWERS if person else {1: "Ja.", 2: "Het beleid is ongewijzigd."}
    services.save_answers(
        actor=team.handler, inquiry=inquiry, answers=answers or default, groups=groups
    )
    inquiry = services.submit_draft_answer(actor=team.handler, inquiry=inquiry)
    if target <= STATE_ORDER.index(State.ANSWER_DRAFTED):
        return _reload(inquiry)
    inquiry = services.approve_answer(actor=team.approver, inquiry=inquiry)
    if target <= STATE_ORDER.index(State.APPROVED):
        return _reload(inquiry)
    inquiry = services.send_answer(actor=team.handler, inquiry=inquiry)
    return _reload(inquiry)


def build_annulled_dismissal(team: Team) -> Inquiry:
    """Issue 13's case: suspended (``record_measure``), conditionally dismissed from 1 June
    2012 (decision of 25 May 2012), the dismissal annulled by a court on 15 May 2013."""
    inquiry = build_inquiry(
        team,
        State.MEASURE_DECIDED,
        measure=(MeasureCategory.ORDER_MEASURE, "geschorst"),
    )
    services.add_measure_entry(
        actor=team.hr,
        inquiry=inquiry,
        stage="imposed",
        category=MeasureCategory.DISMISSAL,
        term="voorwaardelijk strafontslag",
        effective_on=dt.date(2012, 6, 1),
        grounds="Besluit van 25 mei 2012, kenmerk HDPO/2012-41",
    )
    services.add_measure_entry(
        actor=team.hr,
        inquiry=inquiry,
        stage="annulled",
        effective_on=dt.date(2013, 5, 15),
        grounds="Rb. Den Haag 15 mei 2013 (beroep gegrond, besluit vernietigd)",
    )
    return _reload(inquiry)


def _reload(inquiry: Inquiry) -> Inquiry:
    return Inquiry.objects.get(pk=inquiry.pk)
