"""One sentence of a text read for attacks (:mod:`.attacks`): the cue words and phrases
it holds, whether the writer says them (:mod:`.scope`), and whom they are aimed at."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .attack_gate import find_word
from .attack_lexicon import POSSESSIVES, Lists, word_lists
from .scope import TextScope
from .text import Field, fold, word
from .types import Signal
from .word_patterns import Sentence, Token

#: How many words a scare quote may hold ("je 'betrokkenheid'").
SCARE_QUOTE_WORDS = 2


class Reading:
    """One sentence read in one language."""

    def __init__(
        self,
        field: Field,
        scope: TextScope,
        sentence: Sentence,
        lex: Lists,
        lang: str,
        names: tuple[str, ...],
        entities: Sequence[Signal],
    ) -> None:
        self.field, self.scope, self.lex, self.lang = field, scope, lex, lang
        # a possessive "'s" is part of the token ("Secretary's"): match the word itself
        self.toks = [
            Token(t.key[:-2], t.start, t.end, t.clause)
            if lang == "en" and t.key.endswith("'s") and len(t.key) > 3
            else t
            for t in sentence.tokens
        ]
        self.start, self.end = self.toks[0].start, self.toks[-1].end
        self.text = field.text
        self.names = names
        self.entities = [
            e for e in entities if self.start <= (e.start or -1) < self.end
        ]
        self._own: list[tuple[str, list[int]]] | None = None
        self._phrase_hits: list[tuple[str, list[int]]] | None = None
        self._target: str | None = None
        #: whether a phrase, or a violence word, may match (else only single words)
        self.phrases_possible = True
        self.violence_possible = True
        #: whether to look the words up (done in the first language's reading only)
        self.read_words = True
        #: the languages whose lemmas count for a word
        self.word_languages: tuple[str, ...] = (lang,)
        self._targets: list[tuple[str, list[int]]] | None = None
        #: the offsets where the field's words that some attack gate marks start
        self.hot_at: frozenset[int] = frozenset()

    def target_matches(self) -> list[tuple[str, list[int]]]:
        """The matches of the target words in this sentence (found once): one's own
        organisation or superior, office holders, groups."""
        if self._targets is None:
            self._targets = self.lex.targets.find_all(self.toks)
        return self._targets

    def target_hits(self) -> list[str]:
        """The kinds of target words in this sentence."""
        return [k for k, _ in self.target_matches()]

    def phrase_hits(self) -> list[tuple[str, list[int]]]:
        """Every match of the phrase lists in this sentence (found once)."""
        if self._phrase_hits is None:
            self._phrase_hits = self.lex.phrases.find_all(self.toks)
        return self._phrase_hits

    # ---- what the sentence holds -------------------------------------------------
    def forms(self, i: int) -> frozenset[str]:
        tok = self.toks[i]
        return word(self.text[tok.start : tok.end]).forms((self.lang,))

    def own(self) -> list[tuple[str, list[int]]]:
        """Matches of the writer's own organisation or superior, and of its name."""
        if self._own is None:
            own = [
                (kind, idx)
                for kind, idx in self.target_matches()
                if kind in ("own_organisation", "own_superior")
            ]
            sentence = self.text[self.start : self.end]
            for name in self.names:
                at = find_word(sentence, name)
                if at >= 0:
                    a, b = self.start + at, self.start + at + len(name)
                    own.append(("own_organisation", self._indexes(a, b)))
            self._own = own
        return self._own

    def _indexes(self, a: int, b: int) -> list[int]:
        return [i for i, t in enumerate(self.toks) if t.start < b and t.end > a] or [0]

    def target(self, idx: list[int], *, plural: bool = False) -> str:
        """The target of an attack at token indexes ``idx`` in this sentence."""
        if self._target is None:
            own = self.own()
            if any(kind == "own_superior" for kind, _ in own):
                self._target = "own_superior"
            elif own:
                self._target = "own_organisation"
            elif self.entities or "office_holder" in self.target_hits():
                self._target = "office_holder"
            elif "group" in self.target_hits():
                self._target = "group"
            else:
                self._target = "person"
        if plural and self._target == "person":
            return "group"
        return self._target

    def counts(self, a: int, b: int) -> bool:
        """Is ``text[a:b]`` the writer's own, asserted words (not negated, not reported)?"""
        s = self.scope.of(a, b)
        return not (s.negated or s.reported)

    # ---- the cues ------------------------------------------------------------------
    def signals(self, run: frozenset[str]) -> Iterable[Signal]:
        """The signals of the cues in ``run`` (see :func:`_cues_to_run`)."""
        if "words" in run:
            hits = self._words() if self.read_words else []
            if self.phrases_possible:
                hits += [(kind, "phrase", idx) for kind, idx in self._phrases()]
            for kind, value, idx in hits:
                a, b = self.toks[idx[0]].start, self.toks[idx[-1]].end
                if self.counts(a, b):
                    yield from self._emit(kind, value, idx, a, b)
            if self.phrases_possible or self.violence_possible:
                yield from self._incitement()
        if "quotes" in run:
            yield from self._scare_quotes()
        if "groups" in run:
            yield from self._discrimination()
        if "own" in run:
            yield from self._criticism()

    def _words(self) -> list[tuple[str, str, list[int]]]:
        out: list[tuple[str, str, list[int]]] = []
        lex, hot_at = self.lex, self.hot_at
        text, languages = self.text, self.word_languages
        insults, adjectives, slurs, derision = word_lists(languages)
        for i, tok in enumerate(self.toks):
            if tok.start not in hot_at:
                continue
            forms = word(text[tok.start : tok.end]).forms(languages)
            if forms & slurs:
                out.append(("slur", min(forms & slurs), [i]))
            elif forms & insults:
                out.append(("insult", min(forms & insults), [i]))
            elif forms & adjectives:
                if self._names_someone():
                    out.append(("insult", min(forms & adjectives), [i]))
            elif forms & derision:
                out.append(("derision", min(forms & derision), [i]))
            elif lex.curse_prefixes:
                collective = self._curse_compound(self.toks[i].key)
                if collective is not None:
                    kind = "insult_group" if collective else "insult"
                    out.append((kind, self.toks[i].key, [i]))
        return out

    def _curse_compound(self, key: str) -> bool | None:
        """Is ``key`` a curse compound ("kankervolk")? ``True`` when its second part is a
        word for a crowd of people, ``False`` for another insult, ``None`` when it is no
        curse compound."""
        lex = self.lex
        for prefix in lex.curse_prefixes:
            rest = key[len(prefix) :].lstrip("-")
            if key.startswith(prefix) and len(rest) >= 3:
                forms = word(rest).forms((self.lang,))
                if forms & lex.collective:
                    return True
                if forms & (lex.insults | lex.slurs):
                    return False
        return None

    def _phrases(self) -> list[tuple[str, list[int]]]:
        return [
            (kind, idx)
            for kind, idx in self.phrase_hits()
            if kind in ("accusation", "reproach", "comparison", "conspiracy")
        ]

    def _emit(
        self, kind: str, value: str, idx: list[int], a: int, b: int
    ) -> Iterable[Signal]:
        where, text = self.field.where, self.text[a:b]
        if kind == "conspiracy":
            yield Signal(
                "discrimination_or_conspiracy", text, where, a, b, "conspiracy", None
            )
            return
        if kind == "derision":
            # derision of what someone says or does: an attack when it says whose
            target = self.target(idx)
            if target == "person" and not self._names_someone():
                return
            yield Signal("personal_attack", text, where, a, b, "derision", target)
            return
        plural = kind in ("slur", "insult_group") or self._plural(idx[0], value)
        kind = "insult" if kind == "insult_group" else kind
        target = "group" if kind == "slur" else self.target(idx, plural=plural)
        if kind in ("insult", "slur"):
            yield Signal("insult", text, where, a, b, value, target)
        yield Signal("personal_attack", text, where, a, b, kind, target)
        if kind == "slur":
            yield Signal(
                "discrimination_or_conspiracy", text, where, a, b, "slur", "group"
            )

    def _plural(self, i: int, value: str) -> bool:
        """A plural name-calling word ("idioten", "liars") aims at a group."""
        key = fold(self.toks[i].key)
        return key != value and key.startswith(value[:3]) and key.endswith(("en", "s"))

    def _names_someone(self) -> bool:
        """Does the sentence name or address someone (a pronoun for a person, an
        office holder, a party or politician, a group, the writer's own organisation)?"""
        if any(fold(t.key) in self.lex.persons for t in self.toks):
            return True
        return self.target([0]) != "person"

    def _scare_quotes(self) -> Iterable[Signal]:
        """A word or two in quotation marks after a possessive, not quoted from anyone:
        sarcasm about someone's own words or deeds ("je 'betrokkenheid'")."""
        for qa, qb in self.scope.quotes:
            if not (self.start <= qa < self.end):
                continue
            s = self.scope.of(qa, qb)
            inner = self.text[qa:qb]
            if not (0 < s.words <= SCARE_QUOTE_WORDS) or s.reported or s.negated:
                continue
            if not inner[:1].islower():
                continue
            before = [t for t in self.toks if t.end <= qa - 1]
            if before and before[-1].key in POSSESSIVES:
                target = self.target(self._indexes(qa, qb))
                yield Signal(
                    "personal_attack",
                    inner,
                    self.field.where,
                    qa,
                    qb,
                    "sarcasm",
                    target,
                )

    def _discrimination(self) -> Iterable[Signal]:
        """A group noun with an exclusion or dehumanising word in the same sentence."""
        groups = self.lex.groups.find_all(self.toks)
        if not groups:
            return
        for _, idx in self.lex.exclusion.find_all(self.toks):
            a, b = self.toks[idx[0]].start, self.toks[idx[-1]].end
            if not self.counts(a, b):
                continue
            g = min(groups, key=lambda m: abs(m[1][0] - idx[0]))[1]
            lo, hi = min(g[0], idx[0]), max(g[-1], idx[-1])
            start, end = self.toks[lo].start, self.toks[hi].end
            yield Signal(
                "discrimination_or_conspiracy",
                self.text[start:end],
                self.field.where,
                start,
                end,
                "exclusion",
                "group",
            )
            return

    def _incitement(self) -> Iterable[Signal]:
        """A call to violence: a violence word in a clause that also holds a call and
        someone it is aimed at, or a fixed call ("aan de hoogste boom")."""
        toks, lex = self.toks, self.lex
        fixed = (
            [idx for kind, idx in self.phrase_hits() if kind == "calls_fixed"]
            if self.phrases_possible
            else []
        )
        violent = (
            [idx for _, idx in lex.violence.find_all(toks)]
            if self.violence_possible
            else []
        )
        if not fixed and not violent:
            return
        calls = lex.calls.find_all(toks)
        for idx in fixed + violent:
            clause = toks[idx[0]].clause
            if idx not in fixed:
                if not any(toks[c[0]].clause == clause for _, c in calls):
                    continue
                if not self._someone_in(clause):
                    continue
            a, b = toks[idx[0]].start, toks[idx[-1]].end
            if not self.counts(a, b):
                continue
            plural = (
                bool(lex.groups.find_all(toks))
                or self._slur_in(clause)
                or any(t.key in ("allemaal", "all") for t in toks)
            )
            yield Signal(
                "incitement",
                self.text[a:b],
                self.field.where,
                a,
                b,
                "call",
                self.target(idx, plural=plural),
            )

    def _someone_in(self, clause: int) -> bool:
        lex = self.lex
        for i, t in enumerate(self.toks):
            if t.clause != clause:
                continue
            forms = self.forms(i)
            if fold(t.key) in lex.persons or forms & (lex.insults | lex.slurs):
                return True
            if t.key in ("allemaal", "all"):
                return True
        return bool(lex.groups.find_all([t for t in self.toks if t.clause == clause]))

    def _slur_in(self, clause: int) -> bool:
        return any(
            self.forms(i) & self.lex.slurs
            for i, t in enumerate(self.toks)
            if t.clause == clause
        )

    def _criticism(self) -> Iterable[Signal]:
        """A reference to one's own organisation with a negative evaluation."""
        own = self.own()
        if not own:
            return
        lex = self.lex
        bad = lex.criticism | lex.insults | lex.adjectives | lex.derision | lex.slurs
        negative = [[i] for i in range(len(self.toks)) if self.forms(i) & bad]
        negative += [idx for _, idx in lex.criticism_verbs.find_all(self.toks)]
        negative += [idx for k, idx in self.phrase_hits() if k == "accusation"]
        for idx in sorted(negative):
            a, b = self.toks[idx[0]].start, self.toks[idx[-1]].end
            if not self.counts(a, b):
                continue
            kind, ref = min(own, key=lambda m: abs(m[1][0] - idx[0]))
            lo, hi = min(ref[0], idx[0]), max(ref[-1], idx[-1])
            start, end = self.toks[lo].start, self.toks[hi].end
            yield Signal(
                "criticism_of_own_organisation",
                self.text[start:end],
                self.field.where,
                start,
                end,
                "criticism",
                kind,
            )
            return


__all__ = ["SCARE_QUOTE_WORDS", "Reading"]
