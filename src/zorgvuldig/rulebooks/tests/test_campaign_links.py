"""US rules read a campaign link in the text (``campaign_link``) as the employee's answer
``action.links_campaign``; dated campaign hashtags count only in their periods.

Each situation is judged with the link in the text and with the answer instead, so that a
test cannot pass for the wrong reason.
"""

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

EMPLOYEE = Actor(
    jurisdiction="US",
    hatch_category="less_restricted",
    organisation="Social Security Administration",
    account="personal_identifiable",
)
FURTHER = replace(EMPLOYEE, hatch_category="further_restricted")
OFF_DUTY = Context(date=D("2024-10-15"))
ON_DUTY = replace(OFF_DUTY, on_duty=True)
LINK = "Worth reading: democrats.org/platform"
NO_LINK = "Worth reading: the new library opening hours"


def us(text, *, actor=EMPLOYEE, context=OFF_DUTY, action=None):
    return judge(
        text,
        jurisdiction="US",
        actor=actor,
        context=context,
        action=action or Action("post"),
    )


def answered(actor=EMPLOYEE, context=OFF_DUTY):
    """The same post without a link in the text, the employee saying it links one."""
    return us(
        NO_LINK,
        actor=actor,
        context=context,
        action=Action("post", links_campaign=True),
    )


@pytest.mark.parametrize(
    ("actor", "context", "rule"),
    [
        (FURTHER, OFF_DUTY, "us.further_restricted_link"),
        (EMPLOYEE, ON_DUTY, "us.on_duty_campaign_link"),
        (replace(EMPLOYEE, account_shows="official_use"), OFF_DUTY, "us.official_use_account"),
    ],
)  # fmt: skip
def test_a_link_in_the_text_counts_like_the_answer(actor, context, rule):
    by_text = us(LINK, actor=actor, context=context)
    by_answer = answered(actor, context)
    assert rule in rules(by_text)
    assert rule in rules(by_answer)
    assert by_text.level == by_answer.level == Level.PROHIBITED
    assert rule not in rules(us(NO_LINK, actor=actor, context=context))


def test_the_link_rules_cite_the_statute_and_the_osc():
    v = us(LINK, actor=FURTHER)
    assert "5 U.S.C. 7323(b)" in citations(v)
    assert "OSC" in citations(v)


def test_a_less_restricted_employee_may_link_off_duty():
    assert us(LINK).level == Level.OK


def test_sharing_a_post_with_a_campaign_link_is_linking():
    shared = Target(
        "post", "a friend's post", (ContentItem("Read smithforcongress.com"),)
    )
    v = us(None, actor=FURTHER, action=Action("share", target=shared))
    assert "us.further_restricted_link" in rules(v)


def test_a_request_for_money_with_a_donation_link_is_soliciting():
    v = us("Chip in before midnight: secure.actblue.com/donate/jane")
    assert v.level == Level.PROHIBITED
    assert "us.solicitation" in rules(v)
    assert "7323(a)(2)" in citations(v)
    assert "us.solicitation" not in rules(
        us("Chip in before midnight for the food bank")
    )


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        ("Lowest unemployment in decades. #MAGA", "2018-03-05", Level.PROHIBITED),
        ("Great rally. #ImWithHer", "2016-10-01", Level.PROHIBITED),
        ("Great rally. #ImWithHer", "2026-06-01", Level.OK),  # after its campaign
        ("Another bad call. #Resist", "2018-11-30", Level.PROHIBITED),
        ("Another bad call. #Resist", "2016-06-01", Level.OK),  # before the advisory
        ("I must #resist the cake in the break room", "2018-11-30", Level.OK),
    ],
)
def test_dated_hashtags_on_duty(text, day, expected):
    assert us(text, context=replace(ON_DUTY, date=D(day))).level == expected
