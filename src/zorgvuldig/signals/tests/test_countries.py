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
