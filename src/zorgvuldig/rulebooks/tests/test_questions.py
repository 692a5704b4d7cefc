"""The questions to the employee: asked only where an answer would change a verdict's level,
each answer tried through the same rules :func:`run_check` applies."""

from __future__ import annotations

import copy
import itertools

import pytest

from zorgvuldig.rulebooks.cases import parse_case
from zorgvuldig.rulebooks.check import collect_signals, run_check
from zorgvuldig.rulebooks.loader import load_rulebooks
from zorgvuldig.rulebooks.questions import (
    TOLD,
    TOLD_BY_PATH,
    check_with_questions,
    decisive_questions,
)
from zorgvuldig.rulebooks.suggestions import words_point_at

#: A less-restricted US employee's partisan post, off duty.
US_OPINION = {
    "actor": {"jurisdiction": "US", "hatch_category": "less_restricted",
              "account": "personal_identifiable"},
    "context": {"date": "2024-09-10"},
    "action": {"type": "post"},
    "text": "Vote for the Democrats in November!",
}  # fmt: skip
#: A politically free UK civil servant's partisan post about their own topic.
UK_OWN_TOPIC = {
    "actor": {"jurisdiction": "UK", "political_category": "free",
              "portfolio": ["immigration"], "account": "personal_identifiable"},
    "context": {"date": "2024-05-10"},
    "action": {"type": "post"},
    "text": "The immigration plan of the Conservatives is a disgrace. Vote Labour!",
}  # fmt: skip
#: A Dutch staff member's harsh words about a minister, on a personal account.
NL_INSULT = {
    "actor": {"jurisdiction": "NL", "level": "staff", "account": "personal_identifiable"},
    "context": {"date": "2024-05-10"},
    "action": {"type": "post"},
    "text": "Die minister is een volslagen idioot.",
}  # fmt: skip
NL_PLAIN = {
    "actor": {"jurisdiction": "NL", "level": "staff", "account": "personal_anonymous"},
    "context": {"date": "2024-05-10"},
    "action": {"type": "post"},
    "text": "Mooie fietstocht gemaakt langs de Vecht vandaag.",
}  # fmt: skip
CASES = {
    "us-opinion": US_OPINION,
    "uk-own-topic": UK_OWN_TOPIC,
    "nl-insult": NL_INSULT,
    "nl-plain": NL_PLAIN,
}
ALL = ["NL", "US", "UK"]


def _with(case, answers):
    """``case`` with ``{"section.name": value}`` answered (a copy)."""
    out = copy.deepcopy(case)
    for path, value in answers.items():
        section, name = path.split(".")
        out[section][name] = list(value) if isinstance(value, tuple) else value
    return out


def _levels(case, jurisdictions=None):
    return [v["level"] for v in run_check(case, jurisdictions)["verdicts"]]


def _asked(case, jurisdictions=None, answered=()):
    parsed = parse_case(case)
    from zorgvuldig.rulebooks.check import jurisdictions_for

    questions = decisive_questions(
        parsed,
        collect_signals(parsed),
        jurisdictions_for(parsed.actor, jurisdictions),
        answered,
    )
    return {q.field: q for q in questions}


def _changes_alone(case, path, jurisdictions):
    before = _levels(case, jurisdictions)
    return any(
        _levels(_with(case, {path: a}), jurisdictions) != before
        for a in TOLD_BY_PATH[path].trials
    )


def test_every_told_field_of_the_contract_is_known_in_its_order():
    assert [t.path for t in TOLD] == [
        "actor.supervises", "actor.exemplary_function", "actor.account_shows",
        "actor.earlier_warnings", "context.own_area", "context.work_information",
        "context.addressees", "context.series", "context.internal_route",
        "context.reacts_to_political_event", "context.nonpartisan_election",
        "action.invites_giving", "action.links_campaign",
    ]  # fmt: skip
    about = {t.name: t.about for t in TOLD}
    person = {"supervises", "exemplary_function", "account_shows", "earlier_warnings"}
    assert {name for name, a in about.items() if a == "person"} == person


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.parametrize("jurisdictions", [None, ALL])
def test_a_field_asked_alone_is_one_whose_answer_changes_a_level(name, jurisdictions):
    """Checked against run_check itself: each question asked alone has an answer that
    changes a level; each field not asked has none (unless another unanswered field
    decides alone, and this one only with it)."""
    case = CASES[name]
    asked = _asked(case, jurisdictions)
    parsed = parse_case(case)
    signals = collect_signals(parsed)
    for told in TOLD:
        if not words_point_at(told.path, parsed, signals):
            assert told.path not in asked
            continue
        alone = _changes_alone(case, told.path, jurisdictions)
        if alone:
            assert told.path in asked, f"{told.path} changes a level but is not asked"
        elif told.path in asked:  # asked because it decides together with another
            assert any(
                _levels(_with(case, {told.path: a, other: b}), jurisdictions)
                != _levels(_with(case, {other: b}), jurisdictions)
                for other in asked
                if other != told.path
                for a, b in itertools.product(
                    TOLD_BY_PATH[told.path].trials, TOLD_BY_PATH[other].trials
                )
            ), f"{told.path} is asked but decides nothing"


