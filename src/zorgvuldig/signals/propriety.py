"""Propriety of official communication and party political activity (UK sources first).

The kinds, each from the phrases of ``data/propriety.yaml`` (which names its sources):

- ``announcement``: a new policy, fund, scheme or blog made public ("today we announce",
  "new on our blog"). The Cabinet Office's General Election Guidance stops new
  announcements in the election period;
- ``announcement_before_parliament``: an announcement in a text that says Parliament will
  be told later ("the Secretary of State will tell MPs next week"): the most important
  announcements of policy are made to Parliament first (Ministerial Code para 9.1);
- ``unconfirmed_information``: hearsay about what is coming ("hearing that", "rumour has
  it"): GCS guidance asks official accounts to check accuracy and not to post when in
  doubt;
- ``partisan_account``: in the target's name only, the account of a party, a party branch
  or a campaigning group (GCS: official accounts must not further disseminate messages
  from partisan accounts);
- ``party_or_candidate``: in the target's name only, a politician's account named by office
  ("a councillor's account", "an MP's page"), as :mod:`.entities` finds them by name;
- ``partisan_stance`` with value ``party activity``: holding party office, a party
  conference, canvassing for a party or candidate (the national political activities of
  Civil Service Management Code 4.4.1(a)), even where no party is named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

from .patterns import CuePatterns, find_phrases
from .text import Field, load_data, non_overlapping
from .types import Signal

#: The field of the target's name: only there do account kinds count.
TARGET_NAME = "target.name"
#: Lists run through a :class:`CuePatterns` gate (on every text field).
_GATED = ("announcement", "unconfirmed", "party_activity")
#: Lists run as they are, on a field already chosen (the target's name, a text with an
#: announcement): no gate of theirs marks the words of every other text.
_PLAIN = ("before_parliament", "partisan_accounts", "politician_accounts")


def _entry(raw: Any) -> str | tuple[str, tuple[str, ...]]:
    """A pattern, or ``(pattern, words)`` for an entry ``{pattern, words}``."""
    if isinstance(raw, dict):
        return raw["pattern"], tuple(raw["words"])
    return str(raw)


@cache
def _patterns() -> dict[str, CuePatterns]:
    data = load_data("propriety.yaml")
    return {key: CuePatterns([_entry(e) for e in data[key]]) for key in _GATED}


@cache
def _plain() -> dict[str, tuple[re.Pattern[str], ...]]:
    data = load_data("propriety.yaml")
    return {key: tuple(re.compile(p) for p in data[key]) for key in _PLAIN}


def may_match(field: Field) -> bool:
    """Whether any propriety cue may match ``field`` (the cheap gate test)."""
    return any(p.may_match(field) for p in _patterns().values())


def _plain_phrases(
    kind: str, patterns: Iterable[re.Pattern[str]], field: Field, value: str | None
) -> list[Signal]:
    text = field.text
    matches = [
        (m.start(), m.end(), m.group()) for p in patterns for m in p.finditer(text)
    ]
    return [
        Signal(kind, found, field.where, start, end, value)
        for start, end, found in non_overlapping(matches)
        if found.strip()
    ]


def find_propriety(field: Field) -> list[Signal]:
    """The propriety cues of ``field`` (see the module docstring for the kinds).

    Returns:
        signals in no particular order; ``announcement_before_parliament`` only beside an
        ``announcement`` of the same field. The account kinds are :func:`find_accounts`'s.
    """
    patterns, plain = _patterns(), _plain()
    found = find_phrases("announcement", patterns["announcement"], field)
    if found:
        found += _plain_phrases(
            "announcement_before_parliament", plain["before_parliament"], field, None
        )
    found += find_phrases("unconfirmed_information", patterns["unconfirmed"], field)
    found += [
        Signal(s.kind, s.text, s.where, s.start, s.end, "party activity")
        for s in find_phrases("partisan_stance", patterns["party_activity"], field)
    ]
    return found


def find_accounts(field: Field) -> list[Signal]:
    """Whose account the target is, when ``field`` is the target's name (else nothing).

    Returns:
        ``partisan_account`` signals and ``party_or_candidate`` signals with value
        ``politician``, in no particular order.
    """
    if field.where != TARGET_NAME:
        return []
    return [
        Signal(kind, found, TARGET_NAME, start, end, value)
        for kind, found, start, end, value in _accounts(field.text)
    ]


@lru_cache(maxsize=4096)
def _accounts(text: str) -> tuple[tuple[str, str, int, int, str | None], ...]:
    """The account cues of one target name; the same pages come back for every
    employee who likes or shares them, so the answers are remembered."""
    plain = _plain()
    field = Field(text, TARGET_NAME)
    return tuple(
        (s.kind, s.text, s.start or 0, s.end or 0, s.value)
        for s in _plain_phrases(
            "partisan_account", plain["partisan_accounts"], field, None
        )
        + _plain_phrases(
            "party_or_candidate", plain["politician_accounts"], field, "politician"
        )
    )
