"""Topics from the actor's own portfolio that a text is about (``portfolio_topic``).

The factor "distance between the function and the subject" (DESIGN.md §6.1) needs to know
whether a text touches the actor's own work. Each portfolio topic is split into its
distinctive words; a word of the text matches one of them when its lemma (simplemma) or
its surface form equals it, or when it is a Dutch compound that starts or ends with it:
"Midden-Oostenbeleid" is about "Midden-Oosten", "asielzoekers" about "asiel",
"arbeidsmigratie" about "migratie". Comparison ignores case, hyphens and diacritics.

Not every shared word is evidence. Each topic word weighs by how specific it is in the
language (:func:`.frequency.specificity`, from wordfreq): a topic is found when the words
the text shares with it weigh at least :data:`COVER` of the topic's weight and at least
:data:`FLOOR`. So a word among the most frequent of the language never matches on its own
("school" for a portfolio "schools"), nor the common word of a topic without its specific
one ("leiding" for "leiding basisteam"). A compound counts as about its last part (its
head: "arbeidsmigratie" is a kind of "migratie") only when that part is itself a
specific word (:data:`HEAD_SPECIFICITY`): a burst "waterleiding" is a pipe, not the
"leiding" (management) of a police team; about its first part ("asielzoekers") when that
part weighs at least :data:`FLOOR`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from .frequency import specificity
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
#: The share of a topic's weight the shared words must carry ("openbare orde" of
#: "handhaving openbare orde"; not "leiding" of "leiding basisteam").
COVER = 0.45
#: The weight the shared words must carry at least: one word among the most frequent of
#: the language (Zipf above 5, specificity below 0.5) is not enough.
FLOOR = 0.5
#: The specificity a topic word needs to be matched as the last part of a compound.
HEAD_SPECIFICITY = 0.9


@dataclass(frozen=True, slots=True)
class _Term:
    """One distinctive word of a topic: its forms, its compound parts, its weight."""

    topic: str
    forms: frozenset[str]
    #: forms matched at the start of a compound ("asiel" in "asielzoekers")
    modifiers: frozenset[str]
    #: forms matched at the end of a compound ("migratie" in "arbeidsmigratie")
    heads: frozenset[str]
    weight: float


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
        # the weight of the word as written and of its lemma, whichever is more common
        weight = min(specificity(f) for f in forms | {word})
        parts = frozenset(_dehyphen(f) for f in forms if len(_dehyphen(f)) >= MIN_PART)
        modifiers = parts if weight >= FLOOR else frozenset()
        heads = parts if weight >= HEAD_SPECIFICITY else frozenset()
        terms.append(_Term(topic, forms, modifiers, heads, weight))
    return tuple(terms)


def _matches(word: Word, term: _Term, languages: tuple[str, ...]) -> bool:
    if word.forms(languages) & term.forms:
        return True
    bare = _dehyphen(word.folded)
    return any(
        len(bare) - len(part) >= MIN_REST and bare.startswith(part)
        for part in term.modifiers
    ) or any(
        len(bare) - len(part) >= MIN_REST and bare.endswith(part) for part in term.heads
    )


class _Matcher:
    """The topics of one portfolio, with the terms each word matches remembered."""

    def __init__(self, portfolio: tuple[str, ...], languages: tuple[str, ...]):
        self.languages = languages
        self.terms = [
            t
            for topic in portfolio
            if topic and topic.strip()
            for t in _terms(topic, languages)
        ]
        totals: dict[str, float] = {}
        for term in self.terms:
            totals[term.topic] = totals.get(term.topic, 0.0) + term.weight
        #: the weight the shared words of each topic must carry
        self.needed = {
            topic: max(FLOOR, COVER * total) for topic, total in totals.items()
        }
        self.seen: dict[Word, tuple[int, ...]] = {}
        self.known: set[Word] = set()
        self.hits: set[Word] = set()

    def hits_in(self, words: list[Word]) -> bool:
        """Whether one of ``words`` matches a term (working out new words first)."""
        if len(self.seen) > 50_000:  # bound the memory of a long-running process
            self.seen.clear()
            self.known.clear()
            self.hits.clear()
        if not self.known.issuperset(words):  # no new set when every word is known
            for word in set(words) - self.known:
                self._learn(word)
        return not self.hits.isdisjoint(words)

    def _learn(self, word: Word) -> None:
        found: tuple[int, ...] = ()
        if any(ch.isalpha() for ch in word.text):
            found = tuple(
                i
                for i, term in enumerate(self.terms)
                if _matches(word, term, self.languages)
            )
        self.seen[word] = found
        self.known.add(word)
        if found:
            self.hits.add(word)

    def scores(self, words: Iterable[Word]) -> dict[str, float]:
        """Each topic the words share a term with -> shared weight / needed weight
        (1.0 or more: the text is about the topic). Call :meth:`hits_in` first."""
        matched = {i for word in words if word in self.hits for i in self.seen[word]}
        shared: dict[str, float] = {}
        for i in matched:
            term = self.terms[i]
            shared[term.topic] = shared.get(term.topic, 0.0) + term.weight
        return {topic: w / self.needed[topic] for topic, w in shared.items()}


@lru_cache(maxsize=1024)
def _matcher(portfolio: tuple[str, ...], languages: tuple[str, ...]) -> _Matcher:
    return _Matcher(portfolio, languages)


def lexical_scores(
    field: Field, portfolio: Iterable[str]
) -> tuple[_Matcher, dict[str, float]]:
    """The matcher for ``field``'s languages and the score of each topic that shares a
    word with ``field`` (see :meth:`_Matcher.scores`); empty when none does."""
    topics = tuple(portfolio)
    # a word that matches no term when both lemmatisers are asked matches none when
    # one is: most texts are ruled out before their language is decided
    broad = _matcher(topics, DEFAULT_LANGUAGES)
    if not broad.terms or not broad.hits_in(field.words):
        return broad, {}
    matcher = _matcher(topics, field.languages)
    if matcher is not broad and not matcher.hits_in(field.words):
        return matcher, {}
    return matcher, matcher.scores(field.words)


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
        one ``portfolio_topic`` signal per word of a topic the text is about (see the
        module docstring), ``value`` = the topic.
    """
    topics = tuple(portfolio)
    if not topics:
        return []
    field = as_field(text, where, language)
    matcher, scores = lexical_scores(field, topics)
    found = {topic for topic, score in scores.items() if score >= 1.0}
    if not found:
        return []
    out = []
    for start, end, word in field.located(matcher.hits):
        topic = next(
            (matcher.terms[i].topic for i in matcher.seen[word]
             if matcher.terms[i].topic in found), None,
        )  # fmt: skip
        if topic is not None:
            out.append(
                Signal("portfolio_topic", word.text, field.where, start, end, topic)
            )
    return out
