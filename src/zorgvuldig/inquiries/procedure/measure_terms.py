"""Whether a measure's exact term fits its category, read with the measure lexicon.

The category ("informal correction") and the exact term ("schriftelijke berisping") are
recorded separately; when they contradict each other, every check that reads the measure
(the hearing before a punishment, the answer check, the media check) reads one of them
wrongly. The term is therefore read with the measure-word analyser
(:func:`zorgvuldig.signals.measures.analyse`, the lexicon ``signals/data/measure_terms.yaml``
with its legal sources) and must fit the category, unless the person records why it does
not. Whatever they record, the more severe of the two decides whether the employee must be
heard first (CAO Rijk ch. 15): a contradiction never lets a punishment through before the
hearing.

Pure: takes strings, reads no database.
"""

from __future__ import annotations

from dataclasses import dataclass

from zorgvuldig.signals.measures import SEVERITY, MeasureClaim, analyse


@dataclass(frozen=True)
class TermReading:
    """What the lexicon reads in an exact term.

    Attributes:
        claims: the asserted measure words found in the term (negated or hedged words
            are left out: "geen berisping" reads as no measure, not as a reprimand).
    """

    claims: tuple[MeasureClaim, ...]

    @property
    def categories(self) -> tuple[str, ...]:
        """The categories the term reads as (each claim's most likely reading), mild to
        severe, without repeats; ``()`` when the lexicon knows none of its words."""
        found = {c.category.value for c in self.claims}
        return tuple(sorted(found, key=SEVERITY.__getitem__))

    @property
    def strictest(self) -> str | None:
        """The most severe category the term reads as, or ``None``."""
        return self.categories[-1] if self.categories else None

    def fits(self, category: str) -> bool:
        """Whether ``category`` (a measure category code) agrees with every measure word
        of the term: the word's category, one of the readings of an ambiguous word, or a
        category at least as severe as a generic word ("disciplinary action": a
        punishment or worse). A term without known words fits every category."""
        return all(_claim_fits(c, category) for c in self.claims)


def _claim_fits(claim: MeasureClaim, category: str) -> bool:
    if claim.ambiguous and claim.readings:
        return category in {r.value for r in claim.readings}
    if claim.generic:
        return SEVERITY[category] >= SEVERITY[claim.category.value]
    return category == claim.category.value


def read_term(term: str) -> TermReading:
    """The lexicon's reading of ``term`` (Dutch or English, guessed per text)."""
    return TermReading(tuple(c for c in analyse(term) if c.asserted))


def effective_category(category: str, term: str) -> str:
    """The category that decides what must come first: ``category`` when the term fits
    it, else the more severe of ``category`` and the term's strictest reading.

    Raises:
        KeyError: ``category`` is not a measure category code.
    """
    reading = read_term(term)
    strictest = reading.strictest
    if strictest is None or reading.fits(category):
        return category
    return max(category, strictest, key=SEVERITY.__getitem__)
