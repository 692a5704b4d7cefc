"""UK rules of official accounts, the pre-election period, party office and special
advisers (GCS propriety guidance, Ministerial Code 9.1, General Election Guidance, CSMC
4.4, Code of Conduct for Special Advisers). Each provision with a case where it applies
and one, sharing its setup, where it does not."""

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

PRESS_OFFICE = Actor(
    jurisdiction="UK",
    political_category="intermediate",
    organisation="Department for Transport",
    function="digital press officer",
    account="official",
)
ON_DUTY = Context(date=D("2023-03-01"), on_duty=True, in_workplace=True)
PRE_ELECTION = Context(
    date=D("2024-06-01"), on_duty=True, in_workplace=True, election_period=True
)
POST = Action("post")


def official(text=None, *, action=POST, context=ON_DUTY, actor=PRESS_OFFICE, **kw):
    return judge(
        text, jurisdiction="UK", actor=actor, context=context, action=action, **kw
    )


def share(name, content):
    return Action("share", target=Target("post", name, (ContentItem(content),)))


# ---- shares by official accounts --------------------------------------------------


def test_sharing_from_a_partisan_account_is_prohibited():
    v = official(action=share("a pressure group's account", "Rail fares up again."))
    assert v.level == Level.PROHIBITED
    assert "uk.official_account" in rules(v)


def test_a_party_named_in_a_news_story_shared_is_a_reason_to_check_not_a_breach():
    story = "Rail passenger numbers rise as Labour and the Conservatives trade claims"
    v = official(action=share("a newspaper article", story))
    assert v.level == Level.CAUTION
    assert rules(v)[0] == "uk.official_share_political"
    assert v.clearance_required
    assert "uk.on_duty_political" not in rules(v)


def test_a_neutral_story_shared_raises_nothing():
    v = official(action=share("a newspaper article", "Rail passenger numbers rise"))
    assert v.level == Level.OK


def test_a_partisan_message_shared_stays_prohibited():
    v = official(action=share("a newspaper article", "Vote Labour on 4 July!"))
    assert v.level == Level.PROHIBITED


def test_a_politicians_post_shared_in_the_pre_election_period():
    action = share("an MP's account", "Great to open the new station today.")
    assert official(action=action, context=PRE_ELECTION).level == Level.HIGH_RISK
    assert official(action=action).level == Level.CAUTION


def test_the_mayors_civic_post_may_be_shared_in_the_pre_election_period():
    action = share("the Mayor's account", "Well done to everyone at the fun run!")
    assert official(action=action, context=PRE_ELECTION).level == Level.OK


def test_liking_a_partys_page_on_duty_from_a_personal_account():
    page = Action("like", target=Target("page", "Reform UK", ()))
    personal = Actor(jurisdiction="UK", political_category="intermediate")
    v = official(action=page, actor=personal)
    assert "uk.on_duty_political" in rules(v)
    off_duty = official(
        action=page, actor=personal, context=Context(date=D("2023-03-01"))
    )
    assert "uk.on_duty_political" not in rules(off_duty)


# ---- Parliament first, the pre-election period, accuracy ---------------------------


def test_announcing_before_parliament_is_told():
    v = official(
        "Today we announce £2bn for level crossings. The Secretary of State will "
        "update Parliament on Thursday."
    )
    assert v.level == Level.HIGH_RISK
    assert "Ministerial Code para 9.1" in citations(v)
    after = official(
        "The Secretary of State told Parliament today: £2bn for crossings."
    )
    assert after.level == Level.OK


def test_a_new_announcement_in_the_pre_election_period():
    text = "Today we announce a new scheme for cycle lanes."
    v = official(text, context=PRE_ELECTION)
    assert v.level == Level.CAUTION
    assert v.clearance_required
    assert "General Election Guidance" in citations(v)
    assert official(text).level == Level.OK


def test_routine_service_information_in_the_pre_election_period():
    v = official("Trains are replaced by buses this weekend.", context=PRE_ELECTION)
    assert v.level == Level.OK


def test_hearsay_on_an_official_account():
    text = "I hear that the new timetable might start in May."
    assert official(text).level == Level.CAUTION
    personal = Actor(jurisdiction="UK", political_category="intermediate")
    assert official(text, actor=personal).level == Level.OK


@pytest.mark.parametrize(
    ("account_shows", "expected"),
    [("official_use", Level.CAUTION), ("nothing", Level.OK)],
)
def test_speaking_on_ones_own_work_in_the_pre_election_period(account_shows, expected):
    officer = Actor(
        jurisdiction="UK",
        political_category="intermediate",
        account="personal_identifiable",
        account_shows=account_shows,
    )
    context = Context(date=D("2024-06-01"), election_period=True, own_area=True)
    v = official(
        "From where I sit the programme is going well.",
        actor=officer,
        context=context,
        action=Action("comment"),
    )
    assert v.level == expected


# ---- party office and campaign material -----------------------------------------

RESTRICTED = Actor(
    jurisdiction="UK", political_category="restricted", account="personal_identifiable"
)
EVENING = Context(date=D("2023-03-01"))


@pytest.mark.parametrize(
    ("category", "expected"),
    [
        ("restricted", Level.PROHIBITED),
        ("intermediate", Level.CAUTION),
        ("free", Level.OK),
    ],
)
def test_holding_party_office(category, expected):
    text = "Proud to be elected secretary of the Bristol West Labour Party."
    actor = Actor(jurisdiction="UK", political_category=category)
    v = official(text, actor=actor, context=EVENING)
    assert v.level == expected


@pytest.mark.parametrize(
    ("category", "expected"),
    [
        ("restricted", Level.HIGH_RISK),
        ("intermediate", Level.CAUTION),
        ("free", Level.OK),
    ],
)
def test_sharing_a_campaign_page(category, expected):
    action = Action(
        "share",
        target=Target("post", "a friend's post", (ContentItem("Polls open at 7."),)),
        links_campaign=True,
    )
    actor = Actor(jurisdiction="UK", political_category=category)
    v = official("Worth a read.", actor=actor, context=EVENING, action=action)
    assert v.level == expected


# ---- special advisers ------------------------------------------------------------

SPAD = Actor(
    jurisdiction="UK",
    organisation="Department for Transport",
    function="Special Adviser to the Secretary of State",
    account="personal_identifiable",
)


@pytest.mark.parametrize("function", [SPAD.function, "SpAd", "special advisor"])
def test_a_special_adviser_who_insults(function):
    actor = Actor(jurisdiction="UK", function=function)
    v = official("The shadow minister is an idiot.", actor=actor, context=EVENING)
    assert v.level == Level.HIGH_RISK
    assert "Special Advisers" in citations(v)


def test_an_adviser_of_another_kind_who_insults():
    actor = Actor(jurisdiction="UK", function="policy adviser")
    v = official("The shadow minister is an idiot.", actor=actor, context=EVENING)
    assert v.level == Level.CAUTION


def test_a_special_adviser_using_an_official_account_for_party_politics():
    actor = Actor(jurisdiction="UK", function="special adviser", account="official")
    v = official("See you at party conference next week!", actor=actor)
    assert v.level == Level.PROHIBITED
    assert "uk.special_adviser_official_resources" in rules(v)
    plain = official("Our new timetable is out.", actor=actor)
    assert plain.level == Level.OK
