"""Parties, politicians and candidates named in a text (signal ``party_or_candidate``).

The lists are in ``data/parties.yaml`` with their sources: Dutch parties with their common
names and abbreviations, a few UK and US parties, party leaders and recent US candidates,
plus generic campaign phrases ("Re-elect Senator X", "a presidential campaign account").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import compile_alternation, compile_patterns, fold, load_data
from .types import Signal


@dataclass(frozen=True, slots=True)
class _Lexicon:
    ignore_case: re.Pattern[str] | None
    exact: re.Pattern[str] | None
    by_folded: dict[str, str]
    by_exact: dict[str, str]
    campaign: tuple[re.Pattern[str], ...]


def _key(text: str) -> str:
    return " ".join(fold(text).split())


@cache
def _lexicon() -> _Lexicon:
    data = load_data("parties.yaml")
    by_folded: dict[str, str] = {}
    by_exact: dict[str, str] = {}
    for party in data["parties"]:
        for name in party.get("names") or ():
            by_folded[_key(name)] = party["short"]
        for name in party.get("exact") or ():
            by_exact[" ".join(name.split())] = party["short"]
    for person in data["politicians"]:
        by_folded[_key(person["name"])] = person["party"]
        for name in person.get("exact") or ():
            by_exact[" ".join(name.split())] = person["party"]
    return _Lexicon(
        ignore_case=compile_alternation(
            [p for party in data["parties"] for p in party.get("names") or ()]
            + [person["name"] for person in data["politicians"]],
            ignore_case=True,
        ),
        exact=compile_alternation(by_exact, ignore_case=False),
        by_folded=by_folded,
        by_exact=by_exact,
        campaign=compile_patterns(data.get("campaign_patterns") or ()),
    )


def find_entities(text: str, *, where: str = "text") -> list[Signal]:
    """Parties, politicians and campaigns named in ``text``.

    Args:
        text: the field's text.
        where: the field name the spans refer to.
    Returns:
        ``party_or_candidate`` signals, ``value`` = the party's short name (``"PVV"``) or
        ``"campaign"`` for a generic campaign phrase; overlapping matches keep the longest.
    """
    lex = _lexicon()
    found: list[Signal] = []
    if lex.ignore_case is not None:
        for m in lex.ignore_case.finditer(text):
            value = lex.by_folded.get(_key(m.group()))
            found.append(_signal(m, where, value))
    if lex.exact is not None:
        for m in lex.exact.finditer(text):
            value = lex.by_exact.get(" ".join(m.group().split()))
            found.append(_signal(m, where, value))
    for pattern in lex.campaign:
        found.extend(_signal(m, where, "campaign") for m in pattern.finditer(text))
    return _longest_first(found)


def _signal(m: re.Match[str], where: str, value: str | None) -> Signal:
    return Signal("party_or_candidate", m.group(), where, m.start(), m.end(), value)


def _longest_first(signals: list[Signal]) -> list[Signal]:
    """Drop matches that lie inside a longer one (``Partij van de Arbeid`` vs ``Arbeid``)."""
    ordered = sorted(
        signals, key=lambda s: (s.start or 0, -((s.end or 0) - (s.start or 0)))
    )
    kept: list[Signal] = []
    for sig in ordered:
        if kept and (sig.start or 0) < (kept[-1].end or 0):
            continue
        kept.append(sig)
    return kept
