"""The word lists of :mod:`.opinions`, compiled per language, and its gates.

The lists (``data/opinion_lexicon.yaml``: VADER, MIT; CLiPS Pattern, PDDL;
``data/opinion.yaml``: the closed classes of subjects, verdicts, stances, copulas and
persons with their dictionary sources; office holders and one's own organisation from
``data/attacks.yaml``), the constants of reading them, and the cheap tests that let a
text through to the reading (:func:`may_match`). Pure Python; no Django.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from .attack_gate import find_word
from .attack_lexicon import organisation_names
from .frequency import zipf
from .text import Field, fold, gate, load_data
from .word_patterns import Matcher, Pattern, compile_pattern

#: The targets of a political opinion, most specific first.
TARGETS = ("own_superior", "own_organisation", "office_holder", "government", "policy",
           "group")  # fmt: skip
#: Gates: an evaluative word, and a word of a subject.
OPINION_GATE = "opinion"
SUBJECT_GATE = "opinion-subject"
#: The pejorative descriptors need a negative word and a word for a person.
NEGATIVE_GATE = "opinion-negative"
PERSON_GATE = "opinion-person"
GATES = frozenset({OPINION_GATE, SUBJECT_GATE, NEGATIVE_GATE, PERSON_GATE})
#: How many texts :data:`_MEMO` remembers before it starts afresh, and the longest
#: text it remembers (characters).
MEMO_SIZE = 4096
MEMO_TEXT_LIMIT = 5000
LANGUAGES = ("nl", "en")
#: How many words may stand between a copula and the evaluation ("is a huge mistake").
AFTER_COPULA = 4
#: How many words may stand between a subject and its verbal verdict ("the plan will
#: never work": one; "het beleid gaat echt nooit werken": two).
PREDICATE_GAP = 2
#: How many words a verdict sentence may have ("Irresponsible.", "Een regelrechte schande.").
VERDICT_WORDS = 4
#: How many words may stand between an evaluation and the subject it is attached to.
ATTACHED = 2


@dataclass(frozen=True)
class Lexicon:
    """The compiled lists of one language (see ``data/opinion.yaml``)."""

    negative: frozenset[str]
    positive: frozenset[str]
    subjects: Matcher
    suffixes: tuple[str, ...]
    verdicts: Matcher
    predicates: Matcher
    stances: Matcher
    copulas: frozenset[str]
    judging: frozenset[str]
    blockers: frozenset[str]
    agents: frozenset[str]
    persons: Matcher
    not_pejorative: frozenset[str]


def _folded(values: Iterable[object] | None) -> frozenset[str]:
    return frozenset(fold(str(v)) for v in values or ())


def _pairs(section: Any, lang: str, payload: str) -> list[tuple[str, Pattern]]:
    """The patterns of ``section[lang]`` (a list of pattern strings), with ``payload``."""
    return [(payload, compile_pattern(str(p), lang)) for p in section.get(lang) or ()]


@cache
def lexicons() -> dict[str, Lexicon]:
    """The compiled lists per language; marks the gates' words (first call only)."""
    words = load_data("opinion_lexicon.yaml")
    data = load_data("opinion.yaml")
    attack = load_data("attacks.yaml")
    subjects = data["subjects"]
    out: dict[str, Lexicon] = {}
    gate_words: set[str] = set()
    negative_words: set[str] = set()
    person_words: set[str] = set()
    subject_words: set[str] = set()
    parts: set[str] = set()
    for lang in LANGUAGES:
        subject_pairs = [
            pair
            for kind in ("policy", "government", "group")
            for pair in _pairs(subjects[kind], lang, kind)
        ]
        subject_pairs += _pairs(attack["offices"], lang, "office_holder")
        subject_pairs += _pairs(attack["own"]["organisation"], lang, "own_organisation")
        subject_pairs += _pairs(attack["own"]["superior"], lang, "own_superior")
        verdicts = _pairs(data["verdicts"]["negative"], lang, "negative")
        verdicts += _pairs(data["verdicts"]["positive"], lang, "positive")
        predicates = _pairs(data["predicates"]["negative"], lang, "negative")
        stances = _pairs(data["stances"]["negative"], lang, "negative")
        stances += _pairs(data["stances"]["positive"], lang, "positive")
        plain = _folded(data["not_evaluative"][lang])
        made = Lexicon(
            negative=_folded(words[lang]["negative"]) - plain,
            positive=_folded(words[lang]["positive"]) - plain,
            subjects=Matcher(subject_pairs),
            suffixes=tuple(subjects["policy_suffixes"].get(lang) or ()),
            verdicts=Matcher(verdicts),
            predicates=Matcher(predicates),
            stances=Matcher(stances),
            copulas=_folded(data["copulas"][lang]),
            judging=_folded(data["judging"][lang]),
            blockers=_folded(data["blockers"][lang]),
            agents=_folded(data["agent_prepositions"][lang]),
            persons=Matcher(_pairs(data["persons"], lang, "person")),
            not_pejorative=_folded(data["not_pejorative"][lang]),
        )
        out[lang] = made
        gate_words |= made.negative | made.positive
        gate_words |= set(made.verdicts.by_word) | set(made.verdicts.by_lemma)
        # a verbal verdict waits for any of its words ("isn't working": "working")
        skip = _folded(data["predicates"].get("not_gates"))
        gate_words |= {
            w
            for _, pattern in predicates
            for e in pattern.elements
            for w in (*e.words, *e.lemmas)
            if w not in skip
        }
        # a stance waits for its verb, not for "I" or "we", which most texts hold
        gate_words |= _stance_words(data["stances"], lang)
        subject_words |= set(made.subjects.by_word) | set(made.subjects.by_lemma)
        person_words |= set(made.persons.by_word) | set(made.persons.by_lemma)
        negative_words |= made.negative
        parts |= {s for s in made.suffixes if len(s) >= 4}
    gate(OPINION_GATE, forms=True).add(words=gate_words)
    gate(SUBJECT_GATE, forms=True).add(words=subject_words, parts=parts)
    gate(NEGATIVE_GATE, forms=True).add(words=negative_words)
    gate(PERSON_GATE, forms=True).add(words=person_words)
    return out


