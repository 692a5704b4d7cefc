"""Reading the Facebook export in its HTML form: the same entries as the JSON form, with the
zone-less local times stated, never silently taken as UTC."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from zoneinfo import ZoneInfo

import pytest

from zorgvuldig.exports import Kind, Platform, read_export
from zorgvuldig.exports.facebook_html import read_file

from .conftest import zip_folder

AMSTERDAM = "Europe/Amsterdam"
LIKED = dt.datetime(2010, 3, 1, 10, 14, tzinfo=dt.UTC)  # as the JSON fixtures have it
BOX = (
    '<div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder">'
    '<div class="_2ph_ _a6-p">{name}</div><div class="_3-94 _a6-o">{date}</div></div>'
)


def _zip(members: dict[str, bytes]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    buffer.seek(0)
    return buffer


def test_2023_layout_gives_the_entries_of_the_json_form():
    reading = read_export(zip_folder("facebook-html-2023"), local_zone=AMSTERDAM)
    assert reading.readable
    assert reading.platform is Platform.FACEBOOK
    like = next(e for e in reading.entries if e.kind is Kind.PAGE_LIKE)
    json_like = next(
        e
        for e in read_export(zip_folder("facebook-2022")).entries
        if e.kind is Kind.PAGE_LIKE
    )
    assert (like.target, like.when, like.url) == (
        json_like.target,
        json_like.when,
        json_like.url,
    )
    kinds = {e.kind for e in reading.entries}
    assert kinds == {
        Kind.POST,
        Kind.SHARE,
        Kind.PAGE_LIKE,
        Kind.REACTION,
        Kind.COMMENT,
        Kind.FOLLOW,
    }
    assert {e.reaction for e in reading.entries if e.kind is Kind.REACTION} == {
        "LIKE",
        "LOVE",
    }
    comment = next(e for e in reading.entries if e.kind is Kind.COMMENT)
    assert comment.text == "Mooi gezegd, één voor allen."
    share = next(e for e in reading.entries if e.kind is Kind.SHARE)
    assert share.url == "https://example.org/trailer"


def test_messages_in_html_are_never_read():
    reading = read_export(zip_folder("facebook-html-2023"))
    assert reading.skipped == 1
    assert not any("messages" in f for f in reading.files_read)
    assert all("PRIVATE" not in e.text + e.target for e in reading.entries)


def test_zone_less_times_are_stated_and_kept_as_written():
    reading = read_export(zip_folder("facebook-html-2023"), local_zone=AMSTERDAM)
    assert len(reading.notes) == 1
    assert "without saying which zone" in reading.notes[0]
    assert AMSTERDAM in reading.notes[0]
    like = next(e for e in reading.entries if e.kind is Kind.PAGE_LIKE)
    assert like.local_time == "Mar 01, 2010 11:14:00 am"
    assert like.as_dict()["local_time"] == "Mar 01, 2010 11:14:00 am"
    in_utc = read_export(zip_folder("facebook-html-2023"))
    assert "read as UTC" in in_utc.notes[0]
    assert next(e for e in in_utc.entries if e.kind is Kind.PAGE_LIKE).when == (
        LIKED + dt.timedelta(hours=1)
    )


def test_an_unknown_zone_name_is_read_as_utc_and_says_so():
    reading = read_export(zip_folder("facebook-html-nl"), local_zone="Mars/Olympus")
    assert "read as UTC" in reading.notes[0]


def test_undated_box_is_a_problem_not_dropped():
    reading = read_export(zip_folder("facebook-html-2023"))
    assert [p.ref for p in reading.problems] == [
        "your_activity_across_facebook/likes_and_reactions/pages.html#2"
    ]
    assert "yesterday" in reading.problems[0].reason


def test_2020_layout():
    reading = read_export(zip_folder("facebook-html-2020"), local_zone=AMSTERDAM)
    like = next(e for e in reading.entries if e.kind is Kind.PAGE_LIKE)
    assert (like.target, like.when) == ("Nederland bekent kleur", LIKED)
    reaction = next(e for e in reading.entries if e.kind is Kind.REACTION)
    assert reaction.reaction == "LIKE"
    assert reaction.when == dt.datetime(2012, 1, 19, 19, 6, tzinfo=dt.UTC)


def test_dutch_dates():
    reading = read_export(zip_folder("facebook-html-nl"), local_zone=AMSTERDAM)
    assert [(e.target, e.when) for e in reading.entries] == [
        ("Nederland bekent kleur", LIKED),
        ("Zomerfeest", dt.datetime(2015, 8, 2, 19, 30, tzinfo=dt.UTC)),  # summer time
    ]


def test_old_timeline_htm_with_its_offsets_needs_no_zone():
    reading = read_export(zip_folder("facebook-html-2010"), local_zone=AMSTERDAM)
    assert reading.files_read == ("html/timeline.htm",)
    assert reading.notes == ()
    # a share with the account's own words is a post, as in the JSON reader
    shared = next(e for e in reading.entries if "shared" in e.target)
    assert shared.kind is Kind.POST
    assert shared.when == dt.datetime(2010, 3, 1, 10, 20, tzinfo=dt.UTC)
    assert shared.text == "Nederland bekent kleur: lees dit"
    assert shared.local_time == ""
    post = next(e for e in reading.entries if e.text == "Lekker weer vandaag")
    assert post.when == dt.datetime(2009, 5, 21, 12, 27, tzinfo=dt.UTC)
    assert [p.ref for p in reading.problems] == ["html/timeline.htm#2"]


def test_a_single_html_file_is_read():
    page = BOX.format(name="Nederland bekent kleur", date="Mar 01, 2010 11:14 am")
    reading = read_export(io.BytesIO(page.encode()), name="pages.html")
    assert [e.target for e in reading.entries] == ["Nederland bekent kleur"]


def test_json_and_html_files_in_one_zip_are_both_read():
    page = BOX.format(name="Nederland bekent kleur", date="Mar 01, 2010 11:14 am")
    archive = zip_folder(
        "facebook-2022", {"likes_and_reactions/pages.html": page.encode()}
    )
    reading = read_export(archive)
    assert "likes_and_reactions/pages.html" in reading.files_read
    assert any(f.endswith(".json") for f in reading.files_read)


def test_entities_are_not_expanded_and_nothing_is_fetched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    doc = (
        f'<!DOCTYPE html [<!ENTITY ext SYSTEM "file://{secret}">'
        '<!ENTITY boom "BOOMBOOM">]><html><body>'
        + BOX.format(name="A &ext; &boom; &amp; B", date="Mar 01, 2010 11:14 am")
        + "</body></html>"
    )
    reading = read_export(io.BytesIO(doc.encode()), name="pages.html")
    target = reading.entries[0].target
    assert "SECRET" not in target
    assert "BOOMBOOM" not in target
    assert "& B" in target


def test_latin1_html_is_reported_not_read():
    page = BOX.format(name="Café", date="Mar 01, 2010 11:14 am")
    archive = zip_folder("facebook-2022", {"pages.html": page.encode("latin-1")})
    reading = read_export(archive)
    assert any("UTF-8" in p.reason for p in reading.problems if p.ref == "pages.html")
    assert "pages.html" not in reading.files_read


def test_malformed_html_still_gives_its_boxes():
    page = (
        "<html><body><div><p><b>"
        + BOX.format(name="Nederland bekent kleur", date="Mar 01, 2010 11:14 am")
        + "<div class='x'><span></i></td>"
    )
    reading = read_export(io.BytesIO(page.encode()), name="pages.html")
    assert [e.target for e in reading.entries] == ["Nederland bekent kleur"]


def test_truncated_html_member_refuses_the_archive_whole():
    page = BOX.format(name="Nederland bekent kleur", date="Mar 01, 2010 11:14 am")
    data = _zip({"likes_and_reactions/pages.html": page.encode() * 50}).getvalue()
    reading = read_export(io.BytesIO(data[: len(data) // 2]))
    assert not reading.readable
    assert reading.entries == ()


def test_file_beyond_the_bound_is_stopped_while_streaming():
    page = BOX.format(name="x", date="Mar 01, 2010 11:14 am").encode() * 10_000
    read = read_file(
        "pages.html", lambda: io.BytesIO(page), Kind.PAGE_LIKE, 100_000, ZoneInfo("UTC")
    )
    assert read.failure == "file is above the size limit"
    assert read.items == []


def test_many_boxes_stream_within_the_bound():
    box = BOX.format(name="Nederland bekent kleur", date="Mar 01, 2010 11:14 am")
    page = ("<html><body><main>" + box * 20_000 + "</main></body></html>").encode()
    read = read_file(
        "pages.html", lambda: io.BytesIO(page), Kind.PAGE_LIKE, 1 << 25, ZoneInfo("UTC")
    )
    assert len(read.items) == 20_000
    assert read.unzoned == 20_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mittwoch, 12. November 2008 um 20:53 UTC+01",
            dt.datetime(2008, 11, 12, 19, 53, tzinfo=dt.UTC),
        ),
        (
            "Dienstag, 4. März 2008 um 09:10 UTC+01",
            dt.datetime(2008, 3, 4, 8, 10, tzinfo=dt.UTC),
        ),
        (
            "Freitag, 2. Mai 2008 um 18:00 UTC+02",
            dt.datetime(2008, 5, 2, 16, 0, tzinfo=dt.UTC),
        ),
        (
            "Montag, 1. Dezember 2008 um 07:05 UTC+01",
            dt.datetime(2008, 12, 1, 6, 5, tzinfo=dt.UTC),
        ),
        (
            "Mittwoch, 1. Oktober 2008 um 12:00 UTC+02",
            dt.datetime(2008, 10, 1, 10, 0, tzinfo=dt.UTC),
        ),
    ],
)
def test_german_dates_of_the_old_timeline(text, expected):
    """Review finding: the docstring promised German dates, but März, Mai, Oktober and
    Dezember were not read."""
    from zorgvuldig.exports.html_dates import parse

    parsed = parse(text, AMSTERDAM)
    assert parsed is not None and parsed.zone_known
    assert parsed.when == expected
