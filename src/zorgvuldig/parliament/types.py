"""What a parliamentary document is read into: the parsed inquiry and its parts.

Frozen dataclasses, no Django. :meth:`ParsedInquiry.to_dict` gives the output shape of the
command-line contract (shared ``cases/README.md``, "Questions"). :data:`INQUIRY_KINDS` is the
one list of inquiry kinds; ``inquiries.choices.InquiryKind`` labels the same codes (a parity
test keeps them equal).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Literal


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


#: What a parsed document is: an inquiry of one of :data:`INQUIRY_KINDS`, or a postponement
#: notice (uitstelbericht), which names the questions it postpones and asks none itself. A
#: notice is never registered as an inquiry: it moves the deadline of the one it postpones.
DocumentKind = InquiryKind | Literal["postponement"]
DOCUMENT_KINDS: tuple[DocumentKind, ...] = (*INQUIRY_KINDS, "postponement")


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
    the answer deadline for parliamentary questions (DESIGN.md §6.2, in the term of
    ``assembly``, the code of the assembly that put them: ``.assemblies.ASSEMBLIES``, or
    ``None``) and ``warnings`` what a person should check: missing dates, cut-off
    footnotes, gaps in the numbering.
    """

    kind: DocumentKind
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
    assembly: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape: dates as ISO strings, tuples as lists.

        Returns:
            ``{"kind", "number", "reference", "askers": [{"name", "party"}],
            "addressees": [str], "subject", "submitted", "deadline",
            "questions": [{"number", "text", "footnotes": [{"marker", "text"}]}],
            "answers": [{"questions": [int], "text"}], "warnings": [str],
            "assembly": str | None}``.
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
            "assembly": self.assembly,
        }


# --- the header sentence: "Vragen van het lid X (Partij) aan de minister van … over …"
