"""Handles, hashtags and slogans of parties and candidates, with their dates.

Property tests (hypothesis): any text, with hashtags and mentions mixed in, is analysed
without error and every span lies inside the text and equals the signal's text.
"""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zorgvuldig.signals.entities import find_entities

D = dt.date.fromisoformat


def parties(text, on="2026-06-01"):
    return [
        (s.text, s.value)
        for s in find_entities(text, on=D(on))
        if s.kind == "party_or_candidate"
    ]


def stances(text, on="2026-06-01"):
    return [
        s.value for s in find_entities(text, on=D(on)) if s.kind == "partisan_stance"
    ]


# ---- @handles -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Thanks @SenJoniErnst for coming", "Republican Party"),  # generated US list
        ("thanks @senjoniernst", "Republican Party"),  # any capitalisation
        ("Zie @geertwilderspvv.", "PVV"),  # a leader, parties.yaml
        ("@UKLabour again", "Labour"),
        ("cc @VVD", "VVD"),
    ],
)
def test_a_handle_names_its_party(text, party):
    assert parties(text)[-1][1] == party


@pytest.mark.parametrize(
    "text",
    [
        "mail press@senjoniernst.senate.gov",  # an e-mail address, not a mention
        "@SenJoniErnstFan says hi",  # a longer handle
        "SenJoniErnst without the at sign",
        "@somebody_unknown",
    ],
)
def test_only_whole_listed_handles_count(text):
    assert parties(text) == []


def test_every_member_with_accounts_is_found_by_one_of_them():
    from zorgvuldig.signals.text import load_data

    members = [
        p for p in load_data("us_politicians.yaml")["politicians"] if p.get("accounts")
    ]
    assert len(members) > 400
    for person in members[::25]:
        handle = next(iter(person["accounts"].values()))
        assert parties(f"Great visit by @{handle} today")[0][1] == person["party"]


# ---- hashtags with dates -------------------------------------------------------------


def test_a_hashtag_counts_in_its_period_only():
    # #ImWithHer: Hillary Clinton's 2016 campaign (2015-04-12 to election day)
    assert parties("#ImWithHer", on="2014-12-31") == []
    assert parties("#ImWithHer", on="2016-10-01") == [
        ("#ImWithHer", "Democratic Party")
    ]
    assert parties("#ImWithHer", on="2016-11-09") == []


def test_resist_is_partisan_from_the_oscs_advisory_on():
    # OSC, 27 Nov 2018: "#resist" presumed political activity from then on
    assert parties("Terrible decision. #Resist", on="2018-11-26") == []
    assert parties("Terrible decision. #Resist", on="2018-11-27") == [
        ("#Resist", "Republican Party")
    ]
    assert stances("#Resist", on="2019-01-01") == ["against Republican Party"]


@pytest.mark.parametrize(
    "text",
    [
        "I must #resist the temptation to have another biscuit",
        "Must. #resist. Another. Biscuit.",
    ],
)
def test_resist_as_a_word_of_the_text_is_not_partisan(text):
    assert parties(text, on="2019-01-01") == []


@pytest.mark.parametrize(
    "text",
    ["#Resist", "We marched today #resist", "#Resist tyranny", "ok\n#resist\nok"],
)
def test_resist_standing_apart_is(text):
    assert [v for _, v in parties(text, on="2019-01-01")] == ["Republican Party"]


def test_maga_takes_a_side_and_has_no_end():
    assert parties("#MAGA", on="2015-06-15") == []
    assert stances("#MAGA", on="2018-03-05") == ["for Republican Party"]
    assert stances("#maga", on="2026-01-01") == ["for Republican Party"]


@pytest.mark.parametrize(
    ("text", "party", "stance"),
    [
        ("#VVD", "VVD", None),
        ("#vvd", "VVD", None),  # an abbreviation in capitals, also in lower case
        ("#GroenLinks", "GroenLinks", None),
        ("#StemVVD", "VVD", "for VVD"),
        ("#GeenPVV", "PVV", "against PVV"),
        ("#NeverTrump", "Republican Party", "against Republican Party"),
        ("#Trump2024", "Republican Party", None),
        ("#VoteLabour", "Labour", "for Labour"),
        ("#BernieSanders", "Independent", None),
    ],
)
def test_hashtags_of_names(text, party, stance):
    assert parties(text) == [(text, party)]
    assert stances(text) == ([stance] if stance else [])


@pytest.mark.parametrize(
    "text", ["#labour market", "#denk", "#dup", "#volt", "#stem", "#2024", "#neverland"]
)
def test_hashtags_of_ordinary_words_are_not_names(text):
    assert parties(text) == []


def test_a_hashtag_inside_a_link_is_not_one():
    assert parties("see example.org/page#StemVVD") == []


# ---- slogans with dates --------------------------------------------------------------


def test_a_slogan_counts_in_its_period_only():
    assert parties("Get Brexit Done!", on="2019-12-01") == [
        ("Get Brexit Done", "Conservatives")
    ]
    assert stances("get brexit done", on="2019-12-01") == ["for Conservatives"]
    assert parties("Get Brexit done", on="2021-06-01") == []
    # the slogan's hashtag, within the same period
    assert parties("#GetBrexitDone", on="2019-12-01") == [
        ("#GetBrexitDone", "Conservatives")
    ]


def test_a_slogan_with_an_apostrophe_matches_a_curly_one():
    assert parties("I\u2019m with her", on="2016-05-01") == [
        ("I\u2019m with her", "Democratic Party")
    ]


def test_a_slogan_with_two_periods():
    # Feel the Bern: Sanders's 2016 and 2020 campaigns, not the years between
    assert parties("Feel the Bern", on="2016-03-01")
    assert parties("Feel the Bern", on="2018-03-01") == []
    assert parties("Feel the Bern", on="2020-03-01")


def test_without_a_date_today_applies():
    assert stances("#MAGA") == ["for Republican Party"]  # no end
    assert find_entities("#ImWithHer") == []


# ---- properties ----------------------------------------------------------------------

PIECES = st.sampled_from(
    ["#", "@", "#MAGA", "#resist", "@VVD", "#StemVVD", "Get Brexit Done", " ", "\n", ".",
     "#2024", "@", "#Trump2024", "a@b.nl", "x.com/VVD", "I'm With Her", "\u2019"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=12), st.dates())
def test_any_text_any_day_spans_lie_inside_the_text(pieces, on):
    text = "".join(pieces)
    for sig in find_entities(text, on=on):
        assert 0 <= sig.start <= sig.end <= len(text)
        assert text[sig.start : sig.end] == sig.text
        assert sig.kind in {"party_or_candidate", "partisan_stance"}


def test_every_entry_names_its_sources_and_each_source_its_licence():
    from zorgvuldig.signals.text import load_data

    data = load_data("campaigns.yaml")
    sources = data["sources"]
    licences = ("public domain", "CC BY-SA", "CC0", "(\u00a9)")
    assert all(any(lic in text for lic in licences) for text in sources.values())
    for entry in (*data["slogans"], *data["hashtags"], *data["platforms"]):
        assert entry["source"], entry
        assert set(entry["source"]) <= set(sources), entry
