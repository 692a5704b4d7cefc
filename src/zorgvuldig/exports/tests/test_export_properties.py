"""Property tests of the export readers: any input gives a reading, every item is either an
entry or a reported problem, the mojibake repair is exact, and the HTML form's dates read
back to the moment written."""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import zipfile
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from zorgvuldig.exports import html_dates, read_export
from zorgvuldig.exports.mojibake import fix_text

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["name", "timestamp", "data", "title", "like", "tweet", "x"]
            ),
            children,
            max_size=4,
        )
    ),
    max_leaves=20,
)


@given(st.binary(max_size=2000))
def test_any_bytes_give_a_reading(raw):
    reading = read_export(io.BytesIO(raw), name="pages.json")
    assert len(reading.sha256) == 64
    assert reading.readable or not reading.entries


@given(st.binary(max_size=400))
def test_any_bytes_in_a_zip_give_a_reading(raw):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("likes_and_reactions/pages.json", raw)
        archive.writestr("data/like.js", b"window.YTD.like.part0 = " + raw)
    data = buffer.getvalue()
    read_export(io.BytesIO(data))
    read_export(io.BytesIO(data[: len(data) // 3]))


@settings(max_examples=200)
@given(
    st.lists(json_values, max_size=8),
    st.sampled_from(
        [
            "pages.json",
            "your_posts_1.json",
            "comments.json",
            "following.json",
            "likes_and_reactions_1.json",
        ]
    ),
)
def test_every_item_is_an_entry_or_a_problem(items, name):
    reading = read_export(io.BytesIO(json.dumps(items).encode()), name=name)
    assert len(reading.entries) + len(reading.problems) == len(items)


@settings(max_examples=200)
@given(st.lists(json_values, max_size=8))
def test_every_like_is_an_entry_or_a_problem_and_never_timed(items):
    raw = b"window.YTD.like.part0 = " + json.dumps(items).encode()
    reading = read_export(io.BytesIO(raw), name="like.js")
    assert len(reading.entries) + len(reading.problems) == len(items)
    assert all(e.when is None for e in reading.entries)


@given(st.text())
def test_mojibake_repair_is_exact(text):
    broken = text.encode("utf-8").decode("latin-1")
    assert fix_text(broken) == text


@given(st.text())
def test_repair_never_raises(text):
    fix_text(text)


# The HTML form of the Facebook export.

_BOX = (
    '<div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder">'
    '<div class="_2ph_ _a6-p">{name}</div><div class="_3-94 _a6-o">{date}</div></div>'
)
_moments = st.datetimes(
    # naive: the local time the export writes
    min_value=dt.datetime.fromisoformat("2004-01-01"),
    max_value=dt.datetime.fromisoformat("2099-12-31"),
).map(lambda d: d.replace(microsecond=0))


@given(st.binary(max_size=2000))
def test_any_bytes_as_an_html_file_give_a_reading(raw):
    reading = read_export(io.BytesIO(raw), name="pages.html")
    assert reading.readable or not reading.entries


@given(st.text(max_size=400))
def test_any_text_in_an_html_zip_gives_a_reading(text):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("likes_and_reactions/pages.html", text.encode())
        archive.writestr("html/timeline.htm", ("<p>" + text).encode())
    data = buffer.getvalue()
    read_export(io.BytesIO(data))
    read_export(io.BytesIO(data[: len(data) // 3]))


@settings(max_examples=150)
@given(
    st.lists(
        st.tuples(
            st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1),
            st.one_of(
                _moments.map(lambda d: d.strftime("%b %d, %Y %I:%M:%S %p")), st.text()
            ),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_every_html_box_is_an_entry_or_a_problem(boxes):
    page = "<html><body>" + "".join(
        _BOX.format(name=html.escape(n) or "x", date=html.escape(d)) for n, d in boxes
    )
    reading = read_export(io.BytesIO(page.encode()), name="pages.html")
    if reading.readable:
        assert len(reading.entries) + len(reading.problems) == len(boxes)


@given(_moments)
def test_english_and_dutch_dates_read_back_exactly(moment):
    utc = ZoneInfo("UTC")
    english = moment.strftime("%b %d, %Y %I:%M:%S %p").lower()
    dutch = f"{moment.day} {_NL[moment.month - 1]} {moment.year} om {moment:%H:%M:%S}"
    for text in (english, dutch):
        parsed = html_dates.parse(text, utc)
        assert parsed is not None
        assert parsed.when == moment.replace(tzinfo=dt.UTC)
        assert not parsed.zone_known


@given(_moments, st.integers(min_value=-12, max_value=14))
def test_an_offset_in_the_text_wins_over_the_zone(moment, hours):
    text = f"{moment:%A, %B %d, %Y} at {moment:%I:%M%p} UTC{hours:+03d}"
    parsed = html_dates.parse(text, ZoneInfo("Europe/Amsterdam"))
    assert parsed is not None and parsed.zone_known
    expected = moment.replace(second=0, tzinfo=dt.timezone(dt.timedelta(hours=hours)))
    assert parsed.when == expected


@given(st.text())
def test_date_parsing_never_raises(text):
    html_dates.parse(text, ZoneInfo("Europe/Amsterdam"))


_NL = [
    "jan",
    "feb",
    "mrt",
    "apr",
    "mei",
    "jun",
    "jul",
    "aug",
    "sep",
    "okt",
    "nov",
    "dec",
]
