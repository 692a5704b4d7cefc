"""Reading an inquiry from what reaches a case handler: the one reading behind the intake
page, ``POST /api/questions/read`` and ``zorgvuldig questions parse``/``fetch`` (issue 10).

The inputs are a document's bytes (any format :func:`.formats.read_document` reads), a
pasted text, and/or a Tweede Kamer Zaak number fetched from the open-data API
(:func:`.opendata.fetch_zaak`) or a Zaak record at hand. The text is cleaned
(:func:`.formats.clean_text`), held to :data:`MAX_QUESTION_TEXT` characters, read by
:func:`.parsing.parse_inquiry` in the answer terms given, and completed from the record
(:func:`.parsing.merge_zaak`). Every problem is one :class:`ReadError` naming the input it
concerns, for each caller to show its own way. Pure Python: the command line reads without
setting up Django; the inquiries app adds the organisation's terms and the administrator's
API address (``inquiries.services.intake_reading``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

from .formats import DEFAULT_MAX_BYTES, FormatError, clean_text, read_document
from .opendata import DEFAULT_BASE_URL, FetchedZaak, FetchError, fetch_zaak
from .parsing import ParseError, merge_zaak, parse_inquiry
from .terms import AnswerTerm
from .tkapi import ZaakRecord

__all__ = [
    "MAX_QUESTION_TEXT",
    "Fetch",
    "Field",
    "ReadError",
    "Reading",
    "empty_reading",
    "read_inquiry",
]

#: Longest inquiry text read, in characters (a Kamervragen text is a few KB).
MAX_QUESTION_TEXT = 500_000

#: The input a problem concerns: the uploaded document, the pasted text, the Kamer number.
Field = Literal["file", "text", "kamer_number"]

#: Fetches a Zaak: ``fetch(number, with_text=...)``, as :func:`.opendata.fetch_zaak` with
#: its address bound; raises :class:`.opendata.FetchError`.
Fetch = Callable[..., FetchedZaak]


class ReadError(ValueError):
    """The inquiry cannot be read; ``str(error)`` says what was expected and what was found.

    Attributes:
        code: the kind of problem. From the document (``field`` ``file``):
            :class:`.formats.FormatError`'s codes (``too_large``, ``empty``, ``encrypted``,
            ``no_text_layer``, ``old_word``, ``unreadable``, ``not_text``). From the number
            (``kamer_number``): :class:`.opendata.FetchError`'s (``bad_number``,
            ``not_found``, ``unreachable``, ``bad_response``). From the text:
            :class:`.parsing.ParseError`'s (``empty``, ``not_text``), and ``no_text`` (the
            Zaak was found but its question document cannot be read: paste the text).
            ``too_long`` (over :data:`MAX_QUESTION_TEXT`) names the input the text came from.
        field: the input the problem concerns: ``file``, ``text`` or ``kamer_number``.
        reasons: for ``no_text``, why the question document could not be read.
    """

    def __init__(
        self, message: str, *, code: str, field: Field, reasons: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message)
        self.code = code
        self.field: Field = field
        self.reasons = reasons


@dataclass(frozen=True)
class Reading:
    """What was read.

    Attributes:
        parsed: the shape of ``ParsedInquiry.to_dict()`` (shared cases/README.md,
            Questions), completed from the Zaak record when there is one; its
            ``warnings`` start with the document's and the fetch's.
        text: the cleaned text that was parsed ("" when none could be had, see
            ``require_text``).
        format: where the text came from: ``text`` (pasted), the document's format
            (``pdf``, ``docx``, ``html``, ``xml``, ``text`` …) or ``opendata`` (the Zaak's
            question document).
    """

    parsed: dict[str, Any]
    text: str
    format: str

    @property
    def warnings(self) -> list[str]:
        """Everything to check, the document's and the fetch's first."""
        return list(self.parsed["warnings"])


def empty_reading() -> dict[str, Any]:
    """The ``to_dict()`` shape with nothing read (no question text at hand)."""
    return {
        "kind": "parliamentary_written",
        "number": None,
        "reference": None,
        "askers": [],
        "addressees": [],
        "subject": None,
        "submitted": None,
        "deadline": None,
        "questions": [],
        "answers": [],
        "warnings": [],
    }


def read_inquiry(
    *,
    data: bytes | None = None,
    filename: str = "",
    content_type: str = "",
    text: str = "",
    number: str = "",
    record: ZaakRecord | None = None,
    terms: Mapping[str, AnswerTerm] | None = None,
    fetch: Fetch | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    require_text: bool = True,
) -> Reading:
    """Read an inquiry from a document, a text and/or a Zaak number.

    Args:
        data: the bytes of an uploaded document; its text replaces ``text``.
        filename, content_type: what the upload claimed (the bytes decide the format).
        text: the pasted text.
        number: a Zaak number (``2021Z06403``; spaces and case forgiven): the record gives
            number, askers, addressees and dates; without a text, its question document
            gives the questions.
        record: a Zaak record at hand (an uploaded open-data answer); a fetched one
            replaces it.
        terms: the answer terms by assembly code (``None``: the shipped terms).
        fetch: fetches a Zaak (default: :func:`.opendata.fetch_zaak` at the public
            address, with ``max_bytes``).
        max_bytes: the size limit of a document, in bytes.
        require_text: without a readable question text, raise (``no_text``, ``empty``);
            when false, the record's facts with no questions and a warning.

    Raises:
        ReadError: see its ``code`` and ``field``.
    """
    fmt = "text"
    source: Field = "text"
    warnings: list[str] = []
    if data is not None:
        try:
            extracted = read_document(data, filename, content_type, max_bytes=max_bytes)
        except FormatError as exc:
            raise ReadError(str(exc), code=exc.code, field="file") from None
        text, fmt, source = extracted.text, extracted.format, "file"
        warnings += extracted.warnings
    text = clean_text(text)
    if number.strip():
        get = fetch or partial(
            fetch_zaak, base_url=DEFAULT_BASE_URL, max_bytes=max_bytes
        )
        try:
            fetched = get(number, with_text=not text.strip())
        except FetchError as exc:
            raise ReadError(str(exc), code=exc.code, field="kamer_number") from None
        record = fetched.record
        if not text.strip():
            if fetched.text is None and require_text:
                raise ReadError(
                    f"Zaak {record.number} was found, but its question document cannot "
                    f"be read ({'; '.join(fetched.warnings)}): paste or upload the text "
                    "of the questions",
                    code="no_text",
                    field="text",
                    reasons=fetched.warnings,
                )
            text, fmt, source = (
                clean_text(fetched.text or ""),
                "opendata",
                "kamer_number",
            )
            warnings += fetched.warnings
    if len(text) > MAX_QUESTION_TEXT:
        raise ReadError(
            f"found {len(text)} characters: expected the text of one inquiry, at most "
            f"{MAX_QUESTION_TEXT}",
            code="too_long",
            field=source,
        )
    parsed = _parse(text, terms, source, require_text or record is None, warnings)
    if record is not None:
        parsed = merge_zaak(parsed, record)
    parsed["warnings"] = [*warnings, *parsed["warnings"]]
    return Reading(parsed=parsed, text=text, format=fmt)


def _parse(
    text: str,
    terms: Mapping[str, AnswerTerm] | None,
    source: Field,
    strict: bool,
    warnings: list[str],
) -> dict[str, Any]:
    """``parse_inquiry(text, terms).to_dict()``; when not ``strict`` and the record has
    the facts, a text without questions is a warning (appended to ``warnings``)."""
    try:
        return parse_inquiry(text, terms).to_dict()
    except ParseError as exc:
        if strict:
            raise ReadError(str(exc), code=exc.code, field=source) from None
        if text:
            warnings.append(f"the question document holds no questions: {exc}")
        return empty_reading()
