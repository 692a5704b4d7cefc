"""A stance for or against a party needs a cue word and a party (``partisan_stance``)."""

import pytest

from zorgvuldig.signals import detect
from zorgvuldig.signals.entities import find_entities
from zorgvuldig.signals.stance import find_stances


def stances(text):
    return [s.value for s in find_stances(text, find_entities(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Geen regering met steun van de PVV", "against PVV"),
        ("Geen kabinet met de VVD!", "against VVD"),
        ("Nooit meer CDA.", "against CDA"),
        ("Stem niet op de SP.", "against SP"),
        ("Woensdag allemaal D66 stemmen!", "for D66"),
        ("Stem op GroenLinks", "for GroenLinks"),
        ("I'm voting Democratic in November.", "for Democratic Party"),
        ("Urge you all to vote for Donald Trump.", "for Republican Party"),
        ("Out leafleting for Labour this weekend.", "for Labour"),
    ],
)
def test_stance_polarity(text, expected):
    assert expected in stances(text)


def test_pronoun_after_a_sentence_naming_the_party():
    text = "The Conservative bill is wrong. Vote them out."
    found = find_stances(text, find_entities(text))
    assert "against Conservatives" in [s.value for s in found]
    assert any(s.text == "Vote them out" for s in found)


def test_cue_without_any_party_is_no_stance():
    assert stances("Samen staan we op tegen discriminatie. Stem op jezelf!") == []


def test_reporting_a_vote_is_no_stance():
    assert stances("De VVD stemde tegen de motie.") == []


def test_a_party_alone_is_no_stance():
    assert stances("Honestly I think the Republican candidate has a better plan.") == []


def test_span_covers_cue_and_party():
    text = "Dus: allemaal PVV stemmen."
    (sig,) = find_stances(text, find_entities(text))
    assert text[sig.start : sig.end] == sig.text == "PVV stemmen"


def test_a_presidents_act_is_not_the_president():
    kinds = {
        s.kind
        for s in detect("Totally against Biden's new tariff order.", language="en")
    }
    assert "partisan_stance" not in kinds
    kinds = {s.kind for s in detect("Vote against Biden's re-election.", language="en")}
    assert "partisan_stance" in kinds


@pytest.mark.parametrize(
    "text",
    [
        "Phone-banking tonight for the Republican nominee, join us.",
        "Re-elect your Congressman on Tuesday.",
        "Our Governor deserves a second term.",
        "The union endorses the incumbent mayor for re-election.",
    ],
)
def test_campaigning_for_a_candidate_named_by_their_race(text):
    assert "partisan_stance" in {s.kind for s in detect(text, language="en")}


def test_a_candidate_for_a_job_is_no_candidate():
    assert detect("She is the strongest candidate for the job.", language="en") == []
