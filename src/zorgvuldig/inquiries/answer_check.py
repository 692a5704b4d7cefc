"""The answer check: measure words in the draft answer compared with the recorded measure.

Uses the same measure-word analyser as the media check (``zorgvuldig.signals.measures``), so
an answer that says "berisping" when the recorded measure is an informal correction is caught
in the same way as a headline that does. The check reminds; people decide (GDPR art. 22): a
finding blocks approval until the wording changes or someone records a reason to override.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from zorgvuldig.signals import measures

from .choices import MeasureCategory

if TYPE_CHECKING:
    from .models import Inquiry


JUDGEMENT_LABELS = {
    "overstated": _("heavier than the recorded measure"),
    "understated": _("lighter than the recorded measure"),
    "contradicted": _("contradicts the recorded measure"),
    "ambiguous": _("ambiguous: readers may take it as a punishment"),
}


@dataclass(frozen=True)
class Finding:
    """A measure word in an answer that does not match the recorded measure.

    ``start``/``end`` are str indices into the answer text of question ``question``.
    """

    question: int
    start: int
    end: int
    text: str
    category: str
    ambiguous: bool
    recorded_category: str
    judgement: str  # overstated, understated, contradicted or ambiguous

    @property
    def category_label(self) -> str:
        """The claimed category in words (translated)."""
        return str(MeasureCategory(self.category).label)

    @property
    def judgement_label(self) -> str:
        """What is wrong with the words, for people (translated)."""
        return str(JUDGEMENT_LABELS.get(self.judgement, self.judgement))


def check_answer_text(
    text: str, *, question: int, recorded_category: str, recorded_term: str
) -> list[Finding]:
    """Findings in one answer text.

    Args:
        text: the answer as written.
        question: the question number, carried into each finding.
        recorded_category: a ``MeasureCategory`` value (``none`` when nothing was recorded).
        recorded_term: the organisation's own term for the measure ("" when none).

    Returns:
        The claims that misstate the recorded measure, judged as the media check judges an
        article (``signals.measures.judge_claim``): overstated, understated, contradicted
        (e.g. "geen maatregel" when one was taken) or ambiguous. Accurate claims, hedged
        ones and the recorded term itself are not findings.
    """
    findings = []
    for claim in measures.analyse(text, language=None):
        judgement = measures.judge_claim(claim, recorded_category, recorded_term)
        if judgement is None or judgement == measures.Finding.ACCURATE:
            continue
        findings.append(
            Finding(
                question=question,
                start=claim.start,
                end=claim.end,
                text=text[claim.start : claim.end],
                category=claim.category,
                ambiguous=claim.ambiguous,
                recorded_category=recorded_category,
                judgement=str(judgement),
            )
        )
    return findings


def open_findings(inquiry: Inquiry) -> list[Finding]:
    """All findings over the inquiry's answers, in question order.

    An inquiry that concerns no person has no measure to compare with, so it has no findings;
    one that concerns a person is compared with its measure, or with ``none`` until one is
    recorded.
    """
    if not inquiry.concerns_person:
        return []
    measure = inquiry.current_measure
    category = measure.category if measure else MeasureCategory.NONE
    term = measure.term if measure else ""
    found: list[Finding] = []
    for q in inquiry.questions.all():
        if q.answer:
            found += check_answer_text(
                q.answer,
                question=q.number,
                recorded_category=category,
                recorded_term=term,
            )
    return found


def findings_digest(findings: list[Finding]) -> str:
    """A stable SHA-256 fingerprint of ``findings`` (to tie an override to them)."""
    payload = json.dumps([asdict(f) for f in findings], sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()
