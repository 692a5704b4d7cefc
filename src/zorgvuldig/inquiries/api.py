"""``POST /api/questions/read``: what the intake reads from a document, as JSON.

The same reading as the intake page and ``zorgvuldig questions parse``/``fetch``: an
uploaded file in any intake format (``parliament.formats``), pasted text, or a Kamer number
fetched from the Tweede Kamer open-data API at the administrator's address. It stores
nothing; registering stays on the page, where a person checks what was read. Only a
signed-in case handler may use it (the API's session authentication, which checks CSRF):
the text may be confidential and the number route makes an outgoing request.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from zorgvuldig.core.choices import Role
from zorgvuldig.inquiries import services
from zorgvuldig.inquiries.forms import MAX_QUESTION_TEXT
from zorgvuldig.parliament.formats import FormatError, clean_text, read_document
from zorgvuldig.parliament.opendata import FetchError
from zorgvuldig.parliament.parsing import ParseError, merge_zaak, parse_inquiry

router = Router(tags=["questions"])


class ReadErrorOut(Schema):
    """Input that cannot be read: ``detail`` names what was expected and what was found;
    ``code`` the kind of problem (``no_text_layer``, ``encrypted``, ``no_questions``,
    ``not_found`` …)."""

    detail: str
    code: str


@router.post(
    "/read",
    response={200: dict[str, Any], 400: ReadErrorOut, 403: ReadErrorOut},
    url_name="questions-read",
    summary="Read an inquiry from a document, a text or a Kamer number",
    description=(
        "Multipart form: `file` (PDF, .docx, text in UTF-8/UTF-16/Windows-1252, HTML or "
        "officielebekendmakingen XML), or `text`, and/or `kamer_number` (e.g. 2021Z06403: "
        "the Zaak is fetched from the Tweede Kamer open-data API; without a file or text "
        "its question document is read). Returns the shape of `zorgvuldig questions parse "
        "--json` (shared cases/README.md, Questions) with `format`. Stores nothing."
    ),
)
def read_questions(
    request: HttpRequest,
    file: UploadedFile | None = File(None),  # noqa: B008 (ninja's way to declare it)
    text: str = Form(""),
    kamer_number: str = Form(""),
) -> Any:
    """Return the parsed inquiry, or 400 naming what could not be read."""
    if not request.user.has_role(Role.CASE_HANDLER):  # type: ignore[union-attr]
        return Status(
            403,
            {"detail": "only a case handler may read inquiries", "code": "forbidden"},
        )
    fmt = "text"
    warnings: list[str] = []
    record = None
    try:
        if file is not None:
            extracted = read_document(
                file.read(settings.ZORGVULDIG_MAX_UPLOAD_BYTES + 1),
                file.name or "",
                file.content_type or "",
                max_bytes=settings.ZORGVULDIG_MAX_UPLOAD_BYTES,
            )
            text, fmt, warnings = (
                extracted.text,
                extracted.format,
                list(extracted.warnings),
            )
        if kamer_number.strip():
            fetched = services.read_by_number(kamer_number, with_text=not text.strip())
            record = fetched.record
            if not text.strip():
                if fetched.text is None:
                    return Status(
                        400, {"detail": "; ".join(fetched.warnings), "code": "no_text"}
                    )
                text, fmt = fetched.text, "opendata"
                warnings += fetched.warnings
        if len(text) > MAX_QUESTION_TEXT:
            return Status(
                400,
                {
                    "detail": f"found {len(text)} characters: expected the text of one "
                    f"inquiry, at most {MAX_QUESTION_TEXT}",
                    "code": "too_long",
                },
            )
        parsed = parse_inquiry(clean_text(text)).to_dict()
    except (FormatError, FetchError, ParseError) as exc:
        return Status(400, {"detail": str(exc), "code": exc.code})
    if record is not None:
        parsed = merge_zaak(parsed, record)
    parsed["warnings"] = [*warnings, *parsed["warnings"]]
    parsed["format"] = fmt
    return parsed
