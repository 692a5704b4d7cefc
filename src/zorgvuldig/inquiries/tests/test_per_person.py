"""Hearing and measure per employee when an inquiry concerns several of them."""

from __future__ import annotations

import datetime as dt
import io

from django.urls import reverse

import docx
import pytest

from zorgvuldig.inquiries import services
from zorgvuldig.inquiries.answers.check import open_findings
from zorgvuldig.inquiries.answers.documents import DocumentError, render_docx
from zorgvuldig.inquiries.choices import (
    AdviceKind,
    HearingResponse,
    InquiryKind,
    MeasureCategory,
    State,
)
from zorgvuldig.inquiries.models import Hearing, Inquiry

from .factories import Team, make_user, register

pytestmark = pytest.mark.django_db
EN = {"headers": {"accept-language": "en"}}


def _fresh(inquiry: Inquiry) -> Inquiry:
    return (
        Inquiry.objects.prefetch_related("persons", "hearings", "measures")
        .select_related("organisation")
        .get(pk=inquiry.pk)
    )


@pytest.fixture
def two():
    """An inquiry about two employees, with facts established and advice complete."""
    team = Team()
    inquiry = register(
        team,
        subject="Twee medewerkers",
        persons=[
            {"name": "J. de Vries", "function": "ambassadeur"},
            {"name": "K. Jansen", "function": "attaché"},
        ],
    )
    services.record_facts(actor=team.handler, inquiry=inquiry, facts="Twee likes.")
    inquiry = services.establish_facts(actor=team.handler, inquiry=inquiry)
    a, b = inquiry.persons.order_by("pk")
    return team, inquiry, a, b


def _hear(team, inquiry, person, account, day=dt.date(2012, 2, 6)):
    return services.record_hearing(
        actor=team.hr,
        inquiry=inquiry,
        person=person,
        held_on=day,
        present="HR",
        account=account,
    )


def _advise(team, inquiry):
    services.record_advice(
        actor=team.hr, inquiry=inquiry, kind=AdviceKind.HR, text="Gesprekken."
    )
    services.record_advice(
        actor=team.legal, inquiry=inquiry, kind=AdviceKind.LEGAL, text="Terughoudend."
    )
    return services.complete_advice(actor=team.handler, inquiry=inquiry)


def test_each_employee_has_their_own_hearing(two):
    team, inquiry, a, b = two
    _hear(team, inquiry, a, "Verhaal van De Vries.")
    inquiry = _fresh(inquiry)
    assert inquiry.hearing_of(a).account == "Verhaal van De Vries."
    assert inquiry.hearing_of(b) is None
    assert not inquiry.everyone_heard
    _hear(team, inquiry, b, "Verhaal van Jansen.")
    inquiry = _fresh(inquiry)
    assert inquiry.everyone_heard
    assert Hearing.objects.filter(inquiry=inquiry).count() == 2


def test_with_several_employees_the_service_asks_whose_hearing(two):
    team, inquiry, _a, _b = two
    with pytest.raises(services.ProcedureError) as err:
        _hear(team, inquiry, None, "Wie?")
    assert err.value.messages == ["Choose the employee this concerns."]


def test_a_person_of_another_inquiry_is_refused(two):
    team, inquiry, _a, _b = two
    other = register(
        team,
        kind=InquiryKind.PRESS,
        subject="Ander",
        submitted=None,
        askers=None,
        persons=[{"name": "X. Ander"}],
    )
    stranger = other.persons.get()
    with pytest.raises(services.ProcedureError) as err:
        _hear(team, inquiry, stranger, "Niet van deze zaak.")
    assert "not concerned by this inquiry" in err.value.messages[0]


def test_a_punishment_needs_the_hearing_of_that_same_employee(two):
    team, inquiry, a, b = two
    _hear(team, inquiry, a, "Alleen De Vries is gehoord.")
    inquiry = _advise(team, inquiry)
    with pytest.raises(services.ProcedureError):
        services.record_measure(
            actor=team.hr,
            inquiry=inquiry,
            person=b,
            category=MeasureCategory.PUNISHMENT,
            term="schriftelijke berisping",
            decided_on=dt.date(2012, 2, 9),
        )
    measure = services.record_measure(
        actor=team.hr,
        inquiry=inquiry,
        person=a,
        category=MeasureCategory.PUNISHMENT,
        term="schriftelijke berisping",
        decided_on=dt.date(2012, 2, 9),
    )
    assert measure.person == a


