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

import re
from collections.abc import Iterable, Sequence
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
    word_lists,
)
from .attack_lexicon import organisation_names as _organisation_names
from .scope import TextScope, quotations
from .text import Field, Word, fold, word
from .types import Signal
from .word_patterns import Sentence, Token

#: The targets an attack can have, most specific first.
TARGETS = ("own_superior", "own_organisation", "office_holder", "group", "person")
#: How many words a scare quote may hold ("je 'betrokkenheid'").
SCARE_QUOTE_WORDS = 2
_POSSESSIVES = POSSESSIVES


def may_match(field: Field, organisation: str | None = None) -> frozenset[str]:
    """The attack cues whose words ``field`` holds (cheap; empty: none can fire).

    Pass the answer to :func:`find_attacks` as ``run`` so that it is not worked out
    twice.
    """
    lists()  # the gates exist once the lists are read
    return _cues_to_run(field, organisation)


def _cues_to_run(field: Field, organisation: str | None) -> frozenset[str]:
    """The attack cues whose gates let ``field`` through: ``words`` (insults, slurs,
    derision, phrases, violence), ``groups``, ``own``, ``quotes``."""
    marked = field.marked
    if not marked or marked.keys().isdisjoint(GATES):
        return _NOTHING
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
            _names_present(text, _organisation_names(organisation))
            or (OWN_GATE in marked and _present(field, OWN_GATE, words))
        )
    ):
        run.add("own")
    if POSSESSIVE_GATE in marked and _scare_quote_possible(text):
        run.add("quotes")
    return frozenset(run) if run else _NOTHING


class _Words:
    """What :func:`_present` may need of a field beyond its vocabulary, made when first
    asked for."""

    __slots__ = ("_forms",)

    def __init__(self) -> None:
        self._forms: frozenset[str] | None = None

    def marked_forms(self, field: Field) -> frozenset[str]:
        """The forms (words and lemmas) of the words the attack gates mark."""
        if self._forms is None:
            marked = field.marked
            self._forms = frozenset().union(
                *(w.forms_both for g in GATES for w in marked.get(g, ()))
            )
        return self._forms


def _names_present(text: str, names: tuple[str, ...]) -> bool:
    """Does the text name the actor's own organisation, as whole words?

    ``names`` holds each name as written, lower-case, capitalised and in capitals
    (:func:`~.attack_lexicon.organisation_names`), so no copy of the text is made.
    """
    return any(n in text and _find_word(text, n) >= 0 for n in names)


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
        if before and before[-1].lower() in _POSSESSIVES:
            return True
    return False


_NOTHING: frozenset[str] = frozenset()
_WORDS_ONLY = frozenset({"words"})

_WORD_GATES = (ATTACK_GATE, GROUP_GATE, EXCLUSION_GATE, OWN_GATE)
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
    return " " in phrase and all(part in vocab for part in phrase.split())


def _present(field: Field, gate_name: str, words: _Words) -> bool:
    """Does ``field`` hold a single cue word of the gate, or all the required words of
    one of its patterns? A cheap test: a pattern's word counts as present when it
    occurs as a word of the text (:attr:`~.text.Field.vocab`), is given as a lemma
    (``~``), or is a form of a word some attack gate marks ("moslims" for "moslim");
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
                or any(a in vocab or _all_in(a, vocab) for a in alts)
                or not alts.isdisjoint(words.marked_forms(field))
                for alts, lemma in req
            ):
                return True
    return False


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
        run = _cues_to_run(field, organisation)
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
    hot = set().union(*(marked.get(g, ()) for g in _WORD_GATES))
    # a phrase or a call to violence needs a word that anchors one
    anchors = [w.forms_both for w in marked.get(ATTACK_GATE, ())]
    phrases = _anchors_any(anchors, every, "phrases")
    violence = _anchors_any(anchors, every, "violence")
    text = field.text
    # where the cue words stand (perhaps also inside longer words: a token is hot when
    # it starts at one of these offsets and is one of the hot words)
    hot_at = [at for w in hot for at in _occurrences(text, w.text)]
    around: list[int] | None = None
    if "own" not in run:  # only the sentences near a cue word (or a quotation)
        around = list(hot_at)
        if "quotes" in run:
            around += [a for a, _ in quotations(text)]
    scope = TextScope(field.text, languages, around)
    found: dict[tuple[str, int, int], Signal] = {}
    for k, lang in enumerate(languages):
        if k and run == _WORDS_ONLY and not phrases and not violence:
            break  # the words were read in the first language's reading
        lex = every[lang]
        for sentence in scope.sentences(k):
            # most sentences of a long text hold no cue word: skip them at once
            if not _worth_reading(sentence, run, hot_at, scope):
                continue
            reading = _Reading(field, scope, sentence, lex, lang, names, entities)
            reading.hot_at = frozenset(hot_at)
            reading.phrases_possible = phrases
            reading.violence_possible = violence
            # a word is looked up in every language at once: read the words once
            reading.read_words = k == 0
            reading.word_languages = tuple(languages)
            for sig in reading.signals(run):
                found.setdefault((sig.kind, sig.start or 0, sig.end or 0), sig)
    return list(found.values())


def _occurrences(text: str, needle: str) -> list[int]:
    """Every offset of ``needle`` in ``text`` (perhaps inside a longer word: the
    sentences around it are read, no more)."""
    out, at = [], text.find(needle)
    while at >= 0:
        out.append(at)
        at = text.find(needle, at + 1)
    return out


def _anchors_any(
    forms: Sequence[frozenset[str]], every: dict[str, Lists], kind: str
) -> bool:
    """Is one of ``forms`` an anchor word of the ``kind`` patterns of some language?"""
    keys = _anchor_keys(kind)
    return any(not keys.isdisjoint(f) for f in forms)


@cache
def _anchor_keys(kind: str) -> frozenset[str]:
    return frozenset().union(*(lex.anchored[kind] for lex in lists().values()))


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
