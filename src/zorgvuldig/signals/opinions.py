"""Political opinion: a strong value judgement on a policy, decision, government, party,
public body or office holder (``political_opinion``), and pejorative descriptors of a
person or office holder ("he is a ...") as ``personal_attack``.

A value judgement is no attack and no partisan stance, but the rules weigh it: restraint
about one's own area and one's own minister's policy (Ambtenarenwet 2017 art. 10;
Gedragscode Integriteit Rijk 2019 §5.2), no public views on matters of national political
controversy for the politically restricted (Civil Service Management Code 4.4), official
accounts that take no sides (GCS propriety), and the OSC's line that approval or
disapproval of policies is not political activity by itself.

A sentence holds one when a strongly evaluative word (``data/opinion_lexicon.yaml``:
VADER, MIT; CLiPS Pattern, PDDL) or a fixed evaluative phrase (``data/opinion.yaml``
``verdicts``) is said of a subject of the closed classes of ``data/opinion.yaml``
(``subjects``; office holders and one's own organisation from ``data/attacks.yaml``):

- predicated: subject, copula or verb of judging, evaluation ("het beleid is
  onmenselijk", "I find the plan reckless");
- attached: the evaluation right before the subject ("this cruel policy") or followed
  by whose it is ("a huge mistake by this administration");
- a verdict of a few words right after a sentence about the subject ("Irresponsible.");
- a stance in the first person ("I oppose the bill").

Only the writer's own, asserted words count: a negated, reported or questioned judgement
does not (:mod:`.scope`, as for the attacks).

Signals: ``political_opinion`` with ``value`` ``negative`` or ``positive`` and ``target``
one of :data:`TARGETS`; ``personal_attack`` with ``value`` ``pejorative`` and the target
of the attack cue (``person``, ``group``, ``office_holder`` …). Spans are ``str`` offsets
into the field. Pure Python; no Django.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from .attack_gate import occurrences
from .attack_lexicon import organisation_names
from .opinion_reading import Reading
from .opinion_words import (
    GATES,
    MEMO_SIZE,
    MEMO_TEXT_LIMIT,
    NEGATIVE_GATE,
    OPINION_GATE,
    PERSON_GATE,
    SUBJECT_GATE,
    TARGETS,
    VERDICT_WORDS,
    lexicons,
    may_match,
)
from .scope import TextScope
from .text import Field, Word
from .types import Signal
from .word_patterns import Sentence


def find_opinions(
    field: Field,
    *,
    organisation: str | None = None,
    entities: Sequence[Signal] = (),
) -> list[Signal]:
    """The ``political_opinion`` and pejorative ``personal_attack`` signals of ``field``.

    Args:
        field: the analysed text field.
        organisation: the actor's organisation (its name is a subject: own organisation).
        entities: the field's ``party_or_candidate`` signals (subjects: office holders).
    Returns:
        the signals in text order; empty when the gates let nothing through.
    """
    if not may_match(field, organisation):
        return []
    key = (
        field.text,
        field.where,
        organisation,
        field.languages,
        tuple((e.start, e.end) for e in entities),
    )
    if len(field.text) > MEMO_TEXT_LIMIT:  # a long text is not kept in memory
        return _find(field, organisation, entities)
    found = _MEMO.get(key)
    if found is None:
        if len(_MEMO) >= MEMO_SIZE:
            _MEMO.clear()
        found = _MEMO[key] = tuple(_find(field, organisation, entities))
    return list(found)


#: The signals of texts seen before (the posts of a page come back for every employee
#: who likes it); signals are immutable, so sharing them is safe.
_MEMO: dict[tuple[object, ...], tuple[Signal, ...]] = {}


def _find(
    field: Field, organisation: str | None, entities: Sequence[Signal]
) -> list[Signal]:
    """The signals of ``field`` (not remembered): only the sentences around an
    evaluative word, and the sentence before each, are read."""
    every = lexicons()
    languages = [lang for lang in field.languages if lang in every]
    text = field.text
    marked = field.marked
    names = organisation_names(organisation)
    # where a subject (or, for a negative word, a person) may stand: an evaluative word
    # farther than a sentence's length from all of them cannot be said of one
    subjects = _offsets(text, marked.get(SUBJECT_GATE, ()))
    subjects += [e.start or 0 for e in entities]
    subjects += [at for n in names for at in occurrences(text, n)]
    persons = _offsets(text, marked.get(PERSON_GATE, ()))
    negative = set(marked.get(NEGATIVE_GATE, ()))
    hot = [
        at
        for w in marked.get(OPINION_GATE, ())
        for at in occurrences(text, w.text)
        if _near(at, subjects) or (w in negative and _near(at, persons))
    ]
    if hot and len(text) > NEAR:
        hot = _in_reach(text, hot, subjects, persons)
    if not hot:
        return []
    anchors = subjects + persons
    scope = TextScope(text, languages, hot)
    hot_at = frozenset(hot)
    found: dict[tuple[str, int, int], Signal] = {}
    for k, lang in enumerate(languages):
        previous: Sentence | None = None
        for sentence in scope.sentences(k):
            first, last = sentence.tokens[0].start, sentence.tokens[-1].end
            # a sentence with an evaluative word and a subject or person word (or a
            # short verdict right after a sentence)
            if any(first <= at < last for at in hot) and (
                any(first <= at < last for at in anchors)
                or len(sentence.tokens) <= VERDICT_WORDS
            ):
                reading = Reading(
                    field, scope, sentence, every[lang], lang, names, entities
                )
                reading.hot_at = hot_at
                for sig in reading.signals(previous):
                    found.setdefault((sig.kind, sig.start or 0, sig.end or 0), sig)
            previous = sentence
    return sorted(found.values(), key=lambda s: (s.start or 0, s.kind))


#: How far (characters) an evaluative word may stand from a subject to be read.
NEAR = 200


#: Where a sentence may end: the cheap split of :func:`_in_reach`. It splits more often
#: than the real one (after "Mr." too), never less, so a sentence it keeps is never lost.
_MAY_END = re.compile(r"[.!?;:]+[\"'\u201d\u2019)\]]*\s+|\n")


def _in_reach(
    text: str, hot: list[int], subjects: list[int], persons: list[int]
) -> list[int]:
    """The evaluative words of ``hot`` that a subject or person may be said of: in the
    same stretch between possible sentence ends as one, or in a short stretch (a
    verdict: "Irresponsible.") right after one. Splitting the text into real sentences
    costs more than the whole rest of the check, and most texts keep none here."""
    ends = [m.end() for m in _MAY_END.finditer(text)]
    if not ends:
        return hot
    anchors = {bisect_right(ends, at) for at in subjects + persons}
    starts = [0, *ends]

    def short(k: int) -> bool:
        stretch = text[starts[k] : ends[k] if k < len(ends) else len(text)]
        return len(stretch.split()) <= VERDICT_WORDS + 1

    return [
        at
        for at in hot
        if (k := bisect_right(ends, at)) in anchors or (k - 1 in anchors and short(k))
    ]


def _offsets(text: str, words: Iterable[Word]) -> list[int]:
    return [at for w in words for at in occurrences(text, w.text)]


def _near(at: int, offsets: list[int]) -> bool:
    return any(abs(at - o) <= NEAR for o in offsets)


__all__ = ["GATES", "TARGETS", "find_opinions", "lexicons", "may_match"]
