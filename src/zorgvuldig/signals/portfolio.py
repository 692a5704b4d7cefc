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

from .text import (
    DEFAULT_LANGUAGES,
    WORD_RE,
    Field,
    Word,
    as_field,
    fold,
    lemma_forms,
    load_data,
)
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
    words = WORD_RE.findall(topic)
    distinctive = [w for w in words if fold(w) not in _generic() and len(w) >= 2]
    terms = []
    for word in distinctive or words:
        forms = lemma_forms(word, languages)
        parts = frozenset(_dehyphen(f) for f in forms if len(_dehyphen(f)) >= MIN_PART)
        terms.append(_Term(topic, forms, parts))
    return tuple(terms)


def _matches(word: Word, term: _Term, languages: tuple[str, ...]) -> bool:
    if word.forms(languages) & term.forms:
        return True
    bare = _dehyphen(word.folded)
    return any(
        len(bare) - len(part) >= MIN_REST
        and (bare.startswith(part) or bare.endswith(part))
        for part in term.parts
    )


class _Matcher:
    """The topics of one portfolio, with the answer for each word remembered."""

    def __init__(self, portfolio: tuple[str, ...], languages: tuple[str, ...]):
        self.languages = languages
        self.terms = [
            t
            for topic in portfolio
            if topic and topic.strip()
            for t in _terms(topic, languages)
        ]
        self.forms = frozenset(f for t in self.terms for f in t.forms)
        self.parts = tuple(dict.fromkeys(p for t in self.terms for p in t.parts))
        self.seen: dict[Word, str | None] = {}
        self.known: set[Word] = set()
        self.hits: set[Word] = set()

    def hits_in(self, words: list[Word]) -> bool:
        """Whether one of ``words`` is about a topic (working out new words first)."""
        if len(self.seen) > 50_000:  # bound the memory of a long-running process
            self.seen.clear()
            self.known.clear()
            self.hits.clear()
        if not self.known.issuperset(words):  # no new set when every word is known
            for word in set(words) - self.known:
                self.topic(word)
        return not self.hits.isdisjoint(words)

    def topic(self, word: Word) -> str | None:
        """The topic ``word`` is about, or ``None``."""
        found = None
        if any(ch.isalpha() for ch in word.text):
            found = next(
                (t.topic for t in self.terms if _matches(word, t, self.languages)), None
            )
        self.seen[word] = found
        self.known.add(word)
        if found is not None:
            self.hits.add(word)
        return found


@lru_cache(maxsize=1024)
def _matcher(portfolio: tuple[str, ...], languages: tuple[str, ...]) -> _Matcher:
    return _Matcher(portfolio, languages)


def find_portfolio_topics(
    text: str | Field,
    portfolio: Iterable[str],
    *,
    where: str = "text",
    language: str | None = None,
) -> list[Signal]:
    """Words of ``text`` about a topic of the actor's portfolio.

    Args:
        text: the field's text (or the field, already analysed).
        portfolio: the actor's topics (``["Midden-Oosten", "Israël"]``).
        where: the field name the spans refer to (when ``text`` is a string).
        language: ``"nl"``/``"en"`` when known; otherwise guessed, and when undecided
            both lemmatisers are asked.
    Returns:
        one ``portfolio_topic`` signal per matching word, ``value`` = the topic.
    """
    topics = tuple(portfolio)
    if not topics:
        return []
    field = as_field(text, where, language)
    # a word that is about no topic when both lemmatisers are asked is about none when
    # one is: most texts are ruled out before their language is decided
    broad = _matcher(topics, DEFAULT_LANGUAGES)
    if not broad.terms or not broad.hits_in(field.words):
        return []
    matcher = _matcher(topics, field.languages)
    if matcher is not broad and not matcher.hits_in(field.words):
        return []
    seen = matcher.seen
    return [
        Signal("portfolio_topic", word.text, field.where, start, end, seen[word])
        for start, end, word in field.located(matcher.hits)
    ]
