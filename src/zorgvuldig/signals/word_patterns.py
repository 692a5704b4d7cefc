"""Word patterns: the small pattern language the measure lexicon writes its forms in.

Tokens and sentences of a text (:func:`split_sentences`, clauses numbered inside each
sentence), and patterns compiled from strings such as ``"letter of reprimand"`` or
``"spreekt|sprak ... aan!"`` (:func:`compile_pattern`; the syntax is described in the
header of ``data/measure_terms.yaml``) and found in a sentence's tokens by a
:class:`Matcher`.
Lemmas come from simplemma, imported on first use (it ships its dictionaries).
Internal to ``signals``: :mod:`zorgvuldig.signals.measure_lexicon` compiles the lexicon
file with it and :mod:`zorgvuldig.signals.measures` matches texts against that.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

#: Largest gap ``...`` allows between the words of a pattern (same clause only).
DEFAULT_GAP = 6
#: How many words a :class:`Matcher` remembers the candidate patterns of before it
#: starts afresh.
CANDIDATES_MEMO_SIZE = 50_000

#: Right single quotation mark, used as an apostrophe ("didn\u2019t").
_CURLY = "\u2019"
_TOKEN_RE = re.compile(
    r"(?P<word>\d+(?:[.,]\d+)+|[^\W_]+(?:['\u2019\-][^\W_]+)*)"
    r"|(?P<end>[.!?]+)"
    r"|(?P<clause>[,;:()\[\]{}\u2013\u2014]|-{2,}|(?<=\s)-(?=\s))"
    r"|(?P<para>\n[ \t]*\n)"
)


class PatternError(ValueError):
    """A pattern in the lexicon does not follow the syntax."""


class Token(NamedTuple):
    """A word: ``key`` is its lower-case form, ``start``/``end`` its ``str`` span.

    A named tuple rather than a dataclass: texts are split into many of them, and a
    tuple is made several times faster.
    """

    key: str
    start: int
    end: int
    clause: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """The words of one sentence; ``question`` when it ends with a question mark."""

    tokens: list[Token]
    question: bool


def normalise(word: str) -> str:
    """The comparison key of a word: lower case, curly apostrophes made straight."""
    return word.lower().replace(_CURLY, "'")


@lru_cache(maxsize=200_000)
def lemma(word: str, language: str) -> str:
    """The simplemma lemma of a lower-case word (simplemma ships its dictionaries)."""
    if len(word) < 3 or not word.isalpha():
        return word
    import simplemma

    return str(simplemma.lemmatize(word, lang=language)).lower()


def split_sentences(
    text: str,
    boundaries: frozenset[str],
    abbreviations: frozenset[str] = frozenset(),
    offset: int = 0,
) -> list[Sentence]:
    """Split ``text`` into sentences of words, numbering the clauses inside them.

    A clause ends at ``, ; :``, brackets and dashes, and before a word in ``boundaries``
    ("maar", "but"); a sentence ends at ``. ! ?`` (not after one of ``abbreviations`` or
    a single letter, as in "U.S.") and at a blank line. ``offset`` is added to every
    token's span (``text`` is a piece of a longer text starting there).
    """
    sentences: list[Sentence] = []
    current: list[Token] = []
    append = current.append
    clause = 0
    # one lower-case copy of the text (when lowering keeps every offset, as it nearly
    # always does, with curly apostrophes made straight, which keeps them too): slicing
    # it is cheaper than lowering every word
    lowered = text.lower()
    same = len(lowered) == len(text)
    if same and _CURLY in lowered:
        lowered = lowered.replace(_CURLY, "'")
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        if kind == "word":
            a, b = m.span()
            if same:
                key = lowered[a:b]
            else:
                key = m.group().lower()
                if _CURLY in key:
                    key = key.replace(_CURLY, "'")
            if key in boundaries:
                clause += 1
            append(Token(key, a + offset, b + offset, clause))
        elif kind == "clause":
            clause += 1
        elif (
            kind == "end" and m.group() == "." and _abbreviation(current, abbreviations)
        ):
            continue
        elif current:  # a sentence end or a blank line
            sentences.append(Sentence(current, "?" in m.group()))
            current = []
            append = current.append
            clause += 1
    if current:
        sentences.append(Sentence(current, False))
    return sentences


def _abbreviation(current: list[Token], abbreviations: frozenset[str]) -> bool:
    if not current:
        return False
    key = current[-1].key
    return (len(key) == 1 and key.isalpha()) or key in abbreviations


@dataclass(frozen=True)
class Element:
    """One position of a pattern: a word (alternatives, lemmas) or a gap of words."""

    words: frozenset[str] = frozenset()
    lemmas: frozenset[str] = frozenset()
    gap: int = 0
    optional: bool = False
    particle: bool = False

    def accepts(self, token: Token, language: str) -> bool:
        """Is ``token`` one of this element's words (or lemmas)?"""
        if token.key in self.words:
            return True
        return bool(self.lemmas) and lemma(token.key, language) in self.lemmas


