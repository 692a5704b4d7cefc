"""Facebook "Download your information" (JSON) files → timeline entries.

Which file holds what, by its name (the folders moved between export years, the names less):

- page likes: ``likes_and_reactions/pages.json`` ``{"page_likes": [{"name", "timestamp"}]}``
  (2018-2020); ``your_activity_across_facebook/pages/pages_you've_liked.json``
  ``{"page_likes_v2": [{"name", "timestamp", "url"}]}`` (2021 on);
- reactions to posts and comments: ``posts_and_comments.json`` ``{"reactions": […]}`` or
  ``{"reactions_v2": […]}``, later ``likes_and_reactions_N.json`` as a bare list; each
  ``{"timestamp", "title", "data": [{"reaction": {"reaction": "LIKE", "actor"}}]}``;
- posts: ``your_posts_N.json`` (later ``your_posts__check_ins__photos_and_videos_N.json``),
  a list of ``{"timestamp", "title", "data": [{"post"}],
  "attachments": […]}``;
- comments: ``comments.json`` ``{"comments"|"comments_v2": [{"timestamp", "title",
  "data": [{"comment": {"timestamp", "comment", "author"}}]}]}``;
- follows: ``following.json`` / ``who_you_follow.json``
  ``{"following"|"following_v2"|"following_v3": [{"name", "timestamp"}]}``.

Sources: NorseKode/Waultar-App ``documents/parser/content_examples.md`` (comments_v2,
your_posts_1.json, the mojibake), apparebit/deface README (posts, the mojibake). Messages,
photos and everything else are never opened. Timestamps are Unix seconds, UTC.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from .mojibake import fix_text
from .types import Entry, Kind, Platform, Problem

#: ``(pattern over the file's base name, kind, keys that may hold the list)``
FILES: tuple[tuple[re.Pattern[str], Kind, tuple[str, ...]], ...] = (
    (
        re.compile(r"^(pages|pages_you've_liked|liked_pages)\.json$"),
        Kind.PAGE_LIKE,
        ("page_likes", "page_likes_v2", "pages_liked"),
    ),
    (
        re.compile(r"^(posts_and_comments|likes_and_reactions(_\d+)?)\.json$"),
        Kind.REACTION,
        ("reactions", "reactions_v2"),
    ),
    (
        re.compile(r"^your_posts(__check_ins__photos_and_videos)?(_\d+)?\.json$"),
        Kind.POST,
        ("status_updates_v2",),
    ),
    (
        re.compile(r"^(your_)?comments(_\d+)?\.json$"),
        Kind.COMMENT,
        ("comments", "comments_v2"),
    ),
    (
        re.compile(r"^(following|who_you_follow|who_you've_followed)\.json$"),
        Kind.FOLLOW,
        ("following", "following_v2", "following_v3", "following_users_v2"),
    ),
)


def kind_of(basename: str) -> tuple[Kind, tuple[str, ...]] | None:
    """The kind of entries a Facebook file of that name holds, or ``None`` (not read)."""
    for pattern, kind, keys in FILES:
        if pattern.match(basename):
            return kind, keys
    return None


def read_file(
    name: str, payload: Any, kind: Kind, keys: tuple[str, ...]
) -> Iterator[Entry | Problem]:
    """The entries of one decoded Facebook JSON file, and a :class:`Problem` for each item
    that could not be read (the item's ``ref`` is ``name#index``)."""
    items = _items(payload, keys)
    if items is None:
        yield Problem(name, "no list of entries where one was expected")
        return
    for index, item in enumerate(items):
        ref = f"{name}#{index}"
        try:
            yield _entry(kind, item, ref)
        except (KeyError, TypeError, ValueError, OverflowError, AttributeError) as exc:
            yield Problem(ref, f"entry not readable ({type(exc).__name__})")


def _items(payload: Any, keys: tuple[str, ...]) -> list[Any] | None:
    if isinstance(payload, list):
        return payload
    if isinstance(payload, dict):
        for key in keys:
            if isinstance(payload.get(key), list):
                return payload[key]  # type: ignore[no-any-return]
        lists = [v for v in payload.values() if isinstance(v, list)]
        if len(lists) == 1:
            return lists[0]  # a renamed key of a later export year
    return None


def _time(value: Any) -> dt.datetime:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError("timestamp")
    try:
        return dt.datetime.fromtimestamp(value, tz=dt.UTC)
    except OSError:  # out of the platform's range (EOVERFLOW), like OverflowError
        raise ValueError("timestamp out of range") from None


def _text(value: Any) -> str:
    return fix_text(value) if isinstance(value, str) else ""


def _data(item: dict[str, Any], key: str) -> Any:
    for part in item.get("data") or ():
        if isinstance(part, dict) and key in part:
            return part[key]
    return None


def _url(item: dict[str, Any]) -> str:
    if isinstance(item.get("url"), str):
        return str(item["url"])
    for attachment in item.get("attachments") or ():
        for part in (attachment or {}).get("data") or ():
            context = part.get("external_context") if isinstance(part, dict) else None
            if isinstance(context, dict) and isinstance(context.get("url"), str):
                return str(context["url"])
    return ""


def _entry(kind: Kind, item: Any, ref: str) -> Entry:
    if not isinstance(item, dict):
        raise TypeError("item")
    when = _time(item["timestamp"])
    title = _text(item.get("title"))
    if kind is Kind.PAGE_LIKE or kind is Kind.FOLLOW:
        name = _text(item.get("name")) or title or _text(_data(item, "name"))
        if not name:
            raise ValueError("name")
        return Entry(Platform.FACEBOOK, kind, when, ref, target=name, url=_url(item))
    if kind is Kind.REACTION:
        reaction = _data(item, "reaction") or {}
        return Entry(
            Platform.FACEBOOK,
            kind,
            when,
            ref,
            account=_text(reaction.get("actor")),
            target=title,
            reaction=_text(reaction.get("reaction")) or "LIKE",
            url=_url(item),
        )
    if kind is Kind.COMMENT:
        comment = _data(item, "comment") or {}
        return Entry(
            Platform.FACEBOOK,
            kind,
            when,
            ref,
            account=_text(comment.get("author")),
            target=title,
            text=_text(comment.get("comment")),
            url=_url(item),
        )
    text = _text(_data(item, "post"))
    shared = "shared" in title.lower() and not text
    return Entry(
        Platform.FACEBOOK,
        Kind.SHARE if shared else Kind.POST,
        when,
        ref,
        target=title,
        text=text,
        url=_url(item),
    )
