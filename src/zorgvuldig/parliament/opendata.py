"""Fetching a Zaak and its question text from the Tweede Kamer open-data API (OData v4).

``fetch_zaak("2021Z06403", base_url=…)`` asks the API (the gegevensmagazijn; its live
address is :data:`DEFAULT_BASE_URL`, documented at opendata.tweedekamer.nl) for

1. ``GET {base}/Zaak?$filter=Nummer eq '2021Z06403' and Verwijderd eq false
   &$expand=ZaakActor,Document``: the Zaak with its actors (Indiener, Medeindiener, Gericht
   aan) and documents (entity and field names as openkamer/tkapi's entity code and the
   official documentation describe them; read by :func:`.tkapi.read_zaak_data`);
2. ``GET {base}/Document({Id})/resource``: the file of the question document (``Soort``
   "Schriftelijke vragen"), a PDF or .docx as a rule, read by :func:`.formats.read_document`.

The base address is the administrator's setting (``ZORGVULDIG_TK_OPENDATA_URL``): this one
address is trusted, so no other guard applies to it. The number is checked against the
Zaak number's shape before it is put into the query, so no input reaches the filter
unchecked. Responses are read up to a size limit. Tests pass their own ``client`` (an
httpx client pointed at a local server); no test reaches the network.

Pure Python, no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx

from .formats import DEFAULT_MAX_BYTES, FormatError, read_document
from .tkapi import QUESTION_SOORTEN, ZaakError, ZaakRecord, read_zaak_data

#: The live API (version 4 of OData, version 2.0 of the data model).
DEFAULT_BASE_URL = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0"
#: A Zaak number: year, Z, five digits (2021Z06403).
ZAAK_NUMBER = re.compile(r"^(?:19|20)[0-9]{2}Z[0-9]{5}$")
#: Largest JSON answer read, in bytes (a Zaak with its documents is a few kB).
MAX_JSON_BYTES = 2 * 1024 * 1024


class FetchError(Exception):
    """The Zaak could not be fetched; the message says why and what was expected.

    ``code``: ``bad_number``, ``not_found``, ``unreachable`` or ``bad_response``.
    """

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class FetchedZaak:
    """A Zaak record and, when it could be read, the text of its question document.

    ``text`` is ``None`` when the Zaak has no question document or its file could not be
    read; ``warnings`` then say why. ``document`` is the question document's entry in
    ``record.documents``.
    """

    record: ZaakRecord
    text: str | None
    document: dict[str, str] | None
    warnings: tuple[str, ...] = ()


def normalise_number(number: str) -> str:
    """``number`` without spaces, upper-case (``2021z06403`` → ``2021Z06403``).

    Raises:
        FetchError: ``bad_number`` when it is not a Zaak number.
    """
    cleaned = "".join(number.split()).upper()
    if not ZAAK_NUMBER.match(cleaned):
        raise FetchError(
            f"{number!r} is not a Zaak number: expected a number like 2021Z06403 "
            "(year, Z, five digits)",
            "bad_number",
        )
    return cleaned


def _get(client: httpx.Client, url: str, limit: int) -> httpx.Response:
    try:
        with client.stream("GET", url) as response:
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > limit:
                    raise FetchError(
                        f"{url}: the answer is larger than {limit // 1_048_576} MB",
                        "bad_response",
                    )
            return httpx.Response(
                response.status_code,
                headers=response.headers,
                content=bytes(body),
                request=response.request,
            )
    except httpx.HTTPError as exc:
        raise FetchError(
            f"the open-data API at {url} cannot be reached ({type(exc).__name__})",
            "unreachable",
        ) from None


def _question_document(record: ZaakRecord) -> dict[str, str] | None:
    questions = [
        d for d in record.documents if d["soort"] in QUESTION_SOORTEN and d["id"]
    ]
    return min(questions, key=lambda d: d["date"] or "9999") if questions else None


def fetch_zaak(
    number: str,
    *,
    base_url: str = DEFAULT_BASE_URL,
    client: httpx.Client | None = None,
    timeout: float = 20.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    with_text: bool = True,
) -> FetchedZaak:
    """Fetch the Zaak ``number`` with its actors and documents, and its question text.

    Args:
        number: a Zaak number (2021Z06403); spaces and case are forgiven.
        base_url: the API's address up to the entity sets (no trailing ``/Zaak``).
        client: an httpx client to use (tests pass one); by default a new one with
            ``timeout`` seconds.
        max_bytes: the size limit for the question document's file.
        with_text: fetch the question document's text (``False`` when the caller has
            the text already: only the record is asked for).

    Returns:
        A :class:`FetchedZaak`. A question document that cannot be fetched or read does
        not fail the call: ``text`` is ``None`` and a warning says why.

    Raises:
        FetchError: the number is not a Zaak number, the API cannot be reached or gives
            an error, no Zaak has that number, or the answer is not a Zaak record.
    """
    number = normalise_number(number)
    base = base_url.rstrip("/")
    own = client is None
    http = client or httpx.Client(timeout=timeout, follow_redirects=True)
    try:
        # Spaces as %20, not "+": OData reads the query string as RFC 3986 does.
        query = quote(f"Nummer eq '{number}' and Verwijderd eq false", safe="'")
        response = _get(
            http,
            f"{base}/Zaak?$filter={query}&$expand=ZaakActor,Document",
            MAX_JSON_BYTES,
        )
        if response.status_code != 200:
            raise FetchError(
                f"the open-data API answered {response.status_code} for Zaak {number}: "
                "expected 200 with the Zaak",
                "bad_response",
            )
        try:
            data: Any = response.json()
        except ValueError:
            raise FetchError(
                f"the open-data API sent no JSON for Zaak {number} (content type "
                f"{response.headers.get('content-type', 'none')!r})",
                "bad_response",
            ) from None
        if isinstance(data, dict) and data.get("value") == []:
            raise FetchError(
                f"the open-data API knows no Zaak {number}: check the number",
                "not_found",
            )
        try:
            record = read_zaak_data(data)
        except ZaakError as exc:
            raise FetchError(
                f"the open-data API's answer for Zaak {number} is not a Zaak record: {exc}",
                "bad_response",
            ) from None
        document = _question_document(record)
        if not with_text:
            return FetchedZaak(record, None, document)
        if document is None:
            return FetchedZaak(
                record,
                None,
                None,
                (f"Zaak {number} has no question document (Soort 'Schriftelijke vragen'): "
                 "paste the text of the questions",),
            )  # fmt: skip
        text, warnings = _document_text(http, base, document, max_bytes)
        return FetchedZaak(record, text, document, tuple(warnings))
    finally:
        if own:
            http.close()


def _document_text(
    http: httpx.Client, base: str, document: dict[str, str], max_bytes: int
) -> tuple[str | None, list[str]]:
    name = document["number"] or document["id"]
    try:
        response = _get(
            http,
            f"{base}/Document({quote(document['id'], safe='')})/resource",
            max_bytes,
        )
    except FetchError as exc:
        return None, [f"the question document {name} could not be fetched: {exc}"]
    if response.status_code != 200:
        return None, [
            f"the question document {name} could not be fetched (the API answered "
            f"{response.status_code}): paste the text of the questions"
        ]
    content_type = response.headers.get("content-type", "") or document["content_type"]
    try:
        extracted = read_document(
            response.content, content_type=content_type, max_bytes=max_bytes
        )
    except FormatError as exc:
        return None, [f"the question document {name} cannot be read: {exc}"]
    return extracted.text, list(extracted.warnings)
