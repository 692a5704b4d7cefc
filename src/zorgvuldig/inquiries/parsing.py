"""Read the text of an inquiry into its parts: pure Python, no Django.

An inquiry is a set of questions put to the organisation: written parliamentary
questions (Kamervragen), a works council memo, a journalist's questions. This
module turns such a text into a :class:`ParsedInquiry`; the ``inquiries`` models
and the ``zorgvuldig questions parse`` command use it.

Public surface: :func:`parse_inquiry`, :class:`ParsedInquiry` (with
:class:`Asker`, :class:`Question`, :class:`Footnote`, :class:`Answer`),
:data:`INQUIRY_KINDS` and :class:`ParseError`. ``ParsedInquiry.to_dict()`` gives
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
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Literal

from zorgvuldig.inquiries import _layout
from zorgvuldig.inquiries.deadlines import answer_deadline

__all__ = [
    "INQUIRY_KINDS",
    "Answer",
    "Asker",
    "Footnote",
    "InquiryKind",
    "ParseError",
    "ParsedInquiry",
    "Question",
    "parse_inquiry",
]


class ParseError(ValueError):
    """The text holds no questions; the message says what was expected.

    ``code`` names the kind of problem (``"not_text"``, ``"empty"``, ``"no_questions"``) so
    that a page can say it in its own language; the message stays English for the command
    line.
    """

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.code = code


InquiryKind = Literal["parliamentary_written", "works_council", "press", "other"]
#: The kinds of inquiry, as the command-line contract names them.
INQUIRY_KINDS: tuple[InquiryKind, ...] = (
    "parliamentary_written",
    "works_council",
    "press",
    "other",
)


@dataclass(frozen=True)
class Asker:
    """Who put the questions: a member's surname and party (``None`` if not given)."""

    name: str
    party: str | None = None


@dataclass(frozen=True)
class Footnote:
    """A footnote a question refers to; ``text`` is ``None`` when it was cut off."""

    marker: str
    text: str | None = None


@dataclass(frozen=True)
class Question:
    """One numbered question; ``text`` has the footnote markers removed."""

    number: int
    text: str
    footnotes: tuple[Footnote, ...] = ()


@dataclass(frozen=True)
class Answer:
    """An answer and the numbers of the questions it answers (more than one when
    the answer is grouped, "Antwoord 2, 3 en 4", or referred to)."""

    questions: tuple[int, ...]
    text: str


