"""The postponement notice (uitstelbericht): three more weeks to answer.

Reglement van Orde van de Tweede Kamer, written questions: a minister who cannot answer
within three weeks says so, with reasons; the answer is then due six weeks after submission
(:func:`zorgvuldig.parliament.terms.answer_deadline`).
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
    *, actor: User, inquiry: Inquiry, reason: str, sent_on: dt.date | None = None
) -> Postponement:
    """Record the postponement notice (uitstelbericht): the answer is due six weeks after
    submission instead of three (DESIGN.md §6.2).

    Raises:
        ProcedureError: not an assigned case handler; not written parliamentary questions
            with a submission date; already postponed; already sent; no reason.
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
    notice = Postponement.objects.create(
        inquiry=inquiry,
        reason=reason,
        sent_on=sent_on or timezone.localdate(),
        recorded_by=actor,
    )
    old = inquiry.deadline
    new = answer_deadline(inquiry.submitted, postponed=True)
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