@dataclass(frozen=True)
class Pattern:
    """A compiled word pattern of one language."""

    text: str
    language: str
    elements: tuple[Element, ...]

    def first_elements(self) -> list[Element]:
        """The elements a match can start with (leading optional ones and the next)."""
        out = []
        for e in self.elements:
            out.append(e)
            if not e.optional:
                break
        return out

    def match_at(
        self, tokens: list[Token], pos: int, followers: Matcher | None
    ) -> list[int] | None:
        """Indices of the tokens matching the pattern's words, starting at ``pos``."""
        return self._match(tokens, 0, pos, None, followers, [])

    def _match(
        self,
        tokens: list[Token],
        k: int,
        pos: int,
        clause: int | None,
        followers: Matcher | None,
        acc: list[int],
    ) -> list[int] | None:
        if k == len(self.elements):
            return acc
        e = self.elements[k]
        if e.gap:
            for p in range(pos, min(pos + e.gap, len(tokens)) + 1):
                if p > pos and tokens[p - 1].clause != clause:
                    break
                found = self._match(tokens, k + 1, p, clause, followers, acc)
                if found is not None:
                    return found
            return None
        if (
            pos < len(tokens)
            and (clause is None or tokens[pos].clause == clause)
            and e.accepts(tokens[pos], self.language)
            and (not e.particle or _particle_ends(tokens, pos, followers))
        ):
            found = self._match(
                tokens, k + 1, pos + 1, tokens[pos].clause, followers, [*acc, pos]
            )
            if found is not None:
                return found
        if e.optional:
            return self._match(tokens, k + 1, pos, clause, followers, acc)
        return None


def _particle_ends(tokens: list[Token], pos: int, followers: Matcher | None) -> bool:
    """A separable particle closes its clause or is followed by a listed word ("op")."""
    nxt = pos + 1
    if nxt >= len(tokens) or tokens[nxt].clause != tokens[pos].clause:
        return True
    return followers is not None and followers.matches_at(tokens, nxt)


def compile_pattern(text: str, language: str) -> Pattern:
    """Compile one pattern string (syntax: the header of ``data/measure_terms.yaml``).

    Raises:
        PatternError: empty, unbalanced or misplaced parts.
    """
    elements: list[Element] = []
    for part in text.split():
        gap = re.fullmatch(r"\.\.(\d+)|\.\.\.", part)
        if gap:
            size = int(gap.group(1)) if gap.group(1) else DEFAULT_GAP
            if size < 1 or not elements or elements[-1].gap:
                raise PatternError("a gap must follow a word and be at least 1")
            elements.append(Element(gap=size))
            continue
        optional = part.endswith("?")
        part = part.removesuffix("?")
        particle = part.endswith("!")
        part = part.removesuffix("!")
        if part.startswith("(") and part.endswith(")"):
            part = part[1:-1]
        alternatives = part.split("|")
        if any(not a or any(c in a for c in "()?!") for a in alternatives):
            raise PatternError(f"malformed word {part!r}")
        if any("~" in a[1:] for a in alternatives):
            raise PatternError(f"'~' only starts a lemma: {part!r}")
        words = frozenset(normalise(a) for a in alternatives if not a.startswith("~"))
        lemmas = frozenset(normalise(a[1:]) for a in alternatives if a.startswith("~"))
        elements.append(Element(words, lemmas, 0, optional, particle))
    if not elements or elements[-1].gap:
        raise PatternError("a pattern needs words and cannot end with a gap")
    if all(e.optional for e in elements if not e.gap):
        raise PatternError("a pattern needs at least one required word")
    return Pattern(text, language, tuple(elements))


class Matcher:
    """Finds every occurrence of a set of patterns, each with a payload."""

    def __init__(self, pairs: Iterable[tuple[Any, Pattern]]) -> None:
        self.by_word: dict[str, list[tuple[Any, Pattern]]] = {}
        self.by_lemma: dict[str, list[tuple[Any, Pattern]]] = {}
        self.language = ""
        #: key -> the patterns that may start at a token with that key
        self._known: dict[str, list[tuple[Any, Pattern]]] = {}
        for payload, pattern in pairs:
            self.language = pattern.language
            for e in pattern.first_elements():
                for w in e.words:
                    self.by_word.setdefault(w, []).append((payload, pattern))
                for w in e.lemmas:
                    self.by_lemma.setdefault(w, []).append((payload, pattern))

    def candidates(self, token: Token) -> list[tuple[Any, Pattern]]:
        """The patterns that may start at ``token`` (the same list for the same key:
        do not change it)."""
        found = self._known.get(token.key)
        return self._remember(token.key) if found is None else found

    def _remember(self, key: str) -> list[tuple[Any, Pattern]]:
        """The candidates of ``key``, worked out and remembered (they depend only on
        the key: its word and its lemma)."""
        found = self.by_word.get(key, [])
        if self.by_lemma:
            extra = self.by_lemma.get(lemma(key, self.language))
            if extra:
                found = found + [c for c in extra if c not in found]
        if len(self._known) >= CANDIDATES_MEMO_SIZE:
            self._known.clear()
        self._known[key] = found
        return found

    def find_all(
        self, tokens: list[Token], followers: Matcher | None = None
    ) -> list[tuple[Any, list[int]]]:
        """``(payload, token indices)`` of every match in ``tokens``."""
        out = []
        known = self._known
        for i, token in enumerate(tokens):
            found = known.get(token.key)
            if found is None:
                found = self._remember(token.key)
            for payload, pattern in found:
                idx = pattern.match_at(tokens, i, followers)
                if idx:
                    out.append((payload, idx))
        return out

    def matches_at(self, tokens: list[Token], pos: int) -> bool:
        """Does any pattern match starting at ``pos``?"""
        return any(
            p.match_at(tokens, pos, None) for _, p in self.candidates(tokens[pos])
        )
