"""Tone: insults and ad hominem (``insult``) and a flippant register (``flippant_tone``).

Manner is one of the factors of the open norm (form, tone, medium; personal attacks;
DESIGN.md §6.1). Insults are matched word by word on their lemma, so "liegt" and "loog"
are found through "liegen" and "lafste" through "laf"; flippant phrases are a few regular
expressions. Lists and sources in ``data/tone.yaml``.
"""

from __future__ import annotations

from functools import cache

from .patterns import CuePatterns, find_phrases
from .text import Field, as_field, fold, gate, load_data
from .types import Signal

#: The gate marking the words whose forms are insults.
INSULT_GATE = "insult"


@cache
def _insults() -> frozenset[str]:
    words = load_data("tone.yaml")["insult"]["words"]
    lexicon = frozenset(fold(w) for ws in words.values() for w in ws)
    gate(INSULT_GATE, forms=True).add(words=lexicon)
    return lexicon


@cache
def _flippant() -> CuePatterns:
    return CuePatterns(load_data("tone.yaml")["flippant"])


def find_insults(
    text: str | Field, *, where: str = "text", language: str | None = None
) -> list[Signal]:
    """Insulting words in ``text``.

    Args:
        text: the field's text (or the field, already analysed).
        where: the field name the spans refer to (when ``text`` is a string).
        language: ``"nl"``/``"en"`` when known; otherwise guessed, and when undecided
            both lemmatisers are asked.
    Returns:
        one ``insult`` signal per word, ``value`` = the lexicon entry it matched.
    """
    field = as_field(text, where, language)
    lexicon = _insults()
    marked = field.marked.get(INSULT_GATE)
    if not marked:
        return []
    languages = field.languages
    found = []
    for start, end, word in field.located(marked):
        hit = word.forms(languages) & lexicon
        if hit:
            found.append(Signal("insult", word.text, field.where, start, end, min(hit)))
    return found


def find_flippant(text: str | Field, *, where: str = "text") -> list[Signal]:
    """Flippant phrases in ``text`` ("greatest ... ever", "cake-eating contest", "lol").

    Returns:
        ``flippant_tone`` signals, one per non-overlapping phrase.
    """
    return find_phrases("flippant_tone", _flippant(), as_field(text, where))
