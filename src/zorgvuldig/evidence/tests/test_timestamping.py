"""Trusted timestamps are taken automatically after an item is added when authorities are
configured (issue 12, step 3): a background job after the commit, against a local
``openssl ts`` authority (never the network). A failing authority blocks nothing, shows on
the evidence panel and is asked again on a retry; the others are not asked twice."""

from __future__ import annotations

from django.urls import reverse

import pytest

from zorgvuldig.core.audit import action_label
from zorgvuldig.core.models import AuditEntry
from zorgvuldig.evidence import services
from zorgvuldig.evidence.choices import TimestampState
from zorgvuldig.evidence.models import CustodyEntry, TimestampRequest, TimestampToken
from zorgvuldig.evidence.timestamping import RETRIES, run_timestamps
from zorgvuldig.evidence.verification import verify_case
from zorgvuldig.inquiries.tests.factories import Team, build_inquiry

from .tsa import local_authority

pytestmark = pytest.mark.django_db

UNREACHABLE = "http://127.0.0.1:9/"


@pytest.fixture
def tsa(tmp_path, settings):
    with local_authority(tmp_path / "tsa", "Alpha") as authority:
        settings.ZORGVULDIG_TIMESTAMP_AUTHORITIES = [
            {"url": authority.url, "chain": str(authority.chain)}
        ]
        yield authority


@pytest.fixture
def case():
    team = Team()
    return team, build_inquiry(team)


def test_adding_an_item_takes_its_timestamp_after_the_commit(
    case, tsa, django_capture_on_commit_callbacks
):
    team, inquiry = case
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        item = services.add_note(actor=team.handler, inquiry=inquiry, text="A like")
    # Nothing is asked before the commit: the item is stored, the request pending.
    assert item.timestamping.state == TimestampState.PENDING
    assert not TimestampToken.objects.exists()
    assert len(callbacks) == 1
    callbacks[0]()  # the commit: the job runs (huey is immediate in tests)
    item.timestamping.refresh_from_db()
    assert (item.timestamping.state, item.timestamping.attempts) == ("done", 1)
    token = TimestampToken.objects.get(item=item)
    assert token.authority == tsa.url
    assert token.message_sha256 == item.manifest_sha256
    actions = list(
        CustodyEntry.objects.filter(inquiry=inquiry).values_list("action", flat=True)
    )
    assert actions == ["created", "timestamped"]
    report = verify_case(inquiry.pk)
    assert report.ok, report.as_text()
    assert any("timestamp from" in line for line in report.checked)


def test_without_authorities_nothing_is_queued(
    case, settings, django_capture_on_commit_callbacks
):
    settings.ZORGVULDIG_TIMESTAMP_AUTHORITIES = []
    team, inquiry = case
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.add_note(actor=team.handler, inquiry=inquiry, text="A like")
    assert callbacks == []
    assert not TimestampRequest.objects.exists()


def test_a_failing_authority_shows_on_the_panel_and_is_asked_again(
    client, case, tsa, settings, django_capture_on_commit_callbacks
):
    settings.ZORGVULDIG_TIMESTAMP_AUTHORITIES = [
        {"url": UNREACHABLE, "chain": str(tsa.chain)},
        *settings.ZORGVULDIG_TIMESTAMP_AUTHORITIES,
    ]
    team, inquiry = case
    with django_capture_on_commit_callbacks(execute=True):
        item = services.add_note(actor=team.handler, inquiry=inquiry, text="A like")
    # The item is stored and the working authority gave its token.
    state = TimestampRequest.objects.get(item=item)
    assert state.state == TimestampState.FAILED
    assert len(state.problems) == 1
    assert UNREACHABLE in state.problems[0]
    assert list(TimestampToken.objects.values_list("authority", flat=True)) == [tsa.url]
    client.force_login(team.handler)
    page = client.get(reverse("inquiries:detail", args=[inquiry.pk])).content.decode()
    assert 'data-state="failed"' in page
    assert "127.0.0.1:9" in page
    # The retry (huey runs the job again later) asks only the authority that failed;
    # here it has come back.
    settings.ZORGVULDIG_TIMESTAMP_AUTHORITIES = [
        {"url": tsa.url, "chain": str(tsa.chain)}
    ]
    again = run_timestamps(item.pk)
    assert (again.state, again.attempts, again.problems) == ("done", 2, [])
    assert TimestampToken.objects.filter(item=item).count() == 1  # not asked twice
    page = client.get(reverse("inquiries:detail", args=[inquiry.pk])).content.decode()
    assert 'data-state="done"' in page


