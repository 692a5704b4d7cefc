"""Portfolio topics are matched on lemmas and on parts of Dutch compounds."""

import pytest

from zorgvuldig.signals.portfolio import find_portfolio_topics


def topics(text, portfolio, language=None):
    return [
        (s.text, s.value)
        for s in find_portfolio_topics(text, portfolio, language=language)
    ]


def test_compound_is_about_its_part():
    found = topics("Het Midden-Oostenbeleid is laf.", ["Midden-Oosten"])
    assert found == [("Midden-Oostenbeleid", "Midden-Oosten")]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Meer asielzoekers dan verwacht", "asiel"),
        ("Grip op arbeidsmigratie", "migratie"),
        ("De Israëlische regering", "Israël"),
        ("Zonder hyphen: Middenoostenbeleid", "Midden-Oosten"),
    ],
)
def test_compound_parts_and_diacritics(text, topic):
    assert topic in [v for _, v in topics(text, [topic])]


def test_lemma_matches_inflected_form():
    assert topics("Twee nieuwe kabinetten", ["kabinet"]) == [("kabinetten", "kabinet")]
    assert topics("These benefits are late", ["benefit"], language="en") == [
        ("benefits", "benefit")
    ]


def test_generic_words_of_a_topic_do_not_match_alone():
    # "betrekkingen" and "bilaterale" say nothing about Zuid-Afrika.
    portfolio = ["bilaterale betrekkingen Zuid-Afrika"]
    assert topics("Goede betrekkingen met de buren", portfolio) == []
    assert [v for _, v in topics("Weer terug in Zuid-Afrika", portfolio)] == portfolio


def test_far_from_the_portfolio():
    text = "Jammer dat de gemeente het fietspad langs de Vecht niet verbreedt."
    assert topics(text, ["IT-beheer"]) == []


def test_empty_portfolio_or_text():
    assert topics("Midden-Oosten", []) == []
    assert topics("", ["Midden-Oosten"]) == []
    assert topics("Midden-Oosten", ["", "  "]) == []


def test_short_part_is_not_matched_inside_words():
    # "IT" must not match inside "ITalië" or "wIT".
    assert topics("Wit brood uit Italië", ["IT"]) == []
