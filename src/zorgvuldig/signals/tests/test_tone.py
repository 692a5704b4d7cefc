"""Insults are found by lemma; flippant phrases by a few patterns."""

from itertools import pairwise

import pytest

from zorgvuldig.signals.tone import find_flippant, find_insults


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Het OM liegt gewoon weer", "liegt"),
        ("die advocaat is een minkukel", "minkukel"),
        ("Dit beleid is hypocriet en laf.", "hypocriet"),
        ("de lafste keuze ooit", "lafste"),
        ("Schaamteloos.", "Schaamteloos"),
        ("He is an idiot", "idiot"),
        ("What a bunch of liars", "liars"),
    ],
)
def test_insult_is_found(text, word):
    assert word in [s.text for s in find_insults(text)]


def test_neutral_criticism_is_no_insult():
    text = "Ik vind dit beleid onverstandig en hoop dat het kabinet het heroverweegt."
    assert find_insults(text) == []
    assert find_insults("Het is er 's ochtends echt te druk.") == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("I'm not kidding, this is good", "not kidding"),
        ("the greatest frappuccino ever", "greatest frappuccino ever"),
        ("challenged the minister to a cake-eating contest", None),
        ("haha wat een dag", "haha"),
    ],
)
def test_flippant_phrase(text, phrase):
    found = find_flippant(text)
    assert found
    if phrase:
        assert phrase in [s.text for s in found]


def test_flippant_spans_do_not_overlap():
    found = find_flippant("I challenged him to a pie-eating contest lol")
    ends = [(s.start, s.end) for s in found]
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in pairwise(ends))


def test_businesslike_text_is_not_flippant():
    assert find_flippant("The delegation met the Minister of Telecom today.") == []
