"""Fetching a Zaak by number from a local stand-in of the open-data API (constructed
responses, see opendata_server.py); never the network."""

from __future__ import annotations

import datetime as dt

import pytest

from zorgvuldig.parliament.opendata import FetchError, fetch_zaak, normalise_number
from zorgvuldig.parliament.parsing import merge_zaak, parse_inquiry

from .opendata_server import (
    QUESTION_DOCUMENT_ID,
    question_pdf,
    serve_opendata,
    zaak_2021z06403,
)


def test_zaak_with_actors_documents_and_question_text():
    with serve_opendata() as (base, seen):
        fetched = fetch_zaak("2021z06403", base_url=base)
    record = fetched.record
    assert record.number == "2021Z06403"
    assert [a["name"] for a in record.askers] == ["R.M. Leijten", "M. van Nispen"]
    assert record.addressees == ["minister van Justitie en Veiligheid"]
    assert record.submitted == dt.date(2021, 4, 19)
    assert record.deadline == dt.date(2021, 5, 10)
    assert fetched.document["number"] == "2021D14460"
    parsed = merge_zaak(parse_inquiry(fetched.text).to_dict(), record)
    assert len(parsed["questions"]) == 2
    assert parsed["number"] == "2021Z06403"
    assert any("Nummer eq '2021Z06403'" in r and "$expand=ZaakActor,Document" in r
               for r in seen)  # fmt: skip
    assert any(f"Document({QUESTION_DOCUMENT_ID})/resource" in r for r in seen)


def test_postponement_in_the_record_moves_the_deadline():
    zaken = {"2021Z06403": zaak_2021z06403(postponed=True)}
    with serve_opendata(zaken) as (base, _):
        record = fetch_zaak("2021Z06403", base_url=base).record
    assert record.postponed
    assert record.deadline == dt.date(2021, 5, 31)


def test_unknown_number_says_so():
    with serve_opendata() as (base, _), pytest.raises(FetchError) as exc:
        fetch_zaak("2020Z00001", base_url=base)
    assert exc.value.code == "not_found"
    assert "2020Z00001" in str(exc.value)


def test_missing_document_file_leaves_a_warning_not_an_error():
    with serve_opendata(files={}) as (base, _):
        fetched = fetch_zaak("2021Z06403", base_url=base)
    assert fetched.text is None
    assert "404" in fetched.warnings[0]


def test_scanned_question_document_says_paste_the_text():
    from .documents import scanned_pdf

    with serve_opendata(
        files={QUESTION_DOCUMENT_ID: ("application/pdf", scanned_pdf())}
    ) as (
        base,
        _,
    ):
        fetched = fetch_zaak("2021Z06403", base_url=base)
    assert fetched.text is None
    assert "no text in this PDF" in fetched.warnings[0]


@pytest.mark.parametrize("number", ["", "2021Z0640", "2021Z06403' or 1 eq 1", "Z06403"])
def test_bad_number_never_reaches_the_api(number):
    with pytest.raises(FetchError) as exc:
        normalise_number(number)
    assert exc.value.code == "bad_number"
    assert "2021Z06403" in str(exc.value)


def test_unreachable_api_is_said():
    with pytest.raises(FetchError) as exc:
        fetch_zaak("2021Z06403", base_url="http://127.0.0.1:9/OData/v4/2.0", timeout=2)
    assert exc.value.code == "unreachable"


def test_question_pdf_is_a_readable_constructed_document():
    assert parse_inquiry(
        __import__("zorgvuldig.parliament.formats", fromlist=["x"])
        .read_document(question_pdf())
        .text
    ).askers
