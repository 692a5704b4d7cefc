"""Assessing an article against the measure the organisation recorded.

Pure Python over :mod:`zorgvuldig.signals.measures` (no models, no database), so the
command line, the media views and the tests share it. The rules are those of
shared/cases/README.md ("Media") and DESIGN.md §6.3-6.4: the measure in force on the
publication day is the latest recorded on or before it (before the first: ``none``);
each asserted claim is compared with it; the article's verdict is its most serious
finding (contradicted > overstated > understated > ambiguous > accurate), or
``no_claim``. IPSO Editors' Code clause 1 asks that headlines be supported by the text,
hence ``headline_supported_by_body``.

Public surface: :func:`assess_article`, :class:`Assessment`, :class:`RecordedMeasure`,
:func:`measure_in_force`, :class:`AssessmentError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from zorgvuldig.signals.language import guess_language
from zorgvuldig.signals.measures import (
    LANGUAGES,
    Finding,
    MeasureCategory,
    MeasureClaim,
    analyse,
    judge_claim,
    matches_term,
    most_serious,
)

from .furniture import furniture_only

#: The verdict of an article that asserts no measure.
NO_CLAIM = "no_claim"
#: The verdict of a page whose text could not be told apart from its furniture.
EXTRACTION_FAILED = "extraction_failed"
#: Where a claim can stand.
WHERES = ("headline", "body")


class AssessmentError(ValueError):
    """Invalid input to an assessment; the message says what is wrong."""


@dataclass(frozen=True)
class RecordedMeasure:
    """A measure as the organisation recorded it: category, its own term, and the day.

    ``date`` is ``None`` when unknown (then it counts as in force from the start).
    """

    category: MeasureCategory
    term: str | None
    date: dt.date | None = None

    @classmethod
    def from_value(cls, value: RecordedMeasure | dict[str, Any]) -> RecordedMeasure:
        """Build from a mapping ``{category, term, date}`` (``date`` ISO or a date).

        Raises:
            AssessmentError: a missing, unknown or invalid field.
        """
        if isinstance(value, RecordedMeasure):
            return value
        if not isinstance(value, dict):
            raise AssessmentError("recorded: expected {category, term, date}")
        if unknown := set(value) - {"category", "term", "date"}:
            raise AssessmentError(
                f"recorded: unknown field {', '.join(sorted(unknown))}"
            )
        if "category" not in value:
            raise AssessmentError("recorded: missing field category")
        try:
            category = MeasureCategory(value["category"])
        except ValueError:
            choices = ", ".join(MeasureCategory)
            raise AssessmentError(
                f"recorded: unknown category {value['category']!r} ({choices})"
            ) from None
        term = value.get("term")
        if term is not None and not isinstance(term, str):
            raise AssessmentError("recorded: term must be text")
        if not term and category != MeasureCategory.NONE:
            raise AssessmentError("recorded: missing field term")
        return cls(
            category, term or None, parse_date(value.get("date"), "recorded.date")
        )

    def to_dict(self) -> dict[str, Any]:
        """``{"category", "term", "date"}`` with the date in ISO 8601 (or ``None``)."""
        return {
            "category": str(self.category),
            "term": self.term,
            "date": self.date.isoformat() if self.date else None,
        }


#: The measure in force before anything was recorded.
NO_MEASURE = RecordedMeasure(MeasureCategory.NONE, None, None)


def parse_date(value: Any, field: str) -> dt.date | None:
    """A date from ``None``, a date, a datetime or an ISO 8601 ``YYYY-MM-DD`` string.

    Raises:
        AssessmentError: anything else (the message names ``field``).
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise AssessmentError(f"{field}: {value!r} is not a date (YYYY-MM-DD)")


def measure_in_force(
    recorded: Iterable[RecordedMeasure], published: dt.date | None
) -> RecordedMeasure:
    """The measure in force on ``published`` (shared/cases/README.md, "Media").

    Args:
        recorded: the history of recorded measures, in any order.
        published: the publication day; ``None`` means now (the latest measure).
    Returns:
        the latest measure dated on or before ``published`` (undated ones count as in
        force from the start; on equal dates the later in the list wins), or
        :data:`NO_MEASURE` when there is none yet.
    """
    history = sorted(recorded, key=lambda m: m.date or dt.date.min)
    in_force = [
        m for m in history if published is None or (m.date or dt.date.min) <= published
    ]
    return in_force[-1] if in_force else NO_MEASURE


@dataclass(frozen=True)
class ClaimResult:
    """A claim found in the headline or body, with its finding against the record."""

    claim: MeasureClaim
    where: str
    finding: Finding | None

    def to_dict(self) -> dict[str, Any]:
        """The contract's claim shape plus ``text``, ``ambiguous`` and ``finding``."""
        c = self.claim
        return {
            "category": str(c.category),
            "term": c.term,
            "where": self.where,
            "start": c.start,
            "end": c.end,
            "negated": c.negated,
            "hedged": c.hedged,
            "attributed": c.attributed,
            "text": c.matched_text,
            "ambiguous": c.ambiguous,
            "finding": str(self.finding) if self.finding else None,
        }


