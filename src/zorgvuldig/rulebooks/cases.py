"""The self-check case contract: what a case holds, validated and normalised.

Input follows the contract in shared/cases/README.md ("Self-check"): a case has ``actor``,
``context``, ``action`` and ``text`` (the YAML/JSON shape of shared/cases/selfcheck/*.yaml).
:func:`parse_case` turns such a mapping into a :class:`Case` of the value types in
:mod:`~zorgvuldig.rulebooks.types`, or raises :class:`CaseError` naming the field and what
was expected; the forms of the employee's page and of an inquiry's conduct card read their
input with the same helpers (:func:`normalise_jurisdiction`, :func:`parse_dated_lines`,
:data:`NEEDS_TARGET`, :data:`TARGETED`). Checking a case is
:func:`zorgvuldig.rulebooks.check.run_check`.

Pure: no Django, no database, no logging; nothing here stores or logs the text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from zorgvuldig.rulebooks.types import (
    ACCOUNT_SHOWS,
    ACCOUNTS,
    ACTION_TYPES,
    ADDRESSEES,
    EXEMPLARY_FUNCTIONS,
    HATCH_CATEGORIES,
    JURISDICTIONS,
    NL_LEVELS,
    POLITICAL_CATEGORIES,
    TARGET_KINDS,
    WORK_INFORMATION,
    Action,
    Actor,
    ContentItem,
    Context,
    Target,
)
from zorgvuldig.signals import normalise_country

#: Alternative spellings of jurisdictions accepted on input.
JURISDICTION_ALIASES = {"GB": "UK", "USA": "US", "NLD": "NL"}
#: Action types that judge a target and therefore need one.
NEEDS_TARGET = ("like", "share", "follow")
#: Action types that are about someone else's page, post or account, so that a target may
#: be given (for a comment it is optional).
TARGETED = (*NEEDS_TARGET, "comment")

_ACTOR_FIELDS = {
    "jurisdiction", "level", "spokesperson", "hatch_category", "political_category",
    "organisation", "function", "portfolio", "posted_in", "account",
    "profile_picture_partisan", "cover_photo_partisan",
    "supervises", "exemplary_function", "account_shows", "earlier_warnings",
}  # fmt: skip
_CONTEXT_FIELDS = {
    "on_duty", "in_workplace", "official_travel", "date", "election_period",
    "own_area", "work_information", "addressees", "series", "internal_route",
    "reacts_to_political_event", "nonpartisan_election",
}  # fmt: skip
_ACTION_FIELDS = {"type", "since", "target", "invites_giving", "links_campaign"}
_TARGET_FIELDS = {"kind", "name", "content"}
_CONTENT_FIELDS = {"text", "date"}


_DATED_LINE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*:?\s+(\S.*)$")


class DatedLineError(ValueError):
    """A line of posts whose leading date is not a real day; ``line`` is 1-based."""

    def __init__(self, line: int, raw_date: str) -> None:
        super().__init__(f"line {line}: {raw_date} is not a valid date (YYYY-MM-DD)")
        self.line = line
        self.raw_date = raw_date


def parse_dated_lines(text: str) -> list[tuple[str, dt.date | None]]:
    """A target's posts typed one per line, each optionally starting with its date
    (``"2010-06-20: Geen regering met steun van de PVV"``), as ``[(text, date or None)]``
    in the order given; blank lines are skipped.

    Raises:
        DatedLineError: a line starts with a date that does not exist (e.g. 2010-13-45).
    """
    items: list[tuple[str, dt.date | None]] = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        m = _DATED_LINE.match(line)
        if m is None:
            items.append((line, None))
            continue
        try:
            day = dt.date.fromisoformat(m.group(1))
        except ValueError:
            raise DatedLineError(n, m.group(1)) from None
        items.append((m.group(2), day))
    return items


class CaseError(ValueError):
    """A case that cannot be checked; the message names the field and what was expected."""


@dataclass(frozen=True)
class Case:
    """A validated self-check case."""

    id: Any
    actor: Actor
    context: Context
    action: Action
    text: str | None


def normalise_jurisdiction(value: Any, field: str = "actor.jurisdiction") -> str:
    """``"NL"``, ``"US"`` or ``"UK"`` for any accepted spelling; raises :class:`CaseError`."""
    if not isinstance(value, str) or not value.strip():
        raise CaseError(
            f"{field}: missing (expected one of {', '.join(JURISDICTIONS)})"
        )
    code = value.strip().upper()
    code = JURISDICTION_ALIASES.get(code, code)
    if code not in JURISDICTIONS:
        raise CaseError(
            f"{field}: unknown jurisdiction {value!r} (expected one of {', '.join(JURISDICTIONS)})"
        )
    return code


#: Cases arrive as dicts (JSON, YAML, forms): checking for dict first is several times
#: cheaper than the abstract-base-class check, which stays for other mappings.
_MAPPINGS = (dict, Mapping)


def _is_mapping(value: Any) -> bool:
    return isinstance(value, _MAPPINGS)


def _mapping(
    value: Any, field: str, allowed: set[str], *, required: bool = True
) -> Mapping[str, Any]:
    if value is None and not required:
        return {}
    if value is None:
        raise CaseError(f"{field}: missing (expected a mapping)")
    if not isinstance(value, _MAPPINGS):
        raise CaseError(f"{field}: expected a mapping, got {type(value).__name__}")
    if allowed.issuperset(value):
        return value
    unknown = sorted(str(k) for k in value if k not in allowed)
    if unknown:
        raise CaseError(
            f"{field}.{unknown[0]}: unknown field (expected one of {', '.join(sorted(allowed))})"
        )
    return value


def _as_bool(value: Any, field: str, key: str) -> bool:
    if not isinstance(value, bool):
        raise CaseError(f"{field}.{key}: expected true or false, got {value!r}")
    return value


def _one_of(allowed: tuple[str, ...]) -> Callable[[Any, str, str], str]:
    def read(value: Any, field: str, key: str) -> str:
        if value not in allowed:
            raise CaseError(
                f"{field}.{key}: unknown value {value!r} (expected one of {', '.join(allowed)})"
            )
        return str(value)

    return read


def _list_of(allowed: tuple[str, ...]) -> Callable[[Any, str, str], tuple[str, ...]]:
    def read(value: Any, field: str, key: str) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise CaseError(
                f"{field}.{key}: expected a list of {', '.join(allowed)}, got {value!r}"
            )
        for item in value:
            if item not in allowed:
                raise CaseError(
                    f"{field}.{key}: unknown value {item!r} "
                    f"(expected any of {', '.join(allowed)})"
                )
        return tuple(dict.fromkeys(value))  # in the order given, once each

    return read


def _as_text(value: Any, field: str, key: str) -> str:
    if not isinstance(value, str):
        raise CaseError(f"{field}.{key}: expected text, got {value!r}")
    return value


def _as_country(value: Any, field: str, key: str) -> str | None:
    return normalise_country(_as_text(value, field, key))


def _read(
    raw: Mapping[str, Any],
    field: str,
    readers: tuple[tuple[str, Callable[[Any, str, str], Any]], ...],
) -> dict[str, Any]:
    """The optional fields of ``raw`` that are given, each checked by its reader.

    Readers run in the order of ``readers`` (so the first problem is reported) and only
    for the fields a case gives; a missing field keeps its dataclass default.
    """
    values = {}
    for key, read in readers:
        value = raw.get(key)
        if value is not None:
            values[key] = read(value, field, key)
    return values


def _text(raw: Mapping[str, Any], key: str, field: str) -> str | None:
    value = raw.get(key)
    return None if value is None else _as_text(value, field, key)


def parse_date(value: Any, field: str, *, required: bool = False) -> dt.date | None:
    """A date from YAML (a date object) or JSON (``"YYYY-MM-DD"``); raises :class:`CaseError`."""
    if value is None:
        if required:
            raise CaseError(f"{field}: missing (expected a date YYYY-MM-DD)")
        return None
    if isinstance(value, str):  # JSON, the common case: test it first
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    elif isinstance(value, dt.datetime):
        return value.date()
    elif isinstance(value, dt.date):
        return value
    raise CaseError(f"{field}: expected a date YYYY-MM-DD, got {value!r}")


#: How the optional actor and context fields are read, in the order they are checked.
_ACTOR_READERS = (
    ("level", _one_of(NL_LEVELS)),
    ("spokesperson", _as_bool),
    ("hatch_category", _one_of(HATCH_CATEGORIES)),
    ("political_category", _one_of(POLITICAL_CATEGORIES)),
    ("organisation", _as_text),
    ("function", _as_text),
    ("posted_in", _as_country),
    ("account", _one_of(ACCOUNTS)),
    ("profile_picture_partisan", _as_bool),
    ("cover_photo_partisan", _as_bool),
    ("supervises", _as_bool),
    ("exemplary_function", _one_of(EXEMPLARY_FUNCTIONS)),
    ("account_shows", _one_of(ACCOUNT_SHOWS)),
    ("earlier_warnings", _as_bool),
)
_CONTEXT_READERS = (
    ("on_duty", _as_bool),
    ("in_workplace", _as_bool),
    ("official_travel", _as_country),
    ("election_period", _as_bool),
    ("own_area", _as_bool),
    ("work_information", _one_of(WORK_INFORMATION)),
    ("addressees", _list_of(ADDRESSEES)),
    ("series", _as_bool),
    ("internal_route", _as_bool),
    ("reacts_to_political_event", _as_bool),
    ("nonpartisan_election", _as_bool),
)
_ACTION_READERS = (
    ("invites_giving", _as_bool),
    ("links_campaign", _as_bool),
)


def _actor(raw_case: Mapping[str, Any]) -> Actor:
    raw = _mapping(raw_case.get("actor"), "actor", _ACTOR_FIELDS)
    portfolio = raw.get("portfolio")
    if portfolio is None:
        portfolio = []
    if isinstance(portfolio, str):
        portfolio = [portfolio]
    if not isinstance(portfolio, list) or not all(
        isinstance(p, str) for p in portfolio
    ):
        raise CaseError("actor.portfolio: expected a list of topics (text)")
    jurisdiction = normalise_jurisdiction(raw.get("jurisdiction"))
    return Actor(
        jurisdiction=jurisdiction,
        portfolio=tuple(filter(str.strip, portfolio)),  # topics that are not blank
        **_read(raw, "actor", _ACTOR_READERS),
    )


def _context(raw_case: Mapping[str, Any]) -> Context:
    raw = _mapping(raw_case.get("context"), "context", _CONTEXT_FIELDS)
    date = parse_date(raw.get("date"), "context.date", required=True)
    assert date is not None  # noqa: S101 - required=True guarantees it
    return Context(date=date, **_read(raw, "context", _CONTEXT_READERS))


def _content(value: Any) -> tuple[ContentItem, ...]:
    if value is None:
        return ()
    if isinstance(value, str) or _is_mapping(value):
        value = [value]
    if not isinstance(value, list):
        raise CaseError(
            "action.target.content: expected a list of texts or {text, date}"
        )
    items = []
    for i, item in enumerate(value):
        if isinstance(item, str):
            items.append(ContentItem(item))
            continue
        # the field's name is only spelled out when something may be wrong with it
        raw = (
            item
            if isinstance(item, dict) and _CONTENT_FIELDS.issuperset(item)
            else _mapping(item, f"action.target.content[{i}]", _CONTENT_FIELDS)
        )
        text, date = raw.get("text"), raw.get("date")
        if not isinstance(text, str):
            raise CaseError(
                f"action.target.content[{i}].text: missing (expected the text of the post)"
            )
        if date is not None:
            date = parse_date(date, f"action.target.content[{i}].date")
        items.append(ContentItem(text, date))
    return tuple(items)


def _action(raw_case: Mapping[str, Any], context: Context) -> Action:
    raw = _mapping(raw_case.get("action"), "action", _ACTION_FIELDS)
    kind = raw.get("type")
    if kind is None:
        raise CaseError(
            f"action.type: missing (expected one of {', '.join(ACTION_TYPES)})"
        )
    if kind not in ACTION_TYPES:
        raise CaseError(
            f"action.type: unknown value {kind!r} (expected one of {', '.join(ACTION_TYPES)})"
        )
    since = parse_date(raw.get("since"), "action.since")
    if since is not None and since > context.date:
        raise CaseError(
            f"action.since: {since.isoformat()} is after context.date {context.date.isoformat()} "
            "(expected the day the like or follow was placed, on or before the check date)"
        )
    target = None
    if raw.get("target") is not None:
        t = _mapping(raw["target"], "action.target", _TARGET_FIELDS)
        tkind = t.get("kind")
        if tkind not in TARGET_KINDS:
            raise CaseError(
                f"action.target.kind: {'missing' if tkind is None else f'unknown value {tkind!r}'} "
                f"(expected one of {', '.join(TARGET_KINDS)})"
            )
        target = Target(
            str(tkind), _text(t, "name", "action.target"), _content(t.get("content"))
        )
    elif kind in NEEDS_TARGET:
        raise CaseError(
            f"action.target: missing (a {kind} needs the target: kind, name, content)"
        )
    return Action(
        type=str(kind),
        since=since,
        target=target,
        with_text=isinstance(raw_case.get("text"), str)
        and bool(raw_case["text"].strip()),
        **_read(raw, "action", _ACTION_READERS),
    )


def parse_case(case: Any) -> Case:
    """Validate a case (the YAML/JSON shape of shared/cases/selfcheck/*.yaml).

    Args:
        case: a mapping with ``actor``, ``context``, ``action`` and ``text`` (``id``,
            ``source`` and ``expect`` are allowed and ignored here).
    Returns:
        a :class:`Case` with normalised values (countries in English, dates as dates).
    Raises:
        CaseError: naming the field and what was expected.
    """
    if not _is_mapping(case):
        raise CaseError("case: expected a mapping with actor, context, action and text")
    actor = _actor(case)
    context = _context(case)
    action = _action(case, context)
    text = case.get("text")
    if text is not None and not isinstance(text, str):
        raise CaseError(f"text: expected text or null, got {type(text).__name__}")
    return Case(case.get("id"), actor, context, action, text)
