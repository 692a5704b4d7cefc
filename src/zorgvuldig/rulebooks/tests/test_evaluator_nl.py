"""The Dutch open norm (Ambtenarenwet 2017 art. 10 lid 1; before 2020 art. 125a lid 1).

Each test changes ONE factor of a base situation, so that the weighing is tested factor by
factor rather than fitted to a few examples: rank, representative role, the timing of a like
relative to the page's posts, the check date, duty, the election period, the date of the
rules, the distance between function and subject, tone and non-public information.
"""

import datetime as dt

import pytest

from zorgvuldig.rulebooks.types import Action, ContentItem, Level, Target

from .factories import (
    NEUTRAL_POST,
    PAGE_LIKE,
    PARTISAN_POST,
    D,
    citations,
    judge,
    post,
    rules,
)

# ---- the kept page like (2012 Foreign Affairs case) ----------------------------------


def test_head_of_mission_keeping_a_like_of_a_partisan_page():
    v = judge()
    assert v.level in (Level.CAUTION, Level.HIGH_RISK)
    assert "ambtenarenwet art. 125a" in citations(v).lower()
    assert {"nl.partisan_stance", "nl.head_of_mission", "nl.like_not_post"} <= set(
        rules(v)
    )
    assert v.precedents and v.precedents[0].id == "nl-bz-2012-ambassador-like"


@pytest.mark.parametrize(
    ("level", "expected"),
    [("staff", Level.OK), ("senior", Level.OK), ("top", Level.CAUTION)],
)
def test_rank_changes_the_weight_of_the_same_like(level, expected):
    hom = judge()
    v = judge(level=level)
    assert v.level == expected
    assert v.score < hom.score or level == "top"


def test_would_change_names_the_representative_role():
    v = judge()
    assert (
        "Als staffunctionaris zonder vertegenwoordigende rol zou dit lichter wegen."
        in (v.would_change)
    )
    # without the identifiable profile the score drops below the caution threshold
    assert "Op een profiel dat uw werkgever niet noemt zou dit iets lichter wegen." in (
        v.would_change
    )


def test_like_placed_before_the_partisan_post_counts_the_later_post():
    v = judge()
    assert "later_content" in rules(v)
    (weighed,) = v.weighed_content
    assert weighed.where == "target.content[0]"
    assert weighed.after_since is True
    assert "partisan_stance" in weighed.signals
    assert v.advice  # review old likes


def test_like_placed_after_the_partisan_post_weighs_the_same_without_later_content():
    later_like = Action(type="like", since=D("2011-01-01"), target=PAGE_LIKE.target)
    before = judge()
    after = judge(action=later_like)
    assert after.level == before.level
    assert "later_content" not in rules(after)
    assert after.weighed_content[0].after_since is False


@pytest.mark.parametrize("check_date", ["2010-03-01", "2010-06-19"])
def test_check_date_before_the_partisan_post_existed(check_date):
    v = judge(date=D(check_date))
    assert v.level == Level.OK
    assert v.not_yet_published == ("target.content[0]",)
    assert v.weighed_content == ()


def test_check_date_on_the_day_of_the_partisan_post():
    assert judge(date=PARTISAN_POST.date).level == judge().level


def test_posts_that_weighed_are_listed_newest_first():
    older_partisan = ContentItem("Stem niet op de PVV", D("2011-05-01"))
    newest_partisan = ContentItem("Nooit een kabinet met de PVV", D("2011-11-01"))
    target = Target(
        "page",
        "Samen tegen racisme",
        (newest_partisan, PARTISAN_POST, older_partisan, NEUTRAL_POST),
    )
    # content given out of order on purpose: the verdict sorts by date
    target = Target(
        "page", target.name, (PARTISAN_POST, newest_partisan, older_partisan)
    )
    v = judge(action=Action("like", D("2010-03-01"), target))
    assert [w.date for w in v.weighed_content] == sorted(
        (w.date for w in v.weighed_content), reverse=True
    )
    assert len(v.weighed_content) == 3


def test_like_at_the_time_of_a_neutral_page_is_ok():
    target = Target("page", "Samen tegen racisme", (NEUTRAL_POST,))
    v = judge(level="senior", date=D("2010-03-01"), action=Action("like", None, target))
    assert v.level == Level.OK
    assert rules(v) == ["nl.norm"]
    assert "review" in v.advice[0].lower() or "likes" in v.advice[0].lower()


def test_own_post_weighs_more_than_a_like():
    like = judge()
    own = judge(PARTISAN_POST.text, action=Action("post"))
    assert own.score == like.score + 1
    assert own.level >= like.level


# ---- circumstances, one at a time -----------------------------------------------------

PARTISAN = "Nooit meer een kabinet met de PVV."


def test_staff_partisan_post_off_duty_is_allowed():
    assert post(PARTISAN, level="staff").level == Level.OK


def test_on_duty_weighs_more():
    off = post(PARTISAN, level="staff")
    on = post(PARTISAN, level="staff", on_duty=True)
    assert on.score == off.score + 1
    assert (off.level, on.level) == (Level.OK, Level.CAUTION)
    assert "nl.on_duty" in rules(on)


def test_election_period_weighs_more():
    off = post(PARTISAN, level="staff")
    during = post(PARTISAN, level="staff", election_period=True)
    assert during.score == off.score + 1
    assert "Buiten een verkiezingsperiode zou dit lichter wegen." in during.would_change