def test_a_plain_post_asks_only_whether_it_tells_what_is_not_public():
    """Any post may disclose what one knows through work and is not public yet (a
    breach as such: Ambtenarenwet 2017 art. 9 lid 1; the Civil Service Code); nothing else in a
    post about a bike ride could change its verdict."""
    assert list(_asked(NL_PLAIN)) == ["context.work_information"]
    assert list(_asked(NL_PLAIN, ALL)) == ["context.work_information"]


def test_what_is_in_the_words_is_asked_only_when_the_words_point_at_it():
    """Whether a post invites giving is asked of a partisan post, not of a bike ride;
    whether it links to a campaign only when it holds a link."""
    assert "action.invites_giving" in _asked(US_OPINION)
    plain_us = {
        **NL_PLAIN,
        "actor": US_OPINION["actor"],
        "text": "Nice bike ride today.",
    }
    assert "action.invites_giving" not in _asked(plain_us)
    further = _with(US_OPINION, {"actor.hatch_category": "further_restricted"})
    assert "action.links_campaign" not in _asked(further)
    linked = {**further, "text": further["text"] + " https://example.org/join"}
    question = _asked(linked)["action.links_campaign"]
    assert question.suggestion is not None
    assert question.suggestion.basis == "link"


def test_answers_that_decide_only_together_are_both_asked():
    """5 U.S.C. 7323(a)(1): a supervisor's partisan message to subordinates; neither
    fact alone changes the verdict, both together make it prohibited."""
    asked = _asked(US_OPINION)
    assert {"actor.supervises", "context.addressees"} <= set(asked)
    assert _levels(US_OPINION) == ["ok"]
    assert _levels(_with(US_OPINION, {"actor.supervises": True})) == ["ok"]
    both = _with(
        US_OPINION, {"actor.supervises": True, "context.addressees": ("subordinates",)}
    )
    assert _levels(both) == ["prohibited"]
    # once one is answered, the other is still asked; once both are, neither is
    half = _with(US_OPINION, {"actor.supervises": True})
    assert "context.addressees" in _asked(half)
    assert "actor.supervises" not in _asked(half)
    assert not {"actor.supervises", "context.addressees"} & set(_asked(both))


def test_a_field_that_matters_only_after_another_answer_waits_for_it():
    """Whether the election is nonpartisan matters once the post invites giving
    (5 U.S.C. 7323(a)(2)); it is asked when that is answered yes, not before."""
    assert "action.invites_giving" in _asked(US_OPINION)
    assert "context.nonpartisan_election" not in _asked(US_OPINION)
    inviting = _with(US_OPINION, {"action.invites_giving": True})
    assert "context.nonpartisan_election" in _asked(inviting)


def test_answered_fields_are_not_asked_again():
    asked = _asked(NL_INSULT, answered=["actor.exemplary_function"])
    assert "actor.exemplary_function" not in asked
    told = _with(NL_INSULT, {"actor.exemplary_function": "police"})
    assert "actor.exemplary_function" not in _asked(told)


def test_only_fields_some_rule_reads_are_ever_asked():
    read = {
        f"{section}.{name}"
        for books in load_rulebooks().values()
        for book in books
        for fields in book.rule_fields
        for section, name in fields
    }
    for case in CASES.values():
        assert set(_asked(case, ALL)) <= read


def test_a_jurisdiction_not_checked_asks_nothing():
    """The US rules read whether one supervises; a Dutch check alone does not ask it."""
    nl = _with(NL_INSULT, {})
    assert "actor.supervises" not in _asked(nl)


def test_the_result_is_run_check_s_plus_the_questions():
    for case in CASES.values():
        for jurisdictions in (None, ALL):
            with_questions = check_with_questions(case, jurisdictions, "en")
            questions = with_questions.pop("questions")
            assert with_questions == run_check(case, jurisdictions, "en")
            assert all(set(q) == {"field", "about", "kind", "answers", "suggestion"}
                       for q in questions)  # fmt: skip


def test_a_question_lists_its_answers():
    asked = _asked(US_OPINION)
    assert asked["actor.supervises"].answers == (True, False)
    assert asked["actor.supervises"].kind == "bool"
    assert asked["context.addressees"].kind == "multiple"
    assert asked["context.addressees"].answers == (
        "subordinates", "team", "colleagues", "journalist",
    )  # fmt: skip
    assert asked["actor.account_shows"].kind == "choice"
    assert asked["actor.account_shows"].about == "person"
    assert asked["context.addressees"].about == "post"


def test_a_suggestion_is_never_used_as_a_fact():
    """The portfolio suggests the post touches one's own area; the verdict stays what
    it is without the answer, and changes only when the employee gives it."""
    asked = _asked(UK_OWN_TOPIC)
    own = asked["context.own_area"].suggestion
    assert own is not None and own.value is True and own.basis == "portfolio_topic"
    assert UK_OWN_TOPIC["text"][own.start : own.end] == own.text
    assert _levels(UK_OWN_TOPIC) != _levels(
        _with(UK_OWN_TOPIC, {"context.own_area": True})
    )
    result = check_with_questions(UK_OWN_TOPIC)
    assert [v["level"] for v in result["verdicts"]] == _levels(UK_OWN_TOPIC)


def test_the_answers_do_not_change_the_signals():
    """The questions find the signals once: no answer may change them."""
    for case in CASES.values():
        plain = collect_signals(parse_case(case))
        for told in TOLD:
            for answer in told.trials:
                answered = parse_case(_with(case, {told.path: answer}))
                assert collect_signals(answered) == plain, told.path
