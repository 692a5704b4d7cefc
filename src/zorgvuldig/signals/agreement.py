"""Agreement with what a reply answers (``agreement``): "we agree", "helemaal mee eens".

A reply that agrees adopts what it agrees with, as a share does; the rulebooks weigh a
comment with agreement on a target that holds a political opinion or an attack as the
writer's own (Civil Service Code and GCS propriety for UK official accounts; the
Ambtenarenwet's open norm for the Netherlands). The formulas are the dictionaries'
(``data/agreement.yaml``). A product extension: not in the case contract's list of kinds.
"""

from __future__ import annotations

from functools import cache

from .patterns import CuePatterns, find_phrases
from .text import Field, as_field, load_data
from .types import Signal


@cache
def patterns() -> CuePatterns:
    """The agreement formulas (their gate marks the words each needs)."""
    return CuePatterns(load_data("agreement.yaml")["patterns"])


def find_agreement(text: str | Field, *, where: str = "text") -> list[Signal]:
    """The formulas of agreement in ``text``.

    Returns:
        ``agreement`` signals, one per non-overlapping formula, in text order.
    """
    return find_phrases("agreement", patterns(), as_field(text, where))
