"""The hearing of each employee concerned, and the employee's response to its record.

CAO Rijk ch. 15 and Ambtenarenwet 2017: the employee is heard before a disciplinary
punishment; the employee reads the record and confirms or objects to it.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from zorgvuldig.core.models import User
from zorgvuldig.core.services import Summary, record_audit
from zorgvuldig.inquiries.choices import HearingResponse, State
from zorgvuldig.inquiries.models import Hearing, Inquiry, PersonConcerned
from zorgvuldig.inquiries.procedure.permissions import RULES

from .steps import (
    ProcedureError,
    check_rule,
    fresh,
    on_behalf_of,
    person_on,
    void_approvals,
)


@transaction.atomic
def record_hearing(
    *,
    actor: User,
    inquiry: Inquiry,
    held_on: dt.date,
    present: str,
    account: str,
    assisted_by: str = "",
    person: PersonConcerned | int | None = None,
    reason: str = "",
) -> Hearing:
    """Record (or correct) the hearing of one employee concerned; possible any time after
    the facts.

    ``person`` is the employee heard (a person concerned of this inquiry, or its pk);
    ``None`` when only one person is concerned. Only the employee confirms or objects to the
    record (``respond_to_record``); recording it again resets their response, because they
    have not seen the new version.

    Raises:
        ProcedureError: not an assigned HR advisor, no (or an unknown) person concerned,
            a date in the future, or wrong state.
    """
    inquiry = fresh(inquiry)
    check_rule(actor, inquiry, "record_hearing")
    person = person_on(inquiry, person)
    if held_on > timezone.localdate():
        raise ProcedureError(_("The hearing date lies in the future."))
    old = inquiry.hearing_of(person)
    values = {
        "held_on": held_on,
        "present": present,
        "account": account,
        "assisted_by": assisted_by,
        "response": HearingResponse.PENDING,
        "employee_comment": "",
        "responded_at": None,
        "recorded_by": actor,
        "recorded_at": timezone.now(),
    }
    hearing, _created = Hearing.objects.update_or_create(
        inquiry=inquiry, person=person, defaults=values
    )
    # The hearing is part of the record advice rests on: advice given before is outdated,
    # and so are approvals of a draft under way.
    void_approvals(actor, inquiry, gettext_noop("The hearing"))
    Inquiry.objects.filter(pk=inquiry.pk).update(record_version=F("record_version") + 1)
    record_audit(
        actor=actor,
        action="hearing.recorded",
        reason=reason,
        target=inquiry,
        summary=Summary(
            gettext_noop("Hearing of %(person)s on %(day)s recorded"),
            {"person": person.name, "day": held_on},
        ),
        on_behalf_of=on_behalf_of(actor, inquiry, *RULES["record_hearing"].roles),
        changes={
            k: [str(getattr(old, k)) if old else None, str(v)]
            for k, v in values.items()
            if k not in ("recorded_by", "recorded_at", "responded_at")
        },
    )
    return hearing


@transaction.atomic
def respond_to_record(
    *, actor: User, inquiry: Inquiry, response: str, comment: str = ""
) -> Hearing:
    """The employee confirms or objects to the record of their hearing, with comments.

    The response becomes part of the record: advice given before it is outdated (the
    advisors must confirm it), as after any change to the hearing.

    Raises:
        ProcedureError: the actor is not the employee concerned, there is no hearing yet,
            the answer was already approved or sent, an objection without comments, or an
            unknown response.
    """
    inquiry = fresh(inquiry)
    person = next((p for p in inquiry.persons.all() if p.user_id == actor.pk), None)
    if person is None:
        raise ProcedureError(
            _("Only the employee concerned may respond to this record.")
        )
    hearing = inquiry.hearing_of(person)
    if hearing is None:
        raise ProcedureError(_("There is no record of a hearing to respond to yet."))
    if inquiry.state in (State.APPROVED, State.SENT):
        # After approval no advice can be confirmed again, so a response that outdates it
        # would leave the case unable to be sent; HR takes it up instead.
        raise ProcedureError(
            _("The answer has been approved; contact HR about the record.")
            if inquiry.state == State.APPROVED
            else _("The answer has been sent; contact HR about the record.")
        )
    if response not in (HearingResponse.CONFIRMED, HearingResponse.OBJECTED):
        raise ProcedureError(
            _("Choose whether you confirm the record or object to it.")
        )
    if response == HearingResponse.OBJECTED and not comment.strip():
        raise ProcedureError(_("Say what is wrong in the record."))
    old = (hearing.response, hearing.employee_comment)
    hearing.response = response
    hearing.employee_comment = comment
    hearing.responded_at = timezone.now()
    hearing.save(update_fields=["response", "employee_comment", "responded_at"])
    void_approvals(actor, inquiry, gettext_noop("The employee's response"))
    Inquiry.objects.filter(pk=inquiry.pk).update(record_version=F("record_version") + 1)
    record_audit(
        actor=actor,
        action="hearing.responded",
        target=inquiry,
        # The employee answers for themselves, never on someone's behalf.
        summary=Summary("%(response)s", {"response": HearingResponse(response)}),
        reason=comment,
        changes={"response": [old[0], response], "employee_comment": [old[1], comment]},
    )
    return hearing
