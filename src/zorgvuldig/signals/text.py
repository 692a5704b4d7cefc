"""Shared text helpers for the cue modules: data files, tokens, folding and lemmas, and
the analysed text field (:class:`Field`) that every cue reads, with the gates
(:class:`Gate`) that let a cue skip a text holding none of its words.

Data files live in ``signals/data/`` (YAML, each naming its source) and are read once, on
first use, so that importing this package stays cheap for the command line. Lemmas come
from simplemma, which ships its dictionaries in the wheel (nothing is downloaded).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import chain
from operator import attrgetter
from typing import Any, TypeGuard, TypeVar

#: A word: letters/digits, with inner hyphens or apostrophes ("Midden-Oostenbeleid", "don't").
#: Possessive (``++``, ``*+``): nothing follows that could need a shorter run, so the
#: words are those of ``\w+(?:[-'\u2019]\w+)*``, found without keeping backtrack points.
WORD_RE = re.compile(r"\w++(?:[-'\u2019]\w++)*+")
#: Sentence boundaries used by the cues that look at a sentence as a unit.
SENTENCE_RE = re.compile(r"[^.!?\n]+[.!?]*")

#: Languages the lemmatiser is asked about when the text's language is not known.
DEFAULT_LANGUAGES: tuple[str, ...] = ("nl", "en")

T = TypeVar("T")


@cache
def load_data(name: str) -> Any:
    """The parsed YAML data file ``signals/data/<name>`` (read once, then cached)."""
    import yaml

    text = (
        resources.files("zorgvuldig.signals").joinpath("data", name).read_text("utf-8")
    )
    return yaml.safe_load(text)


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


# ---- words and analysed fields -----------------------------------------------------------

#: A run of letters or digits: the unit of comparison inside a word ("Midden", "Oostenbeleid").
RUN_RE = re.compile(r"\w+")
#: How many distinct words are remembered before the cache starts afresh.
WORD_CACHE_SIZE = 200_000


@dataclass(frozen=True, slots=True, eq=False)
class Word:
    """What the cues need to know about one distinct word, computed once per process.

    Attributes:
        text: the word as written (a :data:`WORD_RE` match).
        folded: :func:`fold` of it.
        runs: the folded letter/digit runs, split at hyphens and apostrophes
            (``("midden", "oostenbeleid")``; ``("pvv", "stemmers")``).
        run_spans: ``(start, end)`` of each run inside ``text``.
        lemma_nl, lemma_en: the folded simplemma lemma in Dutch and in English.
        stop: the languages in which the word is a function word (language guess).
        vote: +1 for a Dutch-only function word, -1 for an English-only one, else 0.
        forms_nl, forms_en, forms_both: the folded word with its lemma(s).
    """

    text: str
    folded: str
    runs: tuple[str, ...]
    run_spans: tuple[tuple[int, int], ...]
    lemma_nl: str
    lemma_en: str
    stop: tuple[str, ...]
    vote: int
    forms_nl: frozenset[str]
    forms_en: frozenset[str]
    forms_both: frozenset[str]

    def forms(self, languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> frozenset[str]:
        """The folded word and its folded lemmas in ``languages`` (``nl``, ``en``)."""
        forms: frozenset[str] = getattr(self, FORMS_OF[languages])
        return forms


#: The :class:`Word` attribute holding the forms for a tuple of languages.
FORMS_OF = {("nl",): "forms_nl", ("en",): "forms_en", DEFAULT_LANGUAGES: "forms_both",
            ("en", "nl"): "forms_both"}  # fmt: skip


_WORDS: dict[str, Word] = {}
#: Words that may matter to some :class:`Gate` -> the names of those gates.
_MARKS: dict[Word, set[str]] = {}
_GATES: dict[str, Gate] = {}
#: Bumped whenever a gate changes, so that fields mark their words again.
_GATE_VERSION = [0]


class Gate:
    """The words that may matter to one cue, marked once per distinct word.

    A word is marked when one of its runs is among :attr:`words` (or, for a gate made
    with ``forms=True``, one of its forms: the folded word and its lemmas), or when one
    of its runs holds one of :attr:`parts`. A text none of
    whose words is marked skips the cue at once (:attr:`Field.marked`), which is what
    keeps a check fast when most texts contain none of the words a cue looks for.
    Adding keys marks the words already seen; :meth:`clear` starts afresh.
    """

    def __init__(self, name: str, *, forms: bool = False) -> None:
        self.name = name
        self.forms = forms
        self.words: set[str] = set()
        self.parts: set[str] = set()
        _GATES[name] = self

    def marks(self, word: Word) -> bool:
        """Whether ``word`` may matter to this gate's cue."""
        return _marks(word, self.words, self.parts, self.forms)

    def add(self, words: Iterable[str] = (), parts: Iterable[str] = ()) -> None:
        """Add key words and word pieces (folded here) and mark the words seen so far."""
        new_words = {fold(w) for w in words} - self.words
        new_parts = {fold(p) for p in parts if p} - self.parts
        if not new_words and not new_parts:
            return
        self.words |= new_words
        self.parts |= new_parts
        _GATE_VERSION[0] += 1
        for w in _WORDS.values():
            if _marks(w, new_words, new_parts, self.forms):
                _MARKS.setdefault(w, set()).add(self.name)

    def clear(self) -> None:
        """Forget every key of this gate."""
        self.words.clear()
        self.parts.clear()
        _GATE_VERSION[0] += 1
        for names in _MARKS.values():
            names.discard(self.name)


