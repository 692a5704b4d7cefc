"""The answer checks: what a draft answer says about the employee, before it is approved.

1. Measure words compared with the measure in force today (``queries.measure_in_force``
   over the employee's measure history), by the same analyser as the media check
   (``zorgvuldig.signals.measures``): "berisping" when the measure was an informal correction
   is caught as a headline saying it would be.
2. Personal data: the name of an employee concerned in an answer that will be public.
3. The organisation's position: an answer that speaks about the employee without saying where
   the organisation stands (the works council asked that the employer stand up for its staff
   where warranted; cues in ``data/answer_cues.yaml``).

The checks remind; people decide (GDPR art. 22): a finding blocks approval until the wording
changes or the approver records a reason to override.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import yaml

from zorgvuldig.inquiries.choices import MeasureCategory, MeasureStage
from zorgvuldig.inquiries.measure_timeline import measure_in_force
from zorgvuldig.signals import measures

if TYPE_CHECKING:
    from zorgvuldig.inquiries.models import Inquiry


JUDGEMENT_LABELS = {
    "overstated": _("heavier than the recorded measure"),
    "understated": _("lighter than the recorded measure"),
    "contradicted": _("contradicts the recorded measure"),
    "ambiguous": _("ambiguous: readers may take it as a punishment"),
}


MEASURE_WORD, PERSONAL_DATA, NO_POSITION = (
    "measure_word",
    "personal_data",
    "no_position",
)
KIND_MESSAGES = {
    PERSONAL_DATA: _("names the employee in an answer that will be public"),
    NO_POSITION: _(
        "speaks about the employee without the organisation's position on them "
        "(do we stand by them?)"
    ),
}
CUES_FILE = Path(__file__).resolve().parent / "data" / "answer_cues.yaml"


@dataclass(frozen=True)
class Finding:
    """Something in an answer that needs a person's look before approval.

    ``start``/``end`` are str indices into the answer text of question ``question``; ``kind``
    is ``measure_word``, ``personal_data`` or ``no_position``. The measure fields are filled
    for measure words only.
    """

    question: int
    start: int
    end: int
    text: str
    kind: str = MEASURE_WORD
    category: str = ""
    ambiguous: bool = False
    recorded_category: str = ""
    judgement: str = ""  # overstated, understated, contradicted or ambiguous

    @property
    def message(self) -> str:
        """What is wrong, for people (translated)."""
        if self.kind == MEASURE_WORD:
            return f"{self.category_label}: {self.judgement_label}"
        return str(KIND_MESSAGES[self.kind])

    @property
    def category_label(self) -> str:
        """The claimed category in words (translated)."""
        return str(MeasureCategory(self.category).label) if self.category else ""

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
    return _judged(
        text,
        measures.analyse(text, language=None),
        question=question,
        recorded_category=recorded_category,
        recorded_term=recorded_term,
    )


def _judged(
    text: str,
    claims: list[measures.MeasureClaim],
    *,
    question: int,
    recorded_category: str,
    recorded_term: str,
) -> list[Finding]:
    """The ``claims`` found in ``text`` that misstate the recorded measure, as findings
    (see :func:`check_answer_text`)."""
    findings = []
    for claim in claims:
        judgement = measures.judge_claim(claim, recorded_category, recorded_term)
        if judgement is None or judgement == measures.Finding.ACCURATE:
            continue
        findings.append(
            Finding(
                question=question,
                start=claim.start,
                end=claim.end,
                text=text[claim.start : claim.end],
                kind=MEASURE_WORD,
                category=claim.category,
                ambiguous=claim.ambiguous,
                recorded_category=recorded_category,
                judgement=str(judgement),
            )
        )
    return findings


#: One recorded measure with whom it concerns: (category, term, name, function).
RecordedMeasure = tuple[str, str, str, str]
_SENTENCE_END = re.compile(r"[.!?;\n]")


#: Words that speak of several employees at once: a measure word beside them is judged
#: against every recorded measure.
_PLURAL = re.compile(
    r"(?<!\w)(beide|beiden|allebei|betrokkenen|medewerkers|ambtenaren|both|employees"
    r"|officials|staff members)(?!\w)",
    re.I,
)


def _sentence_around(text: str, start: int, end: int) -> tuple[int, str]:
    """The sentence of ``text`` that holds ``text[start:end]``, with its offset."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    begin = before[-1] if before else 0
    return begin, text[begin : after.start() if after else len(text)]


