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


# ---- word frequencies (wordfreq): common words and compound parts ---------------------


def test_a_common_compound_head_is_not_the_topic():
    # a burst water pipe is not the management ("leiding") of a police team
    portfolio = ["leiding basisteam"]
    assert topics("De waterleiding is gesprongen in onze straat.", portfolio) == []
    assert topics("De leiding van ons gezin ligt bij mijn vrouw.", portfolio) == []
    found = topics("Het basisteam kreeg nieuwe leiding.", portfolio)
    assert {v for _, v in found} == {"leiding basisteam"}


def test_a_specific_compound_head_is_the_topic():
    assert topics("Grip op arbeidsmigratie", ["migratie"]) == [
        ("arbeidsmigratie", "migratie")
    ]


@pytest.mark.parametrize(
    ("text", "portfolio", "language"),
    [
        ("I dropped the kids off at school and went for a run.", ["schools"], "en"),
        ("Ik bracht de kinderen naar school en ging fietsen.", ["school"], "nl"),
        ("The government is wrong again.", ["local government"], "en"),
        ("De politie kwam even kijken.", ["politie"], "nl"),
    ],
)
def test_a_most_frequent_word_alone_is_not_the_topic(text, portfolio, language):
    assert topics(text, portfolio, language=language) == []


def test_the_specific_words_of_a_topic_carry_it():
    portfolio = ["handhaving openbare orde"]
    assert topics("De openbare orde was in gevaar.", portfolio)
    assert topics("Strengere handhaving bij het station.", portfolio)
    assert topics("Dat is een orde van grootte te veel.", portfolio) == []
    found = topics("Our local government cut the bus routes.", ["local government"])
    assert {v for _, v in found} == {"local government"}


def test_specificity_follows_the_frequency_lists():
    from zorgvuldig.signals.frequency import specificity

    assert specificity("basisteam") == 1.0
    assert specificity("the") == 0.0
    assert specificity("school") < 0.5 < specificity("welfare") < 1.0
    assert specificity("leiding") < 0.9 <= specificity("migratie")
    assert specificity("zxqvbnonword") == 1.0  # unknown words are specific