def test_the_measure_is_decided_only_when_every_employee_has_one(two):
    team, inquiry, a, b = two
    _hear(team, inquiry, a, "A.")
    _hear(team, inquiry, b, "B.")
    inquiry = _advise(team, inquiry)
    services.record_measure(
        actor=team.hr,
        inquiry=inquiry,
        person=a,
        category=MeasureCategory.INFORMAL,
        term="aangesproken",
    )
    with pytest.raises(services.ProcedureError) as err:
        services.decide_measure(actor=team.hr, inquiry=inquiry)
    assert (
        "A measure (or 'no measure') must be recorded for every employee concerned."
        in err.value.messages
    )
    services.record_measure(
        actor=team.hr,
        inquiry=inquiry,
        person=b,
        category=MeasureCategory.NONE,
        term="geen maatregel",
    )
    inquiry = services.decide_measure(actor=team.hr, inquiry=inquiry)
    assert inquiry.state == State.MEASURE_DECIDED


def test_approval_needs_every_employee_heard(two):
    team, inquiry, a, b = two
    _hear(team, inquiry, a, "A.")
    inquiry = _advise(team, inquiry)
    for person in (a, b):
        services.record_measure(
            actor=team.hr,
            inquiry=inquiry,
            person=person,
            category=MeasureCategory.NONE,
            term="geen maatregel",
        )
    inquiry = services.decide_measure(actor=team.hr, inquiry=inquiry)
    services.save_answers(
        actor=team.handler,
        inquiry=inquiry,
        answers={1: "Ja.", 2: "Het ministerie staat achter zijn medewerkers."},
    )
    inquiry = services.submit_draft_answer(actor=team.handler, inquiry=inquiry)
    with pytest.raises(services.ProcedureError) as err:
        services.approve_answer(actor=team.approver, inquiry=inquiry)
    assert "Every employee concerned must be heard before approval." in (
        err.value.messages
    )


def _measures(team, inquiry, a_measure, b_measure):
    _hear(team, inquiry, inquiry.persons.order_by("pk")[0], "A.")
    _hear(team, inquiry, inquiry.persons.order_by("pk")[1], "B.")
    inquiry = _advise(team, inquiry)
    for person, (category, term) in zip(
        inquiry.persons.order_by("pk"), (a_measure, b_measure), strict=True
    ):
        services.record_measure(
            actor=team.hr,
            inquiry=inquiry,
            person=person,
            category=category,
            term=term,
            decided_on=dt.date(2012, 2, 9),
        )
    return inquiry


def _flagged(team, inquiry, answer: str) -> list[str]:
    services.save_answers(
        actor=team.handler, inquiry=inquiry, answers={1: "Ja.", 2: answer}
    )
    findings = open_findings(_fresh(inquiry))
    return [f.text for f in findings if f.kind == "measure_word"]


@pytest.mark.parametrize(
    ("answer", "flagged"),
    [
        # Named by function: judged against that employee's own measure.
        ("De attaché heeft een schriftelijke berisping gekregen.", False),
        ("De ambassadeur heeft een schriftelijke berisping gekregen.", True),
        ("De ambassadeur is aangesproken. De attaché kreeg een berisping.", False),
        # Two employees in one sentence: each word goes with the one named nearest.
        ("De ambassadeur is aangesproken en de attaché kreeg een berisping.", False),
        ("De ambassadeur kreeg een berisping en de attaché is aangesproken.", True),
        # Several at once, even with one named among them: every measure counts.
        ("Beide betrokkenen, onder wie de ambassadeur, zijn berispt.", True),
        # Naming no one: judged against every measure, so a word that overstates or
        # understates one employee's measure is flagged.
        ("De medewerkers hebben een berisping gekregen.", True),
        ("De medewerkers zijn aangesproken.", True),
    ],
)
def test_a_measure_word_is_judged_against_the_employee_it_is_about(
    two, answer, flagged
):
    team, inquiry, _a, _b = two
    inquiry = _measures(
        team,
        inquiry,
        (MeasureCategory.INFORMAL, "aangesproken"),
        (MeasureCategory.PUNISHMENT, "schriftelijke berisping"),
    )
    assert bool(_flagged(team, inquiry, answer)) is flagged


def test_spoken_to_is_flagged_when_one_employee_got_no_measure(two):
    team, inquiry, _a, _b = two
    inquiry = _measures(
        team,
        inquiry,
        (MeasureCategory.INFORMAL, "aangesproken"),
        (MeasureCategory.NONE, "geen maatregel"),
    )
    assert _flagged(team, inquiry, "De medewerkers zijn aangesproken.")
    assert not _flagged(team, inquiry, "De ambassadeur is aangesproken.")


