"""Cues added for issue 9's generalisation: a public refusal to carry out a decision
(``refusal_of_duty``), verbal verdicts ("the scheme isn't working"), demonising
comparisons and character insults, and lexicon words that are no evaluation ("like").
On sentences written for these tests, not taken from any case."""

from __future__ import annotations

import pytest

from zorgvuldig.signals import detect


def kinds(text: str) -> set[str]:
    return {s.kind for s in detect(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Ik weiger die nieuwe regeling toe te passen.",
        "I won't implement the new charging rules.",
        "The department wants me to roll out the scheme. Over my dead body.",
        "Ze willen dat ik help met uitvoeren, maar daar steek ik geen vinger voor uit.",
    ],
)
def test_refusals_are_found(text: str) -> None:
    assert "refusal_of_duty" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        # an idiom without the first person and a verb of carrying out is no refusal
        "Forget it, the canteen closes at two.",
        "Voters can think again at the next election.",
        # carrying out, without refusing
        "I will implement the new rules from Monday.",
        "Ik ga de regeling vanaf maandag toepassen.",
    ],
)
def test_no_refusal_without_its_parts(text: str) -> None:
    assert "refusal_of_duty" not in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "The benefits regime isn't working.",
        "This tax will never work.",
        "Het toeslagenbeleid werkt niet.",
        "De hervorming is mislukt.",
        "The reform failed.",
    ],
)
def test_verbal_verdicts_judge_their_subject(text: str) -> None:
    assert "political_opinion" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "I worked on the policy for years.",
        "Not working today: the office is closed.",
        "The new policy is like the old one.",  # "like" is a preposition here
    ],
)
def test_no_verdict_without_a_judgement(text: str) -> None:
    assert "political_opinion" not in kinds(text)


def test_demonising_comparison_is_an_attack() -> None:
    found = detect("Het kabinet gedraagt zich net als de maffia.")
    assert [s.value for s in found if s.kind == "personal_attack"] == ["comparison"]
    assert "personal_attack" in kinds("The minister is acting like a dictator.")


@pytest.mark.parametrize(
    "text",
    [
        "Als terroristen toeslaan, moet de politie snel zijn.",
        "My grandfather fought the Nazis.",
    ],
)
def test_mentioning_terrorists_is_no_comparison(text: str) -> None:
    assert "personal_attack" not in kinds(text)


def test_character_insults() -> None:
    assert "insult" in kinds("The chairman is a gutless turncoat.")
    assert "insult" in kinds("Die wethouder is een ruggengraatloze draaikont.")


@pytest.mark.parametrize(
    "text", ["We agree, this is right.", "Helemaal mee eens!", "U heeft groot gelijk."]
)
def test_agreement(text: str) -> None:
    assert "agreement" in kinds(text)


@pytest.mark.parametrize(
    "text",
    ["I don't agree at all.", "Ik ben het er niet mee eens.", "We agree to the terms."],
)
def test_no_agreement(text: str) -> None:
    assert "agreement" not in kinds(text)


def test_verdict_noun_after_its_subject_and_calls_to_resign() -> None:
    assert "political_opinion" in kinds("Another budget fiasco from the council.")
    assert "political_opinion" in kinds("De minister moet aftreden.")
    assert "political_opinion" not in kinds("I should quit smoking.")
