"""The measure-word lexicon: its data file, word patterns, tokens and sentences.

The lexicon (``data/measure_terms.yaml``) writes each form of a measure word as a small
word pattern, so that multiword terms ("letter of reprimand"), optional words ("een
(stevig) gesprek"), inflections (listed, or ``~lemma`` through simplemma) and Dutch
separable verbs ("spreekt ... aan!") are data, not code. The syntax is described in that
file's header. Internal to ``signals``: :mod:`zorgvuldig.signals.measures` is the public
surface and re-exports :class:`MeasureCategory`, :class:`LexiconError` and
:func:`load_lexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

#: The languages the lexicon covers (ISO 639-1).
LANGUAGES: tuple[str, ...] = ("nl", "en")

#: Largest gap ``...`` allows between the words of a pattern (same clause only).
DEFAULT_GAP = 6

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


@dataclass(frozen=True, slots=True)
class Token:
    """A word: ``key`` is its lower-case form, ``start``/``end`` its ``str`` span."""

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
    text: str, boundaries: frozenset[str], abbreviations: frozenset[str] = frozenset()
) -> list[Sentence]:
    """Split ``text`` into sentences of words, numbering the clauses inside them.

    A clause ends at ``, ; :``, brackets and dashes, and before a word in ``boundaries``
    ("maar", "but"); a sentence ends at ``. ! ?`` (not after one of ``abbreviations`` or
    a single letter, as in "U.S.") and at a blank line.
    """
    sentences: list[Sentence] = []
    current: list[Token] = []
    clause = 0
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        if kind == "word":
            key = normalise(m.group())
            if key in boundaries:
                clause += 1
            current.append(Token(key, m.start(), m.end(), clause))
        elif kind == "clause":
            clause += 1
        elif (
            kind == "end" and m.group() == "." and _abbreviation(current, abbreviations)
        ):
            continue
        elif current:  # a sentence end or a blank line
            sentences.append(Sentence(current, "?" in m.group()))
            current = []
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
        for payload, pattern in pairs:
            self.language = pattern.language
            for e in pattern.first_elements():
                for w in e.words:
                    self.by_word.setdefault(w, []).append((payload, pattern))
                for w in e.lemmas:
                    self.by_lemma.setdefault(w, []).append((payload, pattern))

    def candidates(self, token: Token) -> list[tuple[Any, Pattern]]:
        """The patterns that may start at ``token``."""
        found = self.by_word.get(token.key, [])
        if self.by_lemma:
            extra = self.by_lemma.get(lemma(token.key, self.language))
            if extra:
                found = found + [c for c in extra if c not in found]
        return found

    def find_all(
        self, tokens: list[Token], followers: Matcher | None = None
    ) -> list[tuple[Any, list[int]]]:
        """``(payload, token indices)`` of every match in ``tokens``."""
        out = []
        for i, token in enumerate(tokens):
            for payload, pattern in self.candidates(token):
                idx = pattern.match_at(tokens, i, followers)
                if idx:
                    out.append((payload, idx))
        return out

    def matches_at(self, tokens: list[Token], pos: int) -> bool:
        """Does any pattern match starting at ``pos``?"""
        return any(
            p.match_at(tokens, pos, None) for _, p in self.candidates(tokens[pos])
        )


# --- the lexicon file ----------------------------------------------------------------


class MeasureCategory(StrEnum):
    """The measure ladder (DESIGN.md §6.3), from mild to severe."""

    NONE = "none"
    INFORMAL = "informal"
    ORDER_MEASURE = "order_measure"
    PUNISHMENT = "punishment"
    DISMISSAL = "dismissal"


#: Severity rank of each category: ``none`` 0 up to ``dismissal`` 4.
SEVERITY: dict[str, int] = {c.value: i for i, c in enumerate(MeasureCategory)}


class LexiconError(ValueError):
    """The lexicon data file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Term:
    """A lexicon entry (see the header of ``data/measure_terms.yaml``)."""

    term: str
    language: str
    category: MeasureCategory
    ambiguous: bool
    generic: bool
    readings: tuple[MeasureCategory, ...]
    source: str
    finite: tuple[Pattern, ...]
    qualifiers: Matcher  # payload: the category a qualifier decides


@dataclass(frozen=True)
class LanguageLexicon:
    """Everything the analyser needs for one language."""

    terms: Matcher  # payload: Term
    exclusions: Matcher
    cues: Matcher  # payload: cue kind ("negation", "hedge", ...)
    #: (kind, word ending), e.g. ("negation", "n't")
    suffixes: tuple[tuple[str, str], ...]
    boundaries: frozenset[str]
    abbreviations: frozenset[str]
    followers: Matcher


_CUE_KINDS = (
    "negation",
    "negation_exceptions",
    "hedge",
    "hedge_exceptions",
    "hedge_after",
    "attribution",
)
_CUE_KEYS = {*_CUE_KINDS, "negation_suffixes", "hedge_suffixes", "boundaries"}
_CUE_KEYS |= {"abbreviations", "particle_followers"}
_REQUIRED_KEYS = {"term", "language", "category", "ambiguous", "source", "patterns"}
_TERM_KEYS = {"term", "language", "category", "ambiguous", "readings", "generic"}
_TERM_KEYS |= {"source", "patterns", "finite", "qualifiers"}


def _default_path() -> Path:
    return Path(str(resources.files("zorgvuldig.signals").joinpath("data")))