def test_an_unreadable_chain_is_a_failure_of_that_authority(
    case, tsa, settings, django_capture_on_commit_callbacks
):
    settings.ZORGVULDIG_TIMESTAMP_AUTHORITIES = [
        {"url": tsa.url, "chain": "/nonexistent/chain.pem"}
    ]
    team, inquiry = case
    with django_capture_on_commit_callbacks(execute=True):
        item = services.add_note(actor=team.handler, inquiry=inquiry, text="A like")
    state = TimestampRequest.objects.get(item=item)
    assert state.state == TimestampState.FAILED
    assert "/nonexistent/chain.pem" in state.problems[0]


def test_a_person_asks_again_after_the_retries_gave_up(
    client, case, tsa, settings, django_capture_on_commit_callbacks
):
    working = settings.ZORGVULDIG_TIMESTAMP_AUTHORITIES
    settings.ZORGVULDIG_TIMESTAMP_AUTHORITIES = [
        {"url": UNREACHABLE, "chain": str(tsa.chain)}
    ]
    team, inquiry = case
    with django_capture_on_commit_callbacks(execute=True):
        item = services.add_note(actor=team.handler, inquiry=inquiry, text="A like")
    assert TimestampRequest.objects.get(item=item).state == TimestampState.FAILED
    retry = reverse("evidence:retry_timestamps", args=[inquiry.pk, item.pk])
    client.force_login(team.handler)
    # while the automatic retries are still to come, there is nothing to ask
    page = client.get(reverse("evidence:item", args=[inquiry.pk, item.pk]))
    assert retry not in page.content.decode()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(retry)
    assert callbacks == []
    # the retries gave up (huey ran the job RETRIES more times, all failing)
    TimestampRequest.objects.filter(item=item).update(attempts=RETRIES + 1)
    page = client.get(reverse("evidence:item", args=[inquiry.pk, item.pk]))
    assert retry in page.content.decode()
    settings.ZORGVULDIG_TIMESTAMP_AUTHORITIES = working  # the authority is back
    with django_capture_on_commit_callbacks(execute=True):
        client.post(retry)
    asked_again = TimestampRequest.objects.get(item=item)
    assert (asked_again.state, asked_again.attempts) == (TimestampState.DONE, 1)
    assert TimestampToken.objects.filter(item=item).count() == 1
    asked = AuditEntry.objects.get(action="evidence.timestamps_requested")
    assert asked.actor == team.handler
    assert action_label(asked.action) != asked.action  # a label, not the code
    page = client.get(reverse("evidence:item", args=[inquiry.pk, item.pk]))
    assert 'data-state="done"' in page.content.decode()
    # nothing to ask again now; the page says so, nothing is queued
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(retry, follow=True, headers={"accept-language": "en"})
    assert callbacks == []
    assert "nothing to ask again" in response.content.decode()


def test_only_a_case_handler_or_advisor_asks_again(
    client, case, tsa, settings, django_capture_on_commit_callbacks
):
    settings.ZORGVULDIG_TIMESTAMP_AUTHORITIES = [
        {"url": UNREACHABLE, "chain": str(tsa.chain)}
    ]
    team, inquiry = case
    with django_capture_on_commit_callbacks(execute=True):
        item = services.add_note(actor=team.handler, inquiry=inquiry, text="A like")
    TimestampRequest.objects.filter(item=item).update(attempts=RETRIES + 1)
    client.force_login(team.approver)
    retry = reverse("evidence:retry_timestamps", args=[inquiry.pk, item.pk])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(retry, follow=True)
    assert callbacks == []
    assert TimestampRequest.objects.get(item=item).state == TimestampState.FAILED
    assert response.status_code in (200, 404)