#: Words of a stance pattern that do not make it one: the first person, the copula and
#: the adverbs of degree.
_NOT_STANCE = frozenset(
    {"i", "we", "ik", "wij", "am", "are", "is", "ben", "zijn", "strongly", "fully"}
)


def _stance_words(stances: dict[str, Any], lang: str) -> set[str]:
    """The words a stance of ``stances`` (``{"negative": {lang: [pattern]}, ...}``)
    cannot go without: of each pattern, the alternatives of its rarest slot (by
    :func:`.frequency.zipf`) other than the first person, the copula and adverbs
    ("oppose", "steunen", "favour" of "in favour of")."""
    out: set[str] = set()
    for polarity in ("negative", "positive"):
        for pattern in stances[polarity].get(lang) or ():
            slots = [
                alternatives
                for part in str(pattern).split()
                if "..." not in part
                and (alternatives := {a.strip("~()?!") for a in part.split("|")} - {""})
                and not alternatives & _NOT_STANCE
            ]
            if slots:
                out |= min(slots, key=lambda slot: max(map(zipf, slot)))
    return out


def may_match(field: Field, organisation: str | None = None) -> bool:
    """Cheap: may the field hold a political opinion or a pejorative descriptor?"""
    lexicons()
    marked = field.marked
    if OPINION_GATE not in marked:
        return False
    if SUBJECT_GATE in marked or (NEGATIVE_GATE in marked and PERSON_GATE in marked):
        return True
    return bool(organisation) and any(
        find_word(field.text, n) >= 0 for n in organisation_names(organisation)
    )
