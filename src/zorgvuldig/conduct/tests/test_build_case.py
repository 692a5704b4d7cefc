"""The one case builder of the self-check form and the inquiry's conduct form: the values
typed into either form become the case the rulebooks read, and a case is stored as JSON."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import translation

import pytest

from zorgvuldig.conduct.cases import act_problems, build_case, normalised, target_lines
from zorgvuldig.rulebooks.cases import CaseError, parse_case

ACTOR = {"jurisdiction": "NL", "organisation": "Ministerie van Buitenlandse Zaken"}
CONTEXT = {"date": "2012-02-01"}


def _values(**changes) -> dict:
    """The ambassador's page like as a form's cleaned values, with ``changes``."""
    values = {
        "action": "like",
        "since": dt.date(2010, 3, 1),
        "target_kind": "",
        "target_name": "Nederland bekent kleur",
        "target_content": [
            ("Geen regering met steun van de PVV", dt.date(2010, 6, 20)),
            ("Samen staan we op tegen discriminatie.", None),
        ],
        "text": "",
        "account": "personal_identifiable",
        "level": "head_of_mission",
        "function": "ambassadeur",
        "portfolio": "Zuid-Afrika, , Zuidelijk Afrika",
    }
    values.update(changes)
    return values


def test_a_kept_page_like_becomes_the_case_the_rules_read():
    case = build_case(_values(), actor=ACTOR, context=CONTEXT)
    assert case == {
        "actor": {
            "jurisdiction": "NL",
            "organisation": "Ministerie van Buitenlandse Zaken",
            "account": "personal_identifiable",
            "portfolio": ["Zuid-Afrika", "Zuidelijk Afrika"],
            "level": "head_of_mission",
            "function": "ambassadeur",
        },
        "context": {"date": "2012-02-01"},
        "action": {
            "type": "like",
            "since": "2010-03-01",
            "target": {
                "kind": "page",
                "name": "Nederland bekent kleur",
                "content": [
                    {
                        "text": "Geen regering met steun van de PVV",
                        "date": "2010-06-20",
                    },
                    "Samen staan we op tegen discriminatie.",
                ],
            },
        },
        "text": None,
    }
    parse_case(case)


@pytest.mark.parametrize(
    ("action", "kind"),
    [("like", "page"), ("follow", "page"), ("share", "post"), ("comment", "post")],
)
def test_a_target_of_no_stated_kind_is_what_the_action_is_usually_about(action, kind):
    case = build_case(
        _values(action=action, since=None, text="Mooi"), actor=ACTOR, context=CONTEXT
    )
    assert case["action"]["target"]["kind"] == kind
    assert "since" not in case["action"]
    assert (
        build_case(
            _values(action=action, target_kind="account"), actor=ACTOR, context=CONTEXT
        )["action"]["target"]["kind"]
        == "account"
    )


def test_a_post_is_its_own_words_and_has_no_target():
    case = build_case(
        _values(action="post", since=None, text="De PVV liegt", level="", function=""),
        actor=ACTOR,
        context=CONTEXT,
    )
    assert case["action"] == {"type": "post"}
    assert case["text"] == "De PVV liegt"
    assert "level" not in case["actor"]
    assert "function" not in case["actor"]


def test_a_like_that_names_nothing_has_no_target():
    case = build_case(
        _values(target_name="", target_content=[]), actor=ACTOR, context=CONTEXT
    )
    assert "target" not in case["action"]
    target = build_case(_values(target_name=""), actor=ACTOR, context=CONTEXT)[
        "action"
    ]["target"]
    assert target["name"] is None
    assert len(target["content"]) == 2


def test_the_form_s_own_parts_of_actor_and_context_are_kept_as_given():
    actor = {"jurisdiction": "NL", "posted_in": None, "spokesperson": True}
    context = {"date": "2012-02-01", "on_duty": True}
    case = build_case(_values(), actor=actor, context=context)
    assert case["actor"]["posted_in"] is None  # the form decides what it leaves out
    assert case["actor"]["spokesperson"] is True
    assert case["context"] == context
    assert case["context"] is not context
    assert actor == {"jurisdiction": "NL", "posted_in": None, "spokesperson": True}


def test_target_lines_read_dated_posts():
    assert target_lines("2010-06-20: Geen regering\n\n Iedereen telt mee ") == [
        ("Geen regering", dt.date(2010, 6, 20)),
        ("Iedereen telt mee", None),
    ]


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Line 3: 2010-13-45 is not a valid date (YYYY-MM-DD)."),
        ("nl", "Regel 3: 2010-13-45 is geen geldige datum (JJJJ-MM-DD)."),
    ],
)
def test_a_post_dated_on_a_day_that_does_not_exist_is_refused_naming_line_and_date(
    language, message
):
    with pytest.raises(forms.ValidationError) as refused:
        target_lines("Eerste\n\n2010-13-45 Iets")
    assert refused.value.code == "bad_date"
    with translation.override(language):
        assert refused.value.messages == [message]


def test_a_case_is_stored_with_dates_as_text_and_the_jurisdiction_s_code():
    case = build_case(_values(), actor={**ACTOR, "jurisdiction": "nld"}, context={})
    case["context"] = {"date": dt.date(2012, 2, 1)}
    case["id"] = "not part of the conduct"
    stored = normalised(case)
    assert list(stored) == ["actor", "context", "action", "text"]
    assert stored["actor"]["jurisdiction"] == "NL"
    assert stored["context"] == {"date": "2012-02-01"}
    with pytest.raises(CaseError, match=r"context\.date"):
        normalised({**case, "context": {}})
    with pytest.raises(CaseError, match="expected a mapping"):
        normalised(["not", "a", "case"])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "problems"),
    [
        ({}, []),
        ({"target_name": "", "target_content": []}, ["target_name"]),
        ({"target_name": ""}, []),  # the posts say what was liked
        ({"action": "comment", "text": " "}, ["text"]),
        (
            {"action": "post", "text": "", "since": dt.date(2013, 1, 1)},
            ["text", "since"],
        ),
        ({"action": "share", "target_name": "", "target_content": []}, ["target_name"]),
        ({"action": "comment", "text": "Mooi", "target_name": ""}, []),
        ({"since": dt.date(2012, 2, 1)}, []),  # on the day itself
        ({"action": None, "text": None, "target_name": None}, []),  # refused fields
    ],
)
def test_an_act_that_cannot_be_judged_names_the_fields_to_correct(changes, problems):
    values = {**_values(target_content=[("Geen regering", None)]), **changes}
    assert act_problems(values, dt.date(2012, 2, 1)) == problems


def test_an_act_without_a_day_to_judge_it_on_has_no_since_problem():
    assert act_problems(_values(since=dt.date(2099, 1, 1)), None) == []
