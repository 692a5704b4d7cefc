"""Requests for (political) money: ``solicitation``.

The Hatch Act bars soliciting, accepting or receiving political contributions at all times,
which includes sharing or liking a fundraising appeal (5 U.S.C. 7323(a)(2)). Whether the
money is *political* is for the rulebook to decide from the other signals (a party or
candidate nearby); this module only finds the request. Patterns in
``data/solicitation.yaml``.
"""

from __future__ import annotations

from functools import cache

from .patterns import CuePatterns, find_phrases
from .text import Field, as_field, load_data
from .types import Signal


@cache
def _patterns() -> CuePatterns:
    return CuePatterns(load_data("solicitation.yaml")["patterns"])


def find_solicitations(text: str | Field, *, where: str = "text") -> list[Signal]:
    """Requests for money in ``text`` ("Chip in today!", "Give $20 NOW", "actblue.com").

    Returns:
        ``solicitation`` signals, one per non-overlapping phrase, in text order.
    """
    return find_phrases("solicitation", _patterns(), as_field(text, where))
