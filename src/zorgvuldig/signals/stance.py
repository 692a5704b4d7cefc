"""Partisan stance: a position for or against a party or candidate (``partisan_stance``).

A stance is a cue word from ``data/stance.yaml`` ("stem op", "allemaal X stemmen", "geen
regering met steun van", "vote for", "vote them out") in the same sentence as a party or
candidate found by :mod:`.entities`, or in the sentence right after one (so that "Vote them
out" after a sentence naming the party counts). A cue without any party nearby is not a
stance: "Samen staan we op tegen discriminatie" takes no partisan position. Nor is a cue
about what a politician *does* in office: in "against Trump's latest executive order" the
stance is on the order, and approving or disapproving of a President's policies is no
political activity (OSC, Hatch Act guidance on the President as a candidate: employees may
express approval or disapproval of the President's policies and actions, on duty too). A
possessive counts as the person only for their campaign, candidacy, party or ticket; in the
sentence after it, the name counts again ("Labour's manifesto is the only plan. Vote for
change.").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .patterns import CuePatterns
from .text import Field, as_field, load_data, sentences
from .types import Signal

#: What follows a possessive name when it owns something other than its campaign.
_OWNED_ACT = re.compile(
    r"\s+(?!(?:re-?election|election|campaign|candidacy|party|ticket|slate|"
    r"running\s+mate|bid|presidency|supporters|candidates?|nominees?|challengers?)\b)\w",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['\u2019]s?")


def _owner_of_an_act(text: str, entity: Signal) -> bool:
    """Whether ``entity`` is named only as the owner of an act ("Trump's order")."""
    end = entity.end or 0
    if not entity.text.endswith(("'s", "\u2019s")):
        possessive = _POSSESSIVE.match(text, end)
        if possessive is None:
            return False
        end = possessive.end()
    return _OWNED_ACT.match(text, end) is not None


@cache
def _cues() -> tuple[CuePatterns, CuePatterns]:
    data = load_data("stance.yaml")
    return CuePatterns(data["against"]), CuePatterns(data["for"])


def find_stances(
    text: str | Field, entities: list[Signal], *, where: str = "text"
) -> list[Signal]:
    """Stances for or against the parties in ``entities`` (found in the same ``text``).

    Args:
        text: the field's text (or the field, already analysed).
        entities: its ``party_or_candidate`` signals.
        where: the field name the spans refer to.
    Returns:
        at most one ``partisan_stance`` signal per sentence, spanning cue and party, with
        ``value`` ``"against <party>"`` or ``"for <party>"``.
    """
    if not entities:
        return []
    field = as_field(text, where)
    text, where = field.text, field.where
    against_cues, support_cues = _cues()
    against = tuple(against_cues.candidates(field))
    support = tuple(support_cues.candidates(field))
    if not against and not support:
        return []
    found: list[Signal] = []
    previous: list[Signal] = []
    ordered = sorted(entities, key=lambda e: e.start or 0)
    cursor = 0
    for s_start, s_end in sentences(text):
        while cursor < len(ordered) and (ordered[cursor].start or 0) < s_start:
            cursor += 1
        here = []
        while cursor < len(ordered) and (ordered[cursor].start or 0) < s_end:
            here.append(ordered[cursor])
            cursor += 1
        # in its own sentence a name owning an act ("against Trump's order") is not the
        # object of the cue; a sentence later it is ("Labour's manifesto ... Vote for it")
        named_here = here
        here = [e for e in named_here if not _owner_of_an_act(text, e)]
        parties = here if named_here else previous
        previous = named_here
        if not parties:
            continue
        sentence = text[s_start:s_end]
        hit = _first_cue(sentence, against)
        polarity = "against"
        if hit is None:
            hit = _first_cue(sentence, support, avoid=parties, offset=s_start)
            polarity = "for"
        if hit is None:
            continue
        cue_start, cue_end = s_start + hit[0], s_start + hit[1]
        party = min(parties, key=lambda e: abs((e.start or 0) - cue_start))
        start = min(cue_start, party.start or cue_start) if party in here else cue_start
        end = max(cue_end, party.end or cue_end) if party in here else cue_end
        found.append(
            Signal(
                "partisan_stance",
                text[start:end],
                where,
                start,
                end,
                f"{polarity} {party.value or party.text}",
            )
        )
    return found


def _first_cue(
    sentence: str,
    patterns: tuple[re.Pattern[str], ...],
    *,
    avoid: Sequence[Signal] = (),
    offset: int = 0,
) -> tuple[int, int] | None:
    """The earliest cue match in ``sentence`` that is not inside a party name."""
    best: tuple[int, int] | None = None
    for pattern in patterns:
        for m in pattern.finditer(sentence):
            a = m.start() + offset
            if any((e.start or 0) <= a < (e.end or 0) for e in avoid):
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), m.end())
            break
    return best
