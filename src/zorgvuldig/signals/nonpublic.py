"""Disclosure of non-public information (``nonpublic_information``).

Confidentiality is the one bright line in the Dutch norm: Ambtenarenwet 2017 art. 9 (before
2020 art. 125a lid 3) and art. 272 Wetboek van Strafrecht; for the US 5 CFR 2635.703. The
cues are classification markings, embargoes and "don't pass it on" phrasing
(``data/nonpublic.yaml``): "vertrouwelijk", "stg. geheim", "nog niet verder vertellen",
"not for distribution", "embargoed".
"""

from __future__ import annotations

from functools import cache

from .lexicon import Field, as_field, load_data, non_overlapping
from .patterns import CuePatterns
from .types import Signal


@cache
def _patterns() -> CuePatterns:
    return CuePatterns(load_data("nonpublic.yaml")["patterns"])


def find_nonpublic(text: str | Field, *, where: str = "text") -> list[Signal]:
    """Phrases of ``text`` that mark or pass on non-public information.

    Returns:
        ``nonpublic_information`` signals, one per non-overlapping phrase, in text order.
    """
    field = as_field(text, where)
    matches = _patterns().matches(field)
    if not matches:
        return []
    return [
        Signal("nonpublic_information", found, field.where, start, end)
        for start, end, found in non_overlapping(matches)
        if found.strip()
    ]
