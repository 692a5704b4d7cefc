"""Regular expressions from the data files, run only on texts that hold their key words.

Most posts contain none of the words a cue looks for, so scanning every post with every
pattern wastes most of the time a check takes. A :class:`CuePatterns` works out, once, a
*key* that every match of a pattern must contain: a word ("vertrouwelijk"), a piece of a
word ("haha"), or a character ("$"). A pattern whose key is absent from a text cannot
match it and is skipped; the others run as written. The key is derived from the parsed
pattern, so whoever adds a pattern to a data file writes only the pattern; a pattern
without a usable key (it could match almost anything) simply always runs.

The derivation is conservative: a key is only used when any match must contain it, with
letters compared case- and accent-insensitively (as :func:`~.text.fold` does).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import count

# The regular-expression parser of the standard library: private modules that typeshed has
# no stubs for (the public sre_constants and sre_parse aliases are deprecated since 3.11).
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from .text import Field, Gate, Word, fold, gate, non_overlapping
from .types import Signal

#: Stand-in for a position known to be a word boundary (``\b``, a space, punctuation).
_EDGE = "\x00"
#: A literal sequence may expand to at most this many strings before it is given up on.
_MAX_ALTERNATIVES = 256
#: A character class of at most this many characters expands into alternatives.
_MAX_CLASS = 6
#: ... or of at most this many characters that are not letters or digits (emoji).
_MAX_SYMBOLS = 16
_RUN = re.compile(r"\w+")
#: How many marked words a :class:`CuePatterns` remembers the patterns of.
WORD_MEMO_SIZE = 50_000


@dataclass(frozen=True, slots=True)
class Key:
    """What every match of a pattern contains.

    ``kind`` is ``word`` (a whole run of letters and digits of the text, folded), ``part``
    (a piece of such a run) or ``text`` (characters of the raw text, such as ``$``).
    """

    kind: str
    value: str


def _class_chars(items: Sequence[tuple[Any, Any]]) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            out.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < _MAX_SYMBOLS:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is sre.CATEGORY and av is sre.CATEGORY_SPACE:
            out.add(_EDGE)
        else:
            return None
    if len(out) <= _MAX_CLASS or not any(_RUN.match(c) for c in out):
        return out if len(out) <= _MAX_SYMBOLS else None
    return None


def _literals(items: Sequence[tuple[Any, Any]]) -> set[str] | None:
    """Every string a fully literal item sequence matches (``\\b`` as :data:`_EDGE`)."""
    outs = {""}
    for op, av in items:
        alts: set[str] | None
        if op is sre.LITERAL:
            ch = chr(av)
            alts = {ch if _RUN.match(ch) else _EDGE + ch + _EDGE}
        elif op is sre.IN:
            chars = _class_chars(av)
            alts = (
                None
                if chars is None
                else {
                    c if c == _EDGE or _RUN.match(c) else _EDGE + c + _EDGE
                    for c in chars
                }
            )
        elif op is sre.SUBPATTERN:
            alts = _literals(av[-1])
        elif op is sre.BRANCH:
            alts = set()
            for branch in av[1]:
                sub = _literals(branch)
                if sub is None:
                    return None
                alts |= sub
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[1] <= 1:
            sub = _literals(av[2])
            if sub is None:
                return None
            alts = sub | {""} if av[0] == 0 else sub
        elif op is sre.AT:
            alts = {_EDGE} if av in (sre.AT_BOUNDARY, sre.AT_BEGINNING) else {""}
        elif op is sre.ASSERT_NOT and _is_word_class(av[1]):
            alts = {_EDGE}  # (?!\w) or (?<!\w): the edge of a word
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            alts = {""}
        else:
            return None
        if alts is None:
            return None
        outs = {a + b for a in outs for b in alts}
        if len(outs) > _MAX_ALTERNATIVES:
            return None
    return outs


def _is_word_class(items: Any) -> bool:
    items = list(items)
    return len(items) == 1 and (
        items[0] == (sre.IN, [(sre.CATEGORY, sre.CATEGORY_WORD)])
        or items[0] == (sre.IN, [(sre.CATEGORY, sre.CATEGORY_UNI_WORD)])
    )


def _key_of(alternative: str, left: bool, right: bool) -> Key | None:
    """The best key of one literal alternative; ``left``/``right``: edges are boundaries."""
    text = (_EDGE if left else "") + alternative + (_EDGE if right else "")
    best: Key | None = None
    for m in _RUN.finditer(text):
        whole = (m.start() > 0 and text[m.start() - 1] == _EDGE) or (
            m.start() > 0 and not _RUN.match(text[m.start() - 1])
        )
        whole = whole and m.end() < len(text) and not _RUN.match(text[m.end()])
        run = fold(m.group())
        key = Key("word" if whole else "part", run)
        if best is None or _rank(key) > _rank(best):
            best = key
    if best is None:
        chars = alternative.replace(_EDGE, "")
        return Key("text", chars) if chars else None
    return best


def _rank(key: Key) -> int:
    return len(key.value) + (1 if key.kind == "word" else 0)


def _candidate(
    alternatives: set[str], left: bool, right: bool
) -> tuple[int, tuple[Key, ...]] | None:
    keys = []
    for alt in alternatives:
        key = _key_of(alt, left, right)
        if key is None:
            return None
        keys.append(key)
    unique = tuple(dict.fromkeys(keys))
    return min(_rank(k) for k in unique), unique


def _is_separator(op: Any, av: Any) -> bool:
    """Whether the item consumes at least one character that is not a letter or digit."""
    if op not in (sre.MAX_REPEAT, sre.MIN_REPEAT) or av[0] < 1:
        return False
    alts = _literals(av[2])
    if not alts:
        return False
    return all(a and not _RUN.search(a) for a in alts)


def _edge_at(alts: set[str] | None, end: bool) -> bool:
    """Whether every alternative starts (``end=False``) or ends with a word boundary."""
    if not alts:
        return False
    for alt in alts:
        ch = alt[-1:] if end else alt[:1]
        if not ch or (ch != _EDGE and _RUN.match(ch)):
            return False
    return True


def _required(
    items: Sequence[tuple[Any, Any]], left_edge: bool = False, right_edge: bool = False
) -> tuple[int, tuple[Key, ...]] | None:
    """The best set of keys one of which every match of ``items`` contains.

    ``left_edge``/``right_edge``: whether ``items`` is known to start or end at a word
    boundary (from the items around it).
    """
    n = len(items)
    lits = [_literals([item]) for item in items]
    seps = [_is_separator(op, av) for op, av in items]

    def left_of(i: int) -> bool:
        return (i == 0 and left_edge) or (
            i > 0 and (seps[i - 1] or _edge_at(lits[i - 1], end=True))
        )

    def right_of(i: int) -> bool:
        return (i == n - 1 and right_edge) or (
            i + 1 < n and (seps[i + 1] or _edge_at(lits[i + 1], end=False))
        )

    candidates: list[tuple[int, tuple[Key, ...]]] = []
    i = 0
    while i < n:
        if lits[i] is not None:
            j = i
            while j < n and lits[j] is not None:
                j += 1
            alts = _literals(items[i:j])
            found = _candidate(alts, left_of(i), right_of(j - 1)) if alts else None
            if found is not None:
                candidates.append(found)
            i = j
            continue
        op, av = items[i]
        sub: tuple[int, tuple[Key, ...]] | None = None
        if op is sre.SUBPATTERN:
            sub = _required(av[-1], left_of(i), right_of(i))
        elif op is sre.BRANCH:
            found_all = [_required(b, left_of(i), right_of(i)) for b in av[1]]
            if all(f is not None for f in found_all):
                keys = tuple(dict.fromkeys(k for f in found_all if f for k in f[1]))
                sub = (min(f[0] for f in found_all if f), keys)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            sub = _required(av[2])
        if sub is not None:
            candidates.append(sub)
        i += 1
    return max(candidates, key=lambda c: c[0]) if candidates else None


def required_keys(pattern: re.Pattern[str]) -> tuple[Key, ...] | None:
    """Keys one of which every match of ``pattern`` contains; ``None`` if none is known.

    A key of only one or two letters is not worth checking; such patterns always run.
    """
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError):  # pragma: no cover - compiled patterns parse
        return None
    found = _required(list(parsed))
    if found is None or (found[0] < 3 and any(k.kind != "text" for k in found[1])):
        return None
    return found[1]


_COUNTER = count()

#: The text keys of every :class:`CuePatterns` made, and whether any of them has a
#: pattern without a key: what may make a cue fire in a text none of whose words is
#: marked by a gate (see :func:`may_match_any_text`).
_TEXT_KEYS: set[str] = set()
_UNKEYED = [False]


def may_match_any_text(text: str) -> bool:
    """Whether some :class:`CuePatterns` may match ``text`` without a marked word.

    ``False`` means that every pattern needs a word that a gate marks, so a text with
    no marked word (:attr:`~.text.Field.marked` empty) cannot match any pattern.
    """
    if _UNKEYED[0]:
        return True
    for chars in _TEXT_KEYS:  # noqa: SIM110 - a loop: a generator costs more than the searches
        if chars in text:
            return True
    return False


class CuePatterns:
    """A list of regular expressions, each run only on fields that hold one of its keys.

    Each entry is a pattern (its keys are derived), or ``(pattern, words)`` when the
    caller knows words one of which every match contains as a whole word (folded; no
    words: derived after all).

    Patterns made under one ``gate_name`` share a gate, whose keys add up: patterns
    made again and again (for each function title, for a rebuilt list) then add no
    gate that every new word would be checked against.
    """

    def __init__(
        self,
        patterns: Iterable[
            str | re.Pattern[str] | tuple[str | re.Pattern[str], Iterable[str]]
        ],
        *,
        gate_name: str | None = None,
    ) -> None:
        compiled: list[re.Pattern[str]] = []
        by_word: dict[str, list[int]] = {}
        self._parts: list[tuple[str, int]] = []
        self._texts: list[tuple[str, int]] = []
        self._always: list[int] = []
        for i, entry in enumerate(patterns):
            given: Iterable[str] | None = None
            if isinstance(entry, tuple):
                entry, given = entry
            pattern = entry if isinstance(entry, re.Pattern) else re.compile(entry)
            compiled.append(pattern)
            keys = (
                tuple(Key("word", fold(w)) for w in given)
                if given  # words given by the caller; none given: derived, as usual
                else required_keys(pattern)
            )
            if not keys:
                self._always.append(i)
                continue
            for key in keys:
                if key.kind == "word":
                    by_word.setdefault(key.value, []).append(i)
                elif key.kind == "part":
                    self._parts.append((key.value, i))
                else:
                    self._texts.append((key.value, i))
        self.patterns: tuple[re.Pattern[str], ...] = tuple(compiled)
        self._by_word = {k: tuple(v) for k, v in by_word.items()}
        self._gate: Gate = gate(f"patterns-{gate_name or next(_COUNTER)}")
        self._of_word: dict[Word, frozenset[int]] = {}
        self._text_keys = tuple(dict.fromkeys(chars for chars, _ in self._texts))
        _TEXT_KEYS.update(self._text_keys)
        _UNKEYED[0] = _UNKEYED[0] or bool(self._always)
        self._gate.add(words=by_word, parts=(p for p, _ in self._parts))

    def may_match(self, field: Field) -> bool:
        """Whether some pattern may match ``field``: the cheap test of :meth:`candidates`."""
        if self._gate.name in field.marked or self._always:
            return True
        # ``in`` per key is a fast substring search; one regex over all keys is slower
        keys = self._text_keys
        return bool(keys) and any(map(field.text.__contains__, keys))

    def candidates(self, field: Field) -> list[re.Pattern[str]]:
        """The patterns that may match ``field``, in their original order."""
        marked = field.marked.get(self._gate.name)
        by_text = self._by_text(field.text) if self._texts else ()
        if not marked and not by_text and not self._always:
            return []
        chosen: set[int] = set(self._always)
        chosen.update(by_text)
        if marked:
            # the same few words are marked again and again: remember their patterns
            known = self._of_word
            for w in marked:
                found = known.get(w)
                if found is None:
                    if len(known) >= WORD_MEMO_SIZE:
                        known.clear()
                    found = known[w] = self._patterns_of(w)
                chosen.update(found)
        if not chosen:
            return []
        return [self.patterns[i] for i in sorted(chosen)]

    def _patterns_of(self, word: Word) -> frozenset[int]:
        """The patterns whose keys ``word`` holds (a key word or a piece of one)."""
        return frozenset(
            [i for run in word.runs for i in self._by_word.get(run, ())]
            + [i for part, i in self._parts if any(part in r for r in word.runs)]
        )

    def _by_text(self, text: str) -> list[int]:
        return [i for chars, i in self._texts if chars in text]

    def matches(self, field: Field) -> list[tuple[int, int, str]]:
        """``(start, end, matched text)`` of every match in ``field`` (unordered)."""
        candidates = self.candidates(field)
        if not candidates:
            return []
        text = field.text
        return [
            (m.start(), m.end(), m.group())
            for p in candidates
            for m in p.finditer(text)
        ]


def find_phrases(kind: str, patterns: CuePatterns, field: Field) -> list[Signal]:
    """One ``kind`` signal per non-overlapping phrase of ``field`` that ``patterns`` match.

    The shape of the cues that are a list of phrases (``nonpublic_information``,
    ``solicitation``, ``flippant_tone``).

    Returns:
        the signals in text order; blank matches are left out.
    """
    matches = patterns.matches(field)
    if not matches:
        return []
    return [
        Signal(kind, found, field.where, start, end)
        for start, end, found in non_overlapping(matches)
        if found.strip()
    ]
