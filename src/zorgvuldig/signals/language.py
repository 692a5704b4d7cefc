"""Language identification for short social-media texts (Dutch or English).

A small stop-word vote: cheap, deterministic, and good enough to choose the lemmatiser's
language for a post of a few sentences. Nothing is downloaded; the word lists are in
``data/stopwords.yaml``.
"""

from __future__ import annotations

from itertools import islice

from .text import WORD_RE, fold, stopwords


def guess_language(text: str, *, max_words: int = 400) -> str | None:
    """The most likely language of ``text`` among the known ones.

    Args:
        text: any text.
        max_words: only the first this many words are looked at.
    Returns:
        an ISO 639-1 code (``"nl"`` or ``"en"``), or ``None`` when no stop word is found
        or the vote is tied.
    """
    counts: dict[str, int] = {}
    lists = stopwords()
    for match in islice(WORD_RE.finditer(text), max_words):
        word = fold(match.group())
        for lang, words in lists.items():
            if word in words:
                counts[lang] = counts.get(lang, 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]
