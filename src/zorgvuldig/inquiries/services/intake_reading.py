"""Reading an inquiry at intake, for the intake page and ``POST /api/questions/read``.

The reading itself is :func:`zorgvuldig.parliament.reading.read_inquiry` (pure, shared with
the command line); this adds what only the organisation and the administrator know: the
answer terms of the assemblies the organisation answers to (``organisation_terms``), the
open-data API's address (``settings.ZORGVULDIG_TK_OPENDATA_URL``, via
:func:`.intake.read_by_number`) and the upload limit (``settings.ZORGVULDIG_MAX_UPLOAD_BYTES``).
It stores nothing.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from zorgvuldig.inquiries.procedure.organisation import organisation_terms
from zorgvuldig.parliament import reading
from zorgvuldig.parliament.reading import MAX_QUESTION_TEXT, ReadError, Reading
from zorgvuldig.parliament.tkapi import ZaakRecord

from .intake import read_by_number

__all__ = ["MAX_QUESTION_TEXT", "ReadError", "Reading", "read_inquiry"]


def read_inquiry(
    *,
    data: bytes | None = None,
    filename: str = "",
    content_type: str = "",
    text: str = "",
    number: str = "",
    record: ZaakRecord | None = None,
    organisation: Any,
) -> Reading:
    """Read an inquiry from a document's bytes, a pasted text and/or a Kamer number, with
    deadlines in the terms of the assemblies ``organisation`` answers to (the shipped
    terms for ``None``); see :func:`zorgvuldig.parliament.reading.read_inquiry`.

    Raises:
        ReadError: with ``code`` and ``field`` (``file``, ``text`` or ``kamer_number``);
            its message names what was expected and what was found, in English: the
            page shows its own words for the code.
    """
    return reading.read_inquiry(
        data=data,
        filename=filename,
        content_type=content_type,
        text=text,
        number=number,
        record=record,
        terms=organisation_terms(organisation) if organisation is not None else None,
        fetch=read_by_number,
        max_bytes=settings.ZORGVULDIG_MAX_UPLOAD_BYTES,
    )
