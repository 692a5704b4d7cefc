"""Requests for money (``solicitation``)."""

import pytest

from zorgvuldig.signals.solicitation import (
    find_party_office_candidacies,
    find_solicitations,
)


@pytest.mark.parametrize(
    "text",
    [
        "Give $20 NOW to the campaign",
        "Chip in today!",
        "secure.actblue.com/donate",
        "Doneer vandaag aan onze campagne",
    ],
)
def test_request_for_money(text):
    assert find_solicitations(text)


def test_no_request():
    assert find_solicitations("Join us in Pittsburgh on Saturday!") == []


@pytest.mark.parametrize(
    "text", ["Agreed, everyone should give!", "Let's all give what you can tonight."]
)
def test_urging_others_to_give(text):
    assert find_solicitations(text)


@pytest.mark.parametrize(
    "text", ["You should give it a rest.", "We have to give credit to the crew."]
)
def test_give_in_other_senses(text):
    assert find_solicitations(text) == []


def test_own_party_office_candidacy():
    (sig,) = find_party_office_candidacies(
        "I'm running for chair of our county party committee."
    )
    assert sig.kind == "party_office_candidacy"
    assert (
        find_party_office_candidacies("I'm a delegate to the party convention.") == []
    )
    assert find_party_office_candidacies("She is running for Senate.") == []
