"""The postponement notice (uitstelbericht): more time to answer, in the assembly's term.

Reglement van Orde van de Tweede Kamer, written questions: a minister who cannot answer
within three weeks says so, with reasons; the answer is then due six weeks after submission
(:func:`zorgvuldig.parliament.terms.answer_deadline`). Councils' rules (gemeenteraad,
Provinciale Staten) let the notice name the term itself: the case handler gives that day.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from zorgvuldig.core.models import User
from zorgvuldig.core.services import Summary, record_audit
from zorgvuldig.inquiries.choices import InquiryKind
from zorgvuldig.inquiries.models import Inquiry, Postponement
from zorgvuldig.inquiries.procedure.organisation import organisation_terms
from zorgvuldig.inquiries.procedure.permissions import RULES
from zorgvuldig.parliament.terms import answer_deadline

from .steps import (
    ProcedureError,
    check_rule,
    fresh,
    on_behalf_of,
)


@transaction.atomic
def postpone_answer(
    *,
    actor: User,
    inquiry: Inquiry,
    reason: str,
    sent_on: dt.date | None = None,
    due_on: dt.date | None = None,
) -> Postponement:
    """Record the postponement notice (uitstelbericht): the answer is due in the term
    the organisation sets for the inquiry's assembly after a postponement (for the Tweede
    Kamer six weeks after submission instead of three, DESIGN.md §6.2), or on ``due_on``,
    the day the notice names.

    Raises:
        ProcedureError: not an assigned case handler; not written parliamentary questions
            with a submission date; already postponed; already sent; no reason; no
            ``due_on`` where the assembly sets no term after a postponement, or one not
            after the current deadline.
    """
    inquiry = fresh(inquiry)
    check_rule(actor, inquiry, "postpone_answer")
    if inquiry.kind != InquiryKind.PARLIAMENTARY_WRITTEN or inquiry.submitted is None:
        raise ProcedureError(
            _(
                "Only written parliamentary questions with a submission date are postponed."
            )
        )
    if inquiry.postponement is not None:
        raise ProcedureError(_("The answer has already been postponed once."))
    if not reason.strip():
        raise ProcedureError(_("A postponement notice states its reasons."))
    if sent_on and not inquiry.submitted <= sent_on <= timezone.localdate():
        raise ProcedureError(
            _("The notice is sent between the submission of the questions and today.")
        )
    old = inquiry.deadline
    term = organisation_terms(inquiry.organisation).get(
        inquiry.assembly or "tweede_kamer"
    )
    new = due_on or (
        answer_deadline(inquiry.submitted, postponed=True, term=term) if term else None
    )
    if new is None:
        raise ProcedureError(
            _("The notice names the day the answer will follow: give that day.")
        )
    if due_on and old and due_on <= old:
        raise ProcedureError(
            _("The new answer day must fall after the current deadline (%(day)s).")
            % {"day": old}
        )
    notice = Postponement.objects.create(
        inquiry=inquiry,
        reason=reason,
        sent_on=sent_on or timezone.localdate(),
        recorded_by=actor,
    )
    Inquiry.objects.filter(pk=inquiry.pk).update(deadline=new)
    record_audit(
        actor=actor,
        action="answer.postponed",
        target=inquiry,
        summary=Summary(
            gettext_noop("Postponement notice: answer due %(day)s"), {"day": new}
        ),
        reason=reason,
        on_behalf_of=on_behalf_of(actor, inquiry, *RULES["postpone_answer"].roles),
        changes={"deadline": [str(old), str(new)]},
    )
    return notice
