"""The facts timeline of a case and the fact questions it answers (issue 12, step 5).

:func:`timeline` merges three sources into one list, oldest first: the employee's actions
kept from their platform exports, the target's posts (the contested content), and the
inquiry's own dates (questions submitted, case registered, answer due). :func:`fact_answers`
answers, per action of the employee, what was done, when, by which account, whether the
contested content existed at the time, and what the export cannot say. Both take values
already access-checked by :func:`zorgvuldig.evidence.queries.visible_events`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zorgvuldig.inquiries.models import Inquiry

from .models import EvidenceItem, TimelineEvent

KIND_LABELS = {
    "post": gettext_lazy("posted"),
    "comment": gettext_lazy("commented"),
    "page_like": gettext_lazy("liked the page"),
    "reaction": gettext_lazy("reacted to"),
    "follow": gettext_lazy("followed"),
    "follower": gettext_lazy("was followed by"),
    "share": gettext_lazy("shared"),
}


@dataclass(frozen=True)
class Row:
    """One line of the timeline; ``when`` ``None`` means the time is unknown."""

    when: dt.datetime | dt.date | None
    side: str  # "employee", "target", "seen" or "inquiry"
    label: str
    detail: str = ""
    evidence: EvidenceItem | None = None
    url: str = ""
    #: the time as the export wrote it, without a zone: ``when`` rests on an assumed zone
    local_time: str = ""


@dataclass(frozen=True)
class FactAnswer:
    """The answers to the fact questions about one action of the employee."""

    event: TimelineEvent
    answers: list[tuple[str, str]] = field(default_factory=list)


def _kind(event: TimelineEvent) -> str:
    return str(KIND_LABELS.get(event.kind, event.kind))


def _said(e: TimelineEvent) -> tuple[str, str]:
    """The row's label and detail: what the employee did and to what; the target's post
    and its text; who saw what, and where."""
    if e.side == TimelineEvent.Side.EMPLOYEE:
        return _kind(e), e.target
    if e.side == TimelineEvent.Side.SEEN:
        where = f" ({e.target})" if e.target else ""
        return _("seen by %(who)s") % {"who": e.account}, e.text + where
    return _("post of the target"), e.text


def timeline(inquiry: Inquiry, events: Iterable[TimelineEvent]) -> list[Row]:
    """The case's timeline: events and the inquiry's dates, by time; untimed rows last."""
    rows = [
        Row(e.when, e.side, *_said(e), e.evidence, e.url, e.local_time) for e in events
    ]
    if inquiry.submitted:
        rows.append(Row(inquiry.submitted, "inquiry", _("questions submitted")))
    rows.append(Row(inquiry.created_at, "inquiry", _("case registered")))
    if inquiry.deadline:
        rows.append(Row(inquiry.deadline, "inquiry", _("answer due")))

    def key(row: Row) -> tuple[bool, dt.datetime]:
        when = row.when
        if isinstance(when, dt.date) and not isinstance(when, dt.datetime):
            when = dt.datetime.combine(when, dt.time(), tzinfo=dt.UTC)
        return (when is None, when or dt.datetime.min.replace(tzinfo=dt.UTC))

    return sorted(rows, key=key)


def _date(when: dt.datetime) -> str:
    return date_format(when, "j F Y")


def _months(a: dt.datetime, b: dt.datetime) -> int:
    return (b.year - a.year) * 12 + b.month - a.month - (b.day < a.day)


def existed_at_the_time(action: TimelineEvent, post: TimelineEvent) -> str:
    """Whether the target's ``post`` existed when ``action`` happened, in words."""
    if action.when is None:
        return _("Cannot be said: the export does not record when this happened.")
    if post.when is None:
        return _("Cannot be said: the date of the post is not known.")
    if action.when < post.when:
        return _(
            "No. The action (%(action)s) came %(months)d months before the post "
            "(%(post)s): the post did not exist yet."
        ) % {
            "action": _date(action.when),
            "months": _months(action.when, post.when),
            "post": _date(post.when),
        }
    return _("Yes: the post (%(post)s) existed when this happened (%(action)s).") % {
        "action": _date(action.when),
        "post": _date(post.when),
    }


def fact_answers(
    inquiry: Inquiry, events: Iterable[TimelineEvent], statements: list[str]
) -> list[FactAnswer]:
    """The fact questions per employee action; ``statements`` are the employee's recorded
    accounts (hearings), quoted as what the employee says."""
    events = list(events)
    posts = [e for e in events if e.side == TimelineEvent.Side.TARGET]
    result = []
    for e in events:
        if e.side != TimelineEvent.Side.EMPLOYEE:
            continue
        answers = [
            (
                _("What exactly"),
                f"{_kind(e)}: {e.target}" + (f" ({e.reaction})" if e.reaction else ""),
            ),
            (
                _("When"),
                date_format(e.when, "j F Y H:i") + " UTC"
                if e.when
                else _("time unknown: the export does not record it"),
            ),
            (_("By which account"), f"{e.account or _('not named')} ({e.platform})"),
            (
                _("Was it public"),
                _("The export does not say; establish it separately."),
            ),
        ]
        answers += [
            (
                _("Did the contested post exist then") + f" ({p.text[:60]})",
                existed_at_the_time(e, p),
            )
            for p in posts
        ]
        answers.append(
            (
                _("Deliberate or automatic"),
                _("The export records the action, not the intent; ask the employee."),
            )
        )
        answers.append(
            (
                _("What the employee says"),
                " / ".join(statements) if statements else _("Not heard yet."),
            )
        )
        result.append(FactAnswer(e, answers))
    return result