@dataclass(frozen=True)
class Assessment:
    """The result of checking one article against the recorded measure."""

    verdict: str
    claims: tuple[ClaimResult, ...]
    headline_supported_by_body: bool
    measure_in_force: RecordedMeasure
    language: str | None

    def to_dict(self) -> dict[str, Any]:
        """The output shape of ``zorgvuldig media assess`` (without ``id``):
        ``{"verdict", "claims", "headline_supported_by_body", "measure_in_force",
        "language"}``."""
        return {
            "verdict": self.verdict,
            "claims": [c.to_dict() for c in self.claims],
            "headline_supported_by_body": self.headline_supported_by_body,
            "measure_in_force": self.measure_in_force.to_dict(),
            "language": self.language,
        }


def assess_article(
    headline: str,
    body: str,
    recorded: RecordedMeasure | dict[str, Any] | list[Any] | None,
    published: dt.date | str | None = None,
    language: str | None = None,
    min_words: int = 0,
) -> Assessment:
    """Check an article's claims about a measure against the recorded measure(s).

    Args:
        headline: the headline ("" when there is none).
        body: the article's main text; claim spans are ``str`` indices into it (or
            into the headline, as each claim's ``where`` says).
        recorded: one measure or the history of measures, each a
            :class:`RecordedMeasure` or ``{category, term, date}``; empty or ``None``:
            nothing recorded.
        published: the publication day (a date or ISO string); ``None``: the latest
            recorded measure applies.
        language: ``nl`` or ``en``; ``None`` guesses it from headline and body together.
            A headline in the other language ("Ambassador reprimanded" over a Dutch
            text) is read in both.
        min_words: fewer words of article text than this (after the page furniture is
            left out) mean the extraction failed; 0 for text a person gave (a pasted
            sentence is an article), :data:`MIN_PAGE_WORDS` for a fetched page.
    Returns:
        an :class:`Assessment`; ``.to_dict()`` gives the contract's output, with verdict
        ``extraction_failed`` (and no claims) when the body is page furniture only
        (:func:`furniture_only`).
    Raises:
        AssessmentError: an invalid recorded measure, date or language.
    """
    if not isinstance(headline, str) or not isinstance(body, str):
        raise AssessmentError("headline and body must be text")
    if language is not None and language not in LANGUAGES:
        raise AssessmentError(
            f"language: {language!r} is not one of {', '.join(LANGUAGES)}"
        )
    if recorded is None:
        recorded = []
    history = [
        RecordedMeasure.from_value(r)
        for r in (recorded if isinstance(recorded, list) else [recorded])
    ]
    measure = measure_in_force(history, parse_date(published, "published"))
    language = language or guess_language(f"{headline}\n\n{body}")
    if furniture_only(body, min_words):
        return Assessment(EXTRACTION_FAILED, (), True, measure, language)
    results = [
        ClaimResult(
            claim, where, judge_claim(claim, measure.category, measure.term or "")
        )
        for where, text in zip(WHERES, (headline, body), strict=True)
        for claim in _claims(text, language, where)
    ]
    verdict = most_serious(r.finding for r in results)
    return Assessment(
        verdict=str(verdict) if verdict else NO_CLAIM,
        claims=tuple(results),
        headline_supported_by_body=_headline_supported(results),
        measure_in_force=measure,
        language=language,
    )


def _claims(text: str, language: str | None, where: str) -> list[MeasureClaim]:
    """The claims of ``text``; a headline is also read in the language it looks to be
    in when that differs from the article's (claims found in both are kept once)."""
    claims = analyse(text, language)
    if where != "headline" or not text.strip():
        return claims
    own = guess_language(text)
    others = [lang for lang in LANGUAGES if lang != language]
    if own in LANGUAGES and own != language:
        others = [own]
    elif own in LANGUAGES:
        return claims
    seen = [(c.start, c.end) for c in claims]
    for lang in others:
        for c in analyse(text, lang):
            if not any(a < c.end and c.start < b for a, b in seen):
                claims.append(c)
                seen.append((c.start, c.end))
    return sorted(claims, key=lambda c: (c.start, c.end))


def _headline_supported(results: list[ClaimResult]) -> bool:
    """Is every headline claim also made by the body (IPSO Editors' Code clause 1)?

    A hedged headline claim asserts nothing and needs no support. An asserted or
    negated one is supported by a body claim of the same polarity that is not hedged
    and names the same category or the same lexicon term (or the headline's words).
    """
    body = [r.claim for r in results if r.where == "body" and not r.claim.hedged]
    for r in results:
        h = r.claim
        if r.where != "headline" or h.hedged:
            continue
        if not any(
            b.negated == h.negated
            and (
                (b.category == h.category and not (b.ambiguous or h.ambiguous))
                or b.term == h.term
                or matches_term(b, h.matched_text)
            )
            for b in body
        ):
            return False
    return True
