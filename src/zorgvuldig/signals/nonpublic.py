"""Disclosure of non-public information (``nonpublic_information``).

Confidentiality is the one bright line in the Dutch norm: Ambtenarenwet 2017 art. 9 (before
2020 art. 125a lid 3) and art. 272 Wetboek van Strafrecht; for the US 5 CFR 2635.703. The
cues are classification markings, embargoes and "don't pass it on" phrasing
(``data/nonpublic.yaml``): "vertrouwelijk", "stg. geheim", "nog niet verder vertellen",
"not for distribution", "embargoed".
"""

from __future__ import annotations

from functools import cache

from .patterns import CuePatterns, find_phrases
from .text import Field, as_field, load_data
from .types import Signal


@cache
def _patterns() -> CuePatterns:
    return CuePatterns(load_data("nonpublic.yaml")["patterns"])


def find_nonpublic(text: str | Field, *, where: str = "text") -> list[Signal]:
    """Phrases of ``text`` that mark or pass on non-public information.

    Returns:
        ``nonpublic_information`` signals, one per non-overlapping phrase, in text order.
    """
    return find_phrases("nonpublic_information", _patterns(), as_field(text, where))
