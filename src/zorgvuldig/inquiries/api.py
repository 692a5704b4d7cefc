"""``POST /api/questions/read``: what the intake reads from a document, as JSON.

The same reading as the intake page and ``zorgvuldig questions parse``/``fetch``
(``services.read_inquiry``): an uploaded file in any intake format (``parliament.formats``),
pasted text, or a Kamer number fetched from the Tweede Kamer open-data API at the
administrator's address; deadlines in the terms of the assemblies the user's organisation
answers to. It stores
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

router = Router(tags=["questions"])


class ReadErrorOut(Schema):
    """Input that cannot be read: ``detail`` names what was expected and what was found;
    ``code`` the kind of problem (``no_text_layer``, ``encrypted``, ``too_long``,
    ``not_found``, ``no_text`` …; see ``parliament.reading.ReadError``); ``field`` the input
    it concerns (``file``, ``text`` or ``kamer_number``; absent when refused outright)."""

    detail: str
    code: str
    field: str | None = None


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
        "--json` (shared cases/README.md, Questions) with `format`; the deadline in the "
        "terms of the assemblies the user's organisation answers to. A 400 names the "
        "input concerned in `field`. Stores nothing."
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
    try:
        reading = services.read_inquiry(
            data=file.read(settings.ZORGVULDIG_MAX_UPLOAD_BYTES + 1) if file else None,
            filename=(file.name or "") if file else "",
            content_type=(file.content_type or "") if file else "",
            text=text,
            number=kamer_number,
            organisation=request.user.organisation,  # type: ignore[union-attr]
        )
    except services.ReadError as exc:
        return Status(400, {"detail": str(exc), "code": exc.code, "field": exc.field})
    return {**reading.parsed, "format": reading.format}
