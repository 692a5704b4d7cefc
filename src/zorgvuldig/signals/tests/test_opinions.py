"""The political_opinion cue and the pejorative descriptors of personal_attack
(signals/opinions.py): value judgements on policies, decisions, governments and office
holders, with their target; negation, quotation and questions; non-political controls.

Property tests (hypothesis): any text is analysed without error and every span lies
inside the text.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from zorgvuldig.signals import detect
from zorgvuldig.signals.opinions import TARGETS


def opinions(text: str, **kw: object) -> list[tuple[str | None, str | None]]:
    return [
        (s.value, s.target)
        for s in detect(text, **kw)  # type: ignore[arg-type]
        if s.kind == "political_opinion"
    ]


def pejoratives(text: str) -> list[str | None]:
    return [
        s.target
        for s in detect(text)
        if s.kind == "personal_attack" and s.value == "pejorative"
    ]


# ---- value judgements found, with polarity and target -------------------------------
def test_a_judgement_predicated_of_a_policy():
    assert opinions("The new housing policy is cruel and it will never work.") == [
        ("negative", "policy")
    ]


def test_a_dutch_compound_policy_word_counts():
    assert opinions("Het nieuwe stikstofbeleid is onuitvoerbaar.") == [
        ("negative", "policy")
    ]


def test_a_judgement_attached_to_the_government():
    assert opinions("The government's handling of it is a disgrace.") == [
        ("negative", "government")
    ]


def test_a_positive_judgement_of_a_decision():
    assert opinions("Scrapping the fee was the right decision.") == [
        ("positive", "policy")
    ]


def test_a_short_verdict_after_a_sentence_about_the_subject():
    assert opinions("The cabinet has announced new spending cuts. Shameful.") == [
        ("negative", "government")
    ]


def test_a_judgement_of_ones_own_minister():
    found = opinions("Het plan van mijn minister is rampzalig.")
    assert found == [("negative", "own_superior")]


def test_a_first_person_stance_on_a_bill():
    assert opinions("We strongly oppose the bill.") == [("negative", "policy")]


def test_every_target_is_a_known_one():
    text = "De regering is hypocriet. The council's budget is a disgrace."
    assert {t for _, t in opinions(text)} <= set(TARGETS)


# ---- not the writer's own judgement -------------------------------------------------
def test_a_negated_judgement_does_not_count():
    assert opinions("The policy is not a mistake.") == []
    assert opinions("Het besluit is geen schande.") == []


def test_a_reported_judgement_does_not_count():
    assert opinions('The opposition said: "the plan is a disaster".') == []


def test_a_question_does_not_count():
    assert opinions("Is the new tax a disaster?") == []


# ---- controls: no political subject, or no judgement --------------------------------
def test_a_restaurant_review_is_no_political_opinion():
    assert opinions("This restaurant is terrible and the soup was awful.") == []
    assert opinions("Wat een heerlijk restaurant, de soep was fantastisch!") == []


def test_a_factual_sentence_about_policy_is_no_opinion():
    assert opinions("The new policy takes effect on 1 April.") == []
    assert opinions("The plan is in response to the crisis.") == []


def test_an_event_word_is_no_judgement():
    assert opinions("The government announced a programme against cancer.") == []


# ---- personal_attack: pejorative descriptors ----------------------------------------
def test_a_pejorative_descriptor_of_a_person_is_an_attack():
    assert pejoratives("He is a vile, despicable man.") == ["person"]


def test_disagreement_is_no_attack():
    assert pejoratives("The minister is wrong about this.") == []
    assert pejoratives("Hij is teleurgesteld.") == []


def test_a_negated_descriptor_is_no_attack():
    assert pejoratives("He is not evil.") == []


# ---- properties ------------------------------------------------------------------------
PIECES = [*"abcdefghijklmnopqrstuvwxyz '\"\u201c\u201d\u2019.,:;!?-\n",
          "the policy ", " is ", "not ", "een ", "beleid ", "onmenselijk", "cruel",
          "disaster", "mijn minister ", "he ", "said: ", "regering ", "right decision",
          "Shameful. ", "OM ", "we oppose "]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    text=st.lists(st.sampled_from(PIECES), max_size=80).map("".join),
    organisation=st.sampled_from([None, "", "Home Office", "Ministerie van Financiën"]),
)
def test_any_text_is_analysed_with_spans_inside(text, organisation):
    for sig in detect(text, organisation=organisation):
        assert 0 <= sig.start <= sig.end <= len(text)
        assert text[sig.start : sig.end] == sig.text
        if sig.kind == "political_opinion":
            assert sig.target in TARGETS
            assert sig.value in ("negative", "positive")


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=300))
def test_any_unicode_text_is_analysed(text):
    for sig in detect(text, organisation="Home Office"):
        assert text[sig.start : sig.end] == sig.text
