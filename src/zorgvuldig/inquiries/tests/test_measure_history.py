"""The measure history of an employee: adding stages, corrections, the measure in force
for the answer check and the media claim check, the case page, access (issue 13)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

import pytest

from zorgvuldig.core.models import AuditEntry
from zorgvuldig.inquiries import services, versions
from zorgvuldig.inquiries.answers.check import open_findings
from zorgvuldig.inquiries.choices import MeasureCategory, State
from zorgvuldig.inquiries.models import Measure, MeasureEntry
from zorgvuldig.inquiries.procedure.permissions import RULES
from zorgvuldig.inquiries.queries import get_inquiry_for, measure_in_force

from .factories import Team, build_annulled_dismissal, build_inquiry, make_user

pytestmark = pytest.mark.django_db

D = dt.date.fromisoformat
EN = {"accept-language": "en"}


@pytest.fixture
def case():
    """Issue 13's case: suspended on 9 Feb 2012 (``record_measure``), conditionally
    dismissed from 1 June 2012, the dismissal annulled by a court on 15 May 2013."""
    team = Team()
    return team, build_annulled_dismissal(team)


def _fresh(team, inquiry):
    return get_inquiry_for(team.handler, inquiry.pk)


def test_the_history_keeps_every_stage_with_who_and_why(case):
    team, inquiry = case
    entries = list(MeasureEntry.objects.filter(inquiry=inquiry).order_by("pk"))
    assert [(e.stage, e.term, str(e.effective_on)) for e in entries] == [
        ("imposed", "geschorst", "2012-02-09"),
        ("imposed", "voorwaardelijk strafontslag", "2012-06-01"),
        ("annulled", "", "2013-05-15"),
    ]
    assert {e.recorded_by for e in entries} == {team.hr}
    assert entries[2].grounds.startswith("Rb. Den Haag")
    assert AuditEntry.objects.filter(action="measure.history_added").count() == 2


def test_the_measure_in_force_follows_the_stages(case):
    team, inquiry = case
    person = _fresh(team, inquiry).persons.all()[0]
    assert measure_in_force(person, D("2012-02-08")) is None
    assert measure_in_force(person, D("2012-05-31")).term == "geschorst"
    conditional = measure_in_force(person, D("2012-06-01"))
    assert (conditional.category, conditional.term) == (
        "dismissal",
        "voorwaardelijk strafontslag",
    )
    assert measure_in_force(person, D("2013-05-15")) is None
    assert measure_in_force(_fresh(team, inquiry), D("2012-07-01")) == conditional


def test_a_correction_is_a_new_entry_and_the_old_one_stays(case):
    team, inquiry = case
    wrong = MeasureEntry.objects.get(stage="annulled")
    services.add_measure_entry(
        actor=team.hr,
        inquiry=inquiry,
        stage="annulled",
        effective_on=D("2013-06-15"),
        grounds="Rb. Den Haag 15 juni 2013: the ruling's date was mistyped",
        corrects=wrong,
    )
    person = _fresh(team, inquiry).persons.all()[0]
    assert (
        measure_in_force(person, D("2013-06-01")).term == "voorwaardelijk strafontslag"
    )
    assert MeasureEntry.objects.filter(pk=wrong.pk).exists()
    with pytest.raises(services.ProcedureError, match="corrected already"):
        services.add_measure_entry(
            actor=team.hr,
            inquiry=inquiry,
            stage="annulled",
            effective_on=D("2013-06-16"),
            grounds="again",
            corrects=wrong,
        )


def test_entries_are_never_changed_or_removed(case):
    entry = MeasureEntry.objects.first()
    entry.term = "berisping"
    with pytest.raises(ValueError, match="never changed"):
        entry.save()
    with pytest.raises(ValueError, match="never removed"):
        entry.delete()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"stage": "annulled", "grounds": ""}, "decision or ruling"),
        ({"stage": "annulled", "effective_on": D("2012-01-01")}, "Nothing was imposed"),
        ({"stage": "imposed", "term": ""}, "exact term"),
        (
            {
                "stage": "annulled",
                "effective_on": timezone.localdate() + dt.timedelta(days=2),
            },
            "future",
        ),
        (
            {"stage": "imposed", "category": "punishment", "term": "aangesproken"},
            "reads as",
        ),
    ],
)
def test_refusals(case, fields, message):
    team, inquiry = case
    values = {
        "stage": "imposed",
        "category": "informal",
        "term": "aangesproken",
        "effective_on": D("2013-07-01"),
        "grounds": "Besluit op bezwaar",
        **fields,
    }
    with pytest.raises(services.ProcedureError, match=message):
        services.add_measure_entry(actor=team.hr, inquiry=inquiry, **values)


def test_only_the_role_that_records_the_measure_adds_to_its_history(case):
    team, inquiry = case
    assert RULES["record_measure_history"].roles == RULES["record_measure"].roles
    with pytest.raises(services.ProcedureError):
        services.add_measure_entry(
            actor=team.handler,
            inquiry=inquiry,
            stage="ended",
            effective_on=D("2013-01-01"),
            grounds="x",
        )


def test_the_answer_check_judges_against_the_measure_in_force_today(case):
    team, inquiry = case
    services.save_answers(
        actor=team.handler,
        inquiry=inquiry,
        answers={1: "Ja.", 2: "De ambassadeur is voorwaardelijk ontslagen."},
    )
    found = open_findings(_fresh(team, inquiry))
    # Annulled: nothing is in force, so a dismissal in the answer overstates.
    assert [
        (f.question, f.recorded_category) for f in found if f.kind == "measure_word"
    ] == [(2, "none")]


def test_the_case_page_shows_the_timeline_and_the_form_to_hr_only(client, case):
    team, inquiry = case
    url = reverse("inquiries:detail", args=[inquiry.pk])
    client.force_login(team.hr)
    page = client.get(url, headers=EN).content.decode()
    assert "History of the measure" in page
    assert "voorwaardelijk strafontslag" in page
    assert "Rb. Den Haag 15 mei 2013" in page
    assert 'id="add-measure-stage"' in page
    client.force_login(team.handler)
    page = client.get(url, headers=EN).content.decode()
    assert "History of the measure" in page
    assert 'id="add-measure-stage"' not in page


def _post(client, team, inquiry, **extra):
    data = {
        "stage": "changed_on_appeal",
        "category": "punishment",
        "term": "schriftelijke berisping",
        "effective_on": "2013-07-01",
        "grounds": "CRvB 1 juli 2013",
        **extra,
    }
    return client.post(
        reverse("inquiries:measure_history", args=[inquiry.pk]), data, headers=EN
    )


def test_hr_adds_a_stage_on_the_page_and_a_stale_page_is_refused(client, case):
    team, inquiry = case
    client.force_login(team.hr)
    part = f"measure_history:{inquiry.persons.get().pk}"
    loaded = versions.fingerprint(_fresh(team, inquiry), part)
    services.add_measure_entry(
        actor=team.hr,
        inquiry=inquiry,
        stage="imposed",
        category="informal",
        term="aangesproken",
        effective_on=D("2013-06-01"),
        grounds="Besluit 1 juni 2013",
    )
    stale = _post(client, team, inquiry, loaded_version=loaded)
    assert stale.status_code == 200
    text = stale.content.decode()
    assert "Not saved: the measure history of J. de Vries changed after" in text
    assert not MeasureEntry.objects.filter(stage="changed_on_appeal").exists()
    fresh = versions.fingerprint(_fresh(team, inquiry), part)
    ok = _post(client, team, inquiry, loaded_version=fresh)
    assert ok.status_code == 302
    assert MeasureEntry.objects.filter(stage="changed_on_appeal").exists()


def test_people_not_assigned_get_404_and_others_are_refused(client, case):
    team, inquiry = case
    outsider = make_user("hr_advisor", team.org)
    client.force_login(outsider)
    assert _post(client, team, inquiry).status_code == 404
    client.force_login(team.comms)
    refused = _post(client, team, inquiry)
    assert refused.status_code == 200
    assert not MeasureEntry.objects.filter(stage="changed_on_appeal").exists()


def test_revising_the_measure_corrects_its_entry_and_a_change_updates_the_record():
    team = Team()
    inquiry = build_inquiry(
        team,
        State.MEASURE_DECIDED,
        measure=(MeasureCategory.ORDER_MEASURE, "geschorst"),
    )
    first = MeasureEntry.objects.get(inquiry=inquiry)
    services.record_measure(
        actor=team.hr,
        inquiry=inquiry,
        category=MeasureCategory.ORDER_MEASURE,
        term="geschorst",
        decided_on=D("2012-02-10"),
        reason="De dag van het besluit was 10 februari",
    )
    revision = MeasureEntry.objects.get(corrects=first)
    assert (revision.stage, str(revision.effective_on)) == ("imposed", "2012-02-10")
    assert revision.grounds == "De dag van het besluit was 10 februari"
    services.add_measure_entry(
        actor=team.hr,
        inquiry=inquiry,
        stage="changed_on_objection",
        category=MeasureCategory.PUNISHMENT,
        term="schriftelijke berisping",
        effective_on=D("2013-06-01"),
        grounds="Besluit op bezwaar van 1 juni 2013",
    )
    fresh = _fresh(team, inquiry)
    measure = fresh.measure_of(fresh.persons.all()[0])
    assert (measure.term, measure.decided_on) == (
        "schriftelijke berisping",
        D("2013-06-01"),
    )


def test_a_late_entry_about_an_earlier_stage_leaves_the_later_measure_recorded():
    """Review finding: any imposed entry used to overwrite the recorded measure, even one
    that took effect before the measure in force."""
    team = Team()
    inquiry = build_inquiry(
        team,
        State.MEASURE_DECIDED,
        measure=(MeasureCategory.ORDER_MEASURE, "geschorst"),
    )
    person = inquiry.persons.get()
    heard = inquiry.hearing_of(person).held_on
    services.add_measure_entry(
        actor=team.hr,
        inquiry=inquiry,
        stage="changed_on_appeal",
        category=MeasureCategory.INFORMAL,
        term="aangesproken",
        effective_on=timezone.localdate(),
        grounds="Uitspraak in beroep",
    )
    assert Measure.objects.get(person=person).term == "aangesproken"
    services.add_measure_entry(
        actor=team.hr,
        inquiry=inquiry,
        stage="proposed",
        category=MeasureCategory.DISMISSAL,
        term="voorwaardelijk strafontslag",
        effective_on=heard,
        grounds="Voornemen na het horen",
    )
    services.add_measure_entry(
        actor=team.hr,
        inquiry=inquiry,
        stage="imposed",
        category=MeasureCategory.DISMISSAL,
        term="voorwaardelijk strafontslag",
        effective_on=heard + dt.timedelta(days=1),
        grounds="Besluit, later in beroep gewijzigd",
    )
    assert Measure.objects.get(person=person).term == "aangesproken"
    assert measure_in_force(person).term == "aangesproken"
