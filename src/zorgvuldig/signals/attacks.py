"""Attacks: insults, derision and accusations of a person or group (``insult``,
``personal_attack``), discriminatory and conspiracy talk (``discrimination_or_conspiracy``),
calls to violence (``incitement``) and criticism of one's own organisation
(``criticism_of_own_organisation``), each with the target it is aimed at.

Manner and target weigh in every jurisdiction: form, tone and personal attacks under the
Dutch open norm (Ambtenarenwet 2017 art. 10; Gedragscode Integriteit Rijk 2019 §§5.2-5.3,
6.1), integrity and impartiality under the Civil Service Code, conduct under 5 CFR
2635.101(b)(14). What counts is the writer's own attack: a negated one ("hij is geen
leugenaar", "he is not a liar") or words the writer quotes from someone else ("X zei:
'een leugenaar'") do not (:mod:`.scope`, shared with the measure-word analyser).

A signal's ``target`` is one of :data:`TARGETS`: the writer's ``own_superior`` ("mijn
minister"), ``own_organisation`` (its name, "my department", "mijn collega's"), an
``office_holder`` (an office or institution, or a party or politician found in the
sentence), a ``group`` (a group noun, a slur, a plural insult) or a ``person``. The word
lists and their sources: :mod:`.attack_lexicon`.
"""

from __future__ import annotations

from collections.abc import Sequence

from .attack_gate import (
    WORD_GATES,
    WORDS_ONLY,
    anchors_any,
    cues_to_run,
    may_match,
    occurrences,
)
from .attack_lexicon import ATTACK_GATE, lists
from .attack_lexicon import organisation_names as _organisation_names
from .attack_reading import SCARE_QUOTE_WORDS, Reading
from .scope import TextScope, quotations
from .text import Field
from .types import Signal
from .word_patterns import Sentence

#: The targets an attack can have, most specific first.
TARGETS = ("own_superior", "own_organisation", "office_holder", "group", "person")


def find_attacks(
    field: Field,
    *,
    organisation: str | None = None,
    entities: Sequence[Signal] = (),
    run: frozenset[str] | None = None,
) -> list[Signal]:
    """The attack signals of ``field``.

    Args:
        field: the analysed text field.
        organisation: the actor's organisation, whose name counts as a reference to
            their own organisation.
        entities: the field's ``party_or_candidate`` signals (their sentences have an
            office holder as target).
        run: the answer of :func:`may_match` for this field, when already asked.
    Returns:
        ``insult`` (a name-calling word or slur; ``value`` the lexicon entry),
        ``personal_attack`` (every insult, and accusations, reproach, derision aimed at
        someone; ``value`` what it is: insult, slur, accusation, reproach, derision,
        sarcasm), ``discrimination_or_conspiracy`` (``value`` slur, exclusion or
        conspiracy), ``incitement`` and ``criticism_of_own_organisation``; every one with
        its ``target`` (:data:`TARGETS`). Spans are ``str`` offsets into the field.
    """
    if run is None:
        run = cues_to_run(field, organisation)
    if not run:
        return []
    key = (
        field.text,
        field.where,
        organisation,
        field.languages,
        run,
        tuple((e.start, e.end) for e in entities),
    )
    if len(field.text) > MEMO_TEXT_LIMIT:  # a long text is not kept in memory
        return _find(field, organisation, entities, run)
    found = _MEMO.get(key)
    if found is None:
        if len(_MEMO) >= MEMO_SIZE:
            _MEMO.clear()
        found = _MEMO[key] = tuple(_find(field, organisation, entities, run))
    return list(found)


#: The attacks of texts seen before: (text, where, organisation, languages, cues,
#: entity spans) -> signals. The same texts come back again and again (the posts of a
#: page that many employees like or share, a text checked for several jurisdictions or
#: re-checked as the employee edits the other fields), and reading a text's sentences
#: is the costly part of the cue. Signals are immutable, so sharing them is safe.
_MEMO: dict[tuple[object, ...], tuple[Signal, ...]] = {}
#: How many texts :data:`_MEMO` remembers before it starts afresh.
MEMO_SIZE = 4096
#: Texts longer than this (characters) are not remembered.
MEMO_TEXT_LIMIT = 5000


def _find(
    field: Field,
    organisation: str | None,
    entities: Sequence[Signal],
    run: frozenset[str],
) -> list[Signal]:
    """The attack signals of ``field`` for the cues in ``run`` (not remembered)."""
    every = lists()
    names = _organisation_names(organisation)
    languages = [lang for lang in field.languages if lang in every]
    marked = field.marked
    hot = set().union(*(marked.get(g, ()) for g in WORD_GATES))
    # a phrase or a call to violence needs a word that anchors one
    anchors = [w.forms_both for w in marked.get(ATTACK_GATE, ())]
    phrases = anchors_any(anchors, every, "phrases")
    violence = anchors_any(anchors, every, "violence")
    text = field.text
    # where the cue words stand (perhaps also inside longer words: a token is hot when
    # it starts at one of these offsets and is one of the hot words)
    hot_at = [at for w in hot for at in occurrences(text, w.text)]
    around: list[int] | None = None
    if "own" not in run:  # only the sentences near a cue word (or a quotation)
        around = list(hot_at)
        if "quotes" in run:
            around += [a for a, _ in quotations(text)]
    scope = TextScope(field.text, languages, around)
    found: dict[tuple[str, int, int], Signal] = {}
    for k, lang in enumerate(languages):
        if k and run == WORDS_ONLY and not phrases and not violence:
            break  # the words were read in the first language's reading
        lex = every[lang]
        for sentence in scope.sentences(k):
            # most sentences of a long text hold no cue word: skip them at once
            if not _worth_reading(sentence, run, hot_at, scope):
                continue
            reading = Reading(field, scope, sentence, lex, lang, names, entities)
            reading.hot_at = frozenset(hot_at)
            reading.phrases_possible = phrases
            reading.violence_possible = violence
            # a word is looked up in every language at once: read the words once
            reading.read_words = k == 0
            reading.word_languages = tuple(languages)
            for sig in reading.signals(run):
                found.setdefault((sig.kind, sig.start or 0, sig.end or 0), sig)
    return list(found.values())


def _worth_reading(
    sentence: Sentence, run: frozenset[str], hot_at: list[int], scope: TextScope
) -> bool:
    """Does the sentence hold a cue word, or a quotation when sarcasm may be at stake?
    (Criticism of one's own organisation by its name is looked for everywhere.)"""
    if "own" in run:
        return True
    first, last = sentence.tokens[0].start, sentence.tokens[-1].end
    if any(first <= at < last for at in hot_at):
        return True
    return "quotes" in run and any(first <= a < last for a, _ in scope.quotes)


__all__ = ["SCARE_QUOTE_WORDS", "TARGETS", "find_attacks", "may_match"]
