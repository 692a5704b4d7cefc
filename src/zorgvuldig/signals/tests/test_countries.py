"""Country names are normalised; sensitive countries are flagged."""

import pytest

from zorgvuldig.signals import normalise_country, situation_signals
from zorgvuldig.signals.countries import find_sensitive_countries


@pytest.mark.parametrize("name", ["Syria", "Syrië", "SY", " syria "])
def test_forms_of_a_country(name):
    assert normalise_country(name) == "Syria"


def test_unknown_and_empty_names():
    assert normalise_country("Atlantis") == "Atlantis"
    assert normalise_country("") is None
    assert normalise_country(None) is None


def test_capital_names_the_country():
    (sig,) = find_sensitive_countries("Annoyed by the propaganda in Damascus")
    assert (sig.text, sig.value) == ("Damascus", "Syria")


def test_situation_signals_have_no_span():
    found = situation_signals(
        account="official", official_travel="Syrië", posted_in="Zuid-Afrika"
    )
    assert [(s.kind, s.where) for s in found] == [
        ("official_account", "actor"),
        ("sensitive_country", "context"),
    ]
    assert all(s.start is None and s.end is None for s in found)


def test_the_list_is_dated_and_names_its_sources():
    from zorgvuldig.signals.countries import list_date, sensitive_countries
    from zorgvuldig.signals.text import load_data

    data = load_data("countries.yaml")
    assert set(data["lists"]) == {"us_sst", "eu", "un"}
    assert all(v["url"].startswith("https://") for v in data["lists"].values())
    assert list_date().year >= 2024
    names = {c.en for c in sensitive_countries()}
    assert {"Syria", "Iran", "North Korea", "Cuba", "Russia"} <= names


@pytest.mark.parametrize(
    ("date", "sensitive"),
    [("2010-06-01", True), ("2018-06-01", False), ("2022-06-01", True)],
)
def test_listing_in_force_on_the_check_date(date, sensitive):
    # Cuba: State Sponsor of Terrorism 1982-2015 and again from 2021 (state.gov)
    import datetime as dt

    found = find_sensitive_countries("Back from Havana", on=dt.date.fromisoformat(date))
    assert bool(found) is sensitive


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("Het Ruslandbeleid van het kabinet", "Ruslandbeleid", "Russia"),
        ("Syriëgangers keren terug", "Syriëgangers", "Syria"),
        ("De Syrische delegatie", "Syrische", "Syria"),
        ("An Iranian official said", "Iranian", "Iran"),
        ("Dinner in Pyongyang", "Pyongyang", "North Korea"),
        ("Anti-Rusland sentiment", "Rusland", "Russia"),
    ],
)
def test_names_adjectives_cities_and_compounds(text, word, country):
    assert (word, country) in [
        (s.text, s.value) for s in find_sensitive_countries(text)
    ]


def test_ordinary_words_are_not_countries():
    assert find_sensitive_countries("Cubature and the irony of russet apples") == []