def test_each_employee_reads_and_answers_only_their_own_hearing(client, two):
    team, inquiry, a, b = two
    alice = make_user("employee", team.org, username="jdevries")
    bob = make_user("employee", team.org, username="kjansen")
    a.user, b.user = alice, bob
    a.save()
    b.save()
    _hear(team, inquiry, a, "Verhaal van De Vries.")
    _hear(team, inquiry, b, "Verhaal van Jansen.")
    client.force_login(alice)
    url = reverse("inquiries:record_about_me", args=[inquiry.pk])
    page = client.get(url, **EN).content.decode()
    assert "Verhaal van De Vries." in page
    assert "Verhaal van Jansen." not in page
    assert "Twee likes." not in page  # the shared facts describe the other one too
    assert "HR goes through the facts with you" in page
    client.post(url, {"response": "confirmed", "comment": ""})
    inquiry = _fresh(inquiry)
    assert inquiry.hearing_of(a).response == HearingResponse.CONFIRMED
    assert inquiry.hearing_of(b).response == HearingResponse.PENDING


def test_the_case_page_has_a_hearing_and_measure_per_employee(client, two):
    team, inquiry, a, b = two
    client.force_login(team.hr)
    url = reverse("inquiries:hearing", args=[inquiry.pk])
    client.post(
        url,
        {
            "person": b.pk,
            "held_on": "2012-02-06",
            "present": "HR",
            "account": "Jansen.",
        },
    )
    inquiry = _fresh(inquiry)
    assert inquiry.hearing_of(b).account == "Jansen."
    assert inquiry.hearing_of(a) is None
    page = client.get(reverse("inquiries:detail", args=[inquiry.pk]), **EN)
    text = page.content.decode()
    assert "Hearing of the employee: J. de Vries" in text
    assert "Hearing of the employee: K. Jansen" in text
    assert "Measure: K. Jansen" in text


def test_a_refused_hearing_keeps_the_input_under_its_employee(client, two):
    team, inquiry, _a, b = two
    client.force_login(team.hr)
    response = client.post(
        reverse("inquiries:hearing", args=[inquiry.pk]),
        {"person": b.pk, "held_on": "2999-01-01", "present": "HR", "account": "Later."},
        **EN,
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "The hearing date lies in the future." in text
    assert f'id="id_p{b.pk}_account"' in text
    assert "Later." in text


def test_the_hearing_report_is_per_employee(two):
    team, inquiry, a, b = two
    _hear(team, inquiry, a, "Verhaal van De Vries.")
    _hear(team, inquiry, b, "Verhaal van Jansen.")
    inquiry = _fresh(inquiry)
    with pytest.raises(DocumentError):
        render_docx(inquiry, "hearing")
    report = docx.Document(io.BytesIO(render_docx(inquiry, "hearing", person=b.pk)))
    text = "\n".join(p.text for p in report.paragraphs)
    assert "K. Jansen" in text
    assert "Verhaal van Jansen." in text
    assert "Verhaal van De Vries." not in text


def test_an_employee_concerned_never_works_on_their_own_case(client, two):
    """Even with a case role (here HR): they would read the other employee's hearing."""
    from django.http import Http404

    from zorgvuldig.inquiries.queries import get_inquiry_for, inquiries_visible_to

    team, inquiry, _a, b = two
    colleague = make_user("hr_advisor", team.org, username="kjansen")
    b.user = colleague
    b.save()
    with pytest.raises(services.ProcedureError) as err:
        services.assign_to_case(actor=team.handler, inquiry=inquiry, users=[colleague])
    assert "is concerned by this inquiry" in err.value.messages[0]
    # Linked after being assigned (e.g. in the admin): the case is closed to them all the same.
    inquiry.assignees.add(colleague)
    assert inquiry not in inquiries_visible_to(colleague)
    with pytest.raises(Http404):
        get_inquiry_for(colleague, inquiry.pk)
    with pytest.raises(services.ProcedureError):
        services.record_hearing(
            actor=colleague,
            inquiry=inquiry,
            person=b,
            held_on=dt.date(2012, 2, 6),
            present="HR",
            account="Ik hoor mijzelf.",
        )
    client.force_login(colleague)
    assert client.get(reverse("inquiries:detail", args=[inquiry.pk])).status_code == 404


@pytest.mark.parametrize("value", ["abc", "²", "-1", "0", "99999999999999999999", ""])
def test_a_strange_person_value_gets_a_message_not_an_error(client, two, value):
    team, inquiry, a, _b = two
    _hear(team, inquiry, a, "A.")
    client.force_login(team.hr)
    url = reverse("inquiries:document", args=[inquiry.pk, "hearing", "docx"])
    response = client.get(f"{url}?person={value}", **EN)
    assert response.status_code == 302  # back to the case page, with a message
    response = client.post(
        reverse("inquiries:hearing", args=[inquiry.pk]),
        {"person": value, "held_on": "2012-02-06", "present": "HR", "account": "X."},
        **EN,
    )
    assert response.status_code in (200, 302)
