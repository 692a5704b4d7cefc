"""Property tests of the export readers: any input gives a reading, every item is either an
entry or a reported problem, and the mojibake repair is exact."""

from __future__ import annotations

import io
import json
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

from zorgvuldig.exports import read_export
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