def _mention_positions(sentence: str, name: str, function: str) -> list[int]:
    """Where ``sentence`` points at this employee: their name or surname, or the first
    word of their function ("ambassadeur" of "ambassadeur in Zuid-Afrika")."""
    patterns = _name_patterns([name] if name else [])
    head = function.split()[0].strip(",.") if function.split() else ""
    if len(head) >= 4:
        patterns.append(re.compile(r"(?<!\w)" + re.escape(head) + r"(?!\w)", re.I))
    return [m.start() for p in patterns for m in p.finditer(sentence)]


def _about_whom(sentence: str, at: int, measures: list) -> list[int]:
    """The indexes of ``measures`` a measure word at offset ``at`` of ``sentence`` is
    about: the employee named nearest to it, all of them when the sentence speaks of several
    at once or names no one."""
    everyone = list(range(len(measures)))
    if _PLURAL.search(sentence):
        return everyone
    distance = {
        i: min(abs(pos - at) for pos in positions)
        for i, (_c, _t, name, function) in enumerate(measures)
        if (positions := _mention_positions(sentence, name, function))
    }
    if not distance:
        return everyone
    nearest = min(distance.values())
    return [i for i, d in distance.items() if d == nearest]


def measure_findings(
    text: str, *, question: int, recorded: list[RecordedMeasure]
) -> list[Finding]:
    """The measure words of one answer that misstate the measure of whom they are about.

    Args:
        recorded: ``[(category, term, name, function)]``, one per employee with a recorded
            measure; empty means none was recorded (compared with ``none``).
    Returns:
        Findings in text order. With one measure, as :func:`check_answer_text` finds them.
        With several, a word is judged against the measure of the employee named nearest
        to it in its sentence (by name or function); when the sentence names none of them
        or speaks of several at once ("beide", "de medewerkers"), against every measure,
        so that "the employees were spoken to" is flagged when one of them got no measure
        (the works council's concern: no word may suggest more than was decided).
    """
    against = recorded or [(MeasureCategory.NONE, "", "", "")]
    claims = measures.analyse(text, language=None)  # once, judged per measure
    per_measure = [
        {
            (f.start, f.end): f
            for f in _judged(
                text,
                claims,
                question=question,
                recorded_category=category,
                recorded_term=term,
            )
        }
        for category, term, _name, _function in against
    ]
    spans = sorted({span for found in per_measure for span in found})
    out: list[Finding] = []
    for span in spans:
        begin, sentence = _sentence_around(text, *span)
        judged = _about_whom(sentence, span[0] - begin, against)
        flagged = [per_measure[i][span] for i in judged if span in per_measure[i]]
        if flagged:
            out.append(flagged[0])
    return out


def open_findings(inquiry: Inquiry) -> list[Finding]:
    """All findings over the inquiry's answers, in question order.

    The measure words are compared with the recorded measure, or with ``none`` when there is
    none (an inquiry about no person still must not suggest a punishment); the name and
    position checks apply to the employees concerned, if any.
    """
    recorded = tuple(_in_force_today(inquiry))
    persons = tuple((p.name, p.function) for p in inquiry.persons.all())
    # A grouped answer ("Antwoord 2, 3 en 4") is checked once, at its first question: the
    # questions answered with it hold no text of their own.
    answers = tuple(
        (q.number, q.answer)
        for q in inquiry.questions.all()
        if q.answer and q.answered_with_id is None
    )
    return list(_findings(recorded, persons, answers))