def gate(name: str, *, forms: bool = False) -> Gate:
    """The gate called ``name`` (made when first asked for)."""
    found = _GATES.get(name)
    return found if found is not None else Gate(name, forms=forms)


def _marks(word: Word, words: set[str], parts: set[str], forms: bool) -> bool:
    if not words.isdisjoint(word.runs):
        return True
    if forms and not words.isdisjoint(word.forms_both):
        return True
    return any(p in run for p in parts for run in word.runs)


def word(text: str) -> Word:
    """The :class:`Word` for ``text`` (one token), from the cache or computed now."""
    found = _WORDS.get(text)
    return found if found is not None else _new_word(text)


def _new_word(text: str) -> Word:
    from simplemma import lemmatize

    if len(_WORDS) >= WORD_CACHE_SIZE:
        _WORDS.clear()
        _MARKS.clear()
    spans = tuple(m.span() for m in RUN_RE.finditer(text))
    folded = fold(text)
    lemmas = []
    for lang in ("nl", "en"):
        try:
            lemmas.append(fold(lemmatize(text, lang=lang)))
        except (ValueError, KeyError):  # pragma: no cover - empty or unknown input
            lemmas.append(folded)
    stops = stopwords()
    stop = tuple(lang for lang, words in stops.items() if folded in words)
    made = Word(
        text=text,
        folded=folded,
        runs=tuple(fold(text[a:b]) for a, b in spans),
        run_spans=spans,
        lemma_nl=lemmas[0],
        lemma_en=lemmas[1],
        stop=stop,
        vote=("nl" in stop) - ("en" in stop),
        forms_nl=frozenset((folded, lemmas[0])),
        forms_en=frozenset((folded, lemmas[1])),
        forms_both=frozenset((folded, *lemmas)),
    )
    _WORDS[text] = made
    names = {g.name for g in _GATES.values() if g.marks(made)}
    if names:
        _MARKS[made] = names
    return made


@cache
def stopwords() -> dict[str, frozenset[str]]:
    """Language -> its folded function words (``data/stopwords.yaml``), for guessing it."""
    data = load_data("stopwords.yaml")
    return {
        lang: frozenset(fold(w) for w in ws) for lang, ws in data["languages"].items()
    }


_RUNS = attrgetter("runs")
_VOTE = attrgetter("vote")


