"""A URL capture requested on the case page runs as a job and reports on the evidence panel
(issue 12): stored as WARC and main text, or refused or timed out with the reason shown."""

from __future__ import annotations

import gzip
import io

from django.urls import reverse
from django.utils import translation

import pytest
from warcio.archiveiterator import ArchiveIterator

from zorgvuldig.core.audit import action_label
from zorgvuldig.core.choices import Role
from zorgvuldig.core.models import AuditEntry
from zorgvuldig.evidence.capture.jobs import request_capture, run_capture
from zorgvuldig.evidence.capture_job import UrlCapture
from zorgvuldig.evidence.choices import CaptureFailure, CaptureState
from zorgvuldig.evidence.services import EvidenceError, verify
from zorgvuldig.inquiries.tests.factories import Team, build_inquiry, make_user

from .local_server import base_url, local_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    team = Team()
    return team, build_inquiry(team)


@pytest.fixture
def server():
    with local_server() as s:
        yield s


def _reason(failure: CaptureFailure) -> str:
    """The reason as the case page (in Dutch, the default language) words it."""
    with translation.override("nl"):
        return str(failure.label)[0].upper() + str(failure.label)[1:]


def _capture(client, inquiry, url, callbacks):
    with callbacks(execute=True):
        response = client.post(
            reverse("evidence:capture", args=[inquiry.pk]),
            {"url": url, "description": "the contested post"},
        )
    assert response.status_code == 302
    return client.get(reverse("inquiries:detail", args=[inquiry.pk])).content.decode()


def test_capture_from_the_case_page_stores_warc_and_main_text(
    client, case, server, settings, django_capture_on_commit_callbacks
):
    settings.ZORGVULDIG_CAPTURE_ALLOWED_HOSTS = ["127.0.0.1"]
    team, inquiry = case
    client.force_login(team.handler)
    url = f"{base_url(server)}/post"
    page = _capture(client, inquiry, url, django_capture_on_commit_callbacks)
    capture = UrlCapture.objects.get(inquiry=inquiry)
    assert capture.state == CaptureState.DONE
    assert capture.http_status == 200
    warc, text = capture.warc_item, capture.text_item
    for item in (warc, text):
        assert reverse("evidence:download", args=[inquiry.pk, item.pk]) in page
    assert verify(warc).ok and verify(text).ok
    with warc.file.open("rb") as fh:
        raw = fh.read()
    kinds = [r.rec_type for r in ArchiveIterator(io.BytesIO(raw))]
    assert kinds == ["warcinfo", "request", "response"]
    assert gzip.decompress(raw).startswith(b"WARC/1.1")
    with text.file.open("rb") as fh:
        assert "Geen regering met steun van partij X" in fh.read().decode()
    assert "the contested post" in warc.description
    assert "warcio" in warc.description  # the tool and its version


def test_a_refused_address_says_why_on_the_case_page(
    client, case, server, django_capture_on_commit_callbacks
):
    team, inquiry = case
    client.force_login(team.handler)
    page = _capture(
        client, inquiry, f"{base_url(server)}/post", django_capture_on_commit_callbacks
    )
    capture = UrlCapture.objects.get(inquiry=inquiry)
    assert capture.state == CaptureState.FAILED
    assert capture.failure == CaptureFailure.NOT_PUBLIC
    assert _reason(CaptureFailure.NOT_PUBLIC) in page
    assert server.hosts == []
    assert not inquiry.evidence.exists()
    written = set(
        AuditEntry.objects.filter(action__startswith="evidence.capture").values_list(
            "action", flat=True
        )
    )
    assert written == {"evidence.capture_requested", "evidence.capture_failed"}
    assert all(action_label(a) for a in written)


def test_a_redirect_to_an_internal_address_says_why(
    client, case, server, settings, django_capture_on_commit_callbacks
):
    settings.ZORGVULDIG_CAPTURE_ALLOWED_HOSTS = ["127.0.0.1"]
    team, inquiry = case
    client.force_login(team.handler)
    url = f"{base_url(server)}/redirect?to=http://169.254.169.254/latest/meta-data/"
    page = _capture(client, inquiry, url, django_capture_on_commit_callbacks)
    assert UrlCapture.objects.get().failure == CaptureFailure.NOT_PUBLIC
    assert "169.254.169.254" in page


def test_a_timeout_says_why_on_the_case_page(
    client, case, server, settings, django_capture_on_commit_callbacks
):
    settings.ZORGVULDIG_CAPTURE_ALLOWED_HOSTS = ["127.0.0.1"]
    settings.ZORGVULDIG_CAPTURE_TIMEOUT = 0.3
    team, inquiry = case
    client.force_login(team.handler)
    page = _capture(
        client, inquiry, f"{base_url(server)}/slow", django_capture_on_commit_callbacks
    )
    assert UrlCapture.objects.get().failure == CaptureFailure.TIMEOUT
    assert _reason(CaptureFailure.TIMEOUT) in page


def test_the_job_is_safe_to_run_twice(case, server, settings):
    settings.ZORGVULDIG_CAPTURE_ALLOWED_HOSTS = ["127.0.0.1"]
    team, inquiry = case
    capture = request_capture(
        actor=team.handler, inquiry=inquiry, url=f"{base_url(server)}/post"
    )
    assert run_capture(capture.pk) == CaptureState.DONE
    assert run_capture(capture.pk) == "skipped"
    assert inquiry.evidence.count() == 2
    assert len(server.hosts) == 1


def test_only_people_who_may_add_evidence_may_capture(case):
    team, inquiry = case
    for user in (team.approver, make_user(Role.CASE_HANDLER, team.org)):
        with pytest.raises(EvidenceError):
            request_capture(actor=user, inquiry=inquiry, url="https://example.org/")
    assert not UrlCapture.objects.exists()
