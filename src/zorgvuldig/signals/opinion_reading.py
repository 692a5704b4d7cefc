"""Reading one sentence for :mod:`.opinions`: its subjects, its evaluations and
stances, and whether an evaluation is said of a subject (predicated, attached, a verdict
after the subject's sentence, a stance in the first person), counted only when the
writer's own asserted words (:mod:`.scope`). Pure Python; no Django.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .attack_gate import find_word
from .opinion_words import (
    AFTER_COPULA,
    ATTACHED,
    PREDICATE_GAP,
    TARGETS,
    VERDICT_WORDS,
    Lexicon,
)
from .scope import TextScope
from .text import Field, fold, word
from .types import Signal
from .word_patterns import Sentence, Token

#: The first-person pronouns a stance starts with.
_FIRST_PERSON = frozenset({"i", "we", "ik", "wij"})


class Reading:
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
        #: the first token of each verbal verdict ("werkt niet", "will never work")
        self.predicates: set[int] = set()
        #: the first token of each fixed verdict phrase ("shambles", "wrong decision")
        self.verdicts: set[int] = set()

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
        self.verdicts = {idx[0] for _, idx in out}
        predicates = self.lex.predicates.find_all(self.toks)
        self.predicates = {idx[0] for _, idx in predicates}
        out += predicates
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
        if first in self.predicates:
            # a verbal verdict judges its grammatical subject, just before it
            before = [
                s
                for s in subjects
                if 0 <= first - s[1][-1] - 1 <= PREDICATE_GAP
                and toks[s[1][-1]].clause == clause
            ]
            return _closest(before) if before else None
        for kind, sidx in subjects:
            if len(idx) > 1 and first <= sidx[0] <= last:  # "the wrong decision"
                return kind, sidx
            gap = sidx[0] - last - 1
            # a verdict noun right after its subject: "the budget shambles"
            if (
                first in self.verdicts
                and sidx[-1] == first - 1
                and toks[sidx[-1]].clause == clause
            ):
                return kind, sidx
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
