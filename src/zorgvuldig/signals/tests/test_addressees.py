"""Whom a post addresses or tags (``addressee``): @mentions and forms of address.

Property test (hypothesis): any text is analysed without error and every span lies inside
the text and equals the signal's text.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zorgvuldig.signals.addressees import find_addressees

#: The answers of ``context.addressees`` (shared/cases/README.md; rulebooks.types), which
#: this pure package does not import.
ADDRESSEES = {"subordinates", "team", "colleagues", "journalist"}


def found(text):
    return [(s.text, s.value) for s in find_addressees(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi team, great work today", [("Hi team", "team")]),
        ("Team, ik wil even zeggen", [("Team", "team")]),
        ("Beste collega's,\nwe gaan", [("Beste collega's", "colleagues")]),
        ("Dear colleagues: a request", [("Dear colleagues", "colleagues")]),
        ("Note to journalists: call me", [("Note to journalists", "journalist")]),
        (
            "Aan al mijn medewerkers: stem!",
            [("Aan al mijn medewerkers", "subordinates")],
        ),
        ("Thanks @janjansen!", [("@janjansen", "mention")]),
    ],
)
def test_forms_of_address(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "my team won the cup",
        "de collega's van de afdeling",
        "journalists wrote about it",
        "mail a@b.nl",
    ],
)
def test_naming_a_group_is_not_addressing_it(text):
    assert found(text) == []


def test_values_are_answers_of_the_contract_or_a_mention():
    from zorgvuldig.signals.text import load_data

    assert set(load_data("addressees.yaml")["addressees"]) <= set(ADDRESSEES)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                ["Hi", " team", ",", "\n", "@", "x", "collega's", " ", "Dear"]
            ),
            st.text(max_size=10),
        ),
        max_size=12,
    )
)
def test_any_text_spans_lie_inside_the_text(pieces):
    text = "".join(pieces)
    for sig in find_addressees(text):
        assert 0 <= sig.start < sig.end <= len(text)
        assert text[sig.start : sig.end] == sig.text
