"""Grouped answers: one answer text for several questions ("Antwoord 2, 3 en 4").

Written answers to parliamentary questions often answer questions together, or refer to an
earlier answer ("Zie het antwoord op vraag 3"); DESIGN.md §6.2. A question answered in a group
points to the group's first question (its *leader*, ``Question.answered_with``); the leader
holds the text and is not itself grouped, so a group is never a chain.

These functions take plain numbers, so the form, the service, the guards
(``procedure/guards.py``), the answer check and the documents share one rule and one
layout; :func:`leaders_of` reads those numbers off an inquiry's saved questions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

if TYPE_CHECKING:
    from zorgvuldig.inquiries.models import Question

#: Why a question cannot be answered together with the chosen question.
UNKNOWN, ITSELF, LATER, CHAINED, BOTH, LEADER_EMPTY = (
    "unknown",
    "itself",
    "later",
    "chained",
    "both",
    "leader_empty",
)


def number_list(numbers: Iterable[int]) -> str:
    """The numbers in order, as written in an answer: "2", "2 en 3", "2, 3 en 4" (in the
    active language: "2, 3 and 4" in English). Duplicates are shown once."""
    shown = [str(n) for n in sorted(set(numbers))]
    if len(shown) < 2:
        return "".join(shown)
    return _("%(numbers)s and %(last)s") % {
        "numbers": ", ".join(shown[:-1]),
        "last": shown[-1],
    }


@dataclass(frozen=True)
class Problem:
    """Why question ``number`` cannot be answered together with question ``leader``
    (``code`` is one of the constants above; ``further`` is the leader's own leader for
    ``chained``)."""

    number: int
    leader: int
    code: str
    further: int | None = None

    @property
    def message(self) -> str:
        """What is wrong and what to do, for people (translated)."""
        values = {"n": self.number, "m": self.leader, "k": self.further}
        messages = {
            UNKNOWN: _("There is no question %(m)d in this inquiry."),
            ITSELF: _("Question %(n)d cannot be answered together with itself."),
            LATER: _(
                "Choose an earlier question: a group's answer is written at its first "
                "question."
            ),
            CHAINED: _(
                "Question %(m)d is itself answered together with question %(k)d; "
                "choose question %(k)d."
            ),
            BOTH: _(
                "Question %(n)d has an answer of its own: clear that text to answer it "
                "together with question %(m)d, or keep its own answer."
            ),
            LEADER_EMPTY: _(
                "Question %(m)d has no answer yet: write the answer there first."
            ),
        }
        return messages[self.code] % values


def leaders_of(questions: Sequence[Question]) -> dict[int, int | None]:
    """``{question number: the number it is answered with, or None}`` for an inquiry's
    saved questions (all of them: a leader is found among the others)."""
    number_of: dict[int | None, int] = {q.pk: q.number for q in questions}
    return {q.number: number_of.get(q.answered_with_id) for q in questions}


def grouping_problems(
    leaders: Mapping[int, int | None], texts: Mapping[int, str]
) -> list[Problem]:
    """What is wrong with a grouping, one problem per grouped question (in number order).

    Args:
        leaders: ``{question number: number of the question it is answered with, or None}``
            for every question of the inquiry.
        texts: ``{question number: its own answer text}``.

    Returns:
        ``[]`` when every grouped question points to an earlier question of the inquiry that
        is not grouped itself and has an answer, and has no text of its own.
    """
    problems = []
    for number in sorted(leaders):
        leader = leaders[number]
        if leader is None:
            continue
        if leader == number:
            code, further = ITSELF, None
        elif leader not in leaders:
            code, further = UNKNOWN, None
        elif leader > number:
            code, further = LATER, None
        elif leaders[leader] is not None:
            code, further = CHAINED, leaders[leader]
        elif texts.get(number, "").strip():
            code, further = BOTH, None
        elif not texts.get(leader, "").strip():
            code, further = LEADER_EMPTY, None
        else:
            continue
        problems.append(Problem(number, leader, code, further))
    return problems


@dataclass(frozen=True)
class AnswerBlock:
    """A run of questions printed together, followed by one answer.

    ``questions`` are printed in turn ("Vraag 2", "Vraag 3", "Vraag 4"), then the answer
    labelled with the same numbers ("Antwoord 2, 3 en 4"): the text of question ``leader``.
    ``group`` is every question that answer answers. When other questions stand between the
    members of a group, a later run *refers* to the leader's answer ("Zie het antwoord op
    vraag 2"), as written answers do.
    """

    questions: tuple[int, ...]
    leader: int
    group: tuple[int, ...]

    @property
    def refers(self) -> bool:
        """The answer is printed with an earlier block; this one points to it."""
        return self.leader not in self.questions

    @property
    def numbers(self) -> str:
        """The block's question numbers as written: "2, 3 en 4" (active language)."""
        return number_list(self.questions)

    @property
    def question_label(self) -> str:
        """The questions' label: "Vraag 2, 3 en 4" (English: "Questions 2, 3 and 4")."""
        return ngettext(
            "Question %(numbers)s", "Questions %(numbers)s", len(self.questions)
        ) % {"numbers": self.numbers}

    @property
    def answer_label(self) -> str:
        """The answer's label: "Antwoord 2, 3 en 4" (English: "Answer 2, 3 and 4")."""
        return _("Answer %(numbers)s") % {"numbers": self.numbers}

    @property
    def reference(self) -> str:
        """For a block that refers: "Zie het antwoord op vraag 2." ("" otherwise)."""
        if not self.refers:
            return ""
        return _("See the answer to question %(n)d.") % {"n": self.leader}


def answer_blocks(leaders: Mapping[int, int | None]) -> list[AnswerBlock]:
    """The questions in number order, cut into runs that share one answer.

    Args:
        leaders: ``{question number: the number it is answered with, or None}``.
    """
    groups: dict[int, list[int]] = {}
    for number in sorted(leaders):
        groups.setdefault(leaders[number] or number, []).append(number)
    runs: list[tuple[int, list[int]]] = []
    for number in sorted(leaders):
        leader = leaders[number] or number
        if runs and runs[-1][0] == leader:
            runs[-1][1].append(number)
        else:
            runs.append((leader, [number]))
    return [
        AnswerBlock(tuple(numbers), leader, tuple(groups[leader]))
        for leader, numbers in runs
    ]
