"""Approval of the answer in the organisation's layers, return for rework, and sending."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from zorgvuldig.core.models import User
from zorgvuldig.core.services import Summary, record_audit
from zorgvuldig.inquiries.models import ApprovalStep, Inquiry
from zorgvuldig.inquiries.procedure.approval import approval_refusal, pending_layer
from zorgvuldig.inquiries.procedure.guards import gates_before_layers, unmet
from zorgvuldig.inquiries.procedure.permissions import transition_roles

from .steps import (
    ProcedureError,
    fire,
    fire_locked,
    fresh,
    on_behalf_of,
    transition_for,
)


@transaction.atomic
def return_for_rework(*, actor: User, inquiry: Inquiry, reason: str) -> Inquiry:
    """Send the draft back for rework (approver); a reason is required.

    It returns to "measure decided" when a person is concerned, else to "advice complete".
    """
    if not reason.strip():
        raise ProcedureError(_("Say why the draft goes back."))
    return fire(actor, inquiry, "return_for_rework", reason)


@transaction.atomic
def approve_answer(*, actor: User, inquiry: Inquiry, reason: str = "") -> Inquiry:
    """Approve the drafted answer for the next approval layer; the last layer's approval
    approves the answer (all gates of ``Inquiry.approve`` must hold).

    With layers configured (``procedure_settings["approval_layers"]``, e.g. ``["director",
    "secretary-general"]``) each approves the current draft round in turn; an approver with
    an ``approval_layer`` may approve only that layer (or one delegated to them).
    Without layers, one approval approves.

    Raises:
        ProcedureError: the role, assignment, layer or any gate of the procedure refuses.
    """
    inquiry = fresh(inquiry)
    meta = transition_for(actor, inquiry, "approve")
    refusal = approval_refusal(actor, inquiry)
    if refusal is not None:
        raise ProcedureError(refusal)
    layer = pending_layer(inquiry)
    if layer is None:
        return fire_locked(actor, inquiry, "approve", reason)
    gates = gates_before_layers(meta.conditions)
    missing = unmet(gates, inquiry)
    if missing:
        raise ProcedureError(*missing)
    ApprovalStep.objects.create(
        inquiry=inquiry,
        draft_round=inquiry.draft_round,
        layer=layer,
        by=actor,
        comments=reason,
    )
    record_audit(
        actor=actor,
        action="answer.layer_approved",
        target=inquiry,
        summary=Summary(gettext_noop("Approved for %(layer)s"), {"layer": layer}),
        reason=reason,
        on_behalf_of=on_behalf_of(actor, inquiry, *transition_roles(meta)),
    )
    inquiry = fresh(inquiry)
    if pending_layer(inquiry) is None:
        return fire_locked(actor, inquiry, "approve", reason)
    return inquiry


@transaction.atomic
def send_answer(*, actor: User, inquiry: Inquiry, reason: str = "") -> Inquiry:
    """Record that the approved answer was sent."""
    return fire(actor, inquiry, "send", reason)
