"""Value types of the rulebooks package (pure Python, no Django).

The evaluator turns an :class:`Actor` in a :class:`Context` doing an :class:`Action`, plus the
text signals, into one :class:`Verdict` per jurisdiction. The field names and allowed values
follow the self-check contract (shared/cases/README.md, "Self-check").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

#: Allowed values of the enumerated case fields (shared/cases/README.md).
JURISDICTIONS = ("NL", "US", "UK")
NL_LEVELS = ("staff", "senior", "top", "head_of_mission")
HATCH_CATEGORIES = ("less_restricted", "further_restricted")
POLITICAL_CATEGORIES = ("free", "intermediate", "restricted")
ACCOUNTS = ("official", "personal_identifiable", "personal_anonymous")
ACTION_TYPES = (
    "post",
    "comment",
    "like",
    "share",
    "follow",
    "profile_picture",
    "cover_photo",
)
TARGET_KINDS = ("page", "post", "account")
#: What the employee tells the check (shared/cases/README.md, "What the employee tells the
#: check"): the functions whose holders must show more reticence, what a personal account
#: shows, what of a post they know through work, and whom a post addresses.
EXEMPLARY_FUNCTIONS = ("police", "judiciary", "security", "inspectorate", "diplomatic")
ACCOUNT_SHOWS = ("nothing", "employer", "title", "official_use")
WORK_INFORMATION = ("none", "public", "not_public")
ADDRESSEES = ("subordinates", "team", "colleagues", "journalist")


class Level(IntEnum):
    """Verdict levels, from mild to severe; compare with ``<``/``max``."""

    OK = 0
    CAUTION = 1
    HIGH_RISK = 2
    PROHIBITED = 3

    @property
    def label(self) -> str:
        """The contract's name of the level: ``ok``, ``caution``, ``high_risk``, ``prohibited``."""
        return _LABELS[self]  # every verdict asks; an enum's name is slow to get

    @classmethod
    def parse(cls, value: str) -> Level:
        """The level named ``value`` (``"high_risk"``); raises ``KeyError`` if unknown."""
        return cls[value.upper()]


_LABELS = {level: level.name.lower() for level in Level}


@dataclass(frozen=True)
class Actor:
    """The civil servant who expresses something.

    ``level`` is the Dutch rank; ``hatch_category`` the US Hatch Act category;
    ``political_category`` the UK Civil Service Management Code §4.4 group. ``None`` means
    not given; each rulebook says how it treats a missing value. The last four fields are
    what the employee tells the check about themselves (``None``: not answered).
    """

    jurisdiction: str
    level: str | None = None
    spokesperson: bool = False
    hatch_category: str | None = None
    political_category: str | None = None
    organisation: str = ""
    function: str = ""
    portfolio: tuple[str, ...] = ()
    posted_in: str | None = None
    account: str | None = None
    profile_picture_partisan: bool = False
    cover_photo_partisan: bool = False
    supervises: bool | None = None
    exemplary_function: str | None = None
    account_shows: str | None = None
    earlier_warnings: bool | None = None


@dataclass(frozen=True)
class Context:
    """When and where: ``date`` is the day of the action or of the check; the rules in force
    that day apply. The fields from ``own_area`` on are what the employee tells the check
    about this post (``None``: not answered)."""

    date: dt.date
    on_duty: bool = False
    in_workplace: bool = False
    official_travel: str | None = None
    election_period: bool = False
    own_area: bool | None = None
    work_information: str | None = None
    addressees: tuple[str, ...] | None = None
    series: bool | None = None
    internal_route: bool | None = None
    reacts_to_political_event: bool | None = None
    nonpartisan_election: bool | None = None


@dataclass(frozen=True)
class ContentItem:
    """One text a target shows (a page's post), with its publication date when known."""

    text: str
    date: dt.date | None = None


@dataclass(frozen=True)
class Target:
    """What is liked, shared, followed or commented on; ``content`` newest first."""

    kind: str
    name: str | None = None
    content: tuple[ContentItem, ...] = ()


@dataclass(frozen=True)
class Action:
    """What the actor does. ``since`` is the day a kept like or follow was placed;
    ``invites_giving`` and ``links_campaign`` are what the employee tells the check (``None``:
    not answered)."""

    type: str
    since: dt.date | None = None
    target: Target | None = None
    #: whether the actor adds words of their own (a post, a comment, text on a share)
    with_text: bool = False
    invites_giving: bool | None = None
    links_campaign: bool | None = None


