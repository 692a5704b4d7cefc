"""Fact-finding on a case's timeline (issue 12, step 5): notes of what was seen, the
target's post (the contested content), and the recorded answers to the fact questions.

Public surface: :func:`record_seen`, :func:`record_contested_post`,
:func:`answer_fact_question`, :func:`answers_of`, :class:`StaleAnswerError`. Every write
checks :func:`~zorgvuldig.evidence.queries.may_add_evidence` (an assigned case handler,
HR or legal advisor) and raises :class:`~zorgvuldig.evidence.services.EvidenceError`
otherwise; the caller has checked that the actor sees the case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from zorgvuldig.core.choices import Confidentiality
from zorgvuldig.core.models import User
from zorgvuldig.core.services import Summary, record_audit
from zorgvuldig.inquiries.models import Inquiry

from . import platform_exports, services
from .choices import FactQuestion
from .models import EvidenceItem, FactAnswer, TimelineEvent
from .queries import UPLOAD_ROLES, may_add_evidence, visible_items


class StaleAnswerError(services.EvidenceError):
    """The answer was saved by someone else after the page was loaded; ``current`` is
    that newer answer. Nothing was saved."""

    def __init__(self, current: FactAnswer | None) -> None:
        self.current = current
        if current is None:
            message = _(
                "Not saved: the answer you changed was withdrawn after you opened this "
                "page. Your text is kept below; save again."
            )
        else:
            message = _(
                "Not saved: %(name)s answered this question on %(at)s, after you opened "
                "this page: “%(text)s”. Your text is kept below; compare the two and save "
                "again."
            ) % {
                "name": current.answered_by.get_full_name() or current.answered_by,
                "at": date_format(timezone.localtime(current.answered_at), "j F Y H:i"),
                "text": current.text,
            }
        super().__init__(message)


def _check(actor: User, inquiry: Inquiry) -> None:
    if not may_add_evidence(actor, inquiry):
        raise services.EvidenceError(
            _("Only an assigned case handler or advisor may add evidence.")
        )


def _utc(when: dt.datetime | None) -> dt.datetime | None:
    """``when`` (aware, any zone) in UTC; ``None`` stays ``None``."""
    return when.astimezone(dt.UTC) if when is not None else None


@transaction.atomic
def record_seen(
    *,
    actor: User,
    inquiry: Inquiry,
    text: str,
    seen_by: str,
    where: str = "",
    seen_at: dt.datetime | None = None,
    confidentiality: str = Confidentiality.ZAAKVERTROUWELIJK,
) -> tuple[EvidenceItem, TimelineEvent | None]:
    """A note of what ``seen_by`` saw (``where``: an address or place; ``seen_at``: when,
    aware) as an evidence item (kind ``note``: a UTF-8 text naming who, where and when,
    then what), and, when it has a time, a timeline event (side ``seen``) pointing to it.

    Returns:
        ``(item, event)``; ``event`` is ``None`` when no time was given.

    Raises:
        EvidenceError: the actor may not add evidence, the note is empty, or the level is
            above the actor's clearance.
    """
    _check(actor, inquiry)
    if not text.strip():
        raise services.EvidenceError(_("The note is empty."))
    seen_at = _utc(seen_at)
    header = [
        f"Seen by: {seen_by}",
        f"Where: {where}",
        f"When (UTC): {seen_at.isoformat() if seen_at else 'not given'}",
        f"Recorded by: {actor.get_username()}",
    ]
    item = services.add_note(
        actor=actor,
        inquiry=inquiry,
        text="\n".join(header) + "\n\n" + text.strip() + "\n",
        reason=_("what %(who)s saw") % {"who": seen_by},
        source=where,
        seen_at=seen_at,
        confidentiality=confidentiality,
    )
    event = None
    if seen_at is not None:
        event = TimelineEvent.objects.create(
            inquiry=inquiry,
            evidence=item,
            side=TimelineEvent.Side.SEEN,
            kind="seen",
            when=seen_at,
            account=seen_by[:200],
            target=where[:500],
            text=text.strip(),
            added_by=actor,
        )
        record_audit(
            actor=actor,
            action="evidence.seen_recorded",
            target=inquiry,
            summary=Summary("#%(event)s", {"event": event.pk}),
            on_behalf_of=inquiry.delegator_of(actor, *UPLOAD_ROLES),
        )
    return item, event


@transaction.atomic
def record_contested_post(
    *,
    actor: User,
    inquiry: Inquiry,
    text: str,
    account: str,
    url: str = "",
    published_at: dt.datetime | None = None,
    confidentiality: str = Confidentiality.ZAAKVERTROUWELIJK,
) -> tuple[EvidenceItem, TimelineEvent]:
    """The target's post (the contested content): ``text`` as ``account`` (author or page)
    published it at ``url`` at ``published_at`` (aware, or ``None`` when unknown), kept as
    an evidence item (a UTF-8 note of the post) and put on the timeline (side ``target``).

    Raises:
        EvidenceError: as :func:`record_seen`.
    """
    _check(actor, inquiry)
    if not text.strip():
        raise services.EvidenceError(_("The text of the post is empty."))
    published_at = _utc(published_at)
    record = "\n".join(
        [
            f"Author or page: {account}",
            f"Address: {url}",
            "Published (UTC): "
            + (published_at.isoformat() if published_at else "not known"),
            f"Recorded by: {actor.get_username()}",
            "",
            text.strip(),
            "",
        ]
    )
    item = services.add_note(
        actor=actor,
        inquiry=inquiry,
        text=record,
        reason=_("the contested post"),
        source=url,
        confidentiality=confidentiality,
    )
    event = platform_exports.record_target_post(
        actor=actor,
        inquiry=inquiry,
        when=published_at,
        text=text.strip(),
        account=account,
        url=url,
        evidence=item,
    )
    return item, event


@dataclass(frozen=True)
class AnsweredQuestion:
    """A fact question with its current answer (``None``: not answered yet) and the
    earlier versions, newest first."""

    question: FactQuestion
    current: FactAnswer | None
    earlier: list[FactAnswer]


def answers_of(inquiry: Inquiry) -> list[AnsweredQuestion]:
    """Every fact question of ``inquiry`` in the order of :class:`FactQuestion`, with its
    answers (two queries, whatever the number of answers)."""
    rows = list(
        inquiry.fact_answers.select_related("answered_by").prefetch_related("evidence")
    )
    out = []
    for question in FactQuestion:
        versions = [a for a in rows if a.question == question.value]
        out.append(
            AnsweredQuestion(question, versions[0] if versions else None, versions[1:])
        )
    return out


def current_answer(inquiry: Inquiry, question: str) -> FactAnswer | None:
    """The newest answer to ``question`` on ``inquiry``, or ``None``."""
    return (
        FactAnswer.objects.filter(inquiry=inquiry, question=question)
        .select_related("answered_by")
        .order_by("-answered_at", "-pk")
        .first()
    )


@transaction.atomic
def answer_fact_question(
    *,
    actor: User,
    inquiry: Inquiry,
    question: str,
    text: str,
    evidence: Sequence[EvidenceItem] = (),
    based_on: int | None = None,
    check_version: bool = True,
) -> FactAnswer:
    """Record ``text`` as the answer to ``question`` (a :class:`FactQuestion` value),
    resting on ``evidence`` (items of this case that ``actor`` may see) and on the items of
    the earlier answer that ``actor`` may not see (kept, since the form cannot offer them).
    The earlier answer stays on record; the new one names it (``replaces``).

    ``based_on`` is the pk of the answer the actor saw when they wrote theirs (``None``:
    none); with ``check_version`` a save over a newer answer is refused (ADR 0005). The
    inquiry row is locked, so two saves cannot both pass the check.

    Raises:
        StaleAnswerError: another answer was saved after ``based_on``.
        EvidenceError: the actor may not answer, the text is empty, or an item is not of
            this case or not visible to the actor.
    """
    _check(actor, inquiry)
    if question not in FactQuestion.values:
        raise services.EvidenceError(_("Unknown fact question."))
    if not text.strip():
        raise services.EvidenceError(_("The answer is empty."))
    Inquiry.objects.select_for_update().filter(pk=inquiry.pk).exists()
    current = current_answer(inquiry, question)
    if check_version and (current.pk if current else None) != based_on:
        raise StaleAnswerError(current)
    allowed = set(visible_items(actor, inquiry).values_list("pk", flat=True))
    if any(item.pk not in allowed for item in evidence):
        raise services.EvidenceError(_("Link only evidence of this case."))
    answer = FactAnswer.objects.create(
        inquiry=inquiry,
        question=question,
        text=text.strip(),
        answered_by=actor,
        replaces=current,
    )
    # Links to items the actor is not cleared to see stay: the form could not offer them,
    # and a new version must not silently drop what the earlier one rests on.
    hidden = (
        [item for item in current.evidence.all() if item.pk not in allowed]
        if current
        else []
    )
    answer.evidence.set([*evidence, *hidden])
    record_audit(
        actor=actor,
        action="evidence.fact_answered",
        target=inquiry,
        # Points to the record (which keeps every version) instead of copying it.
        summary=Summary(
            "#%(answer)s (%(question)s, replaces %(replaces)s)",
            {
                "answer": answer.pk,
                "question": question,
                "replaces": f"#{current.pk}" if current else "-",
            },
        ),
        on_behalf_of=inquiry.delegator_of(actor, *UPLOAD_ROLES),
    )
    return answer
