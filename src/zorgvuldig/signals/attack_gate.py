"""The gate of the attack cues (:mod:`.attacks`): which of them may fire on a text.

The gates of :mod:`.attack_lexicon` mark, once per distinct word, the words a cue may
start from (a phrase by its least common word); :func:`may_match` then checks, cheaply,
that a text holds a cue word by itself or all the words of a phrase, so that the
sentences of a text are read only when something can be found there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .attack_lexicon import (
    ATTACK_GATE,
    CRITICISM_GATE,
    EXCLUSION_GATE,
    GATES,
    GROUP_GATE,
    OWN_GATE,
    POSSESSIVE_GATE,
    POSSESSIVES,
    Lists,
    Requirement,
    lists,
)
from .attack_lexicon import organisation_names as _organisation_names
from .text import Field, Word


def may_match(field: Field, organisation: str | None = None) -> frozenset[str]:
    """The attack cues whose words ``field`` holds (cheap; empty: none can fire).

    Pass the answer to :func:`find_attacks` as ``run`` so that it is not worked out
    twice.
    """
    lists()  # the gates exist once the lists are read
    return cues_to_run(field, organisation)


def cues_to_run(field: Field, organisation: str | None) -> frozenset[str]:
    """The attack cues whose gates let ``field`` through: ``words`` (insults, slurs,
    derision, phrases, violence), ``groups``, ``own``, ``quotes``."""
    marked = field.marked
    if not marked or marked.keys().isdisjoint(GATES):
        return NOTHING
    text = field.text
    words = _Words()
    run = set()
    if ATTACK_GATE in marked and _present(field, ATTACK_GATE, words):
        run.add("words")
    if (
        GROUP_GATE in marked
        and EXCLUSION_GATE in marked
        and _present(field, GROUP_GATE, words)
        and _present(field, EXCLUSION_GATE, words)
    ):
        run.add("groups")
    if (
        CRITICISM_GATE in marked
        and (OWN_GATE in marked or organisation)
        and _present(field, CRITICISM_GATE, words)
        and (
            _names_present(text, organisation)
            or (OWN_GATE in marked and _present(field, OWN_GATE, words))
        )
    ):
        run.add("own")
    if POSSESSIVE_GATE in marked and _scare_quote_possible(text):
        run.add("quotes")
    return frozenset(run) if run else NOTHING


class _Words:
    """What :func:`_present` may need of a field beyond its vocabulary, made when first
    asked for."""

    __slots__ = ("_forms",)

    def __init__(self) -> None:
        self._forms: frozenset[str] | None = None

    def marked_forms(self, field: Field) -> frozenset[str]:
        """The forms (words and lemmas) of the group nouns in the field ("moslims" is
        there for a pattern that needs "moslim")."""
        if self._forms is None:
            self._forms = frozenset().union(
                *(w.forms_both for w in field.marked.get(GROUP_GATE, ()))
            )
        return self._forms


def _names_present(text: str, organisation: str | None) -> bool:
    """Does the text name the actor's own organisation, as whole words?

    Its names (:func:`~.attack_lexicon.organisation_names`) are held as written,
    lower-case, capitalised and in capitals, so no copy of the text is made.
    """
    return bool(organisation) and any(
        n in text and find_word(text, n) >= 0 for n in _organisation_names(organisation)
    )


#: A blank before an opening quotation mark that a letter follows: a quotation may
#: start there (a scare quote when a possessive precedes it).
_QUOTE_OPEN_RE = re.compile("\\s['\u2018\"\u201c\u201e](?=\\w)")


#: A blank and an opening quotation mark: the quick look before :data:`_QUOTE_OPEN_RE`.
_QUOTE_START_RE = re.compile(" ['\u2018\"\u201c\u201e]")


def _scare_quote_possible(text: str) -> bool:
    """Is there a quotation right after a possessive ("je 'betrokkenheid'")?"""
    if not (
        "'" in text
        or '"' in text
        or "\u2018" in text
        or "\u201c" in text
        or "\u201e" in text
    ) or not _QUOTE_START_RE.search(text):
        return False
    for m in _QUOTE_OPEN_RE.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()].split()
        if before and before[-1].lower() in POSSESSIVES:
            return True
    return False


NOTHING: frozenset[str] = frozenset()
WORDS_ONLY = frozenset({"words"})

WORD_GATES = (ATTACK_GATE, GROUP_GATE, EXCLUSION_GATE, OWN_GATE)
#: (gate, word) -> (a cue word by itself, the requirements of the patterns it anchors)
_WORD_INFO: dict[tuple[str, Word], tuple[bool, tuple[Requirement, ...]]] = {}
#: How many words :data:`_WORD_INFO` remembers before it starts afresh.
WORD_INFO_SIZE = 100_000


def _info(gate_name: str, w: Word) -> tuple[bool, tuple[Requirement, ...]]:
    key = (gate_name, w)
    found = _WORD_INFO.get(key)
    if found is None:
        every = lists()
        forms = w.forms_both
        single = any(
            not forms.isdisjoint(lex.singles[gate_name]) for lex in every.values()
        )
        required = tuple(
            req
            for lex in every.values()
            for form in forms
            for req in lex.anchored[gate_name].get(form, ())
        )
        if len(_WORD_INFO) >= WORD_INFO_SIZE:
            _WORD_INFO.clear()
        found = _WORD_INFO[key] = (single, required)
    return found


def _all_in(phrase: str, vocab: frozenset[str]) -> bool:
    """Are all the words of ``phrase`` (split at spaces: "don t") in ``vocab``?"""
    return all(part in vocab for part in phrase.split())


def _present(field: Field, gate_name: str, words: _Words) -> bool:
    """Does ``field`` hold a single cue word of the gate, or all the required words of
    one of its patterns? A cheap test: a pattern's word counts as present when it
    occurs as a word of the text (:attr:`~.text.Field.vocab`), is given as a lemma
    (``~``), or is a form of a group noun in the text ("moslims" for "moslim");
    the cue itself then decides."""
    marked = field.marked.get(gate_name)
    if not marked:
        return False
    for w in marked:
        single, required = _info(gate_name, w)
        if single:
            return True
        for req in required:
            vocab = field.vocab
            if all(
                lemma
                or not alts.isdisjoint(vocab)
                or any(_all_in(a, vocab) for a in alts if " " in a)
                or not alts.isdisjoint(words.marked_forms(field))
                for alts, lemma in req
            ):
                return True
    return False


def anchors_any(
    forms: Sequence[frozenset[str]], every: dict[str, Lists], kind: str
) -> bool:
    """Is one of ``forms`` an anchor word of the ``kind`` patterns of some language?"""
    keys = _anchor_keys(kind)
    return any(not keys.isdisjoint(f) for f in forms)


@cache
def _anchor_keys(kind: str) -> frozenset[str]:
    return frozenset().union(*(lex.anchored[kind] for lex in lists().values()))


def occurrences(text: str, needle: str) -> list[int]:
    """Every offset of ``needle`` in ``text`` (perhaps inside a longer word: the
    sentences around it are read, no more)."""
    out, at = [], text.find(needle)
    while at >= 0:
        out.append(at)
        at = text.find(needle, at + 1)
    return out


def find_word(haystack: str, needle: str) -> int:
    """The offset of ``needle`` in ``haystack`` as whole words, or -1."""
    at = haystack.find(needle)
    while at >= 0:
        before = haystack[at - 1] if at else " "
        after = haystack[at + len(needle)] if at + len(needle) < len(haystack) else " "
        if not before.isalnum() and not after.isalnum():
            return at
        at = haystack.find(needle, at + 1)
    return -1


__all__ = [
    "NOTHING",
    "WORDS_ONLY",
    "WORD_GATES",
    "anchors_any",
    "cues_to_run",
    "find_word",
    "may_match",
    "occurrences",
]
