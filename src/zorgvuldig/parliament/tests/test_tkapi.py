"""Reading a Tweede Kamer open-data Zaak record."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zorgvuldig.parliament.tkapi import ZaakError, read_zaak

FIXTURE = (Path(__file__).parent / "data" / "tk-zaak-2012Z02001.json").read_text()


def test_the_record_gives_number_askers_addressees_and_a_computed_deadline():
    zaak = read_zaak(FIXTURE)
    assert zaak.number == "2012Z02001"
    assert zaak.askers == [
        {"name": "Bakker", "party": "PVV"},
        {"name": "Smit", "party": "PVV"},
    ]
    assert zaak.addressees == ["minister van Buitenlandse Zaken"]
    assert zaak.submitted == dt.date(2012, 2, 3)
    assert zaak.postponed  # a Mededeling (uitstel antwoord) is among the documents
    assert zaak.deadline == dt.date(2012, 3, 16)  # six weeks after submission


def test_without_a_postponement_the_deadline_is_three_weeks():
    data = json.loads(FIXTURE)
    data["Document"] = data["Document"][:1]
    assert read_zaak(json.dumps(data)).deadline == dt.date(2012, 2, 24)


def test_an_odata_collection_response_is_accepted():
    assert (
        read_zaak(json.dumps({"value": [json.loads(FIXTURE)]})).number == "2012Z02001"
    )


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("not json", "not JSON"),
        ('{"Soort": "Motie"}', "Nummer"),
        ('{"Nummer": "1", "Soort": "x", "GestartOp": "gisteren"}', "GestartOp"),
        ('{"Nummer": "1", "Soort": "x", "ZaakActor": {"a": 1}}', "ZaakActor"),
    ],
)
def test_bad_records_name_the_field(text, field):
    with pytest.raises(ZaakError, match=field):
        read_zaak(text)


@given(
    st.one_of(
        st.text(max_size=300),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=20),
            lambda children: (
                st.lists(children, max_size=4)
                | st.dictionaries(
                    st.sampled_from(
                        [
                            "Nummer",
                            "Soort",
                            "GestartOp",
                            "ZaakActor",
                            "Document",
                            "Relatie",
                            "ActorNaam",
                            "Datum",
                            "value",
                        ]
                    ),
                    children,
                    max_size=5,
                )
            ),
            max_leaves=12,
        ).map(json.dumps),
    )
)
def test_any_input_gives_a_record_or_a_zaak_error(text):
    try:
        record = read_zaak(text)
    except ZaakError as exc:
        assert str(exc)
    else:
        assert isinstance(record.number, str)
