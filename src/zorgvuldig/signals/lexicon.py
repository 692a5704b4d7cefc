"""Shared text helpers for the cue modules: data files, tokens, folding and lemmas.

Data files live in ``signals/data/`` (YAML, each naming its source) and are read once, on
first use, so that importing this package stays cheap for the command line. Lemmas come
from simplemma, which ships its dictionaries in the wheel (nothing is downloaded).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

#: A word: letters/digits, with inner hyphens or apostrophes ("Midden-Oostenbeleid", "don't").
WORD_RE = re.compile(r"\w+(?:[-'\u2019]\w+)*")
#: Sentence boundaries used by the cues that look at a sentence as a unit.
SENTENCE_RE = re.compile(r"[^.!?\n]+[.!?]*")

#: Languages the lemmatiser is asked about when the text's language is not known.
DEFAULT_LANGUAGES: tuple[str, ...] = ("nl", "en")


@cache
def load_data(name: str) -> Any:
    """The parsed YAML data file ``signals/data/<name>`` (read once, then cached)."""
    import yaml

    text = (
        resources.files("zorgvuldig.signals").joinpath("data", name).read_text("utf-8")
    )
    return yaml.safe_load(text)


@dataclass(frozen=True, slots=True)
class Token:
    """A word with its span in the original text."""

    text: str
    start: int
    end: int

    @property
    def folded(self) -> str:
        """Lower case without diacritics (``Israël`` -> ``israel``), for comparison only."""
        return fold(self.text)


def tokenize(text: str) -> list[Token]:
    """The words of ``text`` with their spans (Python ``str`` indices)."""
    return [Token(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence (or line) of ``text``."""
    return [(m.start(), m.end()) for m in SENTENCE_RE.finditer(text)]


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Case- and accent-insensitive form of a word, for comparison only (not for spans)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def lemma_forms(
    word: str, languages: tuple[str, ...] = DEFAULT_LANGUAGES
) -> frozenset[str]:
    """Folded surface form and folded lemmas of ``word`` in each of ``languages``.

    Args:
        word: one token as written.
        languages: ISO 639-1 codes simplemma knows (``nl``, ``en``).
    Returns:
        e.g. ``{"liegt", "liegen"}`` for ``"liegt"``.
    """
    from simplemma import lemmatize

    forms = {fold(word)}
    for lang in languages:
        try:
            forms.add(fold(lemmatize(word, lang=lang)))
        except (ValueError, KeyError):  # pragma: no cover - unknown language code
            continue
    return frozenset(forms)


def compile_alternation(
    phrases: Iterable[str], *, ignore_case: bool
) -> re.Pattern[str] | None:
    """One regex matching any of ``phrases`` as whole words, longest first."""
    unique = sorted({p for p in phrases if p}, key=len, reverse=True)
    if not unique:
        return None
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in unique)
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)


def non_overlapping(
    matches: Iterable[tuple[int, int, str]],
) -> list[tuple[int, int, str]]:
    """Matches ``(start, end, text)`` that do not overlap, earliest (then longest) first.

    Linear after sorting, so a text with very many matches stays fast.
    """
    kept: list[tuple[int, int, str]] = []
    for start, end, text in sorted(matches, key=lambda m: (m[0], m[0] - m[1])):
        if kept and start < kept[-1][1]:
            continue
        if end > start:
            kept.append((start, end, text))
    return kept


def compile_patterns(patterns: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    """Compile regular expressions from a data file (flags inline, e.g. ``(?i)``)."""
    return tuple(re.compile(p) for p in patterns)
