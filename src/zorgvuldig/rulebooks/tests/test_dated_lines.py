"""The posts of a liked or shared target, typed one per line with an optional date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zorgvuldig.rulebooks.cases import DatedLineError, parse_dated_lines


def test_dates_are_read_and_blank_lines_skipped():
    text = (
        "2010-06-20: Geen regering met steun van de PVV\n\n  Samen tegen discriminatie "
    )
    assert parse_dated_lines(text) == [
        ("Geen regering met steun van de PVV", dt.date(2010, 6, 20)),
        ("Samen tegen discriminatie", None),
    ]


def test_an_impossible_date_names_its_line():
    with pytest.raises(DatedLineError) as err:
        parse_dated_lines("Eerste\n2010-13-45: Tweede")
    assert (err.value.line, err.value.raw_date) == (2, "2010-13-45")


@given(st.text(max_size=300))
def test_any_text_gives_lines_or_a_dated_line_error(text):
    try:
        items = parse_dated_lines(text)
    except DatedLineError as exc:
        assert exc.line >= 1
        return
    for line, day in items:
        assert line and line == line.strip()
        assert day is None or isinstance(day, dt.date)
