"""The US rulebook: political activity (5 CFR 734.101), not a name alone, decides.

Each provision with a case that meets it and one that does not: the official title in
political activity (5 CFR 734.302), on-duty activity (5 U.S.C. 7324(a), the OSC's
workplace-discussion factors), replies to someone else's appeal for money and one's own
campaign for party office (OSC Hatch Act FAQs).
"""

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
    organisation="Department of the Interior",
    account="personal_identifiable",
)
FURTHER = Actor(
    jurisdiction="US",
    hatch_category="further_restricted",
    account="personal_identifiable",
)
OFF_DUTY = Context(date=D("2026-03-02"))
ON_DUTY = Context(date=D("2026-03-02"), on_duty=True, in_workplace=True)
POST = Action("post")


def us(text=None, *, actor=EMPLOYEE, context=OFF_DUTY, action=POST, **changes):
    return judge(
        text, jurisdiction="US", actor=actor, context=context, action=action, **changes
    )


def share(content: str, name: str = "a news site's post") -> Action:
    return Action("share", target=Target("post", name, (ContentItem(content),)))


def reply_to(content: str) -> Action:
    return Action(
        "comment",
        target=Target("post", "a neighbour's post on my page", (ContentItem(content),)),
        with_text=True,
    )


# ---- official title in political activity (5 CFR 734.302) ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Help us canvass the east side for the Democratic nominee on Sunday! "
        "- Assistant Director, Bureau of Land Management",
        "Writing as a division director at the Department of Energy: re-elect our "
        "Governor, she deserves your vote.",
    ],
)
def test_title_in_political_activity_is_prohibited(text):
    v = us(text)
    assert v.level == Level.PROHIBITED
    assert "us.official_authority" in rules(v)
    assert "734.302" in citations(v)


@pytest.mark.parametrize(
    "text",
    [
        # a courtesy form of address is no official title (5 CFR 734.302, example 1)
        "Help us canvass the east side for the Democratic nominee on Sunday! "
        "- The Honorable Sam Reyes",
        # a title with a policy view, no party or candidate supported
        "As a division director at the Department of Energy, I think the new grid "
        "rule is overdue.",
    ],
)
def test_title_without_political_activity_is_not_prohibited(text):
    assert "us.official_authority" not in rules(us(text))


# ---- on duty: political activity, not a name alone ------------------------------------


def test_disapproving_the_presidents_policy_on_duty_is_not_political_activity():
    v = us(
        "I really dislike President Biden's new student-loan order.", context=ON_DUTY
    )
    assert v.level <= Level.CAUTION
    assert "us.on_duty" not in rules(v)


def test_a_stance_against_the_president_as_candidate_on_duty_is_prohibited():
    v = us("Vote against Biden in November.", context=ON_DUTY)
    assert v.level == Level.PROHIBITED


def test_a_candidate_named_on_duty_needs_a_closer_look():
    v = us("The Senate candidates debate tonight on channel 4.", context=ON_DUTY)
    assert v.level == Level.CAUTION
    assert "us.on_duty_party_named" in rules(v)
    assert us("The Senate candidates debate tonight on channel 4.").level == Level.OK


@pytest.mark.parametrize(
    "content",
    [
        "Statement: our association endorses Senator Ana Ruiz for re-election.",
        "Here's why the President deserves a second term: read our plan.",
    ],
)
def test_sharing_content_that_takes_a_side_on_duty_is_prohibited(content):
    v = us(action=share(content), context=ON_DUTY)
    assert v.level == Level.PROHIBITED
    assert "us.on_duty" in rules(v)
    # off duty, a less restricted employee may share it
    assert us(action=share(content)).level == Level.OK


def test_sharing_a_campaign_accounts_post_on_duty_is_prohibited():
    action = share("Big crowd in Dayton tonight.", name="a Senate campaign account")
    assert us(action=action, context=ON_DUTY).level == Level.PROHIBITED


def test_election_eve_share_about_a_candidate_to_colleagues_is_prohibited():
    action = share("Column: the candidate's tariff plan would gut our farm programs")
    eve = Context(
        date=D("2026-11-02"),
        on_duty=True,
        in_workplace=True,
        election_period=True,
        addressees=("colleagues",),
    )
    v = us("Worth remembering at the polls.", action=action, context=eve)
    assert v.level == Level.PROHIBITED
    assert "us.on_duty_election_eve" in rules(v)
    # months before, to no one in particular: a closer look, not a bright line
    v = us("Worth remembering.", action=action, context=ON_DUTY)
    assert v.level == Level.CAUTION


# ---- a reply to someone else's appeal (OSC Hatch Act FAQs, Social Media) ---------------

APPEAL = "Chip in $25 for our congressional candidate before Friday's deadline!"


def test_an_encouraging_reply_to_an_appeal_is_soliciting():
    v = us("Love it, we should all give!", action=reply_to(APPEAL))
    assert v.level == Level.PROHIBITED
    assert "us.solicitation" in rules(v)


def test_a_neutral_reply_to_an_appeal_is_fine():
    assert us(
        "Good to hear from you, see you Sunday.", action=reply_to(APPEAL)
    ).level == (Level.OK)


def test_give_in_other_senses_is_no_appeal():
    v = us("You should give it a rest, honestly.", action=reply_to(APPEAL))
    assert v.level == Level.OK


# ---- one's own campaign for party office (OSC Hatch Act FAQs) ---------------------------

PARTY_OFFICE = (
    "I'm running for treasurer of our state party committee. Donations to my campaign "
    "are very welcome."
)


def test_soliciting_for_own_party_office_off_duty_is_allowed():
    v = us(PARTY_OFFICE, action=Action("post", invites_giving=True))
    assert v.level == Level.OK
    assert "us.party_office_solicitation" in rules(v)


def test_soliciting_for_own_party_office_on_duty_is_prohibited():
    v = us(PARTY_OFFICE, context=ON_DUTY)
    assert v.level == Level.PROHIBITED
    assert "us.party_office_solicitation_on_duty" in rules(v)


def test_further_restricted_may_not_run_for_party_office():
    v = us(PARTY_OFFICE, actor=FURTHER)
    assert v.level == Level.PROHIBITED
    assert "us.further_restricted_party_office" in rules(v)


def test_a_delegates_costs_are_no_party_office():
    text = "I'm going to the national convention as a delegate, please donate to cover my costs."
    v = us(text, action=Action("post", invites_giving=True))
    assert v.level == Level.PROHIBITED
