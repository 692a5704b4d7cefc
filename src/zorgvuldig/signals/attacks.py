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

from collections.abc import Iterable, Sequence

from .attack_lexicon import ATTACK_GATE, CRITICISM_GATE, OWN_GATE, Lists, lists
from .attack_lexicon import organisation_names as _organisation_names
from .scope import TextScope
from .text import Field, fold, word
from .types import Signal
from .word_patterns import Sentence, Token

#: The targets an attack can have, most specific first.
TARGETS = ("own_superior", "own_organisation", "office_holder", "group", "person")
#: How many words a scare quote may hold ("je 'betrokkenheid'").
SCARE_QUOTE_WORDS = 2
#: Possessives before a scare quote that make it derision of someone's own words or deeds.
_POSSESSIVES = frozenset(
    {"je", "jouw", "uw", "zijn", "haar", "hun", "jullie", "your", "his", "their"}
)

_Hit = tuple[str, str, int, int]  # (kind, value, start, end)


def may_match(field: Field) -> bool:
    """Whether ``field`` holds a word any attack cue looks for (cheap)."""
    lists()
    marked = field.marked
    return ATTACK_GATE in marked or (OWN_GATE in marked and CRITICISM_GATE in marked)


def find_attacks(
    field: Field,
    *,
    organisation: str | None = None,
    entities: Sequence[Signal] = (),
) -> list[Signal]:
    """The attack signals of ``field``.

    Args:
        field: the analysed text field.
        organisation: the actor's organisation, whose name counts as a reference to
            their own organisation.
        entities: the field's ``party_or_candidate`` signals (their sentences have an
            office holder as target).
    Returns:
        ``insult`` (a name-calling word or slur; ``value`` the lexicon entry),
        ``personal_attack`` (every insult, and accusations, reproach, derision aimed at
        someone; ``value`` what it is: insult, slur, accusation, reproach, derision,
        sarcasm), ``discrimination_or_conspiracy`` (``value`` slur, exclusion or
        conspiracy), ``incitement`` and ``criticism_of_own_organisation``; every one with
        its ``target`` (:data:`TARGETS`). Spans are ``str`` offsets into the field.
    """
    every = lists()
    languages = [lang for lang in field.languages if lang in every]
    scope = TextScope(field.text, languages)
    names = _organisation_names(organisation)
    found: dict[tuple[str, int, int], Signal] = {}
    for k, lang in enumerate(languages):
        lex = every[lang]
        for sentence in scope.sentences(k):
            reading = _Reading(field, scope, sentence, lex, lang, names, entities)
            for sig in reading.signals():
                found.setdefault((sig.kind, sig.start or 0, sig.end or 0), sig)
    return list(found.values())


class _Reading:
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

    # ---- what the sentence holds -------------------------------------------------
    def forms(self, i: int) -> frozenset[str]:
        tok = self.toks[i]
        return word(self.text[tok.start : tok.end]).forms((self.lang,))

    def own(self) -> list[tuple[str, list[int]]]:
        """Matches of the writer's own organisation or superior, and of its name."""
        if self._own is None:
            own = self.lex.own.find_all(self.toks)
            sentence = fold(self.text[self.start : self.end])
            for name in self.names:
                at = _find_word(sentence, name)
                if at >= 0:
                    a, b = self.start + at, self.start + at + len(name)
                    own.append(("own_organisation", self._indexes(a, b)))
            self._own = own
        return self._own

    def _indexes(self, a: int, b: int) -> list[int]:
        return [i for i, t in enumerate(self.toks) if t.start < b and t.end > a] or [0]

    def target(self, idx: list[int], *, plural: bool = False) -> str:
        """The target of an attack at token indexes ``idx`` in this sentence."""
        own = self.own()
        if any(kind == "own_superior" for kind, _ in own):
            return "own_superior"
        if own:
            return "own_organisation"
        if self.entities or self.lex.offices.find_all(self.toks):
            return "office_holder"
        if plural or self.lex.groups.find_all(self.toks):
            return "group"
        return "person"

    def counts(self, a: int, b: int) -> bool:
        """Is ``text[a:b]`` the writer's own, asserted words (not negated, not reported)?"""
        s = self.scope.of(a, b)
        return not (s.negated or s.reported)

    # ---- the cues ------------------------------------------------------------------
    def signals(self) -> Iterable[Signal]:
        hits: list[tuple[str, str, list[int]]] = []
        hits += self._words()
        hits += [(kind, "phrase", idx) for kind, idx in self._phrases()]
        for kind, value, idx in hits:
            a, b = self.toks[idx[0]].start, self.toks[idx[-1]].end
            if not self.counts(a, b):
                continue
            yield from self._emit(kind, value, idx, a, b)
        yield from self._scare_quotes()
        yield from self._discrimination()
        yield from self._incitement()
        yield from self._criticism()

    def _words(self) -> list[tuple[str, str, list[int]]]:
        out: list[tuple[str, str, list[int]]] = []
        lex = self.lex
        for i in range(len(self.toks)):
            forms = self.forms(i)
            slur = forms & lex.slurs
            insult = forms & lex.insults
            if slur:
                out.append(("slur", min(slur), [i]))
            elif insult:
                out.append(("insult", min(insult), [i]))
            elif forms & lex.adjectives:
                if self._names_someone():
                    out.append(("insult", min(forms & lex.adjectives), [i]))
            elif forms & lex.derision:
                out.append(("derision", min(forms & lex.derision), [i]))
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
            for kind, idx in self.lex.phrases.find_all(self.toks)
            if kind in ("accusation", "reproach", "conspiracy")
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
            if before and before[-1].key in _POSSESSIVES:
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
        fixed = [
            idx for kind, idx in lex.phrases.find_all(toks) if kind == "calls_fixed"
        ]
        violent = [idx for _, idx in lex.violence.find_all(toks)]
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
        negative += [
            idx for k, idx in lex.phrases.find_all(self.toks) if k == "accusation"
        ]
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


def _find_word(haystack: str, needle: str) -> int:
    """The offset of ``needle`` in ``haystack`` as whole words, or -1."""
    at = haystack.find(needle)
    while at >= 0:
        before = haystack[at - 1] if at else " "
        after = haystack[at + len(needle)] if at + len(needle) < len(haystack) else " "
        if not before.isalnum() and not after.isalnum():
            return at
        at = haystack.find(needle, at + 1)
    return -1


__all__ = ["TARGETS", "find_attacks", "may_match"]
