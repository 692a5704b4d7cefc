"""Fact-finding on the facts page (issue 12, step 5): a note of what was seen and the
target's post become evidence on the timeline (local time typed, UTC stored); the fact
questions get recorded answers that rest on evidence and never silently replace an earlier
one; the conduct card is filled from a timeline action, and saved only when confirmed."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

import pytest

from zorgvuldig.core.models import AuditEntry
from zorgvuldig.demo import load_demo
from zorgvuldig.evidence import fact_finding
from zorgvuldig.evidence.models import EvidenceItem, FactAnswer, TimelineEvent
from zorgvuldig.evidence.services import EvidenceError
from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.inquiries.tests.factories import Team, build_inquiry

pytestmark = pytest.mark.django_db
EN = {"headers": {"accept-language": "en"}}


@pytest.fixture
def case():
    team = Team()
    return team, build_inquiry(team)


def test_a_note_of_what_was_seen_is_evidence_on_the_timeline_in_utc(client, case):
    team, inquiry = case
    client.force_login(team.hr)
    response = client.post(
        reverse("evidence:seen", args=[inquiry.pk]),
        {
            "seen_by": "H. de Haan",
            "where": "https://www.facebook.com/nederlandbekentkleur",
            # Typed in the organisation's local time (CET in February: UTC+1).
            "seen_at": "2012-02-03T14:30",
            "text": "The page lists J. de Vries among those who like it.",
        },
        **EN,
    )
    assert response.status_code == 302
    event = TimelineEvent.objects.get(inquiry=inquiry)
    assert event.side == TimelineEvent.Side.SEEN
    assert event.when == dt.datetime(2012, 2, 3, 13, 30, tzinfo=dt.UTC)
    item = event.evidence
    assert item.kind == "note"
    with item.file.open("rb") as fh:
        stored = fh.read().decode()
    assert "Seen by: H. de Haan" in stored
    assert "2012-02-03T13:30:00+00:00" in stored
    page = client.get(reverse("inquiries:detail", args=[inquiry.pk]), **EN)
    text = page.content.decode()
    # Shown in local time again.
    assert "3 Feb 2012 14:30" in text
    assert "seen by H. de Haan" in text


def test_a_note_without_a_time_is_evidence_but_not_on_the_timeline(case):
    team, inquiry = case
    item, event = fact_finding.record_seen(
        actor=team.handler, inquiry=inquiry, text="Seen", seen_by="B."
    )
    assert event is None
    assert item.kind == "note"
    assert not inquiry.timeline_events.exists()


def test_the_target_post_is_evidence_and_on_the_timeline(client, case):
    team, inquiry = case
    client.force_login(team.handler)
    response = client.post(
        reverse("evidence:post", args=[inquiry.pk]),
        {
            "account": "Nederland bekent kleur",
            "url": "https://www.facebook.com/nederlandbekentkleur/posts/1",
            "published_at": "2012-01-20T10:00",
            "text": "Geen regering met steun van de PVV",
        },
        **EN,
    )
    assert response.status_code == 302
    event = TimelineEvent.objects.get(inquiry=inquiry)
    assert event.side == TimelineEvent.Side.TARGET
    assert event.when == dt.datetime(2012, 1, 20, 9, 0, tzinfo=dt.UTC)
    assert event.evidence.source.endswith("/posts/1")
    assert AuditEntry.objects.filter(action="evidence.target_post_recorded").exists()


def test_only_the_case_team_records_what_was_seen(client, case):
    team, inquiry = case
    client.force_login(team.comms)
    response = client.post(
        reverse("evidence:seen", args=[inquiry.pk]),
        {"seen_by": "C.", "text": "x", "seen_at": "2012-02-03T14:30"},
        **EN,
    )
    assert response.status_code == 200  # the page again, with the refusal
    assert "Only an assigned case handler or advisor" in response.content.decode()
    assert not EvidenceItem.objects.exists()


def _answer(client, inquiry, text, based_on="", evidence=()):
    return client.post(
        reverse("evidence:answer_fact", args=[inquiry.pk]),
        {
            "question": "existed",
            "text": text,
            "based_on": based_on,
            "evidence": [str(e.pk) for e in evidence],
        },
        **EN,
    )


def test_an_answer_rests_on_evidence_and_keeps_who_and_when(client, case):
    team, inquiry = case
    item, _e = fact_finding.record_seen(
        actor=team.handler, inquiry=inquiry, text="The like", seen_by="B."
    )
    client.force_login(team.handler)
    assert (
        _answer(client, inquiry, "No: liked in 2010.", evidence=[item]).status_code
        == 302
    )
    answer = FactAnswer.objects.get()
    assert list(answer.evidence.all()) == [item]
    assert answer.answered_by == team.handler
    assert AuditEntry.objects.filter(action="evidence.fact_answered").count() == 1


def test_an_edit_over_a_newer_answer_is_refused_and_loses_nothing(client, case):
    """Two people opened the page with no answer; the second save must not silently
    replace the first (ADR 0005)."""
    team, inquiry = case
    client.force_login(team.handler)
    assert _answer(client, inquiry, "First answer").status_code == 302
    first = FactAnswer.objects.get()
    client.force_login(team.hr)
    refused = _answer(client, inquiry, "Second answer, written on an old page")
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Not saved" in page
    assert "First answer" in page  # what was saved in between
    assert "Second answer, written on an old page" in page  # what they typed, kept
    assert FactAnswer.objects.count() == 1
    # The page shown again carries the newer version: the merged text saves.
    assert f'name="based_on" value="{first.pk}"' in page
    assert _answer(client, inquiry, "Merged", based_on=first.pk).status_code == 302
    latest = fact_finding.current_answer(inquiry, "existed")
    assert latest.text == "Merged"
    assert latest.replaces == first  # the earlier answer stays on record
    assert (
        "First answer"
        in client.get(
            reverse("inquiries:detail", args=[inquiry.pk]), **EN
        ).content.decode()
    )


def test_an_answer_links_only_evidence_of_its_case(case):
    team, inquiry = case
    other_team = Team()
    other = build_inquiry(other_team)
    item, _e = fact_finding.record_seen(
        actor=other_team.handler, inquiry=other, text="x", seen_by="x"
    )
    with pytest.raises(EvidenceError):
        fact_finding.answer_fact_question(
            actor=team.handler,
            inquiry=inquiry,
            question="what",
            text="x",
            evidence=[item],
        )


def test_answers_are_read_in_a_fixed_number_of_queries(case, django_assert_num_queries):
    team, inquiry = case
    previous = None
    for n in range(3):
        previous = fact_finding.answer_fact_question(
            actor=team.handler,
            inquiry=inquiry,
            question="what",
            text=f"v{n}",
            based_on=previous.pk if previous else None,
        )
    with django_assert_num_queries(2):
        rows = fact_finding.answers_of(inquiry)
        assert [a.text for a in rows[0].earlier] == ["v1", "v0"]


def test_the_conduct_card_is_filled_from_the_timeline_and_saved_only_when_confirmed(
    client,
):
    load_demo()
    inquiry = Inquiry.objects.get()
    from zorgvuldig.core.models import User

    handler = User.objects.get(username="behandelaar")
    recorded = inquiry.conduct
    like = inquiry.timeline_events.get(side="employee")
    client.force_login(handler)
    url = reverse("evidence:conduct_from_timeline", args=[inquiry.pk])
    page = client.get(f"{url}?event={like.pk}", **EN).content.decode()
    assert 'id="conduct-prefilled"' in page
    assert 'name="since" value="2010-03-01"' in page
    # The timeline's post first (newest first, as the form asks), the recorded older
    # post of the page kept after it.
    assert (
        "2012-01-20: Geen regering met steun van de PVV\n2010-02-15 Samen staan we op"
        in page
    )
    inquiry.refresh_from_db()
    assert inquiry.conduct == recorded  # nothing saved by looking
    assert client.get(f"{url}?event=999999", **EN).status_code == 404


def test_an_edit_by_someone_less_cleared_keeps_the_links_they_cannot_see(client, case):
    """Review finding: the form offers only the items the person may see, so a new version
    saved by someone less cleared used to drop the links to the others."""
    from zorgvuldig.core.choices import Confidentiality

    team, inquiry = case
    team.handler.clearance = Confidentiality.GEHEIM
    team.handler.save()
    secret, _e = fact_finding.record_seen(
        actor=team.handler,
        inquiry=inquiry,
        text="Screenshot from the service's own monitoring",
        seen_by="Security officer",
        confidentiality=Confidentiality.GEHEIM,
    )
    first = fact_finding.answer_fact_question(
        actor=team.handler,
        inquiry=inquiry,
        question="what",
        text="A page like",
        evidence=[secret],
    )
    assert team.hr.clearance != Confidentiality.GEHEIM
    second = fact_finding.answer_fact_question(
        actor=team.hr,
        inquiry=inquiry,
        question="what",
        text="A like of the page",
        based_on=first.pk,
    )
    assert list(second.evidence.all()) == [secret]
    client.force_login(team.hr)
    page = client.get(reverse("inquiries:detail", args=[inquiry.pk]), **EN)
    text = page.content.decode()
    assert "an item you are not cleared to see" in text
    assert reverse("evidence:download", args=[inquiry.pk, secret.pk]) not in text
