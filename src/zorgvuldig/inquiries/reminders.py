"""Reminders and escalation about deadlines, sent by the daily job (``tasks.py``).

For every open inquiry the next milestones are compared with today: a step within
``due_soon_days`` business days of its fatal date gets a "due soon" mail to the people whose
step it is; a step past its fatal date gets an "overdue" mail; a step still overdue after
``escalate_after_days`` business days is escalated to those people's managers. Each mail is
recorded as a :class:`Reminder` row whose unique key makes a second run (a retry, a restart,
two workers) send nothing new. Settings per organisation in
``procedure_settings["reminders"]``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from zorgvuldig.core.choices import Confidentiality, Role
from zorgvuldig.core.models import User
from zorgvuldig.parliament.calendars import add_business_days

from .choices import State
from .models import Inquiry, Reminder, ReminderKind
from .presenters import MilestoneRow, milestone_overview
from .procedure.organisation import organisation_calendar

#: Whose step each milestone is.
STEP_ROLES = {
    "facts": (Role.CASE_HANDLER,),
    "hearing": (Role.HR_ADVISOR,),
    "advice": (Role.HR_ADVISOR, Role.LEGAL_ADVISOR),
    "draft": (Role.CASE_HANDLER,),
    "approval": (Role.APPROVER,),
    "answer": (Role.CASE_HANDLER,),
}
DEFAULT_SETTINGS = {"due_soon_days": 2, "escalate_after_days": 2}
#: The longest reminder term, in business days; longer values are ignored.
MAX_REMINDER_DAYS = 60


def is_reminder_term(value: object) -> bool:
    """Whether ``value`` is a valid reminder term: a whole number of business days from 0
    to :data:`MAX_REMINDER_DAYS` (``true`` in JSON is not a number)."""
    return (
        isinstance(value, int)
        and not isinstance(value, bool)
        and 0 <= value <= MAX_REMINDER_DAYS
    )


def reminder_settings(settings_value: dict | None) -> dict[str, int]:
    """The reminder terms of ``settings_value`` (an organisation's ``procedure_settings``)
    over the defaults; terms that are not :func:`is_reminder_term` are ignored."""
    out = dict(DEFAULT_SETTINGS)
    settings_ = settings_value if isinstance(settings_value, dict) else {}
    reminders = settings_.get("reminders")
    for key, value in (reminders if isinstance(reminders, dict) else {}).items():
        if key in out and is_reminder_term(value):
            out[key] = value
    return out


def _open_inquiries() -> Iterable[Inquiry]:
    return (
        Inquiry.objects.exclude(state=State.SENT)
        .select_related("organisation")
        .prefetch_related("assignees__manager", "events", "persons", "hearings")
    )


def _send_once(
    *,
    inquiry: Inquiry | None,
    step: str,
    kind: str,
    due: dt.date,
    recipient: User,
    subject: str,
    body: str,
) -> bool:
    """Record and send one reminder unless it was sent before. Returns whether it was sent."""
    if not recipient.email:
        return False
    try:
        with transaction.atomic():
            Reminder.objects.create(
                inquiry=inquiry, step=step, kind=kind, due=due, recipient=recipient
            )
            transaction.on_commit(
                lambda: send_mail(
                    subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.email]
                )
            )
    except IntegrityError:
        return False  # sent before
    return True


def _may_read(user: User, inquiry: Inquiry) -> bool:
    """Whether ``user`` may read about ``inquiry`` at all: active and cleared for its level."""
    return user.is_active and inquiry.confidentiality in Confidentiality.up_to(
        user.clearance
    )


def _case_name(inquiry: Inquiry) -> str:
    """How a mail names a case: its number, never its subject (which may name the employee;
    mail leaves the product's access control)."""
    return _("case %(id)s%(number)s") % {
        "id": inquiry.pk,
        "number": f" ({inquiry.number})" if inquiry.number else "",
    }


def send_reminders(today: dt.date | None = None) -> int:
    """Send the due-soon, overdue and escalation mails for ``today``; returns how many."""
    today = today or timezone.localdate()
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for inquiry in _open_inquiries():
            config = reminder_settings(inquiry.organisation.procedure_settings)
            calendar = organisation_calendar(inquiry.organisation)
            for row in milestone_overview(inquiry, today):
                if row.reached is not None:
                    continue
                people = [
                    u
                    for u in inquiry.assignees.all()
                    if u.role in STEP_ROLES[row.step] and _may_read(u, inquiry)
                ]
                soon = add_business_days(row.fatal, -config["due_soon_days"], calendar)
                if row.status == "overdue":
                    kind, to = ReminderKind.OVERDUE, people
                    escalate_on = add_business_days(
                        row.fatal, config["escalate_after_days"], calendar
                    )
                    if today >= escalate_on:
                        managers = {
                            u.manager
                            for u in people
                            if u.manager is not None and u.manager.is_active
                        }
                        sent += _notify(inquiry, row, ReminderKind.ESCALATION, managers)
                elif today >= soon:
                    kind, to = ReminderKind.DUE_SOON, people
                else:
                    continue
                sent += _notify(inquiry, row, kind, to)
    return sent


def _notify(
    inquiry: Inquiry, row: MilestoneRow, kind: ReminderKind, recipients: Iterable[User]
) -> int:
    subject = {
        ReminderKind.DUE_SOON: _("Due on %(day)s: %(step)s — %(case)s"),
        ReminderKind.OVERDUE: _("Overdue since %(day)s: %(step)s — %(case)s"),
        ReminderKind.ESCALATION: _(
            "Escalation, overdue since %(day)s: %(step)s — %(case)s"
        ),
    }[kind] % {
        "day": row.fatal.isoformat(),
        "step": row.label,
        "case": _case_name(inquiry),
    }
    body = _(
        "%(step)s for “%(case)s” is due on %(day)s (target %(target)s).\n"
        "Answer due: %(deadline)s.\n\nOpen the case in Zorgvuldig to see what is missing."
    ) % {
        "step": row.label,
        "case": _case_name(inquiry),
        "day": row.fatal.isoformat(),
        "target": row.target.isoformat(),
        "deadline": inquiry.deadline.isoformat() if inquiry.deadline else "—",
    }
    return sum(
        _send_once(
            inquiry=inquiry,
            step=row.step,
            kind=kind,
            due=row.fatal,
            recipient=user,
            subject=subject,
            body=body,
        )
        for user in recipients
    )


def send_daily_digest(today: dt.date | None = None) -> int:
    """One mail per person with open cases: each case's next step and its fatal date."""
    today = today or timezone.localdate()
    lines: dict[User, list[str]] = {}
    with translation.override(settings.LANGUAGE_CODE):
        for inquiry in _open_inquiries():
            nxt = next(
                (r for r in milestone_overview(inquiry, today) if r.reached is None),
                None,
            )
            if nxt is None:
                continue
            flag = " (!)" if nxt.status == "overdue" else ""
            for user in (u for u in inquiry.assignees.all() if _may_read(u, inquiry)):
                lines.setdefault(user, []).append(
                    f"- {_case_name(inquiry)}: {nxt.label} {nxt.fatal.isoformat()}{flag}"
                )
        subject = _("Zorgvuldig: your cases on %(day)s") % {"day": today.isoformat()}
        return sum(
            _send_once(
                inquiry=None,
                step="",
                kind=ReminderKind.DIGEST,
                due=today,
                recipient=user,
                subject=subject,
                body="\n".join(entries),
            )
            for user, entries in lines.items()
        )
