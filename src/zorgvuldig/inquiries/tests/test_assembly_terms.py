"""Written questions are answered in the term of the assembly that put them, as the
organisation sets it (issue 10): registered, shown at intake and moved by a postponement."""

from __future__ import annotations

import datetime as dt

import pytest

from zorgvuldig.core.settings_checks import settings_problems
from zorgvuldig.inquiries import forms, services
from zorgvuldig.inquiries.choices import InquiryKind
from zorgvuldig.inquiries.models import Inquiry

from .factories import Team, make_org, register

pytestmark = pytest.mark.django_db

MUNICIPALITY = {"assemblies": [{"code": "gemeenteraad", "days": 30}]}


def municipality_team(settings: dict = MUNICIPALITY) -> Team:
    org = make_org("Gemeente Voorbeeld")
    org.procedure_settings = settings
    org.save()
    return Team(org)


def test_council_questions_are_due_in_the_council_s_term():
    team = municipality_team()
    inquiry = register(team, assembly="gemeenteraad", submitted=dt.date(2024, 3, 4))
    assert inquiry.assembly == "gemeenteraad"
    assert inquiry.deadline == dt.date(2024, 4, 3)


def test_without_an_assembly_written_questions_keep_the_tweede_kamer_s_three_weeks():
    inquiry = register(Team())
    assert inquiry.assembly == "tweede_kamer"
    assert inquiry.deadline == dt.date(2012, 2, 24)


def test_an_assembly_the_organisation_does_not_answer_to_is_refused():
    team = municipality_team()
    with pytest.raises(services.ProcedureError, match="no answer term"):
        register(team, assembly="eerste_kamer")
    assert not Inquiry.objects.filter(organisation=team.org).exists()


def test_other_kinds_have_no_assembly():
    inquiry = register(Team(), kind=InquiryKind.PRESS, assembly="gemeenteraad")
    assert inquiry.assembly == ""
    assert inquiry.deadline is None


def test_a_council_postponement_needs_the_day_the_notice_names():
    team = municipality_team()
    inquiry = register(team, assembly="gemeenteraad", submitted=dt.date(2024, 3, 4))
    with pytest.raises(services.ProcedureError, match="give that day"):
        services.postpone_answer(
            actor=team.handler, inquiry=inquiry, reason="Meer tijd."
        )
    with pytest.raises(services.ProcedureError, match="after the current deadline"):
        services.postpone_answer(
            actor=team.handler,
            inquiry=inquiry,
            reason="Meer tijd.",
            due_on=dt.date(2024, 4, 3),
        )
    services.postpone_answer(
        actor=team.handler,
        inquiry=inquiry,
        reason="Meer tijd.",
        due_on=dt.date(2024, 5, 1),
    )
    assert Inquiry.objects.get(pk=inquiry.pk).deadline == dt.date(2024, 5, 1)


def test_a_council_with_a_fixed_postponed_term_applies_it():
    team = municipality_team(
        {"assemblies": [{"code": "gemeenteraad", "days": 30, "postponed_days": 60}]}
    )
    inquiry = register(team, assembly="gemeenteraad", submitted=dt.date(2024, 3, 4))
    services.postpone_answer(actor=team.handler, inquiry=inquiry, reason="Meer tijd.")
    assert Inquiry.objects.get(pk=inquiry.pk).deadline == dt.date(2024, 5, 3)


def test_the_settings_check_names_a_wrong_assembly():
    problems = settings_problems({"assemblies": [{"code": "raad", "days": 30}]})
    assert any(p.startswith("assemblies: [0]: unknown assembly code") for p in problems)
    assert settings_problems(MUNICIPALITY) == []


def test_the_confirmation_offers_the_organisation_s_assemblies_and_the_one_read():
    team = municipality_team(
        {"assemblies": [{"code": "gemeenteraad"}, {"code": "provinciale_staten"}]}
    )
    parsed = {
        "kind": "parliamentary_written",
        "assembly": "gemeenteraad",
        "questions": [],
    }
    form = forms.ConfirmInquiryForm(
        initial=forms.ConfirmInquiryForm.initial_from(parsed, "tekst", "x"),
        organisation=team.org,
    )
    codes = [c for c, _ in form.fields["assembly"].choices]
    assert codes == ["", "gemeenteraad", "provinciale_staten"]
    assert form.initial["assembly"] == "gemeenteraad"


def test_without_a_choice_the_organisation_s_usual_assembly_applies():
    team = municipality_team()
    inquiry = register(team, submitted=dt.date(2024, 3, 4))
    assert inquiry.assembly == "gemeenteraad"
    assert inquiry.deadline == dt.date(2024, 4, 3)
    parsed = {"kind": "parliamentary_written", "assembly": None, "questions": []}
    form = forms.ConfirmInquiryForm(
        initial=forms.ConfirmInquiryForm.initial_from(parsed, "tekst", "x"),
        organisation=team.org,
    )
    assert form.initial["assembly"] == "gemeenteraad"
