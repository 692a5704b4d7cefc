"""What the employee tells the check (shared/cases/README.md, "What the employee tells the
check"): every field optional, ``None`` meaning "not answered", wrong values named."""

from __future__ import annotations

import pytest

from zorgvuldig.rulebooks.cases import CaseError, parse_case

BASE = {
    "actor": {"jurisdiction": "NL", "level": "staff"},
    "context": {"date": "2024-03-01"},
    "action": {"type": "post"},
    "text": "Het nieuwe beleid is onuitvoerbaar.",
}


def _with(**sections):
    case = {
        key: dict(value) if isinstance(value, dict) else value
        for key, value in BASE.items()
    }
    for section, fields in sections.items():
        case[section].update(fields)
    return case


def test_a_case_without_answers_leaves_every_answer_open():
    case = parse_case(BASE)
    assert case.actor.supervises is None
    assert case.actor.exemplary_function is None
    assert case.actor.account_shows is None
    assert case.actor.earlier_warnings is None
    assert case.context.own_area is None
    assert case.context.work_information is None
    assert case.context.addressees is None
    assert case.context.series is None
    assert case.context.internal_route is None
    assert case.context.reacts_to_political_event is None
    assert case.context.nonpartisan_election is None
    assert case.action.invites_giving is None
    assert case.action.links_campaign is None


def test_the_answers_are_read():
    case = parse_case(
        _with(
            actor={
                "supervises": True,
                "exemplary_function": "police",
                "account_shows": "title",
                "earlier_warnings": False,
            },
            context={
                "own_area": True,
                "work_information": "not_public",
                "addressees": ["team", "journalist", "team"],
                "series": True,
                "internal_route": False,
                "reacts_to_political_event": True,
                "nonpartisan_election": False,
            },
            action={"invites_giving": False, "links_campaign": True},
        )
    )
    assert case.actor.supervises is True
    assert case.actor.exemplary_function == "police"
    assert case.actor.account_shows == "title"
    assert case.actor.earlier_warnings is False
    assert case.context.own_area is True
    assert case.context.work_information == "not_public"
    assert case.context.addressees == ("team", "journalist")  # once each, in order
    assert case.context.series is True
    assert case.context.internal_route is False
    assert case.context.reacts_to_political_event is True
    assert case.context.nonpartisan_election is False
    assert case.action.invites_giving is False
    assert case.action.links_campaign is True


@pytest.mark.parametrize(
    ("sections", "named"),
    [
        ({"actor": {"supervises": "yes"}}, "actor.supervises"),
        ({"actor": {"exemplary_function": "mayor"}}, "actor.exemplary_function"),
        ({"actor": {"account_shows": "everything"}}, "actor.account_shows"),
        ({"context": {"work_information": "secret"}}, "context.work_information"),
        ({"context": {"addressees": ["boss"]}}, "context.addressees"),
        ({"context": {"addressees": {"team": True}}}, "context.addressees"),
        ({"context": {"internal_route": 1}}, "context.internal_route"),
        ({"action": {"links_campaign": "no"}}, "action.links_campaign"),
    ],
)
def test_a_wrong_answer_is_named(sections, named):
    with pytest.raises(CaseError, match=named.replace(".", r"\.")):
        parse_case(_with(**sections))