@dataclass(frozen=True)
class Texts:
    """A text for employees in Dutch and English."""

    nl: str
    en: str

    def get(self, language: str) -> str:
        """The text in ``language`` (``"nl"`` or ``"en"``), English otherwise."""
        return self.nl if language == "nl" else self.en


@dataclass(frozen=True)
class Citation:
    """A legal source in the contract's citation form (``Ambtenarenwet 2017 art. 10 lid 1``)."""

    text: str
    url: str | None = None


@dataclass(frozen=True)
class Reason:
    """Why a verdict is what it is: one applied rule, its explanation and legal source."""

    rule: str
    text: str
    citation: str
    signals: tuple[str, ...] = ()
    text_en: str = ""
    weight: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """The contract shape ``{rule, text, citation, signals}`` plus ``text_en``/``weight``."""
        return {
            "rule": self.rule,
            "text": self.text,
            "citation": self.citation,
            "signals": list(self.signals),
            "text_en": self.text_en,
            "weight": self.weight,
        }


@dataclass(frozen=True)
class Precedent:
    """A decided or reported case that shows how the norm was applied.

    ``title`` and ``outcome`` are in the rulebook's language; ``titles`` and ``outcomes``
    hold both languages when the rulebook gives them.
    """

    id: str
    title: str
    date: dt.date | None
    outcome: str
    citation: str
    titles: Texts | None = None
    outcomes: Texts | None = None

    def title_in(self, language: str | None) -> str:
        """The title in ``language`` (``nl``/``en``), else as written."""
        return self.titles.get(language) if self.titles and language else self.title

    def outcome_in(self, language: str | None) -> str:
        """The outcome in ``language`` (``nl``/``en``), else as written."""
        return (
            self.outcomes.get(language) if self.outcomes and language else self.outcome
        )

    def as_dict(self, language: str | None = None) -> dict[str, Any]:
        """The contract shape ``{id, title, date, outcome, citation}`` (date ISO or null)."""
        return {
            "id": self.id,
            "title": self.title_in(language),
            "date": self.date.isoformat() if self.date else None,
            "outcome": self.outcome_in(language),
            "citation": self.citation,
        }


@dataclass(frozen=True)
class WeighedContent:
    """A target text that weighed in the verdict (for likes and follows: what the page shows)."""

    where: str
    date: dt.date | None
    text: str
    signals: tuple[str, ...]
    after_since: bool = False

    def as_dict(self) -> dict[str, Any]:
        """``{where, date, text, signals, after_since}``."""
        return {
            "where": self.where,
            "date": self.date.isoformat() if self.date else None,
            "text": self.text,
            "signals": list(self.signals),
            "after_since": self.after_since,
        }


@dataclass(frozen=True)
class Verdict:
    """The advice for one jurisdiction. Never a decision about a person (GDPR art. 22)."""

    jurisdiction: str
    level: Level
    clearance_required: bool
    reasons: tuple[Reason, ...]
    precedents: tuple[Precedent, ...] = ()
    would_change: tuple[str, ...] = ()
    rulebook: str = ""
    effective_from: dt.date | None = None
    score: int | None = None
    weighed_content: tuple[WeighedContent, ...] = ()
    not_yet_published: tuple[str, ...] = ()
    advice: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())
    #: the language of the texts (``nl``/``en``)
    language: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The contract shape (shared/cases/README.md) plus the extra fields of this class."""
        return {
            "jurisdiction": self.jurisdiction,
            "level": self.level.label,
            "clearance_required": self.clearance_required,
            "reasons": [r.as_dict() for r in self.reasons],
            "precedents": [p.as_dict(self.language) for p in self.precedents],
            "would_change": list(self.would_change),
            "rulebook": self.rulebook,
            "effective_from": self.effective_from.isoformat()
            if self.effective_from
            else None,
            "score": self.score,
            "weighed_content": [w.as_dict() for w in self.weighed_content],
            "not_yet_published": list(self.not_yet_published),
            "advice": list(self.advice),
            "notes": list(self.notes),
        }