def test_spokesperson_weighs_more_and_needs_clearance():
    plain = post(PARTISAN, level="staff")
    spokes = post(PARTISAN, level="staff", spokesperson=True)
    assert spokes.score == plain.score + 2
    assert spokes.level == Level.CAUTION
    assert spokes.clearance_required
    assert not plain.clearance_required


def test_anonymous_account_weighs_less():
    assert post(PARTISAN, level="staff", account="personal_anonymous").score == (
        post(PARTISAN, level="staff").score - 1
    )


def test_spokesperson_cheering_a_party_in_an_election_on_their_subject():
    v = post(
        "Woensdag allemaal CDA stemmen! Eindelijk grip op migratie.",
        level="senior",
        spokesperson=True,
        portfolio=("asiel", "migratie"),
        election_period=True,
        date=D("2023-11-20"),
    )
    assert v.level == Level.HIGH_RISK
    assert "nl.own_policy_area" in rules(v)


# ---- the date of the rules --------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "cited", "not_cited"),
    [
        ("2019-12-31", "Ambtenarenwet art. 125a lid 1", "Ambtenarenwet 2017"),
        ("2020-01-01", "Ambtenarenwet 2017 art. 10 lid 1", "125a"),
    ],
)
def test_citation_follows_the_rules_in_force(date, cited, not_cited):
    v = post(
        "Dit Midden-Oostenbeleid is laf.",
        level="staff",
        portfolio=("Midden-Oosten",),
        date=D(date),
    )
    assert cited in citations(v)
    assert not_cited not in citations(v)
    assert v.rulebook == ("NL before-2020" if date < "2020" else "NL 2020")


# ---- distance, tone, personal attacks ---------------------------------------------------

OWN_POLICY = "Het Nederlandse Midden-Oostenbeleid van dit kabinet is hypocriet en laf."


def test_policy_officer_criticising_own_policy_area():
    v = post(
        OWN_POLICY,
        level="staff",
        portfolio=("Midden-Oosten", "Israël"),
        date=D("2024-05-10"),
    )
    assert v.level == Level.HIGH_RISK
    assert "nl.own_policy_area" in rules(v)
    assert (
        "Over een onderwerp ver van uw functie zou dezelfde uiting lichter wegen."
        in (v.would_change)
    )


def test_same_words_far_from_the_function_weigh_less():
    near = post(
        OWN_POLICY, level="staff", portfolio=("Midden-Oosten",), date=D("2024-05-10")
    )
    far = post(
        OWN_POLICY, level="staff", portfolio=("IT-beheer",), date=D("2024-05-10")
    )
    assert far.score == near.score - 2
    assert far.level < near.level


def test_businesslike_criticism_of_own_policy_is_allowed():
    v = post(
        "Ik hoop dat het kabinet het Midden-Oostenbeleid nog eens kritisch bekijkt.",
        level="staff",
        portfolio=("Midden-Oosten",),
        date=D("2024-05-10"),
    )
    assert v.level == Level.OK


@pytest.mark.parametrize(
    ("level", "expected"), [("senior", Level.HIGH_RISK), ("staff", Level.CAUTION)]
)
def test_insulting_a_lawyer(level, expected):
    v = post(
        "Het OM liegt weer en die advocaat is een minkukel.",
        level=level,
        date=D("2015-06-01"),
    )
    assert v.level == expected
    assert "nl.personal_attack" in rules(v)
    assert "125a" in citations(v)
    assert any(p.id == "agfa-abb-2015-11379" for p in v.precedents)


def test_open_norm_tops_out_at_high_risk():
    v = post(
        "Allemaal VVD stemmen, die hypocriete minkukels van de PvdA liegen over migratie!",
        spokesperson=True,
        election_period=True,
        on_duty=True,
        portfolio=("migratie",),
    )
    assert v.level == Level.HIGH_RISK
    assert v.score > 10


# ---- bright lines ------------------------------------------------------------------------

SECRET = "Morgen besluit de ministerraad vertrouwelijk over de accijns. Nog niet verder vertellen!"


def test_disclosing_a_cabinet_secret_is_prohibited():
    v = post(SECRET, level="senior", date=D("2024-09-12"))
    assert v.level == Level.PROHIBITED
    assert "Ambtenarenwet 2017 art. 9" in citations(v)
    assert v.reasons[0].signals == ("nonpublic_information",)


def test_liking_a_leak_is_weighed_not_prohibited():
    leak = Target("post", "een collega", (ContentItem(SECRET),))
    v = judge(level="senior", date=D("2024-09-12"), action=Action("like", None, leak))
    assert v.level == Level.CAUTION
    assert "nl.nonpublic_endorsed" in rules(v)


def test_official_account_with_a_party_message_is_high_risk():
    v = post(PARTISAN, level="staff", account="official")
    assert v.level == Level.HIGH_RISK
    assert rules(v)[0] == "nl.official_account"


def test_every_verdict_has_a_reason_with_a_citation():
    for v in (post("Mooi weer vandaag.", level="staff"), judge(), post(SECRET)):
        assert v.reasons
        assert all(r.citation for r in v.reasons)


def test_no_text_no_target():
    v = judge(None, action=Action("profile_picture"), date=dt.date(2024, 1, 1))
    assert v.level == Level.OK
