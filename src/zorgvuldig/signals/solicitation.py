"""Requests for (political) money: ``solicitation``.

The Hatch Act bars soliciting, accepting or receiving political contributions at all times,
which includes sharing or liking a fundraising appeal (5 U.S.C. 7323(a)(2)). Whether the
money is *political* is for the rulebook to decide from the other signals (a party or
candidate nearby); this module only finds the request. Patterns in
``data/solicitation.yaml``.

It also finds the actor's own candidacy for an office within a political party
(``party_office_candidacy``): for that campaign a less restricted employee may solicit
contributions off duty (OSC Hatch Act FAQs, Participation in Political Party or Campaign
Activities).
"""

from __future__ import annotations

from functools import cache

from .patterns import CuePatterns, find_phrases
from .text import Field, as_field, load_data
from .types import Signal


@cache
def _patterns() -> CuePatterns:
    return CuePatterns(load_data("solicitation.yaml")["patterns"])


@cache
def _party_office() -> CuePatterns:
    return CuePatterns(
        load_data("solicitation.yaml")["party_office"], gate_name="party-office"
    )


def find_solicitations(text: str | Field, *, where: str = "text") -> list[Signal]:
    """Requests for money in ``text`` ("Chip in today!", "Give $20 NOW", "actblue.com").

    Returns:
        ``solicitation`` signals, one per non-overlapping phrase, in text order.
    """
    return find_phrases("solicitation", _patterns(), as_field(text, where))


def find_party_office_candidacies(
    text: str | Field, *, where: str = "text"
) -> list[Signal]:
    """The actor's own candidacy for a party office ("I'm running for county party chair").

    Returns:
        ``party_office_candidacy`` signals, one per non-overlapping phrase, in text order.
    """
    return find_phrases(
        "party_office_candidacy", _party_office(), as_field(text, where)
    )
