"""Parties, politicians and campaigns are found with their spans (``party_or_candidate``)."""

import pytest

from zorgvuldig.signals.entities import find_entities


def values(text):
    return [(s.text, s.value) for s in find_entities(text)]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Geen kabinet met de PVV.", "PVV"),
        ("De Partij voor de Vrijheid won.", "PVV"),
        ("Ik twijfel tussen D66 en GroenLinks-PvdA.", "D66"),
        ("Stem Partij van de Arbeid", "PvdA"),
        ("BBB en NSC in de peiling", "BBB"),
        ("ChristenUnie en SGP", "ChristenUnie"),
        ("Wilders zei gisteren", "PVV"),
        ("Vote Labour on Thursday", "Labour"),
        ("The Tories again", "Conservatives"),
        ("Vote Republican all the way", "Republican Party"),
    ],
)
def test_party_is_found(text, party):
    assert party in [v for _, v in values(text)]


def test_longest_name_wins_over_its_parts():
    assert values("GroenLinks-PvdA") == [("GroenLinks-PvdA", "GL-PvdA")]


def test_abbreviations_that_are_words_need_their_capitals():
    # "denk", "volt" and "labour" are ordinary words in lower case.
    assert values("Ik denk dat 230 volt genoeg is; hard labour.") == []
    assert [v for _, v in values("DENK en Volt")] == ["DENK", "Volt"]


def test_compound_with_hyphen_still_names_the_party():
    assert [v for _, v in values("PVV-stemmers en anti-VVD-sentiment")] == [
        "PVV",
        "VVD",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Re-elect Senator Jane Doe",
        "Smith for Congress",
        "a presidential campaign account",
        "the campaign page",
    ],
)
def test_generic_campaign_phrases(text):
    assert [v for _, v in values(text)] == ["campaign"]


def test_spans_point_into_the_text():
    text = "Zij stemt op de SP, hij op het CDA."
    for sig in find_entities(text, where="target.content[2]"):
        assert text[sig.start : sig.end] == sig.text
        assert sig.where == "target.content[2]"


def test_no_party_in_a_neutral_text():
    assert values("Samen staan we op tegen discriminatie.") == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Great speech by Bernie Sanders today", "Independent"),
        ("Senator Maria Cantwell visited", "Democratic Party"),
        ("Barack Obama endorsed her", "Democratic Party"),
        ("J.D. Vance spoke", "Republican Party"),
    ],
)
def test_us_politicians_from_the_generated_list(text, party):
    assert party in [v for _, v in values(text)]


def test_bare_last_names_of_members_are_not_matched():
    # "Young" and "Price" are members' last names and ordinary words
    assert values("Young people pay the price.") == []


def test_the_generated_list_names_its_source_and_snapshot():
    from zorgvuldig.signals.text import load_data

    data = load_data("us_politicians.yaml")
    assert "congress-legislators" in data["source"]
    assert data["snapshot"]
    assert len(data["politicians"]) > 500


def test_added_entities_are_found_until_reset():
    from zorgvuldig.signals.entities import add_entities, entity_count, reset_entities

    before = entity_count()
    try:
        add_entities(
            [{"kind": "party", "short": "Piratenpartij", "names": ["Piratenpartij"]}]
        )
        assert entity_count() == before + 1
        assert values("Stem Piratenpartij") == [("Piratenpartij", "Piratenpartij")]
    finally:
        reset_entities()
    assert entity_count() == before
    assert values("Stem Piratenpartij") == []


def test_an_entity_without_party_is_refused():
    from zorgvuldig.signals.entities import add_entities

    with pytest.raises(ValueError, match="missing party"):
        add_entities([{"kind": "politician", "name": "Jan Jansen"}])


def test_names_added_together_or_one_by_one_are_found_alike():
    from zorgvuldig.signals.names import NameTrie
    from zorgvuldig.signals.text import Field

    names = [("Mark Rutte", "VVD", False), ("DENK", "DENK", True)]
    one_by_one, together = NameTrie(), NameTrie()
    for name, value, exact in names:
        one_by_one.add(name, value, exact=exact)
    together.add_all(names)
    field = Field("Mark Rutte en DENK, maar niet denk")
    found = [(s, e, n.value) for s, e, n in together.find(field)]
    assert found == [(s, e, n.value) for s, e, n in one_by_one.find(field)]
    assert found == [(0, 10, "VVD"), (14, 18, "DENK")]
