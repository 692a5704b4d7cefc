"""Reading the Facebook export in its 2019 and 2022 layouts."""

from __future__ import annotations

import datetime as dt
import hashlib

from zorgvuldig.exports import Kind, Platform, read_export

from .conftest import zip_folder

LIKED = dt.datetime(2010, 3, 1, 10, 14, tzinfo=dt.UTC)


def test_2019_layout_page_like_with_its_time_and_mojibake_fixed():
    reading = read_export(zip_folder("facebook-2019"))
    assert reading.readable
    assert reading.platform is Platform.FACEBOOK
    pages = [e for e in reading.entries if e.kind is Kind.PAGE_LIKE]
    assert [(p.target, p.when) for p in pages] == [
        ("Nederland bekent kleur", LIKED),
        ("Café de Zwaan", dt.datetime.fromtimestamp(1300000000, tz=dt.UTC)),
    ]
    comment = next(e for e in reading.entries if e.kind is Kind.COMMENT)
    assert comment.text == "Mooi gezegd, één voor allen."
    love = next(e for e in reading.entries if e.reaction == "LOVE")
    assert love.target == "Jan de Vries reacted to Renée's photo."


def test_an_entry_without_a_time_is_reported_not_dropped():
    reading = read_export(zip_folder("facebook-2019"))
    assert [p.ref for p in reading.problems] == ["likes_and_reactions/pages.json#2"]


def test_messages_are_never_read():
    reading = read_export(zip_folder("facebook-2019"))
    assert not any("messages" in f for f in reading.files_read)
    assert reading.skipped == 1
    assert all("PRIVATE" not in e.text for e in reading.entries)


def test_2022_layout():
    reading = read_export(zip_folder("facebook-2022"))
    kinds = {(e.kind, e.target) for e in reading.entries}
    assert (Kind.PAGE_LIKE, "Nederland bekent kleur") in kinds
    assert (Kind.FOLLOW, "Nederland bekent kleur") in kinds
    assert (Kind.REACTION, "Jan de Vries likes Nederland bekent kleur's post.") in kinds
    share = next(e for e in reading.entries if e.kind is Kind.SHARE)
    assert share.url == "https://example.org/trailer"
    assert any(
        e.target == "Jan de Vries replied to Tobias Løye's comment."
        for e in reading.entries
    )
    # The two broken reactions are reported with their place in the file.
    assert sorted(p.ref.rsplit("#", 1)[1] for p in reading.problems) == ["1", "2"]


def test_the_proof_is_the_hash_of_the_bytes_as_supplied():
    archive = zip_folder("facebook-2022")
    expected = hashlib.sha256(archive.getvalue()).hexdigest()
    reading = read_export(archive)
    assert reading.sha256 == expected
    assert reading.size == len(archive.getvalue())


def test_a_single_json_file():
    path = zip_folder("facebook-2019")
    del path
    from .conftest import DATA

    with (DATA / "facebook-2019/likes_and_reactions/pages.json").open("rb") as fh:
        reading = read_export(fh, name="pages.json")
    assert len([e for e in reading.entries if e.kind is Kind.PAGE_LIKE]) == 2
