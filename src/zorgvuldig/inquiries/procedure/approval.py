"""Approval in layers: the organisation's policy and who may approve the current draft.

An organisation lists its approval layers in ``procedure_settings["approval_layers"]`` (for
example ``["director", "secretary-general"]``); each layer approves the current draft round
in turn, the person who submitted the draft never approves it (four eyes), and one person
approves one layer at most per round. A change during approval starts a new draft round
(``services.steps.void_approvals``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from .organisation import procedure_settings

if TYPE_CHECKING:
    from zorgvuldig.inquiries.models import ApprovalStep, Inquiry


def approval_layers(inquiry: Inquiry) -> list[str]:
    """The organisation's approval layers in order (``[]``: one approver suffices)."""
    layers = procedure_settings(inquiry.organisation).get("approval_layers") or []
    if isinstance(layers, str):  # a single layer written without brackets
        layers = [layers]
    if not isinstance(layers, list):
        return []
    return [str(layer) for layer in layers if str(layer).strip()]


def round_approvals(inquiry: Inquiry) -> list[ApprovalStep]:
    """The layer approvals of the current draft round (earlier rounds no longer count)."""
    return [a for a in inquiry.approvals.all() if a.draft_round == inquiry.draft_round]


def pending_layer(inquiry: Inquiry) -> str | None:
    """The next layer that must approve the current draft round, or ``None``."""
    done = {a.layer for a in round_approvals(inquiry)}
    return next(
        (layer for layer in approval_layers(inquiry) if layer not in done), None
    )


def drafter_id(inquiry: Inquiry) -> int | None:
    """The id of who submitted the current draft for approval (``None``: not submitted)."""
    events = [e for e in inquiry.events.all() if e.transition == "draft_answer"]
    latest = max(events, key=lambda e: (e.at, e.pk), default=None)
    return latest.actor_id if latest else None


def may_approve_layer(user, layer: str) -> bool:
    """Whether ``user`` (or a delegator they act for) is the approver of ``layer``.

    With layers configured every approver must have their layer set: a blank layer approves
    nothing, so no one approves a layer that is not theirs.
    """
    layers = {user.approval_layer} | {
        d.from_user.approval_layer for d in user.active_delegations()
    }
    return layer in layers


def approval_refusal(user, inquiry: Inquiry) -> str | None:
    """Why ``user``, an approver on the case, may not approve the current draft now, or
    ``None``: four eyes (the one who submitted the draft does not approve it), one layer per
    person per draft round, and the layer that is next must be theirs."""
    if drafter_id(inquiry) == user.pk:
        return str(_("The person who submitted the draft does not also approve it."))
    layer = pending_layer(inquiry)
    if layer is None:
        return None
    if any(a.by_id == user.pk for a in round_approvals(inquiry)):
        return str(_("You have already approved this draft for another layer."))
    if not may_approve_layer(user, layer):
        return str(
            _("The next approval is for the layer '%(layer)s'.") % {"layer": layer}
        )
    return None
