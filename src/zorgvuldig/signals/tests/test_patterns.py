"""Cue patterns run only on texts holding their key words, and find exactly the same.

The keys are derived from the parsed patterns (``patterns.py``); a wrong key would
silently hide a match, so the gated search is compared with a plain search over texts
built from the words the patterns look for, in any case and with any punctuation.
"""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from zorgvuldig.signals.patterns import CuePatterns, required_keys
from zorgvuldig.signals.text import Field, load_data

SOURCES = [
    ("nonpublic.yaml", "patterns"),
    ("solicitation.yaml", "patterns"),
    ("tone.yaml", "flippant"),
    ("parties.yaml", "campaign_patterns"),
    ("stance.yaml", "against"),
    ("stance.yaml", "for"),
]
PATTERNS = [p for name, key in SOURCES for p in load_data(name)[key]]
SETS = {(name, key): CuePatterns(load_data(name)[key]) for name, key in SOURCES}
WORDS = sorted(
    {w for p in PATTERNS for w in re.findall(r"[A-Za-z]{2,}", p)}
    | {
        "$20",
        "😂",
        "#yolo",
        "re-elect",
        "fund-raiser",
        "Sen.",
        "don't",
        "vertrouwelijke",
    }
)
SEPARATORS = [" ", "  ", "-", ", ", ". ", "\n", "'", "/", "!"]


def plain(patterns, text):
    return sorted(
        (m.start(), m.end()) for p in patterns.patterns for m in p.finditer(text)
    )


def gated(patterns, text):
    return sorted((s, e) for s, e, _ in patterns.matches(Field(text)))


texts = st.lists(
    st.tuples(
        st.sampled_from(WORDS).map(lambda w: w.upper() if len(w) % 3 == 0 else w),
        st.sampled_from(SEPARATORS),
    ),
    max_size=12,
).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=200, deadline=None)
@given(text=texts)
def test_gating_never_hides_a_match(text):
    for source, patterns in SETS.items():
        assert gated(patterns, text) == plain(patterns, text), (source, text)


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=200))
def test_gating_on_arbitrary_text(text):
    for patterns in SETS.values():
        assert gated(patterns, text) == plain(patterns, text)


def test_keys_of_typical_patterns():
    def keys(p):
        return {(k.kind, k.value) for k in required_keys(re.compile(p))}

    assert keys(r"(?i)\bembargo(?:ed)?\b") == {
        ("word", "embargo"),
        ("word", "embargoed"),
    }
    assert keys(r"\$\s?\d+") == {("text", "$")}
    assert ("word", "anyone") in keys("(?i)\\bdon[\u2019']?t\\s+tell\\s+anyone\\b")
    # a pattern that could match almost anything has no key and always runs
    assert required_keys(re.compile(r"\w+")) is None


def test_explicit_keys():
    patterns = CuePatterns(
        [(re.compile(r"(?i)as\s+(?:\w+\s+)?ambassador"), ["ambassador"])]
    )
    assert gated(patterns, "As the Ambassador I say") == [(0, 17)]
    assert gated(patterns, "As a parent I say") == []


def test_explicit_keys_that_are_empty_are_derived():
    patterns = CuePatterns([(re.compile(r"(?i)\bembargoed\b"), [])])
    assert gated(patterns, "Embargoed until Monday") == [(0, 9)]
    assert patterns.candidates(Field("Released on Monday")) == []
