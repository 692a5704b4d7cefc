"""The facts and the established conduct: recorded, established, revised.

Awb art. 3:2 (zorgvuldigheidsbeginsel): the facts are gathered before anything is decided;
revising them outdates the advice given on the earlier version.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from zorgvuldig.conduct import cases as conduct_cases
from zorgvuldig.core.models import User
from zorgvuldig.core.services import Summary, record_audit
from zorgvuldig.inquiries.choices import State
from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.inquiries.procedure.permissions import RULES
from zorgvuldig.rulebooks.cases import CaseError

from .steps import (
    ProcedureError,
    check_rule,
    fire,
    fresh,
    on_behalf_of,
    void_approvals,
)


@transaction.atomic
def record_facts(
    *, actor: User, inquiry: Inquiry, facts: str, reason: str = ""
) -> None:
    """Write down the established facts (before they are declared established).

    Raises:
        ProcedureError: not a case handler on this case, or the facts are already established.
    """
    inquiry = fresh(inquiry)
    check_rule(actor, inquiry, "record_facts")
    old = inquiry.facts
    Inquiry.objects.filter(pk=inquiry.pk).update(facts=facts)
    record_audit(
        actor=actor,
        action="facts.recorded",
        target=inquiry,
        reason=reason,
        on_behalf_of=on_behalf_of(actor, inquiry, *RULES["record_facts"].roles),
        changes={"facts": [old, facts]},
    )


@transaction.atomic
def record_conduct(
    *, actor: User, inquiry: Inquiry, conduct: Mapping[str, Any], reason: str = ""
) -> Inquiry:
    """Record (or correct) the established conduct in the shape the rulebooks read.

    The conduct is part of the facts, so the case handler records it whenever the facts may
    be recorded or revised. A change after the facts were established raises the record
    version: advice given on the earlier conduct is outdated until its advisor confirms it.

    Args:
        conduct: a self-check case, ``{"actor", "context", "action", "text"}``
            (shared/cases/README.md, "Self-check"; see ``conduct.cases.normalised``).

    Returns:
        The inquiry as saved (unchanged conduct changes and records nothing).

    Raises:
        ProcedureError: not an assigned case handler, the answer is already approved, or a
            field the rulebooks cannot read (the message names it).
    """
    inquiry = fresh(inquiry)
    check_rule(actor, inquiry, "record_conduct")
    try:
        new = conduct_cases.normalised(conduct)
    except CaseError as exc:
        raise ProcedureError(
            _("The rules cannot read the conduct: %(problem)s") % {"problem": exc}
        ) from None
    old = inquiry.conduct
    if new == old:
        return inquiry
    outdates_advice = inquiry.state != State.REGISTERED
    fields: dict[str, Any] = {"conduct": new}
    if outdates_advice:
        fields["record_version"] = F("record_version") + 1
        void_approvals(actor, inquiry, gettext_noop("The established conduct"))
    Inquiry.objects.filter(pk=inquiry.pk).update(**fields)
    record_audit(
        actor=actor,
        action="conduct.recorded",
        target=inquiry,
        summary=Summary(gettext_noop("Earlier advice must be confirmed"))
        if outdates_advice
        else "",
        reason=reason,
        on_behalf_of=on_behalf_of(actor, inquiry, *RULES["record_conduct"].roles),
        changes={"conduct": [old, new]},
    )
    return Inquiry.objects.get(pk=inquiry.pk)


@transaction.atomic
def establish_facts(*, actor: User, inquiry: Inquiry, reason: str = "") -> Inquiry:
    """Declare the recorded facts established (registered → facts established)."""
    return fire(actor, inquiry, "establish_facts", reason)


@transaction.atomic
def revise_facts(*, actor: User, inquiry: Inquiry, facts: str, reason: str) -> Inquiry:
    """Correct the established facts after the fact (a transition of its own).

    The procedure returns to "facts established" and every piece of advice given on the old
    facts is outdated until its advisor confirms it (``record_advice`` again).

    Raises:
        ProcedureError: no reason, empty or unchanged facts, or a refused transition.
    """
    if not reason.strip():
        raise ProcedureError(_("Say why the facts change."))
    if not facts.strip():
        raise ProcedureError(_("The established facts must be written down."))
    current = fresh(inquiry)
    if facts == current.facts:
        raise ProcedureError(_("The facts are unchanged."))
    old = current.facts
    Inquiry.objects.filter(pk=current.pk).update(
        facts=facts, record_version=F("record_version") + 1
    )
    after = fire(actor, current, "revise_facts", reason)
    record_audit(
        actor=actor,
        action="facts.revised",
        target=after,
        summary=Summary(gettext_noop("Earlier advice must be confirmed")),
        reason=reason,
        on_behalf_of=on_behalf_of(actor, after, *RULES["revise_facts"].roles),
        changes={"facts": [old, facts]},
    )
    return after