@dataclass(frozen=True)
class ParsedInquiry:
    """What an inquiry text says, as read by :func:`parse_inquiry`.

    ``number`` is the parliament's case number (zaak, e.g. ``2012Z03535``),
    ``reference`` the sender's own reference (e.g. ``OR-15/2012``; ``None`` for
    parliamentary questions, whose sender is a member), ``deadline``
    the answer deadline for parliamentary questions (DESIGN.md §6.2) and
    ``warnings`` what a person should check: missing dates, cut-off footnotes,
    gaps in the numbering.
    """

    kind: InquiryKind
    number: str | None
    reference: str | None
    askers: tuple[Asker, ...]
    addressees: tuple[str, ...]
    subject: str | None
    submitted: date | None
    deadline: date | None
    questions: tuple[Question, ...]
    answers: tuple[Answer, ...] = ()
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape: dates as ISO strings, tuples as lists.

        Returns:
            ``{"kind", "number", "reference", "askers": [{"name", "party"}],
            "addressees": [str], "subject", "submitted", "deadline",
            "questions": [{"number", "text", "footnotes": [{"marker", "text"}]}],
            "answers": [{"questions": [int], "text"}], "warnings": [str]}``.
        """
        return {
            "kind": self.kind,
            "number": self.number,
            "reference": self.reference,
            "askers": [asdict(a) for a in self.askers],
            "addressees": list(self.addressees),
            "subject": self.subject,
            "submitted": self.submitted.isoformat() if self.submitted else None,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "questions": [
                {
                    "number": q.number,
                    "text": q.text,
                    "footnotes": [asdict(f) for f in q.footnotes],
                }
                for q in self.questions
            ],
            "answers": [
                {"questions": list(a.questions), "text": a.text} for a in self.answers
            ],
            "warnings": list(self.warnings),
        }


# --- the header sentence: "Vragen van het lid X (Partij) aan de minister van … over …"

_HEADER_START = re.compile(
    r"\bVragen\s+van\s+(?:het\s+(?:kamer)?lid|de\s+(?:kamer)?leden)\s+", re.I
)
_OFFICE = (
    r"(?:minister-president|ministers|minister|staatssecretarissen|staatssecretaris"
    r"|premier|regering|bewindspersonen)\b"
)
_TO = re.compile(rf"\s+aan\s+(?=(?:de\s+|het\s+)?{_OFFICE})", re.I)
_ABOUT = re.compile(
    r"\s+(?:over|betreffende|inzake|omtrent|aangaande|naar\s+aanleiding\s+van"
    r"|met\s+betrekking\s+tot)\s+",
    re.I,
)
_DATE_PARENS = re.compile(r"\(\s*(?:ingezonden|ontvangen)\b[^)]*\)", re.I)
_OFFICE_SPLIT = re.compile(
    rf"\s*(?:,|\s+en|\s+alsmede)\s+(?:de\s+|het\s+)?(?={_OFFICE})", re.I
)
_DEPARTMENT_SPLIT = re.compile(r"\s*(?:,|\s+en)\s+(?=(?:van|voor)\s)", re.I)
_PLURAL_OFFICES = {"ministers": "minister", "staatssecretarissen": "staatssecretaris"}
_NAME_PREFIX = re.compile(
    r"^(?:,|en\b|mede\s+namens\b|namens\b|het\s+(?:kamer)?lid\b|de\s+(?:kamer)?leden\b"
    r"|(?:kamer)?leden\b|(?:kamer)?lid\b)\s*",
    re.I,
)
_PARTY_PREFIX = re.compile(
    r"^(?:beiden|beide|allebei|allen|alle(?:\s+(?:drie|vier|vijf|zes))?)\s+", re.I
)


@dataclass(frozen=True)
class _Header:
    askers: tuple[Asker, ...]
    addressees: tuple[str, ...]
    subject: str | None


def _clean_names(part: str) -> list[str]:
    names = []
    for piece in re.split(r"\s*,\s*|\s+en\s+", part):
        name = piece.strip(" .;:")
        for _ in range(4):  # "en het lid X", "mede namens het lid X"
            stripped = _NAME_PREFIX.sub("", name).strip(" .;:")
            if stripped == name:
                break
            name = stripped
        if any(ch.isalpha() for ch in name):
            names.append(name)
    return names


def _parse_askers(text: str) -> tuple[Asker, ...]:
    """'Bakker en Smit (beiden PVV)', 'X (VVD), Y (CDA) en Z (D66)' → askers."""
    askers: list[Asker] = []
    pos = 0
    for m in re.finditer(r"\(([^()]*)\)", text):
        party = _PARTY_PREFIX.sub("", m.group(1).strip()).strip() or None
        askers.extend(Asker(n, party) for n in _clean_names(text[pos : m.start()]))
        pos = m.end()
    askers.extend(Asker(n, None) for n in _clean_names(text[pos:]))
    return tuple(askers)


def _parse_addressees(text: str) -> tuple[str, ...]:
    """'de ministers van X, van Y en van Z' → ('minister van X', …)."""
    text = re.sub(r"^(?:de|het)\s+", "", text.strip(), flags=re.I)
    result: list[str] = []
    for part in _OFFICE_SPLIT.split(text):
        office, _, rest = part.strip().partition(" ")
        singular = _PLURAL_OFFICES.get(office.lower())
        if singular and rest:
            result.extend(
                f"{singular} {dept.strip(' .,')}"
                for dept in _DEPARTMENT_SPLIT.split(rest)
                if dept.strip(" .,")
            )
        elif re.fullmatch(r"minister van algemene zaken", part.strip(" .,"), re.I) and (
            result and result[-1].lower() == "minister-president"
        ):  # one office: "de minister-president, minister van Algemene Zaken"
            result[-1] += ", " + part.strip(" .,")
        elif part.strip(" .,"):
            result.append(part.strip(" .,"))
    return tuple(result)


def _parse_header(paragraphs: list[str]) -> _Header | None:
    """Find and read the "Vragen van … aan … over …" sentence."""
    for paragraph in paragraphs:
        m = _HEADER_START.search(paragraph)
        if m is None:
            continue
        body = paragraph[m.end() :]
        dated = _DATE_PARENS.search(body)
        body = (body[: dated.start()] if dated else body).strip().rstrip(".").strip()
        to = _TO.search(body)
        askers_text, rest = (body[: to.start()], body[to.end() :]) if to else (body, "")
        about = _ABOUT.search(rest if to else askers_text)
        subject = None
        if about:
            if to:
                rest, subject = rest[: about.start()], rest[about.end() :]
            else:
                askers_text, subject = (
                    askers_text[: about.start()],
                    askers_text[about.end() :],
                )
        return _Header(
            askers=_parse_askers(askers_text),
            addressees=_parse_addressees(rest) if rest else (),
            subject=(subject or "").strip(" .") or None,
        )
    return None


# --- other facts: number, reference, kind, postponement

_ZAAK_NUMBER = re.compile(r"(?<![0-9A-Za-z])((?:19|20)[0-9]{2}Z[0-9]{5})(?![0-9])")
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
_POSTPONEMENT = re.compile(
    r"\bniet\s+binnen\s+de\s+(?:gebruikelijke\s+|gestelde\s+|voorgeschreven\s+)?"
    r"termijn\b|\buitstelbericht\b|\buitstel\s+van\s+(?:de\s+)?beantwoording\b",
    re.I,
)


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


def _kind(header: _Header | None, number: str | None, head: str) -> InquiryKind:
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
        target = _layout.referred_question(answer.text)
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
    kind: InquiryKind, head: str, text: str, lines: list[str], warnings: list[str]
) -> date | None:
    """The submission date: "(ingezonden …)" for parliamentary questions, else the
    date after a "Datum" label; ``None`` with a warning when there is none."""
    if kind == "parliamentary_written":
        m = _SUBMITTED.search(head) or _SUBMITTED.search(text)
        if m is None:
            warnings.append(
                "no submission date found (expected '(ingezonden 28 februari 2012)'): "
                "submitted and deadline are left empty"
            )
            return None
        found, raw = _layout.find_date(m.group("rest"))
        if found is None:
            warnings.append(
                f"submission date {raw or m.group('rest').strip()!r} "
                "is not a valid date: submitted and deadline are left empty"
            )
        return found
    for value in _label_values(lines, _DATE_LABEL):
        found, raw = _layout.find_date(value)
        if found:
            return found
        if raw:
            warnings.append(f"date {raw!r} is not a valid date")
    warnings.append("no date found (expected a line 'Datum' with a date)")
    return None


def parse_inquiry(text: str) -> ParsedInquiry:
    """Read an inquiry text: who asks whom what, since when, and until when.

    Args:
        text: the plain text of the inquiry (Kamervragen as published, an answer
            document, a party website's copy, a works council memo, an e-mail).

    Returns:
        The :class:`ParsedInquiry`; anything unsure is listed in ``warnings``.

    Raises:
        ParseError: the text holds no questions (not an inquiry), with a message
            saying what was expected. No other exception is raised.
    """
    if not isinstance(text, str):
        raise ParseError("expected the inquiry as text", "not_text")
    if not text.strip():
        raise ParseError(
            "the text is empty: expected the questions of an inquiry", "empty"
        )
    lines = text.splitlines()
    layout = _layout.read_layout(lines, has_header=bool(_HEADER_START.search(text)))
    if not layout.questions:
        raise ParseError(
            "no questions found: expected numbered questions ('Vraag 1', '1.', '1.)') "
            "after a sentence like 'Vragen van het lid X (Partij) aan de minister van "
            "… (ingezonden 28 februari 2012).', or bulleted questions ending in '?'",
            "no_questions",
        )
    head_lines = lines[: layout.first_item_line]
    head = "\n".join(head_lines)
    warnings = list(layout.warnings)

    header = _parse_header(_layout.paragraphs(head_lines))
    number_match = _ZAAK_NUMBER.search(text)
    number = number_match.group(1) if number_match else None
    kind = _kind(header, number, head)
    if kind == "parliamentary_written" and header is None:
        warnings.append(
            "the sentence 'Vragen van het lid … aan de minister van … over …' was not "
            "found: askers, addressees and subject are unknown"
        )
    submitted = _submitted(kind, head, text, lines, warnings)
    if kind != "parliamentary_written":
        number = None  # a memo or e-mail may cite Kamervragen; it has no number

    questions = [
        Question(n, body, tuple(Footnote(m, t) for m, t in notes))
        for n, body, notes in layout.questions
    ]
    answers = _answers_with_references([Answer(n, body) for n, body in layout.answers])
    _check_numbering(questions, answers, warnings)

    deadline = None
    if kind == "parliamentary_written" and submitted is not None:
        postponed = bool(_POSTPONEMENT.search(layout.outside_questions))
        if postponed:
            warnings.append(
                "a postponement notice was found: the answer is due six weeks "
                "after submission instead of three"
            )
        deadline = answer_deadline(submitted, postponed=postponed)

    askers: tuple[Asker, ...] = header.askers if header else ()
    addressees: tuple[str, ...] = header.addressees if header else ()
    subject = header.subject if header else None
    if header is None:
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
    )


def merge_zaak(parsed: dict[str, Any], zaak: Any) -> dict[str, Any]:
    """``parsed`` (``ParsedInquiry.to_dict()``) completed from a Tweede Kamer Zaak record.

    The record (``tkapi_import.ZaakRecord``) is authoritative for the number, askers,
    addressees, submission date and deadline; the text for the questions. A postponement
    notice in the record is reported in ``warnings`` so the case handler records it.
    """
    merged = dict(parsed)
    merged["kind"] = "parliamentary_written"
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
