"""Tone: insults and ad hominem (``insult``) and a flippant register (``flippant_tone``).

Manner is one of the factors of the open norm (form, tone, medium; personal attacks;
DESIGN.md §6.1). Insults are matched word by word on their lemma, so "liegt" and "loog"
are found through "liegen" and "lafste" through "laf"; flippant phrases are a few regular
expressions. Lists and sources in ``data/tone.yaml``.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import (
    DEFAULT_LANGUAGES,
    fold,
    lemma_forms,
    load_data,
    non_overlapping,
    tokenize,
)
from .types import Signal


@cache
def _insults() -> frozenset[str]:
    words = load_data("tone.yaml")["insult"]["words"]
    return frozenset(fold(w) for ws in words.values() for w in ws)


@cache
def _flippant() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in load_data("tone.yaml")["flippant"])


def find_insults(
    text: str, *, where: str = "text", language: str | None = None
) -> list[Signal]:
    """Insulting words in ``text``.

    Args:
        text: the field's text.
        where: the field name the spans refer to.
        language: ``"nl"``/``"en"`` when known; otherwise both lemmatisers are asked.
    Returns:
        one ``insult`` signal per word, ``value`` = the lexicon entry it matched.
    """
    languages = (language,) if language in DEFAULT_LANGUAGES else DEFAULT_LANGUAGES
    lexicon = _insults()
    found = []
    for token in tokenize(text):
        hit = lemma_forms(token.text, languages) & lexicon
        if hit:
            found.append(
                Signal("insult", token.text, where, token.start, token.end, min(hit))
            )
    return found


def find_flippant(text: str, *, where: str = "text") -> list[Signal]:
    """Flippant phrases in ``text`` ("greatest ... ever", "cake-eating contest", "lol").

    Returns:
        ``flippant_tone`` signals, one per non-overlapping phrase.
    """
    matches = (
        (m.start(), m.end(), m.group()) for p in _flippant() for m in p.finditer(text)
    )
    return [
        Signal("flippant_tone", found, where, start, end)
        for start, end, found in non_overlapping(matches)
        if found.strip()
    ]
