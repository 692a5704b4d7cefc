"""Reading the X/Twitter archive: likes carry no time, never a guessed one."""

from __future__ import annotations

import datetime as dt

from zorgvuldig.exports import Kind, Platform, read_export

from .conftest import zip_folder


def test_likes_have_no_time():
    reading = read_export(zip_folder("x-2023"))
    assert reading.platform is Platform.X
    like = next(e for e in reading.entries if e.kind is Kind.REACTION)
    assert like.when is None
    assert not like.time_known
    assert like.target == "Geen regering met steun van de PVV"
    assert like.as_dict()["when"] is None


def test_like_without_tweet_id_is_reported():
    reading = read_export(zip_folder("x-2023"))
    assert [p.ref for p in reading.problems] == ["data/like.js#1"]


def test_tweets_retweets_follows_and_followers():
    reading = read_export(zip_folder("x-2023"))
    post = next(e for e in reading.entries if e.kind is Kind.POST)
    assert post.when == dt.datetime(2018, 10, 10, 20, 19, 24, tzinfo=dt.UTC)
    assert post.url.endswith("/1450000000000000002")
    assert any(e.kind is Kind.SHARE for e in reading.entries)
    assert any(e.kind is Kind.FOLLOW and e.target == "12345" for e in reading.entries)
    assert any(e.kind is Kind.FOLLOWER and e.target == "67890" for e in reading.entries)
    assert "data/direct-messages.js" not in reading.files_read


def test_untimed_entries_come_last():
    reading = read_export(zip_folder("x-2023"))
    times = [e.when for e in reading.entries]
    assert times.index(None) > max(i for i, t in enumerate(times) if t is not None)


def test_older_archive_without_tweet_wrapper():
    reading = read_export(zip_folder("x-2019"))
    (post,) = reading.entries
    assert post.text == "Oud formaat"
    assert post.when == dt.datetime(2017, 1, 2, 10, tzinfo=dt.UTC)