@cache
def load_lexicon(path: str | Path | None = None) -> dict[str, LanguageLexicon]:
    """Read and compile the lexicon (once per path; cached).

    Args:
        path: a YAML file shaped like ``data/measure_terms.yaml`` (default: that file).
    Returns:
        ``{language: LanguageLexicon}`` for each of :data:`LANGUAGES`.
    Raises:
        LexiconError: the file is missing or malformed; the message names the file and
            the entry.
    """
    path = Path(path) if path else _default_path() / "measure_terms.yaml"
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{path}: cannot be read as YAML ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise LexiconError(f"{path}: expected a mapping with a 'terms' list")
    cues, exclusions = data.get("cues") or {}, data.get("exclusions") or {}
    terms: dict[str, list[tuple[Term, Pattern]]] = {lang: [] for lang in LANGUAGES}
    seen: set[tuple[str, str]] = set()
    for i, raw in enumerate(data["terms"]):
        term, patterns = _compile_term(raw, f"{path}: terms[{i}]", seen)
        terms[term.language] += [(term, p) for p in patterns]
    result = {}
    for lang in LANGUAGES:
        where = f"{path}: cues.{lang}"
        lc = cues.get(lang)
        if not isinstance(lc, dict):
            raise LexiconError(f"{where}: missing")
        if unknown := set(lc) - _CUE_KEYS:
            raise LexiconError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        cue_pairs = [
            (kind, _compile(p, lang, f"{where}.{kind}"))
            for kind in _CUE_KINDS
            for p in _str_list(lc.get(kind, []), f"{where}.{kind}")
        ]
        suffixes = [
            (kind.removesuffix("_suffixes"), s.lower())
            for kind in ("negation_suffixes", "hedge_suffixes")
            for s in _str_list(lc.get(kind, []), f"{where}.{kind}")
        ]
        follow = _str_list(
            lc.get("particle_followers", []), f"{where}.particle_followers"
        )
        ewhere = f"{path}: exclusions.{lang}"
        excl = _str_list(exclusions.get(lang, []), ewhere)
        result[lang] = LanguageLexicon(
            terms=Matcher(terms[lang]),
            exclusions=Matcher([(None, _compile(p, lang, ewhere)) for p in excl]),
            cues=Matcher(cue_pairs),
            suffixes=tuple(suffixes),
            boundaries=_word_set(lc, "boundaries", where),
            abbreviations=_word_set(lc, "abbreviations", where),
            followers=Matcher(
                [
                    (None, _compile(p, lang, f"{where}.particle_followers"))
                    for p in follow
                ]
            ),
        )
    return result


def _word_set(cues: dict[str, Any], key: str, where: str) -> frozenset[str]:
    return frozenset(
        normalise(w) for w in _str_list(cues.get(key, []), f"{where}.{key}")
    )


def _str_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, list):
        raise LexiconError(f"{where}: expected a list of strings")
    for v in value:
        if not isinstance(v, str):
            hint = " (quote yes/no/on/off)" if isinstance(v, bool) else ""
            raise LexiconError(f"{where}: {v!r} is not a string{hint}")
    return value


def _compile(text: str, language: str, where: str) -> Pattern:
    try:
        return compile_pattern(text, language)
    except PatternError as exc:
        raise LexiconError(f"{where}: pattern {text!r}: {exc}") from None


def _category(value: Any, where: str) -> MeasureCategory:
    try:
        return MeasureCategory(value)
    except ValueError:
        choices = ", ".join(MeasureCategory)
        raise LexiconError(f"{where}: unknown category {value!r} ({choices})") from None


def _compile_term(
    raw: Any, where: str, seen: set[tuple[str, str]]
) -> tuple[Term, list[Pattern]]:
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: expected a mapping")
    where = f"{where} ({raw.get('term')!r})"
    if missing := _REQUIRED_KEYS - set(raw):
        raise LexiconError(f"{where}: missing {', '.join(sorted(missing))}")
    if unknown := set(raw) - _TERM_KEYS:
        raise LexiconError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    if raw["language"] not in LANGUAGES:
        raise LexiconError(f"{where}: language must be one of {', '.join(LANGUAGES)}")
    for flag in ("ambiguous", "generic"):
        if not isinstance(raw.get(flag, False), bool):
            raise LexiconError(f"{where}: {flag} must be yes or no")
    if not isinstance(raw["term"], str) or not isinstance(raw["source"], str):
        raise LexiconError(f"{where}: term and source must be text")
    key = (raw["language"], raw["term"])
    if key in seen:
        raise LexiconError(f"{where}: duplicate term")
    seen.add(key)
    readings = tuple(
        _category(c, where) for c in _str_list(raw.get("readings", []), where)
    )
    qualifiers: list[tuple[MeasureCategory, Pattern]] = []
    for j, q in enumerate(raw.get("qualifiers") or []):
        qwhere = f"{where}.qualifiers[{j}]"
        if not isinstance(q, dict) or "category" not in q or "patterns" not in q:
            raise LexiconError(f"{qwhere}: expected {{category, patterns, source}}")
        cat = _category(q["category"], qwhere)
        qualifiers += [
            (cat, _compile(p, raw["language"], qwhere))
            for p in _str_list(q["patterns"], qwhere)
        ]
    term = Term(
        term=raw["term"],
        language=raw["language"],
        category=_category(raw["category"], where),
        ambiguous=raw["ambiguous"],
        generic=raw.get("generic", False),
        readings=readings,
        source=raw["source"],
        finite=(),
        qualifiers=Matcher(qualifiers),
    )
    patterns = _patterns(raw, "patterns", term, where)
    finite = tuple(_patterns(raw, "finite", term, where))
    return replace(term, finite=finite), patterns


def _patterns(raw: dict[str, Any], key: str, term: Term, where: str) -> list[Pattern]:
    where = f"{where}.{key}"
    texts = _str_list(raw.get(key, []), where)
    if key == "patterns" and not texts:
        raise LexiconError(f"{where}: at least one pattern is needed")
    return [_compile(t, term.language, where) for t in texts]
