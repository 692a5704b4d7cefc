"""The measure-word analyser: which measure does a text say was taken?

Finds the words for measures against a civil servant ("berispt", "aangesproken",
"sacked", "suspended") in a text, maps each onto the measure ladder of DESIGN.md §6.3
(CAO Rijk ch. 15; 5 CFR 752; the Acas Code of Practice for the UK civil service) and
tells whether the text asserts it: a claim is *negated* ("geen berisping", "not fired"),
*hedged* when modal about possibility, demand or the future ("riskeert", "may face",
"calls for") or asked as a question, and *attributed* when reported ("naar verluidt",
"reportedly"); attribution does not cancel a claim, because the text still spreads it
(shared/cases/README.md, "Media").

The words are data: ``data/measure_terms.yaml`` lists each term with its language,
category, whether it is ambiguous, its legal source and its forms, plus the cue words
for negation, hedging and attribution. Pure Python; no Django.

Public surface (used by ``inquiries.answers.check`` and ``media.assessment``; keep it
stable): :class:`MeasureCategory`, :class:`MeasureClaim`, :func:`analyse`,
:class:`Finding`, :func:`judge_claim`, :func:`matches_term`, :func:`most_serious`,
:data:`SEVERITY`, :class:`LexiconError`, :func:`load_lexicon`. Typical use::

    for claim in analyse(answer_text):
        finding = judge_claim(claim, recorded.category, recorded.term)
        if finding not in (None, Finding.ACCURATE):
            ...  # show claim.start..claim.end to a person
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from .language import guess_language
from .measure_lexicon import (
    LANGUAGES,
    SEVERITY,
    LanguageLexicon,
    LexiconError,
    MeasureCategory,
    Term,
    load_lexicon,
)
from .scope import Cues
from .word_patterns import Sentence, Token, lemma, split_sentences

#: How many words may stand between a negation cue and the term it negates.
NEGATION_WINDOW = 5
#: How many words may follow a Dutch finite verb before a "niet" that negates it.
NEGATION_AFTER_WINDOW = 3
#: How many words may stand between a hedge cue and the term it hedges (same clause).
HEDGE_WINDOW = 12
#: How many words may stand between a term and a hedge cue after it ("ontslag dreigt").
HEDGE_AFTER_WINDOW = 4
#: How far qualifiers of an ambiguous term are looked for (words before, words after).
QUALIFIER_WINDOW = (4, 10)


class Finding(StrEnum):
    """How a claim compares with the recorded measure, most serious first."""

    CONTRADICTED = "contradicted"
    OVERSTATED = "overstated"
    UNDERSTATED = "understated"
    AMBIGUOUS = "ambiguous"
    ACCURATE = "accurate"


@dataclass(frozen=True)
class MeasureClaim:
    """One measure word found in a text.

    Attributes:
        category: a :class:`MeasureCategory` value; for an ambiguous term its most
            likely reading (see ``readings``).
        term: the lexicon's canonical term ("berisping", "aanspreken", "suspended").
        matched_text: ``text[start:end]``, the words as written (for a separable verb
            this includes the words in between: "spreekt ambassadeur aan").
        start, end: Python ``str`` indices into the analysed text.
        negated: the text denies it ("geen berisping", "not fired").
        hedged: the text only says it may, should or will happen ("riskeert",
            "may face"), or asks it as a question.
        attributed: the text reports it from someone ("naar verluidt", "reportedly").
        ambiguous: its category is uncertain; a person must judge.
        language: the language of the lexicon entry (``nl`` or ``en``).
        generic: the word names its category "or worse" ("disciplinary action").
        readings: for an ambiguous term, the categories it may stand for.
        source: the legal or usage source of the mapping.
    """

    category: MeasureCategory
    term: str
    matched_text: str
    start: int
    end: int
    negated: bool = False
    hedged: bool = False
    attributed: bool = False
    ambiguous: bool = False
    language: str = ""
    generic: bool = False
    readings: tuple[MeasureCategory, ...] = ()
    source: str = ""

    @property
    def asserted(self) -> bool:
        """The text states the measure as fact (neither negated nor hedged)."""
        return not (self.negated or self.hedged)


# --- analysis ------------------------------------------------------------------------


def analyse(text: str, language: str | None = None) -> list[MeasureClaim]:
    """Find the measure words in ``text``.

    Args:
        text: any text (an answer, a headline, an article body).
        language: ``nl`` or ``en``; ``None`` guesses it (``signals.language``) and uses
            both lexicons when the guess is undecided.
    Returns:
        the claims in text order; ``start``/``end`` are ``str`` indices into ``text``.
    Raises:
        ValueError: an unsupported language.
    """
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r} (one of {LANGUAGES})")
    guessed = language or guess_language(text)
    languages = [guessed] if guessed in LANGUAGES else list(LANGUAGES)
    lexicon = load_lexicon()
    claims: list[MeasureClaim] = []
    for lang in languages:
        lex = lexicon[lang]
        for sentence in split_sentences(text, lex.boundaries, lex.abbreviations):
            claims += _analyse_sentence(text, sentence, lex)
    if len(languages) > 1:
        claims = _without_overlaps(claims)
    return sorted(claims, key=lambda c: (c.start, c.end))


def _without_overlaps(claims: list[MeasureClaim]) -> list[MeasureClaim]:
    """Of claims whose spans overlap (found in both languages), keep the longest."""
    kept: list[MeasureClaim] = []
    for c in sorted(claims, key=lambda c: (c.start, c.start - c.end)):
        if not kept or c.start >= kept[-1].end:
            kept.append(c)
        elif c.end - c.start > kept[-1].end - kept[-1].start:
            kept[-1] = c
    return kept


def _analyse_sentence(
    text: str, sentence: Sentence, lex: LanguageLexicon
) -> Iterator[MeasureClaim]:
    toks = sentence.tokens
    matches = lex.terms.find_all(toks, lex.followers)
    if not matches:
        return
    blocked = {
        i for _, idx in lex.exclusions.find_all(toks, lex.followers) for i in idx
    }
    matches = [(term, idx) for term, idx in matches if not blocked.intersection(idx)]
    cues = Cues(toks, lex)
    matches.sort(key=lambda m: (-len(m[1]), m[1][0] - m[1][-1], m[1][0]))
    qualifiers: dict[str, dict[int, list[tuple[MeasureCategory, list[int]]]]] = {}
    taken: set[int] = set()
    for term, idx in matches:
        if taken.intersection(idx):
            continue
        taken.update(idx)
        if term.term not in qualifiers:
            by_start: dict[int, list[tuple[MeasureCategory, list[int]]]] = {}
            for cat, q in term.qualifiers.find_all(toks, lex.followers):
                by_start.setdefault(q[0], []).append((cat, q))
            qualifiers[term.term] = by_start
        yield _claim(text, sentence, term, idx, cues, qualifiers[term.term], lex)


def _claim(
    text: str,
    sentence: Sentence,
    term: Term,
    idx: list[int],
    cues: Cues,
    qualifiers: dict[int, list[tuple[MeasureCategory, list[int]]]],
    lex: LanguageLexicon,
) -> MeasureClaim:
    toks = sentence.tokens
    first, last = idx[0], idx[-1]
    finite = any(p.match_at(toks, first, lex.followers) == idx for p in term.finite)
    negated = cues.near(
        "negation",
        idx,
        NEGATION_WINDOW,
        NEGATION_AFTER_WINDOW if finite else -1,
        stop_at="negation_breakers",
    )
    hedged = cues.near("hedge", idx, HEDGE_WINDOW, -1) and not cues.near(
        "imposed", idx, 1, 1
    )
    hedged = hedged or sentence.question
    hedged = hedged or cues.near("hedge_after", idx, -1, HEDGE_AFTER_WINDOW)
    hedged = hedged or (
        _subject(toks, first, lex)
        and cues.near("hedge_subject_after", idx, -1, HEDGE_AFTER_WINDOW)
    )
    attributed = "attribution" in cues.kinds
    category, ambiguous = term.category, term.ambiguous
    lo, hi = first - QUALIFIER_WINDOW[0], last + QUALIFIER_WINDOW[1]
    decided = {
        cat
        for a in range(max(lo, 0), hi + 1)
        for cat, q in qualifiers.get(a, ())
        if q[-1] <= hi and not set(q) & set(idx)
    }
    if len(decided) == 1:
        category, ambiguous = decided.pop(), False
    start, end = toks[first].start, toks[last].end
    return MeasureClaim(
        category=category,
        term=term.term,
        matched_text=text[start:end],
        start=start,
        end=end,
        negated=negated,
        hedged=hedged,
        attributed=attributed,
        ambiguous=ambiguous,
        language=term.language,
        generic=term.generic,
        readings=term.readings if ambiguous else (),
        source=term.source,
    )


def _subject(toks: list[Token], first: int, lex: LanguageLexicon) -> bool:
    """Does the match at ``first`` stand where a subject stands: first in its clause, or
    after determiners only ("Een waarschuwing was genoeg geweest", "His dismissal would
    be a mistake")? A modal after such a term speaks about the measure ("... would be
    appropriate"); after a verb form ("was suspended and would ...") it does not."""
    clause = toks[first].clause
    for b in range(first - 1, -1, -1):
        if toks[b].clause != clause:
            return True
        if toks[b].key not in lex.determiners:
            return False
    return True


# --- comparison with the recorded measure --------------------------------------------


@lru_cache(maxsize=1024)
def _recorded_claims(
    recorded_term: str, language: str | None
) -> tuple[MeasureClaim, ...]:
    return tuple(analyse(recorded_term, language))


def matches_term(claim: MeasureClaim, recorded_term: str) -> bool:
    """Does ``claim`` use the organisation's own recorded term (or an inflection of it)?

    True when the recorded term contains the same lexicon term, read the same way
    ("suspended" in an article matches the record "suspended pending a disciplinary
    interview"; "spreekt ... aan" matches "aangesproken"); for a recorded term the
    lexicon does not know, when every word of the claim occurs in it (by lemma).
    DESIGN.md §6.3: an article that uses the recorded term repeats the record.

    Args:
        claim: a claim from :func:`analyse`.
        recorded_term: the term the organisation recorded ("aangesproken").
    """
    if not recorded_term or not recorded_term.strip():
        return False
    language = claim.language if claim.language in LANGUAGES else None
    recorded = _recorded_claims(recorded_term, language)
    if recorded:
        return any(
            r.term == claim.term
            and r.language == claim.language
            and (claim.ambiguous or r.ambiguous or r.category == claim.category)
            for r in recorded
        )
    words = _lemmas(claim.matched_text, claim.language)
    return bool(words) and words <= _lemmas(recorded_term, claim.language)


def _lemmas(text: str, language: str) -> set[str]:
    return {lemma(m.group().lower(), language) for m in re.finditer(r"\w+", text)}


def judge_claim(
    claim: MeasureClaim, recorded_category: str, recorded_term: str = ""
) -> Finding | None:
    """Compare one claim with the recorded measure (shared/cases/README.md, "Media").

    Args:
        claim: a claim from :func:`analyse`.
        recorded_category: a :class:`MeasureCategory` value (``none`` when nothing was
            recorded).
        recorded_term: the organisation's own term ("" when none).
    Returns:
        a :class:`Finding`, or ``None`` when the claim says nothing about the measure
        (hedged, or negating a measure that was not taken).
    Raises:
        ValueError: ``recorded_category`` is not a category.
    """
    recorded = SEVERITY[MeasureCategory(recorded_category)]
    claimed = SEVERITY[claim.category]
    if claim.hedged:
        return None
    same_term = matches_term(claim, recorded_term)
    if claim.negated:
        if claim.category == MeasureCategory.NONE or recorded == 0:
            return None
        if claimed == recorded and _conditional(recorded_term):
            # "niet ontslagen" of a conditional dismissal: not carried out, yet imposed
            return Finding.AMBIGUOUS
        if same_term or claimed == recorded or (claim.generic and recorded >= claimed):
            return Finding.CONTRADICTED
        if claim.ambiguous and recorded_category in claim.readings:
            return Finding.AMBIGUOUS
        return None
    if same_term:
        return Finding.ACCURATE
    if claim.category == MeasureCategory.NONE:
        return Finding.ACCURATE if recorded == 0 else Finding.CONTRADICTED
    if claim.ambiguous:
        return Finding.AMBIGUOUS
    if claim.generic and recorded >= claimed:
        return Finding.ACCURATE
    if claimed > recorded:
        return Finding.OVERSTATED
    return Finding.UNDERSTATED if claimed < recorded else Finding.ACCURATE


#: Words that make a recorded measure conditional: imposed, but carried out only if the
#: condition is broken (CAO Rijk ch. 15, voorwaardelijk strafontslag). An article's "not
#: dismissed" is then for a person to judge.
CONDITIONAL_WORDS = frozenset(
    {"voorwaardelijk", "voorwaardelijke", "conditional", "conditionally"}
)


def _conditional(recorded_term: str) -> bool:
    return any(
        w in CONDITIONAL_WORDS for w in re.findall(r"\w+", recorded_term.lower())
    )


def most_serious(findings: Iterable[Finding | None]) -> Finding | None:
    """The most serious of ``findings`` (contradicted > overstated > understated >
    ambiguous > accurate), or ``None`` when there is none."""
    order = list(Finding)
    present = [f for f in findings if f is not None]
    return min(present, key=order.index) if present else None


__all__ = [
    "LANGUAGES",
    "SEVERITY",
    "Finding",
    "LexiconError",
    "MeasureCategory",
    "MeasureClaim",
    "analyse",
    "judge_claim",
    "load_lexicon",
    "matches_term",
    "most_serious",
]
