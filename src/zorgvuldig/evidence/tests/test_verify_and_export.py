"""``zorgvuldig evidence verify`` on a case and on its exported WACZ bundle: capture →
export → verify gives identical hashes; one changed byte of any artefact, custody entry or
token makes it fail and name the item."""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from zorgvuldig.cli import main
from zorgvuldig.evidence import services, timestamps
from zorgvuldig.evidence.models import CustodyEntry, EvidenceKind, TimestampToken
from zorgvuldig.inquiries.tests.factories import Team, build_inquiry

from .tsa import local_authority

pytestmark = pytest.mark.django_db

WARC = b"WARC/1.1\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>liked</p>"


@pytest.fixture
def case(tmp_path, settings):
    with local_authority(tmp_path / "tsa") as tsa:
        settings.ZORGVULDIG_TIMESTAMP_AUTHORITIES = [
            {"url": tsa.url, "chain": str(tsa.chain)}
        ]
        team = Team()
        inquiry = build_inquiry(team)
        warc = services.store_artefact(WARC)
        text = services.store_artefact(b"liked")
        capture = services.add_evidence(
            actor=team.handler,
            inquiry=inquiry,
            kind=EvidenceKind.URL_CAPTURE,
            parts=[
                services.Part(warc, "page.warc", "warc", "application/warc"),
                services.Part(text, "page.txt", "text", "text/plain"),
            ],
            source="https://example.org/page",
            tool="zorgvuldig-capture",
            tool_version="1.0",
            reason="the liked page",
            captured_at=datetime(2012, 2, 1, 9, 30, tzinfo=UTC),
        )
        timestamps.timestamp_item(capture)
        note = services.add_note(actor=team.hr, inquiry=inquiry, text="Seen: a like")
        yield team, inquiry, capture, note


def _verify(capsys, *args):
    code = main(["evidence", "verify", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_an_untouched_case_verifies(case, capsys):
    _team, inquiry, capture, _note = case
    code, out, _err = _verify(capsys, str(inquiry.pk))
    assert code == 0, out
    assert f"item #{capture.pk}: timestamp from" in out
    assert "RESULT: all checks hold" in out
    assert CustodyEntry.objects.filter(inquiry=inquiry, action="verified").exists()


def test_capture_export_verify_gives_identical_hashes(case, capsys, tmp_path):
    _team, inquiry, capture, _note = case
    target = tmp_path / "case.wacz"
    assert main(["evidence", "export", str(inquiry.pk), "-o", str(target)]) == 0
    with zipfile.ZipFile(target) as bundle:
        warc = bundle.read(f"archive/{capture.sha256}.warc")
        index = json.loads(bundle.read("evidence/manifest.json"))
        package = json.loads(bundle.read("datapackage.json"))
        assert bundle.read("pages/pages.jsonl").splitlines()[1].startswith(b'{"url"')
    assert (
        hashlib.sha256(warc).hexdigest()
        == capture.sha256
        == hashlib.sha256(WARC).hexdigest()
    )
    assert index["items"][0]["manifest_sha256"] == capture.manifest_sha256
    assert package["wacz_version"] == "1.1.1"
    code, out, _err = _verify(capsys, str(target))
    assert code == 0, out
    assert f"artefact archive/{capture.sha256}.warc sha256 {capture.sha256}" in out
    assert "openssl ts -verify -data evidence/items/" in out
    # The case itself still verifies, and its log now holds the export.
    assert CustodyEntry.objects.filter(inquiry=inquiry, action="exported").exists()


def _flip_one_byte(path):
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def test_a_changed_artefact_byte_fails_and_names_the_item(case, capsys):
    _team, inquiry, capture, note = case
    path = Path(capture.file.path)  # shared by every test storing these bytes
    _flip_one_byte(path)
    try:
        code, out, err = _verify(capsys, str(inquiry.pk))
    finally:
        _flip_one_byte(path)
    assert code == 1
    assert f"FAIL  item #{capture.pk}: artefact page.warc expected sha256" in out
    assert f"item #{capture.pk}" in err
    assert f"item #{note.pk}" not in err


def test_a_changed_custody_entry_fails_and_names_it(case, capsys):
    _team, inquiry, _capture, _note = case
    entry = CustodyEntry.objects.filter(inquiry=inquiry).order_by("seq")[1]
    CustodyEntry.objects.filter(pk=entry.pk).update(actor_name="someone-else")
    code, out, _err = _verify(capsys, str(inquiry.pk))
    assert code == 1
    assert f"FAIL  custody entry #{entry.seq}: changed" in out


def test_a_changed_record_fails_and_names_the_item(case, capsys):
    _team, inquiry, capture, _note = case
    type(capture).objects.filter(pk=capture.pk).update(reason="something else")
    code, out, _err = _verify(capsys, str(inquiry.pk))
    assert code == 1
    assert f"FAIL  item #{capture.pk}: its record no longer matches" in out


def test_a_changed_token_fails_and_names_the_item(case, capsys):
    _team, inquiry, capture, _note = case
    token = TimestampToken.objects.get(item=capture)
    der = bytearray(bytes(token.response))
    der[-10] ^= 0x01
    TimestampToken.objects.filter(pk=token.pk).update(response=bytes(der))
    code, out, _err = _verify(capsys, str(inquiry.pk))
    assert code == 1
    assert f"FAIL  item #{capture.pk}: timestamp from" in out


@pytest.mark.parametrize("member", ["artefact", "custody", "manifest", "token"])
def test_one_changed_byte_in_a_bundle_fails_and_names_it(
    case, capsys, tmp_path, member
):
    _team, inquiry, capture, note = case
    target = tmp_path / "case.wacz"
    assert main(["evidence", "export", str(inquiry.pk), "-o", str(target)]) == 0
    capsys.readouterr()
    names = {
        "artefact": f"evidence/artefacts/{note.sha256}",
        "custody": "evidence/custody.jsonl",
        "manifest": f"evidence/items/{capture.pk}/manifest.json",
        "token": f"evidence/items/{capture.pk}/timestamp-1.tsr",
    }
    changed = tmp_path / "changed.wacz"
    with zipfile.ZipFile(target) as src, zipfile.ZipFile(changed, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == names[member]:
                data = bytearray(data)
                data[len(data) // 3] ^= 0x01
                data = bytes(data)
            dst.writestr(info, data)
    code, out, _err = _verify(capsys, str(changed))
    assert code == 1, out
    expected = {
        "artefact": f"FAIL  item #{note.pk}: artefact",
        "custody": "FAIL  custody entry #",
        "manifest": f"FAIL  item #{capture.pk}: manifest expected",
        "token": f"FAIL  item #{capture.pk}: timestamp from",
    }[member]
    assert expected in out


def test_an_unknown_case_or_unreadable_bundle_exits_2(case, capsys, tmp_path):
    assert _verify(capsys, "999999")[0] == 2
    bad = tmp_path / "bad.wacz"
    bad.write_bytes(b"not a zip")
    code, _out, err = _verify(capsys, str(bad))
    assert code == 2
    assert "not a WACZ/zip file" in err
