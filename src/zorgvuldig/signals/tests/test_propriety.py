"""Cues of the propriety of official communication and of party activity (propriety.py)."""

import pytest

from zorgvuldig.signals import detect


def kinds(text, where="text"):
    return {(s.kind, s.value) for s in detect(text, where=where)}


@pytest.mark.parametrize(
    "text",
    [
        "Today we announce a £20m scheme for rural bus routes.",
        "Today the department is launching a national tutoring programme.",
        "We are delighted to unveil the new apprenticeship levy rules.",
        "We're launching a new helpline for carers.",
        "Read our new blog post on the prison estate.",
        "Vandaag kondigen we een nieuw fonds voor sportclubs aan.",
    ],
)
def test_an_announcement(text):
    assert ("announcement", None) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "The passport office is closed on Monday for the bank holiday.",
        "Our blog is archived during the summer.",
        "Vandaag maken we een wandeling door het park.",
    ],
)
def test_no_announcement(text):
    assert not {k for k, _ in kinds(text)} & {
        "announcement",
        "announcement_before_parliament",
    }


def test_parliament_told_later_counts_only_beside_an_announcement():
    with_announcement = (
        "Today we unveil plans for 40 new hospitals; the Minister will make a "
        "statement to the House on Tuesday."
    )
    assert ("announcement_before_parliament", None) in kinds(with_announcement)
    only_schedule = "The Minister will make a statement to the House on Tuesday."
    assert ("announcement_before_parliament", None) not in kinds(only_schedule)


@pytest.mark.parametrize(
    "text",
    [
        "I hear that the new portal opens in March.",
        "Rumour has it the fees are going up.",
        "We're hearing rumours of a reshuffle.",
        "Ik hoorde dat de subsidie wordt geschrapt.",
    ],
)
def test_unconfirmed_information(text):
    assert ("unconfirmed_information", None) in kinds(text)


def test_a_confirmed_fact_is_not_hearsay():
    assert not kinds("The new portal opens on 3 March. Apply at gov.uk.")


@pytest.mark.parametrize(
    "name",
    [
        "the Green Party's page",
        "a local party branch",
        "a pressure group's account",
        "Lobbying group for fair fares",
    ],
)
def test_a_partisan_account_in_the_targets_name(name):
    assert ("partisan_account", None) in kinds(name, where="target.name")


@pytest.mark.parametrize(
    "name", ["an MP's account", "a councillor's page", "the candidate's profile"]
)
def test_a_politician_account_by_office(name):
    assert ("party_or_candidate", "politician") in kinds(name, where="target.name")


@pytest.mark.parametrize(
    "name", ["the Mayor's account", "NHS England", "a member of the public"]
)
def test_no_political_account(name):
    found = {k for k, _ in kinds(name, where="target.name")}
    assert not found & {"partisan_account", "party_or_candidate"}


def test_account_kinds_only_in_the_targets_name():
    # a post that mentions a councillor or a campaign group is not their account
    text = "Thanks to the councillor and the campaign group who joined the litter pick."
    assert not {k for k, _ in kinds(text)} & {"partisan_account", "party_or_candidate"}


@pytest.mark.parametrize(
    "text",
    [
        "Delighted to be re-elected treasurer of the Ashford Conservative Association.",
        "See you all at party conference in Liverpool!",
        "Out canvassing for our candidate this evening.",
    ],
)
def test_party_activity_is_a_partisan_stance(text):
    assert ("partisan_stance", "party activity") in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Elected chair of the village cricket club committee.",
        "Great conference on public sector data today.",
        "The party was a lot of fun.",
    ],
)
def test_no_party_activity(text):
    assert ("partisan_stance", "party activity") not in kinds(text)
