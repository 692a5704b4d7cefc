"""Topics from the actor's own portfolio that a text is about (``portfolio_topic``).

The factor "distance between the function and the subject" (DESIGN.md §6.1) needs to know
whether a text touches the actor's own work. Each portfolio topic is split into its
distinctive words; a word of the text matches when its lemma (simplemma) or its surface
form equals one of them, or when it is a Dutch compound that starts or ends with one:
"Midden-Oostenbeleid" is about "Midden-Oosten", "asielzoekers" about "asiel",
"arbeidsmigratie" about "migratie". Comparison ignores case, hyphens and diacritics.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from .lexicon import DEFAULT_LANGUAGES, fold, lemma_forms, load_data, tokenize
from .types import Signal

#: A compound part must be at least this long to be matched inside a longer word.
MIN_PART = 4
#: ... and the rest of the compound at least this long ("beleid", "zoekers", "s-migratie").
MIN_REST = 3


@dataclass(frozen=True, slots=True)
class _Term:
    topic: str
    forms: frozenset[str]
    parts: frozenset[str]


@cache
def _generic() -> frozenset[str]:
    data = load_data("portfolio.yaml")["generic"]
    return frozenset(fold(w) for words in data.values() for w in words)


def _dehyphen(word: str) -> str:
    return word.replace("-", "").replace("'", "").replace("\u2019", "")


@lru_cache(maxsize=1024)
def _terms(topic: str, languages: tuple[str, ...]) -> tuple[_Term, ...]:
    words = [t.text for t in tokenize(topic)]
    distinctive = [w for w in words if fold(w) not in _generic() and len(w) >= 2]
    terms = []
    for word in distinctive or words:
        forms = lemma_forms(word, languages)
        parts = frozenset(_dehyphen(f) for f in forms if len(_dehyphen(f)) >= MIN_PART)
        terms.append(_Term(topic, forms, parts))
    return tuple(terms)


def _matches(word: str, term: _Term, languages: tuple[str, ...]) -> bool:
    forms = lemma_forms(word, languages)
    if forms & term.forms:
        return True
    bare = _dehyphen(fold(word))
    return any(
        len(bare) - len(part) >= MIN_REST
        and (bare.startswith(part) or bare.endswith(part))
        for part in term.parts
    )


def find_portfolio_topics(
    text: str,
    portfolio: Iterable[str],
    *,
    where: str = "text",
    language: str | None = None,
) -> list[Signal]:
    """Words of ``text`` about a topic of the actor's portfolio.

    Args:
        text: the field's text.
        portfolio: the actor's topics (``["Midden-Oosten", "Israël"]``).
        where: the field name the spans refer to.
        language: ``"nl"``/``"en"`` when known; otherwise both lemmatisers are asked.
    Returns:
        one ``portfolio_topic`` signal per matching word, ``value`` = the topic.
    """
    languages = (language,) if language in DEFAULT_LANGUAGES else DEFAULT_LANGUAGES
    terms = [
        t
        for topic in portfolio
        if topic and topic.strip()
        for t in _terms(topic, languages)
    ]
    if not terms:
        return []
    found = []
    for token in tokenize(text):
        if not any(ch.isalpha() for ch in token.text):
            continue
        for term in terms:
            if _matches(token.text, term, languages):
                found.append(
                    Signal(
                        "portfolio_topic",
                        token.text,
                        where,
                        token.start,
                        token.end,
                        term.topic,
                    )
                )
                break
    return found
