"""Minimal US (Hatch Act) and UK (Civil Service Management Code 4.4) rulebooks."""

from dataclasses import replace

import pytest

from zorgvuldig.rulebooks.types import (
    Action,
    Actor,
    ContentItem,
    Context,
    Level,
    Target,
)

from .factories import D, citations, judge, rules

US_EMPLOYEE = Actor(
    jurisdiction="US",
    hatch_category="less_restricted",
    organisation="Social Security Administration",
    account="personal_identifiable",
)
UK_OFFICIAL = Actor(
    jurisdiction="UK", political_category="restricted", account="personal_identifiable"
)
AUTUMN_2024 = Context(date=D("2024-10-15"), election_period=True)
OWN_POST = Action("post")
VOTE_POST = Target(
    "post", "a friend's post", (ContentItem("Vote Democratic on November 5!"),)
)


def us(
    text=None,
    *,
    actor=US_EMPLOYEE,
    context=AUTUMN_2024,
    action=OWN_POST,
    **changes,
):
    return judge(
        text, jurisdiction="US", actor=actor, context=context, action=action, **changes
    )


def uk(text, **changes):
    return judge(text, jurisdiction="UK", actor=UK_OFFICIAL, action=OWN_POST, **changes)


@pytest.mark.parametrize(
    ("on_duty", "expected"), [(True, Level.PROHIBITED), (False, Level.OK)]
)
def test_liking_a_vote_post_on_and_off_duty(on_duty, expected):
    v = us(action=Action("like", None, VOTE_POST), on_duty=on_duty)
    assert v.level == expected
    if on_duty:
        assert "7324" in citations(v)
        assert any("Off duty" in text for text in v.would_change)


def test_fundraising_share_is_prohibited_off_duty_too():
    appeal = Target(
        "post", "campaign page", (ContentItem("Give $20 NOW to the Biden campaign"),)
    )
    v = us(action=Action("share", None, appeal))
    assert v.level == Level.PROHIBITED
    assert "7323(a)(2)" in citations(v)


@pytest.mark.parametrize(
    ("category", "expected"),
    [("further_restricted", Level.PROHIBITED), ("less_restricted", Level.OK)],
)
def test_sharing_campaign_material_depends_on_the_category(category, expected):
    v = us(
        action=Action("share", None, VOTE_POST),
        actor=replace(US_EMPLOYEE, hatch_category=category),
    )
    assert v.level == expected


def test_official_title_in_political_activity():
    v = us("As Deputy Assistant Secretary I urge you to vote for Donald Trump.")
    assert v.level == Level.PROHIBITED
    assert "us.official_authority" in rules(v)
    assert "us.off_duty_opinion" not in rules(v)


def test_us_rules_before_1994_apply_with_a_note():
    v = us("Vote Republican!", date=D("1990-01-01"))
    assert v.notes


@pytest.mark.parametrize(
    ("category", "expected"), [("restricted", Level.PROHIBITED), ("free", Level.OK)]
)
def test_uk_political_category(category, expected):
    v = uk(
        "The Conservative bill is a disgrace. Vote them out.",
        political_category=category,
        date=D("2024-03-01"),
    )
    assert v.level == expected
    if category == "restricted":
        assert "Civil Service Management Code 4.4" in citations(v)
