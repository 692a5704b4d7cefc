"""Advisors beyond HR and Legal, set per organisation, and separation of duties in advice."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone, translation

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zorgvuldig.core.choices import Role
from zorgvuldig.core.models import Delegation
from zorgvuldig.inquiries import services
from zorgvuldig.inquiries.choices import AdviceKind, State
from zorgvuldig.inquiries.procedure.advisors import (
    advisor_kinds,
    advisor_settings_problems,
)

from .factories import Team, build_inquiry, make_user

pytestmark = pytest.mark.django_db
EN = {"headers": {"accept-language": "en"}}
INTEGRITY = {
    "code": "integrity",
    "label": {"nl": "Bureau Integriteit", "en": "Integrity office"},
    "role": "advisor",
}


@pytest.fixture
def team():
    team = Team()
    team.org.procedure_settings = {"advisors": [INTEGRITY]}
    team.org.save()
    team.integrity = make_user(Role.ADVISOR, team.org)
    return team


def _facts_established(team):
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)
    services.assign_to_case(actor=team.handler, inquiry=inquiry, users=[team.integrity])
    return inquiry


def _hr_and_legal(team, inquiry):
    services.record_advice(
        actor=team.hr, inquiry=inquiry, kind=AdviceKind.HR, text="Gesprek."
    )
    services.record_advice(
        actor=team.legal, inquiry=inquiry, kind=AdviceKind.LEGAL, text="Art. 10."
    )


def test_the_organisations_advisors_follow_hr_and_legal(team):
    kinds = advisor_kinds(team.org)
    assert [k.code for k in kinds] == ["hr", "legal", "integrity"]
    assert kinds[2].role == Role.ADVISOR
    assert not kinds[2].mandatory and kinds[0].mandatory


def test_advice_is_complete_only_when_every_required_advisor_advised(team):
    inquiry = _facts_established(team)
    _hr_and_legal(team, inquiry)
    with pytest.raises(services.ProcedureError) as err:
        services.complete_advice(actor=team.handler, inquiry=inquiry)
    assert (
        "Every other advisor the organisation requires must give advice."
        in err.value.messages
    )
    services.record_advice(
        actor=team.integrity, inquiry=inquiry, kind="integrity", text="Geen bezwaar."
    )
    inquiry = services.complete_advice(actor=team.handler, inquiry=inquiry)
    assert inquiry.state == State.ADVICE_COMPLETE


def test_only_the_configured_role_gives_that_advice(team):
    inquiry = _facts_established(team)
    with pytest.raises(services.ProcedureError) as err:
        services.record_advice(
            actor=team.hr, inquiry=inquiry, kind="integrity", text="Ik mag dit niet."
        )
    assert "Only an assigned Other advisor" in err.value.messages[0]


def test_an_unknown_kind_of_advice_is_refused(team):
    inquiry = _facts_established(team)
    with pytest.raises(services.ProcedureError) as err:
        services.record_advice(
            actor=team.integrity, inquiry=inquiry, kind="finance", text="?"
        )
    assert err.value.messages == ["Unknown kind of advice 'finance'."]


def test_an_unassigned_advisor_cannot_advise(team):
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)  # integrity not assigned
    with pytest.raises(services.ProcedureError):
        services.record_advice(
            actor=team.integrity, inquiry=inquiry, kind="integrity", text="Ik ben er."
        )


def test_one_person_never_gives_both_hr_and_legal_advice():
    """A delegate who also holds the legal role through a delegation still gives one."""
    team = Team()
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)
    today = timezone.localdate()
    Delegation.objects.create(
        from_user=team.legal,
        to_user=team.hr,
        role=Role.LEGAL_ADVISOR,
        starts=today,
        ends=today + dt.timedelta(days=3),
        created_by=team.legal,
    )
    services.record_advice(
        actor=team.hr, inquiry=inquiry, kind=AdviceKind.HR, text="Gesprek."
    )
    with pytest.raises(services.ProcedureError) as err:
        services.record_advice(
            actor=team.hr, inquiry=inquiry, kind=AdviceKind.LEGAL, text="Ook juridisch."
        )
    assert "separation of duties" in err.value.messages[0]


def test_the_case_page_shows_each_advisor_and_its_request(client, team):
    inquiry = _facts_established(team)
    client.force_login(team.integrity)
    page = client.get(reverse("inquiries:detail", args=[inquiry.pk]), **EN)
    text = page.content.decode()
    assert "Integrity office" in text
    assert 'id="save-integrity-advice"' in text
    assert 'id="save-hr-advice"' not in text  # not theirs to give
    url = reverse(
        "inquiries:document", args=[inquiry.pk, "advice-request-integrity", "docx"]
    )
    assert url in text
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    missing = reverse(
        "inquiries:document", args=[inquiry.pk, "advice-request-finance", "docx"]
    )
    assert client.get(missing).status_code == 404


def test_the_advice_form_posts_and_a_refusal_keeps_the_text(client, team):
    inquiry = _facts_established(team)
    client.force_login(team.hr)
    url = reverse("inquiries:advice", args=[inquiry.pk])
    response = client.post(
        url, {"kind": "integrity", "text": "Mijn lange advies."}, **EN
    )
    assert response.status_code == 200
    assert "Mijn lange advies." in response.content.decode()
    client.force_login(team.integrity)
    client.post(url, {"kind": "integrity", "text": "Geen bezwaar."})
    assert inquiry.advice.get(kind="integrity").text == "Geen bezwaar."


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("integrity", "'advisors' must be a list"),
        ([{"code": "HR!"}], "advisor code 'HR!'"),
        ([{"code": "hr"}], "listed twice"),
        ([{"code": "x", "label": 3}], "label must be"),
        ([{"code": "x", "label": {"nl": 5, "en": "  "}}], "label must be"),
        ([{"code": "x", "role": "employee"}], "role must be one of"),
        (["x"], "each advisor must be an object"),
    ],
)
def test_malformed_advisor_settings_are_named_and_left_out(team, value, problem):
    assert any(problem in p for p in advisor_settings_problems(value))
    team.org.procedure_settings = {"advisors": value}
    team.org.save()
    assert [k.code for k in advisor_kinds(team.org)] == ["hr", "legal"]


@given(
    st.recursive(
        st.none() | st.text() | st.integers(),
        lambda inner: st.lists(inner) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=8,
    )
)
def test_any_settings_value_reads_without_error(value):
    problems = advisor_settings_problems(value)
    assert isinstance(problems, list)


def test_intake_asks_for_someone_to_give_each_required_advice(client, team):
    from .test_pages import _confirm_data

    client.force_login(team.handler)
    url = reverse("inquiries:intake")
    response = client.post(url, _confirm_data(team), **EN)
    assert "Choose at least one of each: Other advisor." in response.content.decode()
    assignees = [team.hr.pk, team.legal.pk, team.approver.pk, team.integrity.pk]
    response = client.post(url, _confirm_data(team, assignees=assignees))
    assert response.status_code == 302


def test_a_label_in_one_language_serves_both_and_bad_entries_are_logged(team, caplog):
    team.org.procedure_settings = {
        "advisors": [
            {"code": "integrity", "label": {"nl": 5, "en": "Integrity office"}},
            {"code": "bad code"},
        ]
    }
    team.org.save()
    with caplog.at_level("WARNING"):
        kinds = advisor_kinds(team.org)
    assert [(k.code, k.label_nl, k.label_en) for k in kinds[2:]] == [
        ("integrity", "Integrity office", "Integrity office")
    ]
    assert "advisor code 'bad code'" in caplog.text


def test_the_step_names_the_advisor_still_missing(team):
    from zorgvuldig.inquiries.presenters import step_overview
    from zorgvuldig.inquiries.queries import get_inquiry_for

    inquiry = _facts_established(team)
    _hr_and_legal(team, inquiry)
    with translation.override("en"):
        steps = step_overview(get_inquiry_for(team.handler, inquiry.pk), team.handler)
    complete = next(s for s in steps["next"] if s.name == "complete_advice")
    assert complete.missing == ["Advice still missing: Integrity office."]


def test_intake_asks_for_a_person_per_advice_when_advisors_share_a_role(client, team):
    from .test_pages import _confirm_data

    team.org.procedure_settings = {
        "advisors": [{"code": "hrm", "label": "Personeelszaken", "role": "hr_advisor"}]
    }
    team.org.save()
    client.force_login(team.handler)
    url = reverse("inquiries:intake")
    response = client.post(url, _confirm_data(team), **EN)
    assert "Choose at least one of each: HR advisor (2 people)." in (
        response.content.decode()
    )
    second_hr = make_user(Role.HR_ADVISOR, team.org)
    assignees = [team.hr.pk, second_hr.pk, team.legal.pk, team.approver.pk]
    assert client.post(url, _confirm_data(team, assignees=assignees)).status_code == 302
