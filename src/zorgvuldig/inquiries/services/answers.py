"""Drafting the answer: the answer texts (grouped or not), submitting the draft, and the
approver's override of the answer checks with a reason.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from zorgvuldig.core.models import User
from zorgvuldig.core.services import record_audit
from zorgvuldig.inquiries.answers.check import findings_digest, open_findings
from zorgvuldig.inquiries.answers.grouping import grouping_problems, leaders_of
from zorgvuldig.inquiries.models import AnswerOverride, Inquiry
from zorgvuldig.inquiries.procedure.permissions import RULES

from .steps import (
    ProcedureError,
    check_rule,
    fire,
    fresh,
    on_behalf_of,
    void_approvals,
)


@transaction.atomic
def submit_draft_answer(*, actor: User, inquiry: Inquiry, reason: str = "") -> Inquiry:
    """Submit the answer, every question answered, for approval (a new draft round: the
    approval layers approve it afresh)."""
    after = fire(actor, inquiry, "draft_answer", reason)
    Inquiry.objects.filter(pk=after.pk).update(draft_round=F("draft_round") + 1)
    after.refresh_from_db(fields=["draft_round"])
    return after


@transaction.atomic
def save_answers(
    *,
    actor: User,
    inquiry: Inquiry,
    answers: Mapping[int, str],
    reason: str = "",
    groups: Mapping[int, int | None] | None = None,
) -> None:
    """Write the answer per question (``{question number: text}``) and, optionally, which
    questions are answered together (``groups``: ``{question number: number of the earlier
    question whose answer also answers it, or None}``; questions left out keep their group).

    A grouped question has no text of its own: its group's answer ("Antwoord 2, 3 en 4") is
    the text of the group's first question (``grouping``).

    Raises:
        ProcedureError: not an assigned case handler, wrong state, an unknown number, or a
            grouping that is not allowed (a chain, a later or empty leader, a grouped
            question with its own text).
    """
    inquiry = fresh(inquiry)
    check_rule(actor, inquiry, "save_answers")
    groups = groups or {}
    by_number = {q.number: q for q in inquiry.questions.all()}
    unknown = sorted((set(answers) | set(groups)) - set(by_number))
    if unknown:
        raise ProcedureError(
            _("No question numbered %(n)s.") % {"n": ", ".join(map(str, unknown))}
        )
    old_leaders = leaders_of(list(by_number.values()))
    leaders = {**old_leaders, **groups}
    texts = {n: answers.get(n, q.answer) for n, q in by_number.items()}
    problems = grouping_problems(leaders, texts)
    if problems:
        raise ProcedureError(
            *(
                _("Question %(n)d: %(problem)s") % {"n": p.number, "problem": p.message}
                for p in problems
            )
        )
    changes: dict[str, list[str | int | None]] = {}
    for number, text in answers.items():
        q = by_number[number]
        if q.answer != text:
            changes[f"answer {number}"] = [q.answer, text]
            q.answer = text
            q.save(update_fields=["answer"])
    for number, leader in groups.items():
        if leader != old_leaders[number]:
            changes[f"answered_with {number}"] = [old_leaders[number], leader]
            q = by_number[number]
            q.answered_with = by_number[leader] if leader is not None else None
            q.save(update_fields=["answered_with"])
    if changes:
        void_approvals(actor, inquiry, gettext_noop("The answer"))
        record_audit(
            actor=actor,
            action="answer.changed",
            target=inquiry,
            reason=reason,
            on_behalf_of=on_behalf_of(actor, inquiry, *RULES["save_answers"].roles),
            changes=changes,
        )


@transaction.atomic
def override_answer_check(
    *, actor: User, inquiry: Inquiry, reason: str
) -> AnswerOverride:
    """Accept the current answer-check findings, with a recorded reason.

    Only the findings as they stand are covered; a later change that alters them needs a new
    override.

    Only the approver may do this: the person who drafted the words does not waive the check
    on them.

    Raises:
        ProcedureError: not an assigned approver; not in an open state; no reason; nothing
            to override.
    """
    inquiry = fresh(inquiry)
    check_rule(actor, inquiry, "override_answer_check")
    if not reason.strip():
        raise ProcedureError(_("Give the reason for keeping these words."))
    findings = open_findings(inquiry)
    if not findings:
        raise ProcedureError(_("The answer check has no findings to override."))
    override, _created = AnswerOverride.objects.update_or_create(
        inquiry=inquiry,
        defaults={
            "reason": reason,
            "digest": findings_digest(findings),
            "by": actor,
            "at": timezone.now(),
        },
    )
    record_audit(
        actor=actor,
        action="answer_check.overridden",
        target=inquiry,
        summary=", ".join(f.text for f in findings)[:200],  # quoted words: data
        reason=reason,
        on_behalf_of=on_behalf_of(
            actor, inquiry, *RULES["override_answer_check"].roles
        ),
    )
    return override
