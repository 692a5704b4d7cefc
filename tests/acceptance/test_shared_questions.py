"""The questions to the employee on the shared self-check cases, checked against the
command-line contract itself: ``zorgvuldig check --questions`` adds ``questions`` and
nothing else, and each question asked has an answer that changes some verdict's level when
the case is checked again with it (alone, or with another question asked)."""

from __future__ import annotations

import copy
import itertools

import pytest

from zorgvuldig.rulebooks.check import run_check
from zorgvuldig.rulebooks.questions import TOLD_BY_PATH, check_with_questions

from .test_shared_cases import SELF_CASES, SKIP, _batch

pytestmark = pytest.mark.acceptance
ALL = ["NL", "US", "UK"]


def _with(case, answers):
    out = copy.deepcopy(case)
    for path, value in answers.items():
        section, name = path.split(".")
        out[section][name] = list(value) if isinstance(value, tuple) else value
    return out


def _levels(case):
    return [v["level"] for v in run_check(case, ALL)["verdicts"]]


@SKIP
def test_the_questions_flag_adds_questions_and_nothing_else():
    plain = _batch(["check"], SELF_CASES)
    asked = _batch(["check", "--questions"], SELF_CASES)
    for case_id, result in asked.items():
        assert isinstance(result.pop("questions"), list)
        assert result == plain[case_id]


@SKIP
@pytest.mark.parametrize("case_id", list(SELF_CASES) or ["none"])
def test_every_question_asked_can_change_a_verdict(case_id):
    case = {k: v for k, v in SELF_CASES[case_id].items() if k != "expect"}
    asked = [q["field"] for q in check_with_questions(case, ALL)["questions"]]
    before = _levels(case)
    for field in asked:
        trials = TOLD_BY_PATH[field].trials
        if any(_levels(_with(case, {field: a})) != before for a in trials):
            continue
        assert any(
            _levels(_with(case, {field: a, other: b}))
            != _levels(_with(case, {other: b}))
            for other in asked
            if other != field
            for a, b in itertools.product(trials, TOLD_BY_PATH[other].trials)
        ), f"{case_id}: {field} is asked but changes no verdict"
