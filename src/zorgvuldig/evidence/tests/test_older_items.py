"""Items recorded before the content-addressed store (no parts, no manifest, no custody
entry) are given a manifest by ``zorgvuldig evidence adopt-older``, once, with a custody
entry ``created`` saying the manifest was made later; then verify and the WACZ export cover
them. An item whose file changed is not adopted and is named."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

import pytest

from zorgvuldig.cli import main
from zorgvuldig.evidence.bundle import export_case
from zorgvuldig.evidence.manifest import manifest_of
from zorgvuldig.evidence.models import CustodyEntry, EvidenceItem
from zorgvuldig.evidence.older_items import NOTE
from zorgvuldig.evidence.verification import verify_bundle, verify_case
from zorgvuldig.inquiries.tests.factories import Team, build_inquiry

pytestmark = pytest.mark.django_db


def _old_item(team, inquiry, data: bytes, name: str) -> EvidenceItem:
    """An item as the first migration made it: the file under ``evidence/<case>/``, its
    SHA-256, nothing else."""
    sha256 = hashlib.sha256(data).hexdigest()
    path = default_storage.save(
        f"evidence/{inquiry.pk}/{sha256[:16]}", ContentFile(data)
    )
    return EvidenceItem.objects.create(
        inquiry=inquiry,
        file=path,
        original_name=name,
        content_type="image/png",
        size=len(data),
        sha256=sha256,
        uploaded_by=team.handler,
    )


@pytest.fixture
def case():
    team = Team()
    inquiry = build_inquiry(team)
    item = _old_item(team, inquiry, b"\x89PNG the like of 2010", "like.png")
    return team, inquiry, item


def _export(inquiry) -> bytes:
    target = io.BytesIO()
    export_case(
        inquiry=inquiry, items=inquiry.evidence.all(), actor=None, target=target
    )
    return target.getvalue()


def test_an_older_item_gets_a_manifest_once(case, capsys):
    _team, inquiry, item = case
    # Before: the export leaves its file out.
    with zipfile.ZipFile(io.BytesIO(_export(inquiry))) as bundle:
        assert f"evidence/artefacts/{item.sha256}" not in bundle.namelist()

    assert main(["evidence", "adopt-older", str(inquiry.pk)]) == 0
    out = capsys.readouterr().out
    assert f"item #{item.pk}: manifest sha256" in out

    item = EvidenceItem.objects.get(pk=item.pk)
    part = item.parts.get()
    assert (part.role, part.name, part.artefact.sha256) == (
        "file",
        "like.png",
        item.sha256,
    )
    assert item.manifest_sha256 == hashlib.sha256(manifest_of(item)).hexdigest()
    created = CustodyEntry.objects.get(item=item, action="created")
    assert created.actor_name == "system"
    assert created.details["note"] == NOTE
    assert created.details["by"].startswith("zorgvuldig ")
    assert created.details["manifest_sha256"] == item.manifest_sha256

    report = verify_case(inquiry.pk)
    assert report.ok, report.as_text()
    assert f"item #{item.pk}: manifest sha256 {item.manifest_sha256}" in report.checked
    content = _export(inquiry)
    with zipfile.ZipFile(io.BytesIO(content)) as bundle:
        assert bundle.read(f"evidence/artefacts/{item.sha256}") == (
            b"\x89PNG the like of 2010"
        )
        index = json.loads(bundle.read("evidence/manifest.json"))
    assert index["items"][0]["manifest_sha256"] == item.manifest_sha256
    assert verify_bundle(io.BytesIO(content)).ok

    # A second run finds nothing to do and writes nothing.
    entries = CustodyEntry.objects.count()
    assert main(["evidence", "adopt-older"]) == 0
    assert "0 of 0 older items" in capsys.readouterr().out
    assert CustodyEntry.objects.count() == entries


def test_an_older_item_whose_file_changed_is_named_and_left_alone(case, capsys):
    team, inquiry, item = case
    with open(default_storage.path(item.file.name), "r+b") as fh:
        fh.write(b"X")
    sound = _old_item(team, inquiry, b"a note seen in 2012", "note.txt")
    assert main(["evidence", "adopt-older"]) == 1
    err = capsys.readouterr().err
    assert f"item #{item.pk}: its file expected sha256 {item.sha256}" in err
    assert not item.parts.exists()
    assert EvidenceItem.objects.get(pk=item.pk).manifest_sha256 == ""
    assert sound.parts.count() == 1
    assert f"item #{item.pk}: file expected" in "\n".join(
        verify_case(inquiry.pk).failures
    )
