"""Malformed, truncated, huge and wrongly encoded exports: a report, never a traceback and
never half a timeline."""

from __future__ import annotations

import io
import json
import zipfile

from zorgvuldig.exports import Limits, read_export

from .conftest import zip_folder


def test_truncated_archive_is_refused_whole():
    data = zip_folder("facebook-2019").getvalue()
    reading = read_export(io.BytesIO(data[: len(data) // 2]))
    assert not reading.readable
    assert reading.entries == ()
    assert "truncated" in reading.problems[0].reason


def test_not_an_export():
    reading = read_export(io.BytesIO(b"%PDF-1.4 nothing here"), name="x.pdf")
    assert not reading.readable
    assert reading.entries == ()


def test_empty_zip_holds_no_export_file():
    buffer = io.BytesIO()
    zipfile.ZipFile(buffer, "w").close()
    reading = read_export(io.BytesIO(buffer.getvalue()))
    assert not reading.readable


def test_malformed_json_file_is_reported_and_the_rest_read():
    archive = zip_folder(
        "facebook-2022", {"comments/comments.json": b'{"comments": [ {'}
    )
    reading = read_export(archive)
    assert reading.readable
    assert any(p.ref == "comments/comments.json" for p in reading.problems)
    assert reading.entries


def test_latin1_encoded_file_is_reported():
    text = json.dumps(
        {"page_likes": [{"name": "Café", "timestamp": 1}]}, ensure_ascii=False
    )
    archive = zip_folder("facebook-2022", {"pages.json": text.encode("latin-1")})
    reading = read_export(archive)
    assert any("UTF-8" in p.reason for p in reading.problems if p.ref == "pages.json")


def test_member_above_the_memory_bound_is_not_decompressed():
    huge = b'{"page_likes": [' + b" " * 5_000_000 + b"]}"
    archive = zip_folder("facebook-2022", {"likes/pages.json": huge})
    reading = read_export(archive, limits=Limits(member_bytes=1_000_000))
    assert any(
        "limit" in p.reason for p in reading.problems if p.ref == "likes/pages.json"
    )
    assert reading.readable


def test_too_many_entries_refuses_the_whole_export():
    likes = [{"name": f"p{i}", "timestamp": i} for i in range(50)]
    archive = zip_folder(
        "facebook-2022", {"pages.json": json.dumps({"page_likes": likes}).encode()}
    )
    reading = read_export(archive, limits=Limits(entries=20))
    assert not reading.readable
    assert reading.entries == ()


def test_html_file_of_an_unknown_layout_is_named_not_silently_ignored():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "likes_and_reactions/pages.html", "<html>Nederland bekent kleur</html>"
        )
    reading = read_export(io.BytesIO(buffer.getvalue()))
    assert not reading.readable
    assert any("layout" in p.reason for p in reading.problems)
