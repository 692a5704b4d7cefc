"""The shapes the export readers return: an entry of the timeline, an entry that could not
be read, and the reading of one export as a whole. Frozen dataclasses, no Django."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field


class Platform(enum.StrEnum):
    """Which platform made the export."""

    FACEBOOK = "facebook"
    X = "x"
    UNKNOWN = "unknown"


class Kind(enum.StrEnum):
    """What the account did."""

    POST = "post"
    COMMENT = "comment"
    PAGE_LIKE = "page_like"  # liked (or followed) a page
    REACTION = "reaction"  # liked or reacted to a post or comment
    FOLLOW = "follow"  # the account follows someone
    FOLLOWER = "follower"  # someone follows the account
    SHARE = "share"  # a share or repost (a retweet)


@dataclass(frozen=True)
class Entry:
    """One action of the account, as the export records it.

    ``when`` is UTC, or ``None`` when the export does not record the time (the X archive's
    likes): shown as "time unknown", never guessed. ``ref`` names the place in the export
    (``file#index``), so the entry can be found again in the supplied archive. ``target``
    is what the action was about (a page's name, the title of a reacted-to post, a liked
    post's text); ``url`` its address when the export gives one; ``reaction`` the kind of
    reaction (``LIKE``, ``LOVE`` …) where there is one. ``local_time`` is the time as the
    export wrote it when that text named no zone (Facebook's HTML form): ``when`` then rests
    on the zone the reader was told, and the reading's ``notes`` say which.
    """

    platform: Platform
    kind: Kind
    when: dt.datetime | None
    ref: str
    account: str = ""
    target: str = ""
    text: str = ""
    url: str = ""
    reaction: str = ""
    local_time: str = ""

    @property
    def time_known(self) -> bool:
        """Whether the export records when it happened."""
        return self.when is not None

    def as_dict(self) -> dict[str, str | None]:
        """JSON-ready form; ``when`` as ISO 8601 UTC or ``None``."""
        return {
            "platform": self.platform.value,
            "kind": self.kind.value,
            "when": self.when.isoformat() if self.when else None,
            "ref": self.ref,
            "account": self.account,
            "target": self.target,
            "text": self.text,
            "url": self.url,
            "reaction": self.reaction,
            "local_time": self.local_time,
        }


@dataclass(frozen=True)
class Problem:
    """A part of the export that was not read, and why (``ref`` as in :class:`Entry`, or
    the file name alone when the whole file was not read)."""

    ref: str
    reason: str


@dataclass(frozen=True)
class Reading:
    """What one export gave: the entries read, the parts not read, and the proof of what
    was supplied (``sha256`` and ``size`` in bytes of the archive as received).

    ``readable`` is false when nothing could be used (not an archive, truncated, no known
    file): the caller then imports nothing, never half a timeline. ``skipped`` lists the
    files deliberately left unread (messages, photos): they are never opened.
    """

    platform: Platform
    sha256: str
    size: int
    entries: tuple[Entry, ...] = ()
    problems: tuple[Problem, ...] = ()
    files_read: tuple[str, ...] = ()
    skipped: int = 0
    readable: bool = True
    notes: tuple[str, ...] = field(default=())
