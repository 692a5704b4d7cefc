"""Whom a post addresses or tags (``addressee``).

A political message to one's subordinates is coercive by the reporting line (5 U.S.C.
7323(a)(1); OSC Hatch Act FAQs), and a post addressed to one's team, colleagues or a
journalist reaches them as a colleague or a source rather than as a private person
(Gedragscode Integriteit Rijk 2019 §5.3). The check cannot know whom the employee
addresses; this cue finds the forms of address in the text so that the page can suggest
the answer to ``context.addressees``, never state it as a fact.

- an @mention ("@janjansen"), ``value`` ``mention``;
- a greeting or salutation with a group ("Hi team", "Beste collega's"), the group as the
  first word of a line ("Team, ..."), or a message said to be for them ("Note to
  journalists"): ``value`` ``team``, ``colleagues``, ``subordinates`` or ``journalist``
  (the answers of ``context.addressees``). Patterns in ``data/addressees.yaml``.
"""

from __future__ import annotations

import re
from functools import cache

from .campaigns import MENTION_RE
from .patterns import CuePatterns
from .text import Field, as_field, load_data, non_overlapping
from .types import Signal

#: The gate of the address patterns (:class:`~.patterns.CuePatterns` names it so); an
#: @mention needs no marked word, only an ``@``.
ADDRESSEE_GATE = "patterns-addressees"


@cache
def _patterns() -> tuple[CuePatterns, dict[re.Pattern[str], str]]:
    """The address patterns, and for each the group it addresses (an @mention: none)."""
    data = load_data("addressees.yaml")
    greeting, greeting_words = data["greeting"], data["greeting_words"]
    entries: list[str | tuple[str, list[str]]] = []
    groups: list[str] = []
    for group, patterns in data["addressees"].items():
        for pattern in patterns:
            if "{greeting}" in pattern:  # looked for where a greeting is
                entries.append(
                    (pattern.replace("{greeting}", greeting), greeting_words)
                )
            else:
                entries.append(pattern)
            groups.append(group)
    patterns = CuePatterns([*entries, MENTION_RE], gate_name="addressees")
    return patterns, dict(zip(patterns.patterns, groups, strict=False))


def may_address(field: Field) -> bool:
    """Whether ``field`` may address someone (a key word or an ``@`` is there)."""
    return ADDRESSEE_GATE in field.marked or "@" in field.text


def find_addressees(text: str | Field, *, where: str = "text") -> list[Signal]:
    """Forms of address and @mentions in ``text``.

    Args:
        text: the field's text (or the field, already analysed).
        where: the field name the spans refer to (when ``text`` is a string).
    Returns:
        ``addressee`` signals in text order, ``value`` as in the module docstring.
    """
    field = as_field(text, where)
    patterns, groups = _patterns()
    candidates = patterns.candidates(field)
    if not candidates:
        return []
    matches: list[tuple[int, int, str]] = []
    for pattern in candidates:
        group = groups.get(pattern, "mention")
        for m in pattern.finditer(field.text):
            found = m.group().rstrip(" \t,:")
            start = m.start() + len(found) - len(found.lstrip())
            end = m.start() + len(found)
            if end > start:
                matches.append((start, end, group))
    return [
        Signal("addressee", field.text[start:end], field.where, start, end, group)
        for start, end, group in non_overlapping(matches)
    ]
