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
from dataclasses import dataclass
from functools import cache
from typing import Any

from .attack_gate import find_word, occurrences
from .attack_lexicon import organisation_names
from .frequency import zipf
from .scope import TextScope
from .text import Field, Word, fold, gate, load_data, word
from .types import Signal
from .word_patterns import Matcher, Pattern, Sentence, Token, compile_pattern

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
        stances = _pairs(data["stances"]["negative"], lang, "negative")
        stances += _pairs(data["stances"]["positive"], lang, "positive")
        made = Lexicon(
            negative=_folded(words[lang]["negative"]),
            positive=_folded(words[lang]["positive"]),
            subjects=Matcher(subject_pairs),
            suffixes=tuple(subjects["policy_suffixes"].get(lang) or ()),
            verdicts=Matcher(verdicts),
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
                reading = _Reading(
                    field, scope, sentence, every[lang], lang, names, entities
                )
                reading.hot_at = hot_at
                for sig in reading.signals(previous):
                    found.setdefault((sig.kind, sig.start or 0, sig.end or 0), sig)
            previous = sentence
    return sorted(found.values(), key=lambda s: (s.start or 0, s.kind))


#: The first-person pronouns a stance starts with.
_FIRST_PERSON = frozenset({"i", "we", "ik", "wij"})
#: How far (characters) an evaluative word may stand from a subject to be read.
NEAR = 80


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


class _Reading:
    """One sentence read in one language."""

    def __init__(
        self,
        field: Field,
        scope: TextScope,
        sentence: Sentence,
        lex: Lexicon,
        lang: str,
        names: tuple[str, ...],
        entities: Sequence[Signal],
    ) -> None:
        self.field, self.scope, self.lex, self.lang = field, scope, lex, lang
        self.sentence = sentence
        self.toks = _tokens(sentence, lang)
        self.names = names
        self.entities = entities
        self._subjects: list[tuple[str, list[int]]] | None = None
        #: where the field's evaluative words (marked by the opinion gate) start
        self.hot_at: frozenset[int] = frozenset()

    # ---- subjects ----------------------------------------------------------------------
    def subjects(self, toks: list[Token] | None = None) -> list[tuple[str, list[int]]]:
        """``(target, token indexes)`` of every subject word in the sentence (or in
        ``toks``); those of the sentence are found once."""
        if toks is None:
            if self._subjects is None:
                self._subjects = self._find_subjects(self.toks)
            return self._subjects
        return self._find_subjects(toks)

    def _find_subjects(self, toks: list[Token]) -> list[tuple[str, list[int]]]:
        out = list(self.lex.subjects.find_all(toks))
        # an institution that is also an office of the attack list ("administration",
        # "kabinet") is the government, not an office holder
        institutions = {idx[0] for kind, idx in out if kind == "government"}
        # a short office word ("om") counts only as written in capitals ("OM")
        out = [
            (kind, idx)
            for kind, idx in out
            if not (kind == "office_holder" and idx[0] in institutions)
            and not (
                len(idx) == 1
                and len(toks[idx[0]].key) <= 2
                and not self._upper(toks[idx[0]])
            )
        ]
        suffixes = self.lex.suffixes
        for i, tok in enumerate(toks):
            if suffixes and tok.key.endswith(suffixes):
                key = fold(tok.key)
                if any(key.endswith(s) and len(key) >= len(s) + 3 for s in suffixes):
                    out.append(("policy", [i]))
        if toks:
            a, b = toks[0].start, toks[-1].end
            text = self.field.text[a:b]
            for name in self.names:
                at = find_word(text, name)
                if at >= 0:
                    out.append(
                        ("own_organisation", _indexes(toks, a + at, a + at + len(name)))
                    )
            for e in self.entities:
                if e.kind == "party_or_candidate" and a <= (e.start or -1) < b:
                    out.append(
                        ("office_holder", _indexes(toks, e.start or 0, e.end or 0))
                    )
        return out

    def _upper(self, tok: Token) -> bool:
        return self.field.text[tok.start : tok.end].isupper()

    # ---- evaluations -------------------------------------------------------------------
    def evaluations(self) -> list[tuple[str, list[int]]]:
        """``(polarity, token indexes)`` of the evaluative words and phrases."""
        out = list(self.lex.verdicts.find_all(self.toks))
        taken = {i for _, idx in out for i in idx}
        hot = self.hot_at
        for i, tok in enumerate(self.toks):
            if i in taken or tok.start not in hot:
                continue
            forms = word(self.field.text[tok.start : tok.end]).forms((self.lang,))
            if forms & self.lex.negative:
                out.append(("negative", [i]))
            elif forms & self.lex.positive:
                out.append(("positive", [i]))
        return out

    def counts(self, idx: list[int]) -> bool:
        """Are the words the writer's own, asserted ones (not negated, not reported)?"""
        a, b = self.toks[idx[0]].start, self.toks[idx[-1]].end
        s = self.scope.of(a, b)
        return not (s.negated or s.reported)

    # ---- the cue -----------------------------------------------------------------------
    def signals(self, previous: Sentence | None) -> Iterable[Signal]:
        if not self.toks or self.sentence.question:
            return
        # the scope of a word (negation, quotation) is asked only of an evaluation
        # that is said of a subject: most sentences hold none
        evaluations = self.evaluations()
        stances = (
            self.lex.stances.find_all(self.toks)
            if any(t.key in _FIRST_PERSON for t in self.toks)
            else []
        )
        if not evaluations and not stances:
            return
        subjects = self.subjects()
        for polarity, idx in evaluations:
            subject = self._related(idx, subjects)
            if subject is not None and self.counts(idx):
                yield self._signal(polarity, idx, subject)
                break
        else:
            if evaluations and previous is not None and len(self.toks) <= VERDICT_WORDS:
                before = self.subjects(_tokens(previous, self.lang))
                counted = [e for e in evaluations if self.counts(e[1])]
                if before and counted:
                    polarity, idx = counted[0]
                    yield self._signal(polarity, idx, (_best(before), idx))
        for polarity, idx in stances:
            later = [s for s in subjects if s[1][0] > idx[-1]]
            if later and self.counts(idx):
                yield self._signal(polarity, idx, later[0])
        yield from self._pejorative(evaluations, subjects)

    def _related(
        self, idx: list[int], subjects: list[tuple[str, list[int]]]
    ) -> tuple[str, list[int]] | None:
        """The subject that the evaluation at ``idx`` is said of, if any."""
        toks, lex = self.toks, self.lex
        first, last = idx[0], idx[-1]
        clause = toks[first].clause
        for kind, sidx in subjects:
            if len(idx) > 1 and first <= sidx[0] <= last:  # "the wrong decision"
                return kind, sidx
            gap = sidx[0] - last - 1
            # attached before it: "this cruel policy"
            if 0 <= gap <= ATTACHED and toks[sidx[0]].clause == clause:
                between = {toks[i].key for i in range(last + 1, sidx[0])}
                if between.isdisjoint(lex.blockers):
                    return kind, sidx
            # followed by whose it is: "a huge mistake by this administration"
            if (
                1 <= gap <= ATTACHED + 2
                and toks[last + 1].key in lex.agents
                and toks[sidx[0]].clause == clause
            ):
                return kind, sidx
        # predicated: subject ... copula (...) evaluation, in the sentence
        for c in range(first - 1, max(-1, first - 2 - AFTER_COPULA), -1):
            key = toks[c].key
            if toks[c].clause != clause or key in lex.blockers:
                break
            if key in lex.copulas or key in lex.judging:
                before = [
                    s
                    for s in subjects
                    if s[1][-1] < (c if key in lex.copulas else first)
                ]
                if before:
                    return _closest(before)
                break
        # Dutch subordinate order: subject ... evaluation copula ("dat het plan onzinnig is")
        if last + 1 < len(toks) and toks[last + 1].key in lex.copulas:
            before = [
                s
                for s in subjects
                if s[1][-1] < first and toks[s[1][-1]].clause == clause
            ]
            if before:
                return _closest(before)
        return None

    def _signal(
        self, polarity: str, idx: list[int], subject: tuple[str, list[int]]
    ) -> Signal:
        kind, sidx = subject
        lo, hi = min(idx[0], sidx[0]), max(idx[-1], sidx[-1])
        a, b = self.toks[lo].start, self.toks[hi].end
        if sidx is idx or not (0 <= sidx[0] < len(self.toks)):
            a, b = self.toks[idx[0]].start, self.toks[idx[-1]].end
        target = _best([(kind, sidx), *self._own_in_sentence()])
        return Signal(
            "political_opinion", self.field.text[a:b], self.field.where, a, b,
            polarity, target,
        )  # fmt: skip

    def _own_in_sentence(self) -> list[tuple[str, list[int]]]:
        return [
            s for s in self.subjects() if s[0] in ("own_superior", "own_organisation")
        ]

    def _pejorative(
        self,
        evaluations: list[tuple[str, list[int]]],
        subjects: list[tuple[str, list[int]]],
    ) -> Iterable[Signal]:
        """A strongly negative word predicated of a person ("he is a disgrace")."""
        if not any(p == "negative" and len(i) == 1 for p, i in evaluations):
            return
        lex, toks = self.lex, self.toks
        persons = [("person", idx) for _, idx in lex.persons.find_all(toks)]
        persons += [s for s in subjects if s[0] in ("office_holder", "own_superior")]
        if not persons:
            return
        for polarity, idx in evaluations:
            if polarity != "negative" or len(idx) != 1:
                continue
            i = idx[0]
            forms = word(self.field.text[toks[i].start : toks[i].end]).forms(
                (self.lang,)
            )
            if forms & lex.not_pejorative:
                continue
            for c in range(i - 1, max(-1, i - 2 - AFTER_COPULA), -1):
                key = toks[c].key
                if toks[c].clause != toks[i].clause or key in lex.blockers:
                    break
                if key in lex.copulas:
                    # the person right before the copula is its subject, unless a
                    # preposition governs it ("the plan of the minister is ...")
                    subject = [
                        p
                        for p in persons
                        if p[1][-1] == c - 1
                        and not (p[1][0] > 0 and toks[p[1][0] - 1].key in lex.blockers)
                        and not (
                            p[1][0] > 1
                            and toks[p[1][0] - 1].key in ("the", "de", "het")
                            and toks[p[1][0] - 2].key in lex.blockers
                        )
                    ]
                    if subject and self.counts(idx):
                        a, b = toks[subject[0][1][0]].start, toks[i].end
                        target = (
                            "person" if subject[0][0] == "person" else subject[0][0]
                        )
                        if target == "person" and toks[c].key in (
                            "are",
                            "zijn",
                            "were",
                            "waren",
                        ):
                            target = "group"
                        yield Signal(
                            "personal_attack", self.field.text[a:b], self.field.where,
                            a, b, "pejorative", target,
                        )  # fmt: skip
                        return
                    break


def _tokens(sentence: Sentence, lang: str) -> list[Token]:
    """The sentence's tokens, a possessive "'s" cut off in English ("Secretary's")."""
    return [
        Token(t.key[:-2], t.start, t.end, t.clause)
        if lang == "en" and t.key.endswith(("'s", "\u2019s")) and len(t.key) > 3
        else t
        for t in sentence.tokens
    ]


def _indexes(toks: list[Token], a: int, b: int) -> list[int]:
    return [i for i, t in enumerate(toks) if t.start < b and t.end > a] or [0]


def _closest(subjects: list[tuple[str, list[int]]]) -> tuple[str, list[int]]:
    """Of the subjects before a copula, the most specific target (else the last)."""
    return min(subjects, key=lambda s: (TARGETS.index(s[0]), -s[1][0]))


def _best(subjects: list[tuple[str, list[int]]]) -> str:
    return min(subjects, key=lambda s: TARGETS.index(s[0]))[0]


__all__ = ["GATES", "TARGETS", "find_opinions", "lexicons", "may_match"]
