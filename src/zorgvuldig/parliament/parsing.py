"""Read the text of an inquiry into its parts: pure Python, no Django.

An inquiry is a set of questions put to the organisation: written parliamentary
questions (Kamervragen), a works council memo, a journalist's questions. This
module turns such a text into a :class:`ParsedInquiry`; the ``inquiries`` intake
and the ``zorgvuldig questions parse`` command use it.

Public surface: :func:`parse_inquiry`, :class:`ParsedInquiry` (with
:class:`Asker`, :class:`Question`, :class:`Footnote`, :class:`Answer`),
:data:`INQUIRY_KINDS`, :class:`ParseError`, and :func:`merge_zaak` (a Tweede Kamer
open-data record over what was read). ``ParsedInquiry.to_dict()`` gives
the output shape of the command-line contract (shared ``cases/README.md``,
"Questions").

Formats read (DESIGN.md §6.2): the official one ("Vragen van het lid X (Partij)
aan de minister van … over … (ingezonden 28 februari 2012)." then "Vraag 1",
"Vraag 2" …, footnotes citing media at the end); answer documents ("Antwoord van
minister Z (ontvangen …)", "Vraag n" / "Antwoord n", grouped "Vraag 2, 3 en 4",
"Zie antwoord op vraag 3"); older documents numbering "1", "2" and party websites
numbering "1.)"; memos whose questions are bulleted items that ask something.
Nothing is invented: a missing date stays ``None`` and is reported in
``warnings``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from . import assemblies, families, layout
from .header import HEADER_START, Header, parse_header
from .terms import DEFAULT_TERMS, AnswerTerm
from .types import (
    INQUIRY_KINDS,
    Answer,
    Asker,
    Footnote,
    InquiryKind,
    ParsedInquiry,
    ParseError,
    Question,
)

__all__ = [
    "INQUIRY_KINDS",
    "Answer",
    "Asker",
    "Footnote",
    "InquiryKind",
    "ParseError",
    "ParsedInquiry",
    "Question",
    "merge_zaak",
    "parse_inquiry",
]


_ZAAK_NUMBER = re.compile(r"(?<![A-Za-z])((?:19|20)[0-9]{2}Z[0-9]{5})(?![0-9])")
_REFERENCE_LABEL = re.compile(
    r"^\s*(?:onze\s+referentie|ons\s+kenmerk|kenmerk|referentie|our\s+reference"
    r"|reference|ref\.?)(?![A-Za-z])\s*:?\s*(?P<rest>.*)$",
    re.I,
)
_REFERENCE_VALUE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./_-]{0,38}$")
_DATE_LABEL = re.compile(
    r"^\s*(?:datum|date|verzonden|sent|gedagtekend)\b\s*:?\s*(?P<rest>.*)$", re.I
)
_FROM_LABEL = re.compile(r"^\s*(?:van|from)\s*:\s*(?P<rest>\S.*)$", re.I)
_TO_LABEL = re.compile(r"^\s*(?:aan|to)\s*:\s*(?P<rest>\S.*)$", re.I)
_SUBJECT_LABEL = re.compile(
    r"^\s*(?:onderwerp|betreft|subject)\s*:\s*(?P<rest>\S.*)$", re.I
)
_PARLIAMENT_HINT = re.compile(
    r"aanhangsel\s+(?:van\s+)?de\s+handelingen|vragen\s+gesteld\s+door\s+de\s+leden",
    re.I,
)
_WORKS_COUNCIL_HINT = re.compile(
    r"\bondernemingsraad\b|\bmedezeggenschapsraad\b|\bworks\s+council\b", re.I
)
_PRESS_HINT = re.compile(
    r"\bjournalist|\bredactie\b|\bredacteur|\bpersvra|\bnieuwsredactie\b"
    r"|\bpress\s+(?:office|enquiry|inquiry)|\breporter\b|\bnewsroom\b",
    re.I,
)
_SUBMITTED = re.compile(r"\bingezonden\s+(?:op\s+)?(?P<rest>.{0,40})", re.I)


def _label_values(lines: list[str], label: re.Pattern[str]) -> list[str]:
    """Values after a label on the same line, or on the next non-empty line."""
    values = []
    for i, line in enumerate(lines):
        m = label.match(line)
        if m is None:
            continue
        if m.group("rest").strip():
            values.append(m.group("rest").strip())
        else:
            following = [ln.strip() for ln in lines[i + 1 : i + 4] if ln.strip()]
            if following:
                values.append(following[0])
    return values


def _reference(lines: list[str]) -> str | None:
    for value in _label_values(lines, _REFERENCE_LABEL):
        value = value.strip(" .;")
        if _REFERENCE_VALUE.match(value) and any(ch.isdigit() for ch in value):
            return value
    return None


def _kind(header: Header | None, number: str | None, head: str) -> InquiryKind:
    """The kind of inquiry, from the head of the text (before the first question).

    A case number alone counts last: a memo may cite the Kamervragen it is about.
    """
    if header or _PARLIAMENT_HINT.search(head):
        return "parliamentary_written"
    if _WORKS_COUNCIL_HINT.search(head):
        return "works_council"
    if _PRESS_HINT.search(head):
        return "press"
    return "parliamentary_written" if number else "other"


def _first_label(lines: list[str], label: re.Pattern[str]) -> str | None:
    for value in _label_values(lines, label):
        value = re.sub(r"<[^>]*>", "", value).strip(" .;")
        if value:
            return value
    return None


# --- assembling the result


def _answers_with_references(answers: list[Answer]) -> list[Answer]:
    """Fold "Zie antwoord op vraag 3" into the answer it points to."""
    result = list(answers)
    for answer in answers:
        target = layout.referred_question(answer.text)
        if target is None:
            continue
        for i, other in enumerate(result):
            if other is not answer and target in other.questions:
                merged = tuple(sorted(set(other.questions) | set(answer.questions)))
                result[i] = Answer(merged, other.text)
                result = [a for a in result if a is not answer]
                break
    return result


def _check_numbering(
    questions: list[Question], answers: list[Answer], warnings: list[str]
) -> None:
    numbers = [q.number for q in questions]
    if numbers != list(range(1, len(numbers) + 1)):
        shown = ", ".join(map(str, numbers))
        warnings.append(
            f"question numbers are not 1 to {len(numbers)} in order ({shown}): "
            "the text may be incomplete"
        )
    if not answers:
        return
    answered = {n for a in answers for n in a.questions}
    unknown = sorted(answered - set(numbers))
    if unknown:
        shown = ", ".join(map(str, unknown))
        warnings.append(f"answers refer to questions not in the text: {shown}")
    missing = [n for n in numbers if n not in answered]
    if missing:
        shown = ", ".join(map(str, missing))
        warnings.append(f"no answer found for question(s) {shown}")


def _submitted(
    kind: InquiryKind,
    head: str,
    text: str,
    lines: list[str],
    warnings: list[str],
    council: bool = False,
) -> date | None:
    """The submission date: "(ingezonden …)" for parliamentary questions, else (and for a
    council's questions without it) the date after a "Datum" label; ``None`` with a
    warning when there is none."""
    m = _SUBMITTED.search(head) or _SUBMITTED.search(text)
    if kind == "parliamentary_written" and (m is not None or not council):
        if m is None:
            warnings.append(
                "no submission date found (expected '(ingezonden 28 februari 2012)'): "
                "submitted and deadline are left empty"
            )
            return None
        found, raw = layout.find_date(m.group("rest"))
        if found is None:
            warnings.append(
                f"submission date {raw or m.group('rest').strip()!r} "
                "is not a valid date: submitted and deadline are left empty"
            )
        return found
    for value in _label_values(lines, _DATE_LABEL):
        found, raw = layout.find_date(value)
        if found:
            return found
        if raw:
            warnings.append(f"date {raw!r} is not a valid date")
    warnings.append("no date found (expected a line 'Datum' with a date)")
    return None


_BARE_ANSWER_LABEL = re.compile(r"^\s*antwoord\s*:?\s*$", re.I)
_LIST_BULLET = re.compile(r"^\s*[\u2022\u00b7]\s*(?=vraag\b)", re.I)


def _read(family: families.Family, lines: list[str], text: str) -> layout.Layout:
    """The question and answer blocks of ``lines``, read the way ``family`` lays them out."""
    if family == "council":
        found, first = families.read_subnumbered(lines)
        labels = ", ".join(label for _, label, _ in found)
        return layout.Layout(
            [(n, body, []) for n, body, _ in found],
            [],
            first,
            "\n".join(lines[:first]),
            [f"questions numbered {labels} are numbered 1 to {len(found)} in order"],
        )
    # a committee list's opening sentence makes a single numbered question believable
    has_header = bool(HEADER_START.search(text)) or family == "committee"
    laid_out = layout.read_layout(lines, has_header=has_header)
    one_per_line = families.read_one_per_line(lines)
    if family in ("one_per_line", "committee") and len(laid_out.questions) < 2 <= len(
        one_per_line[0]
    ):
        questions, answers, first = one_per_line
        return layout.Layout(
            [(n, body, []) for n, body in questions],
            [((n,), body) for n, body in answers],
            first,
            "\n".join(lines[:first]),
            ["questions without numbers: each line that asks is taken as one question"],
        )
    return laid_out


def _split_unlabelled_answers(laid_out: layout.Layout) -> None:
    """Committee lists and openkamer pages print each answer under its question without a
    label: split each block into its question and answer (:func:`.families.split_answer`)."""
    for i, (number, body, notes) in enumerate(laid_out.questions):
        question, answer = families.split_answer(body)
        laid_out.questions[i] = (number, question, notes)
        if answer:
            laid_out.answers.append(((number,), answer))


def _letter(text: str, lines: list[str]) -> ParsedInquiry:
    """A readable text without questions: a postponement notice or another letter."""
    notice = families.POSTPONEMENT_NOTICE.search(text)
    warnings = [
        "no questions found: read as a letter without questions (expected numbered "
        "questions such as 'Vraag 1', '1.', '1.)' for an inquiry)"
    ]
    if notice is None:
        return ParsedInquiry(
            kind="other",
            number=None,
            reference=_reference(lines),
            askers=(),
            addressees=(),
            subject=_first_label(lines, _SUBJECT_LABEL),
            submitted=None,
            deadline=None,
            questions=(),
            warnings=tuple(warnings),
        )
    number = _ZAAK_NUMBER.search(text)
    start = text.rfind("\n", 0, notice.start()) + 1
    end = text.find("\n", notice.end())
    sentence = " ".join(text[start : end if end >= 0 else len(text)].split())
    warnings.append(
        "a postponement notice: match it to the inquiry it postpones and record the "
        "postponement there; the answer is then due six weeks after submission"
    )
    return ParsedInquiry(
        kind="postponement",
        number=number.group(1) if number else None,
        reference=None,
        askers=(),
        addressees=(),
        subject=sentence[:300] or None,
        submitted=None,
        deadline=None,
        questions=(),
        warnings=tuple(warnings),
    )


def _parse_uk(text: str) -> ParsedInquiry:
    """UK written questions (:func:`.families.read_uk`): "Asked by", "Asked on"; no
    deadline, which the House's practice, not the text, sets."""
    questions, answers, askers, asked_on = families.read_uk(text.splitlines())
    warnings = [
        "UK written questions: no deadline is set (a named-day question names its own "
        "day; others are answered within a working week by convention)"
    ]
    submitted, raw = layout.find_date(asked_on or "")
    if submitted is None:
        warnings.append(
            f"no valid 'Asked on' date found ({raw or 'none'}): submitted is left empty"
        )
    return ParsedInquiry(
        kind="parliamentary_written",
        number=None,
        reference=None,
        askers=askers,
        addressees=(),
        subject=None,
        submitted=submitted,
        deadline=None,
        questions=tuple(Question(n, body) for n, body in questions),
        answers=tuple(Answer((n,), body) for n, body in answers),
        warnings=tuple(warnings),
    )


def parse_inquiry(
    text: str, terms: Mapping[str, AnswerTerm] | None = None
) -> ParsedInquiry:
    """Read an inquiry text: who asks whom what, since when, and until when.

    The family of the publication is recognised first (:func:`.families.recognise`: UK
    written questions, openkamer pages, committee lists, council questions numbered 1.1,
    questions one per line, official publications and tweedekamer.nl pages, anything else)
    and the text is read the family's way.

    Args:
        text: the plain text of the inquiry (Kamervragen as published, an answer
            document, a party website's copy, a works council memo, an e-mail, a letter).
        terms: the answer terms by assembly code (an organisation's, from
            :func:`.assemblies.assembly_terms`); default :data:`.terms.DEFAULT_TERMS`. The
            assembly is the one the text names (:func:`.assemblies.answering_assembly`),
            for questions to a minister without one the Tweede Kamer.

    Returns:
        The :class:`ParsedInquiry`; anything unsure is listed in ``warnings``. A readable
        text without questions is a letter: kind ``other`` (or ``postponement`` for a
        postponement notice) with no questions and a warning, not an error.

    Raises:
        ParseError: the text is not text or is empty, with a message saying what was
            expected. No other exception is raised.
    """
    if not isinstance(text, str):
        raise ParseError("expected the inquiry as text", "not_text")
    if not text.strip():
        raise ParseError(
            "the text is empty: expected the questions of an inquiry", "empty"
        )
    family = families.recognise(text)
    if family == "uk":
        return _parse_uk(text)
    lines = text.splitlines()
    if family == "committee":  # a bare "Antwoord:" only separates question and answer
        lines = ["" if _BARE_ANSWER_LABEL.match(ln) else ln for ln in lines]
    elif family == "openkamer":  # "• Vraag 1": the bullet is the page's list styling
        lines = [_LIST_BULLET.sub("", ln) for ln in lines]
    laid_out = _read(family, lines, text)
    if not laid_out.questions:
        return _letter(text, lines)
    if family in ("committee", "openkamer") and not laid_out.answers:
        _split_unlabelled_answers(laid_out)
    head_lines = lines[: laid_out.first_item_line]
    head = "\n".join(head_lines)
    warnings = list(laid_out.warnings)

    header = parse_header(layout.paragraphs(head_lines))
    number_match = _ZAAK_NUMBER.search(text)
    number = number_match.group(1) if number_match else None
    kind = _kind(header, number, head)
    openkamer_askers: tuple[Asker, ...] = ()
    if family == "openkamer":
        openkamer_askers, raw_date = families.openkamer_facts(head)
        if raw_date and not _SUBMITTED.search(text):
            head = f"{head}\ningezonden {raw_date}"
    assembly = assemblies.answering_assembly(text, header.addressees if header else ())
    council = assembly in assemblies.COUNCILS and (
        family == "council" or bool(families.COUNCIL_QUESTIONS.search(head))
    )
    council_askers, raw_date = families.council_facts(head) if council else ((), None)
    if raw_date and not _SUBMITTED.search(text):
        head = f"{head}\ningezonden {raw_date}"
    if council:  # a council member's written questions (raadsvragen, statenvragen)
        kind = "parliamentary_written"
    elif kind == "parliamentary_written" and assembly is None and family != "council":
        assembly = "tweede_kamer"
    openkamer_askers = openkamer_askers or council_askers
    if kind == "parliamentary_written" and header is None and not openkamer_askers:
        warnings.append(
            "the sentence 'Vragen van het lid … aan de minister van … over …' was not "
            "found: askers, addressees and subject are unknown"
        )
    submitted = _submitted(kind, head, text, lines, warnings, council)
    if kind != "parliamentary_written":
        number = None  # a memo or e-mail may cite Kamervragen; it has no number

    questions = [
        Question(n, body, tuple(Footnote(m, t) for m, t in notes))
        for n, body, notes in laid_out.questions
    ]
    answers = _answers_with_references(
        [Answer(n, body) for n, body in laid_out.answers]
    )
    _check_numbering(questions, answers, warnings)

    deadline = None
    if family == "council" and not council:
        warnings.append(
            "council questions are answered within the assembly's own term (often 30 "
            "days), and the text names no assembly (gemeenteraad, Provinciale Staten): "
            "no deadline is set; choose the assembly at intake"
        )
    elif kind == "parliamentary_written" and submitted is not None and assembly:
        postponed = bool(
            families.POSTPONEMENT_NOTICE.search(laid_out.outside_questions)
        )
        deadline, note = assemblies.assembly_deadline(
            submitted, postponed, assembly, DEFAULT_TERMS if terms is None else terms
        )
        warnings += [note] if note else []

    askers: tuple[Asker, ...] = header.askers if header else openkamer_askers
    addressees: tuple[str, ...] = header.addressees if header else ()
    subject = header.subject if header else None
    if header is None and not openkamer_askers:
        sender = _first_label(head_lines, _FROM_LABEL)
        recipient = _first_label(head_lines, _TO_LABEL)
        askers = (Asker(sender),) if sender else ()
        addressees = (recipient,) if recipient else ()
        subject = _first_label(head_lines, _SUBJECT_LABEL)
    return ParsedInquiry(
        kind=kind,
        number=number,
        reference=None if kind == "parliamentary_written" else _reference(lines),
        askers=askers,
        addressees=addressees,
        subject=subject,
        submitted=submitted,
        deadline=deadline,
        questions=tuple(questions),
        answers=tuple(answers),
        warnings=tuple(dict.fromkeys(warnings)),
        assembly=assembly if kind == "parliamentary_written" else None,
    )


def merge_zaak(parsed: dict[str, Any], zaak: Any) -> dict[str, Any]:
    """``parsed`` (``ParsedInquiry.to_dict()``) completed from a Tweede Kamer Zaak record.

    The record (``tkapi.ZaakRecord``) is authoritative for the number, askers,
    addressees, submission date and deadline; the text for the questions. A postponement
    notice in the record is reported in ``warnings`` so the case handler records it.
    """
    merged = dict(parsed)
    merged["kind"] = "parliamentary_written"
    merged["assembly"] = "tweede_kamer"  # the record is the Tweede Kamer's
    merged["number"] = zaak.number
    merged["subject"] = parsed.get("subject") or zaak.subject
    merged["askers"] = zaak.askers or parsed.get("askers", [])
    merged["addressees"] = zaak.addressees or parsed.get("addressees", [])
    if zaak.submitted:
        merged["submitted"] = zaak.submitted.isoformat()
        merged["deadline"] = zaak.deadline.isoformat() if zaak.deadline else None
    warnings = [
        w for w in parsed.get("warnings", []) if "date" not in w or not zaak.submitted
    ]
    if zaak.postponed:
        warnings.append(
            "the record holds a postponement notice (Mededeling uitstel antwoord): record it "
            "on the case page; the answer is then due six weeks after submission"
        )
    merged["warnings"] = warnings
    return merged
