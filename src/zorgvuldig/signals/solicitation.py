"""Requests for (political) money: ``solicitation``.

The Hatch Act bars soliciting, accepting or receiving political contributions at all times,
which includes sharing or liking a fundraising appeal (5 U.S.C. 7323(a)(2)). Whether the
money is *political* is for the rulebook to decide from the other signals (a party or
candidate nearby); this module only finds the request. Patterns in
``data/solicitation.yaml``.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import compile_patterns, load_data
from .types import Signal


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    return compile_patterns(load_data("solicitation.yaml")["patterns"])


def find_solicitations(text: str, *, where: str = "text") -> list[Signal]:
    """Requests for money in ``text`` ("Chip in today!", "Give $20 NOW", "actblue.com").

    Returns:
        ``solicitation`` signals, one per non-overlapping phrase, in text order.
    """
    found: list[Signal] = []
    for pattern in _patterns():
        for m in pattern.finditer(text):
            if not m.group().strip():
                continue
            if any((s.start or 0) < m.end() and m.start() < (s.end or 0) for s in found):
                continue
            found.append(Signal("solicitation", m.group(), where, m.start(), m.end()))
    return sorted(found, key=lambda s: s.start or 0)
