"""Export and verify read artefacts in chunks (issue 12, "huge: stream them within a memory
bound"): no read of an artefact file, nor of a bundle member, asks for more than one chunk,
whatever the file's size. The file here is larger than two chunks, so reading it whole
would show up as one read larger than a chunk (or an unbounded ``read()``)."""

from __future__ import annotations

import io
import os

from django.core.files.storage import default_storage
from django.core.files.storage import filesystem as filesystem_storage

import pytest

from zorgvuldig.evidence import services
from zorgvuldig.evidence.bundle import export_case
from zorgvuldig.evidence.storage import CHUNK
from zorgvuldig.evidence.verification import verify_bundle, verify_case
from zorgvuldig.inquiries.tests.factories import Team, build_inquiry

pytestmark = pytest.mark.django_db

SIZE = 2 * CHUNK + 12345


class _Recording(io.RawIOBase):
    """A read-only file that records the size of every read asked of it."""

    def __init__(self, inner, reads: list[int | None]) -> None:
        self.inner, self.reads = inner, reads

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self.inner.seekable()

    def seek(self, *args):
        return self.inner.seek(*args)

    def tell(self) -> int:
        return self.inner.tell()

    def read(self, size=-1):
        self.reads.append(size)
        return self.inner.read(size)

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self.inner.close()
        super().close()


@pytest.fixture
def big_item():
    team = Team()
    inquiry = build_inquiry(team)
    artefact = services.store_artefact(os.urandom(SIZE))
    item = services.add_evidence(
        actor=team.handler,
        inquiry=inquiry,
        parts=[services.Part(artefact, "big.bin", "file", "application/octet-stream")],
    )
    return inquiry, item


@pytest.fixture
def artefact_reads(monkeypatch, big_item):
    """Sizes of the reads of the big artefact's file, through the storage."""
    _inquiry, item = big_item
    path = default_storage.path(item.file.name)
    reads: list[int | None] = []
    real_open = open

    def recording_open(name, mode="r", *args, **kwargs):
        fh = real_open(name, mode, *args, **kwargs)
        if str(name) == path and "r" in mode:
            return _Recording(fh, reads)
        return fh

    monkeypatch.setattr(filesystem_storage, "open", recording_open, raising=False)
    return reads


def _bounded(reads: list[int | None]) -> bool:
    return bool(reads) and all(s is not None and 0 < s <= CHUNK for s in reads)


def test_export_copies_the_artefact_in_chunks(big_item, artefact_reads):
    inquiry, _item = big_item
    target = io.BytesIO()
    export_case(
        inquiry=inquiry, items=inquiry.evidence.all(), actor=None, target=target
    )
    assert _bounded(artefact_reads), artefact_reads
    assert len(artefact_reads) >= 3  # SIZE spans three chunks
    assert verify_bundle(io.BytesIO(target.getvalue())).ok


def test_verify_rehashes_the_artefact_in_chunks(big_item, artefact_reads):
    inquiry, item = big_item
    report = verify_case(inquiry.pk)
    assert report.ok, report.as_text()
    assert _bounded(artefact_reads), artefact_reads
    artefact_reads.clear()
    assert services.verify(item).ok
    assert _bounded(artefact_reads), artefact_reads


def test_verify_of_a_bundle_reads_its_members_in_chunks(big_item):
    inquiry, _item = big_item
    target = io.BytesIO()
    export_case(
        inquiry=inquiry, items=inquiry.evidence.all(), actor=None, target=target
    )
    reads: list[int | None] = []
    target.seek(0)
    report = verify_bundle(_Recording(target, reads))
    assert report.ok, report.as_text()
    # zipfile reads a member's data as it is asked for it: reading the big artefact
    # whole would be one read of at least its size.
    assert max(s for s in reads if s is not None and s >= 0) < SIZE