class Field:
    """One text field, tokenised once and shared by every cue.

    Words are looked up in a process-wide cache, so a word seen before costs one
    dictionary look-up; spans and per-language sets are computed only when a cue asks.

    Attributes:
        text: the field's text.
        where: its name (``text``, ``target.name``, ``target.content[n]``).
        words: the :class:`Word` of each token, in text order.
        language: ``"nl"``/``"en"`` as given or guessed; ``None`` when undecided.
        languages: the lemmatiser languages to use: ``(language,)`` or both.

    The language is guessed when first asked for: most texts hold nothing for which
    it matters.
    """

    __slots__ = ("_joined", "_language", "_languages", "_lemmas", "_marked", "_runs",
                 "_starts", "_version", "_vocab", "text", "tokens", "where",
                 "words")  # fmt: skip

    def __init__(self, text: str, where: str = "text", language: str | None = None):
        self.text = text
        self.where = where
        self.tokens: list[str] = WORD_RE.findall(text)
        tokens = self.tokens
        known = list(map(_WORDS.get, tokens))
        # new words are made here; one that occurs twice is made once (``word``)
        self.words: list[Word] = (
            known
            if _all_known(known)
            else [w or word(t) for w, t in zip(known, tokens, strict=True)]
        )
        self._marked: dict[str, set[Word]] = {}
        self._version = -1
        self._language = language
        self._languages: tuple[str, ...] | None = None
        self._starts: list[int] = []
        self._lemmas: frozenset[str] | None = None
        self._runs: list[tuple[int, int, str, int]] | None = None
        self._joined: str | None = None
        self._vocab: frozenset[str] | None = None

    @property
    def language(self) -> str | None:
        """``"nl"``/``"en"`` as given or guessed; ``None`` when undecided."""
        return self._language if self._languages is not None else self._decide()[0]

    @property
    def languages(self) -> tuple[str, ...]:
        """The lemmatiser languages to use: ``(language,)`` or both."""
        found = self._languages
        return found if found is not None else self._decide()[1]

    def _decide(self) -> tuple[str | None, tuple[str, ...]]:
        language = self._language
        if language is None:
            # Dutch and English function words vote, as in language.guess_language
            words = self.words
            score = sum(map(_VOTE, words if len(words) <= 400 else words[:400]))
            language = "nl" if score > 0 else "en" if score < 0 else None
        self._language = language
        self._languages = (
            (language,) if language in DEFAULT_LANGUAGES else DEFAULT_LANGUAGES
        )
        return language, self._languages

    @property
    def marked(self) -> dict[str, set[Word]]:
        """Gate name -> the words of this text that the gate marks (:class:`Gate`)."""
        if self._version != _GATE_VERSION[0]:
            marked: dict[str, set[Word]] = {}
            for w in _MARKS.keys() & self.words:
                for name in _MARKS[w]:
                    marked.setdefault(name, set()).add(w)
            self._marked, self._version = marked, _GATE_VERSION[0]
        return self._marked

    @property
    def vocab(self) -> frozenset[str]:
        """Every folded run of the text."""
        if self._vocab is None:
            self._vocab = frozenset(chain.from_iterable(map(_RUNS, self.words)))
        return self._vocab

    @property
    def joined(self) -> str:
        """The :attr:`vocab` joined with spaces, for finding pieces of words."""
        if self._joined is None:
            self._joined = " ".join(self.vocab)
        return self._joined

    def span(self, i: int) -> tuple[int, int]:
        """``(start, end)`` of word ``i`` in :attr:`text`.

        Positions are found left to right with ``str.find`` and remembered: between two
        tokens there is no letter or digit, so the next occurrence of a token's text is
        the token itself.
        """
        starts = self._starts
        if i >= len(starts):
            tokens, find = self.tokens, self.text.find
            k = len(starts)
            pos = starts[-1] + len(tokens[k - 1]) if k else 0
            for token in tokens[k : i + 1]:
                pos = find(token, pos)
                starts.append(pos)
                pos += len(token)
        start = starts[i]
        return start, start + len(self.tokens[i])

    @property
    def spans(self) -> list[tuple[int, int]]:
        """``(start, end)`` of each word, parallel to :attr:`words`."""
        if self.tokens:
            self.span(len(self.tokens) - 1)
        return [(s, s + len(t)) for s, t in zip(self._starts, self.tokens, strict=True)]

    def indexes(self, chosen: set[Word]) -> list[int]:
        """The positions of the words in ``chosen``, in text order."""
        return [i for i, w in enumerate(self.words) if w in chosen]

    def runs_between(self, first: int, last: int) -> list[tuple[int, int, str, int]]:
        """The runs ``(start, end, folded, word index)`` of words ``first`` to ``last``."""
        if last < first:
            return []
        self.span(last)  # the positions of every word up to ``last``, in one go
        starts, words = self._starts, self.words
        out = []
        for i in range(first, last + 1):
            start, w = starts[i], words[i]
            if len(w.runs) == 1:  # most words: one run, the whole word
                out.append((start, start + len(w.text), w.runs[0], i))
                continue
            for run, (a, b) in zip(w.runs, w.run_spans, strict=True):
                out.append((start + a, start + b, run, i))
        return out

    @property
    def lemma_vocab(self) -> frozenset[str]:
        """Every folded word and folded lemma (in :attr:`languages`) of the text."""
        if self._lemmas is None:
            forms = attrgetter(FORMS_OF[self.languages])
            self._lemmas = frozenset().union(*map(forms, self.words))
        return self._lemmas

    @property
    def runs(self) -> list[tuple[int, int, str, int]]:
        """Every run ``(start, end, folded, word index)`` of the text, in order."""
        if self._runs is None:
            self._runs = self.runs_between(0, len(self.words) - 1) if self.words else []
        return self._runs

    def located(self, chosen: set[Word]) -> Iterator[tuple[int, int, Word]]:
        """``(start, end, word)`` for each occurrence of a word in ``chosen``."""
        for i in self.indexes(chosen):
            yield (*self.span(i), self.words[i])


def _all_known(words: list[Word | None]) -> TypeGuard[list[Word]]:
    """Whether every token's :class:`Word` was found in the cache."""
    return None not in words


def as_field(
    text: str | Field, where: str = "text", language: str | None = None
) -> Field:
    """``text`` as a :class:`Field` (a field given is returned as it is)."""
    if isinstance(text, Field):
        return text
    return Field(text, where, language)


def non_overlapping(
    matches: Iterable[tuple[int, int, T]],
) -> list[tuple[int, int, T]]:
    """Matches ``(start, end, what)`` that do not overlap, earliest (then longest) first.

    Empty spans are left out. Linear after sorting, so a text with very many matches
    stays fast.
    """
    kept: list[tuple[int, int, T]] = []
    for start, end, what in sorted(matches, key=lambda m: (m[0], m[0] - m[1])):
        if kept and start < kept[-1][1]:
            continue
        if end > start:
            kept.append((start, end, what))
    return kept
