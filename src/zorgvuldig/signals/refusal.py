"""A public refusal to carry out a decision (``refusal_of_duty``).

Civil Service Code (objectivity): a civil servant must not frustrate the implementation
of policies once decisions are taken by declining to take, or abstaining from, action
which flows from those decisions; Ambtenarenwet 2017 art. 10 lid 1 (art. 125a lid 1
until 2020): an expression that puts the proper performance of the function in doubt.
The cues are first-person refusals with a verb of carrying out, and the dictionaries'
idioms of refusal in a text that holds both the first person and such a verb
(``data/refusal.yaml``). A product extension: the case contract does not list this kind.
"""

from __future__ import annotations

import re
from functools import cache

from .patterns import CuePatterns, find_phrases
from .text import Field, as_field, load_data
from .types import Signal


@cache
def _data() -> tuple[CuePatterns, CuePatterns, re.Pattern[str], re.Pattern[str]]:
    data = load_data("refusal.yaml")
    return (
        CuePatterns(data["refusals"]),
        CuePatterns(data["idioms"]),
        re.compile(data["first_person"]),
        re.compile(data["duty_words"]),
    )


def patterns() -> tuple[CuePatterns, CuePatterns]:
    """The two pattern lists, for the gates (:func:`CuePatterns.may_match`)."""
    refusals, idioms, _, _ = _data()
    return refusals, idioms


def may_refuse(field: Field) -> bool:
    """Can ``field`` hold a refusal (one of its patterns' key words is there)?"""
    refusals, idioms = patterns()
    return refusals.may_match(field) or idioms.may_match(field)


def find_refusals(text: str | Field, *, where: str = "text") -> list[Signal]:
    """The refusals of ``text``.

    Returns:
        ``refusal_of_duty`` signals in text order, one per non-overlapping phrase: the
        first-person refusals, and the idioms when the text also holds the first person
        and a verb of carrying out (else none of the idioms).
    """
    field = as_field(text, where)
    refusals, idioms, first_person, duty = _data()
    found = find_phrases("refusal_of_duty", refusals, field)
    if (
        idioms.may_match(field)
        and first_person.search(field.text)
        and duty.search(field.text)
    ):
        found += find_phrases("refusal_of_duty", idioms, field)
    return sorted(found, key=lambda s: (s.start or 0, s.end or 0))
