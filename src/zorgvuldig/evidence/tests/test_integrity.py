"""Evidence is stored with its SHA-256 and checked again on download."""

from __future__ import annotations

import hashlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

import pytest

from zorgvuldig.core.models import AuditEntry
from zorgvuldig.evidence import services
from zorgvuldig.evidence.models import EvidenceItem
from zorgvuldig.inquiries.tests.factories import Team, build_inquiry

pytestmark = pytest.mark.django_db

CONTENT = b"Screenshot of the liked page, 1 February 2012"


@pytest.fixture
def stored():
    team = Team()
    inquiry = build_inquiry(team)
    item = services.add_evidence(
        actor=team.handler,
        inquiry=inquiry,
        upload=SimpleUploadedFile("like.txt", CONTENT, content_type="text/plain"),
        description="capture",
    )
    return team, inquiry, item


def test_upload_records_hash_uploader_and_time(stored):
    team, _inquiry, item = stored
    assert item.sha256 == hashlib.sha256(CONTENT).hexdigest()
    assert item.uploaded_by == team.handler
    assert item.uploaded_at is not None
    assert item.size == len(CONTENT)


def test_download_serves_the_file_when_the_hash_matches(client, stored):
    team, inquiry, item = stored
    client.force_login(team.hr)
    response = client.get(reverse("evidence:download", args=[inquiry.pk, item.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CONTENT
    assert response["X-Content-SHA256"] == item.sha256


def test_altered_bytes_are_reported_not_served(client, stored):
    team, inquiry, item = stored
    with open(item.file.path, "wb") as fh:
        fh.write(b"Something else entirely")
    client.force_login(team.handler)
    response = client.get(reverse("evidence:download", args=[inquiry.pk, item.pk]))
    assert response.status_code == 409
    page = response.content.decode()
    assert item.sha256 in page
    assert hashlib.sha256(b"Something else entirely").hexdigest() in page
    assert CONTENT.decode() not in page
    assert AuditEntry.objects.filter(action="evidence.integrity_failed").count() == 1


def test_missing_file_is_reported(client, stored):
    team, inquiry, item = stored
    item.file.delete(save=False)
    client.force_login(team.handler)
    response = client.get(reverse("evidence:download", args=[inquiry.pk, item.pk]))
    assert response.status_code == 409


def test_the_case_page_shows_the_hash(client, stored):
    team, inquiry, item = stored
    client.force_login(team.legal)
    assert (
        item.sha256
        in client.get(reverse("inquiries:detail", args=[inquiry.pk])).content.decode()
    )


@override_settings(ZORGVULDIG_MAX_UPLOAD_BYTES=10)
def test_upload_over_the_limit_is_refused_with_a_message(client):
    team = Team()
    inquiry = build_inquiry(team)
    client.force_login(team.handler)
    response = client.post(
        reverse("evidence:upload", args=[inquiry.pk]),
        {"file": SimpleUploadedFile("big.bin", b"x" * 11)},
        follow=True,
        headers={"accept-language": "en"},
    )
    assert "the limit is" in response.content.decode()
    assert not EvidenceItem.objects.exists()


def test_role_without_upload_right_is_refused():
    team = Team()
    inquiry = build_inquiry(team)
    with pytest.raises(services.EvidenceError):
        services.add_evidence(
            actor=team.approver,
            inquiry=inquiry,
            upload=SimpleUploadedFile("a.txt", b"a"),
        )
