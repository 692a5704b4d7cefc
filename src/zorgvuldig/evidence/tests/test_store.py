"""Artefacts are stored once by their SHA-256, mode 0600, and read-only after creation;
items record who captured them, when, with which tool and why; the custody log is a chain."""

from __future__ import annotations

import hashlib
import itertools
import os
import stat
from datetime import UTC, datetime

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from zorgvuldig.evidence import services
from zorgvuldig.evidence.custody import GENESIS, canonical_line, entry_record
from zorgvuldig.evidence.manifest import manifest_of
from zorgvuldig.evidence.models import (
    Artefact,
    CustodyEntry,
    EvidenceKind,
    ReadOnlyError,
)
from zorgvuldig.inquiries.tests.factories import Team, build_inquiry

pytestmark = pytest.mark.django_db

DATA = b"The page was liked on 1 February 2010."


@pytest.fixture
def case():
    team = Team()
    return team, build_inquiry(team)


def test_same_bytes_are_stored_once(case):
    team, inquiry = case
    first = services.add_evidence(
        actor=team.handler,
        inquiry=inquiry,
        upload=SimpleUploadedFile("a.txt", DATA),
    )
    second = services.add_evidence(
        actor=team.hr,
        inquiry=inquiry,
        upload=SimpleUploadedFile("b.txt", DATA),
    )
    assert Artefact.objects.filter(sha256=hashlib.sha256(DATA).hexdigest()).count() == 1
    assert first.file.name == second.file.name
    assert first.pk != second.pk


def test_files_are_readable_by_the_service_alone():
    artefact = services.store_artefact(DATA + b" (mode)")
    mode = stat.S_IMODE(os.stat(artefact.file.path).st_mode)
    assert mode == 0o600
    folder = stat.S_IMODE(os.stat(os.path.dirname(artefact.file.path)).st_mode)
    assert folder & 0o077 == 0


def test_capture_records_who_when_tool_and_why(case):
    team, inquiry = case
    warc = services.store_artefact([b"WARC/1.1\r\n", b"record"])
    text = services.store_artefact(b"main text")
    moment = datetime(2012, 2, 1, 9, 30, tzinfo=UTC)
    item = services.add_evidence(
        actor=team.handler,
        inquiry=inquiry,
        kind=EvidenceKind.URL_CAPTURE,
        parts=[
            services.Part(warc, "c.warc.gz", "warc", "application/warc"),
            services.Part(text, "c.txt", "text", "text/plain"),
        ],
        source="https://example.org/post/1",
        tool="zorgvuldig-capture",
        tool_version="1.0",
        reason="the post named in question 2",
        captured_at=moment,
    )
    item.refresh_from_db()
    assert item.uploaded_by == team.handler
    assert item.uploaded_at == moment
    assert (item.tool, item.tool_version) == ("zorgvuldig-capture", "1.0")
    assert item.reason == "the post named in question 2"
    assert [p.role for p in item.parts.all()] == ["warc", "text"]
    assert item.sha256 == warc.sha256
    manifest = manifest_of(item)
    assert hashlib.sha256(manifest).hexdigest() == item.manifest_sha256
    assert b'"captured_at":"2012-02-01T09:30:00.000000Z"' in manifest


def test_records_are_read_only(case):
    team, inquiry = case
    item = services.add_note(actor=team.handler, inquiry=inquiry, text="Seen: a like")
    item.reason = "changed"
    with pytest.raises(ReadOnlyError):
        item.save()
    with pytest.raises(ReadOnlyError):
        item.delete()
    entry = CustodyEntry.objects.get(item=item)
    with pytest.raises(ReadOnlyError):
        entry.save()


def test_custody_entries_form_a_chain(case):
    team, inquiry = case
    for n in range(3):
        services.add_note(actor=team.handler, inquiry=inquiry, text=f"note {n}")
    entries = list(CustodyEntry.objects.filter(inquiry=inquiry))
    assert [e.seq for e in entries] == [1, 2, 3]
    assert entries[0].prev_hash == GENESIS
    for before, after in itertools.pairwise(entries):
        assert after.prev_hash == before.entry_hash
    for e in entries:
        line = canonical_line(entry_record(e))
        assert hashlib.sha256(line).hexdigest() == e.entry_hash
        assert e.action == "created"
        assert e.actor_name == team.handler.get_username()


def test_too_large_upload_is_refused_and_nothing_kept(case, settings):
    team, inquiry = case
    settings.ZORGVULDIG_MAX_UPLOAD_BYTES = 10
    with pytest.raises(services.EvidenceError):
        services.add_evidence(
            actor=team.handler,
            inquiry=inquiry,
            upload=SimpleUploadedFile("big.txt", b"x" * 11),
        )
    assert not inquiry.evidence.exists()