def _in_force_today(inquiry: Inquiry) -> list[RecordedMeasure]:
    """Per employee with a measure history, the measure in force today (Europe/
    Amsterdam; ``queries.measure_in_force``): an answer speaks of the present. An employee
    whose measure was annulled or has ended is compared with ``none``."""
    today = timezone.localdate()
    out: list[RecordedMeasure] = []
    for p in inquiry.persons.all():
        if not any(MeasureStage.takes_effect(e.stage) for e in p.measure_entries.all()):
            continue  # nothing recorded yet (a proposal is not a measure)
        m = measure_in_force(p, today)
        category, term = (m.category, m.term) if m else (MeasureCategory.NONE, "")
        out.append((category, term, p.name, p.function))
    return out


@lru_cache(maxsize=256)
def _findings(
    recorded: tuple[RecordedMeasure, ...],
    persons: tuple[tuple[str, str], ...],
    answers: tuple[tuple[int, str], ...],
) -> tuple[Finding, ...]:
    """The findings for these values, remembered: the case page asks twice per request (its
    list and the approval gate), and most requests show answers that did not change."""
    names = [name for name, _function in persons]
    found: list[Finding] = []
    for number, text in answers:
        found += measure_findings(text, question=number, recorded=list(recorded))
        found += personal_data(text, question=number, names=names)
    if persons:
        found += missing_position(
            list(answers),
            functions=[function for _name, function in persons],
            names=names,
        )
    return tuple(sorted(found, key=lambda f: (f.question, f.start)))


@lru_cache(maxsize=1)
def _cues() -> dict[str, tuple[str, ...]]:
    data = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))
    return {key: tuple(v.lower() for v in values) for key, values in data.items()}


def _name_patterns(names: list[str]) -> list[re.Pattern[str]]:
    """Patterns for each full name and its surname: the name without leading initials and
    first name ("J. de Vries" and "Jan de Vries" give "de Vries"), when 3+ letters long."""
    words: set[str] = set()
    for name in names:
        parts = name.split()
        if not parts:
            continue
        words.add(" ".join(parts))
        rest = parts[1:] if len(parts) > 1 else parts
        while len(rest) > 1 and re.fullmatch(r"\w\.?", rest[0]):  # more initials
            rest = rest[1:]
        surname = " ".join(rest)
        if len(surname.replace(" ", "")) >= 3:
            words.add(surname)
    return [
        re.compile(
            r"(?<!\w)" + r"\s+".join(map(re.escape, w.split())) + r"(?!\w)", re.I
        )
        for w in sorted(words, key=len, reverse=True)
    ]


def personal_data(text: str, *, question: int, names: list[str]) -> list[Finding]:
    """The places where ``text`` names an employee concerned (full name or surname)."""
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for pattern in _name_patterns(names):
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(
                Finding(question, m.start(), m.end(), m.group(), PERSONAL_DATA)
            )
    return sorted(found, key=lambda f: f.start)


def missing_position(
    answers: list[tuple[int, str]], *, functions: list[str], names: list[str]
) -> list[Finding]:
    """One finding at the first mention of the employee when no answer states the
    organisation's position on them; none when the answers never speak about them.

    Args:
        answers: ``[(question number, answer text)]``.
        functions: the employees' functions ("ambassadeur in Zuid-Afrika"); their first word
            counts as a reference ("de ambassadeur").
        names: the employees' names.
    """
    cues = _cues()
    lowered = [(n, t.lower()) for n, t in answers]
    if any(p in t for _n, t in lowered for p in cues["position_phrases"]):
        return []
    references = set(cues["employee_references"])
    references |= {f.split()[0].lower() for f in functions if f.strip()}
    references |= {n.lower() for n in names if n.strip()}
    for number, text in lowered:
        for ref in sorted(references, key=len, reverse=True):
            m = re.search(rf"(?<!\w){re.escape(ref)}(?!\w)", text)
            if m:
                original = dict(answers)[number]
                return [
                    Finding(
                        number,
                        m.start(),
                        m.end(),
                        original[m.start() : m.end()],
                        NO_POSITION,
                    )
                ]
    return []


def findings_digest(findings: list[Finding]) -> str:
    """A stable SHA-256 fingerprint of ``findings`` (to tie an override to them)."""
    payload = json.dumps([asdict(f) for f in findings], sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()
