"""X/Twitter archive files (``data/*.js``) → timeline entries.

Each file is JavaScript assigning one JSON array: ``window.YTD.<name>.part<N> = [ … ]``.
Read here: ``like.js`` (``[{"like": {"tweetId", "fullText", "expandedUrl"}}]``: the
archive does not say *when* a post was liked, so these entries carry no time), ``tweets.js``
or the older ``tweet.js`` (``[{"tweet": {"id_str", "full_text", "created_at"}}]``, older
archives without the ``"tweet"`` wrapper; ``created_at`` as ``Wed Oct 10 20:19:24 +0000
2018``; a text starting ``RT @`` is a repost), ``following.js`` and ``follower.js``
(``[{"following": {"accountId", "userLink"}}]``, no time either).

Sources: the twitter-archive Rust crate's ``structs/like`` documentation (archives as of
2023-08-31: ``data/like.js``), the like.js readers in public code accepting
``window.YTD.like.part0 = `` and ``window.YTD.liked_tweets.part0 = `` prefixes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

from .types import Entry, Kind, Platform, Problem

PREFIX = re.compile(rb"^\s*window\.YTD\.(\w+)\.part\d+\s*=\s*")
FILES = {
    "like": Kind.REACTION,
    "liked_tweets": Kind.REACTION,
    "tweet": Kind.POST,
    "tweets": Kind.POST,
    "following": Kind.FOLLOW,
    "follower": Kind.FOLLOWER,
}


def kind_of(basename: str) -> Kind | None:
    """The kind of entries an X archive file of that name holds, or ``None``."""
    stem, _, ext = basename.partition(".")
    stem = re.sub(r"-part\d+$", "", stem)
    return FILES.get(stem) if ext == "js" else None


def decode(raw: bytes) -> Any:
    """The JSON value of a ``data/*.js`` file. Raises ``ValueError`` when it is not one."""
    match = PREFIX.match(raw)
    if not match:
        raise ValueError("no window.YTD assignment")
    return json.loads(raw[match.end() :].decode("utf-8").rstrip().rstrip(";"))


def read_file(name: str, payload: Any, kind: Kind) -> Iterator[Entry | Problem]:
    """The entries of one decoded archive file, and a :class:`Problem` per unreadable item."""
    if not isinstance(payload, list):
        yield Problem(name, "no list of entries where one was expected")
        return
    for index, item in enumerate(payload):
        ref = f"{name}#{index}"
        try:
            yield _entry(kind, item, ref)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            yield Problem(ref, f"entry not readable ({type(exc).__name__})")


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _entry(kind: Kind, item: Any, ref: str) -> Entry:
    if not isinstance(item, dict):
        raise TypeError("item")
    if kind is Kind.REACTION:
        like = item["like"]
        tweet_id = _str(like["tweetId"])
        if not tweet_id:
            raise ValueError("tweetId")
        url = _str(like.get("expandedUrl")) or f"https://x.com/i/web/status/{tweet_id}"
        return Entry(
            Platform.X,
            kind,
            None,
            ref,
            target=_str(like.get("fullText")),
            url=url,
            reaction="LIKE",
        )
    if kind is Kind.POST:
        tweet = item.get("tweet", item)
        when = dt.datetime.strptime(tweet["created_at"], "%a %b %d %H:%M:%S %z %Y")
        text = _str(tweet.get("full_text") or tweet.get("text"))
        tweet_id = _str(tweet.get("id_str"))
        return Entry(
            Platform.X,
            Kind.SHARE if text.startswith("RT @") else Kind.POST,
            when.astimezone(dt.UTC),
            ref,
            text=text,
            url=f"https://x.com/i/web/status/{tweet_id}" if tweet_id else "",
        )
    key = "following" if kind is Kind.FOLLOW else "follower"
    other = item[key]
    account = _str(other["accountId"])
    if not account:
        raise ValueError("accountId")
    return Entry(
        Platform.X, kind, None, ref, target=account, url=_str(other.get("userLink"))
    )
