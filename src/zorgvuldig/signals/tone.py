"""Tone: insults and ad hominem (``insult``) and a flippant register (``flippant_tone``).

Manner is one of the factors of the open norm (form, tone, medium; personal attacks;
DESIGN.md §6.1). Insults are matched word by word on their lemma, so "liegt" and "loog"
are found through "liegen" and "lafste" through "laf", by the attack cue
(:mod:`.attacks`), which also finds the other attack kinds and leaves out negated and
quoted words; flippant phrases are a few regular expressions. Lists and sources in
``data/tone.yaml``, ``data/hurtlex.yaml`` and ``data/attacks.yaml``.
"""

from __future__ import annotations

from functools import cache

from .attacks import find_attacks, may_match
from .patterns import CuePatterns, find_phrases
from .text import Field, as_field, load_data
from .types import Signal


@cache
def _flippant() -> CuePatterns:
    return CuePatterns(load_data("tone.yaml")["flippant"])


def find_insults(
    text: str | Field, *, where: str = "text", language: str | None = None
) -> list[Signal]:
    """Insulting words in ``text`` that are the writer's own (not negated, not quoted
    from someone else).

    Args:
        text: the field's text (or the field, already analysed).
        where: the field name the spans refer to (when ``text`` is a string).
        language: ``"nl"``/``"en"`` when known; otherwise guessed, and when undecided
            both lemmatisers are asked.
    Returns:
        one ``insult`` signal per word, ``value`` = the lexicon entry it matched,
        ``target`` whom it is aimed at.
    """
    field = as_field(text, where, language)
    run = may_match(field)
    if not run:
        return []
    return sorted(
        (s for s in find_attacks(field, run=run) if s.kind == "insult"),
        key=lambda s: s.start or 0,
    )


def find_flippant(text: str | Field, *, where: str = "text") -> list[Signal]:
    """Flippant phrases in ``text`` ("greatest ... ever", "cake-eating contest", "lol").

    Returns:
        ``flippant_tone`` signals, one per non-overlapping phrase.
    """
    return find_phrases("flippant_tone", _flippant(), as_field(text, where))
