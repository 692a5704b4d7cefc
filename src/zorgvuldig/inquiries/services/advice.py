"""Advice of HR, Legal and the organisation's other advisors, and closing the advice round."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from zorgvuldig.core.choices import Role
from zorgvuldig.core.models import User
from zorgvuldig.core.services import PerLanguage, Summary, record_audit
from zorgvuldig.inquiries.models import Advice, Inquiry
from zorgvuldig.inquiries.procedure.advisors import advisor_kind
from zorgvuldig.inquiries.procedure.permissions import RULES, may_advise

from .steps import (
    ProcedureError,
    check_rule,
    fire,
    fresh,
    on_behalf_of,
    void_approvals,
)


@transaction.atomic
def complete_advice(*, actor: User, inquiry: Inquiry, reason: str = "") -> Inquiry:
    """Close the advice round once HR and Legal have advised."""
    return fire(actor, inquiry, "complete_advice", reason)


@transaction.atomic
def record_advice(
    *,
    actor: User,
    inquiry: Inquiry,
    kind: str,
    text: str,
    reason: str = "",
    on_record_version: int | None = None,
) -> Advice:
    """Give or revise advice of ``kind``: ``hr``, ``legal`` or the code of an advisor the
    organisation requires (``advisors.py``), by an assigned person in that advisor's role.

    ``on_record_version`` is the inquiry's record version (facts, conduct and hearing) the
    advice was written against, as the advisor's page was loaded; ``None`` means the
    current one. Advice written against an older version is saved but outdated at once:
    it does not count until the advisor confirms it on the current record.

    Separation of duties: one person gives one kind of advice per inquiry, so that HR and
    Legal stay two views even when someone holds a second role by delegation.

    Raises:
        ProcedureError: unknown kind, wrong role, another kind of advice already given by
            the same person, empty text, or a state outside facts → drafted.
    """
    inquiry = fresh(inquiry)
    advisor = advisor_kind(inquiry.organisation, kind)
    if advisor is None:
        raise ProcedureError(_("Unknown kind of advice '%(k)s'.") % {"k": kind})
    if not may_advise(actor, inquiry, advisor):
        if inquiry.state not in RULES["record_advice"].states:
            check_rule(actor, inquiry, "record_advice")  # names the state
        raise ProcedureError(
            _("Only an assigned %(role)s may give the %(advice)s.")
            % {"role": Role(advisor.role).label, "advice": advisor.label}
        )
    other = next(
        (
            a
            for a in inquiry.advice.all()
            if a.advisor_id == actor.pk and a.kind != kind
        ),
        None,
    )
    if other is not None:
        given = advisor_kind(inquiry.organisation, other.kind)
        raise ProcedureError(
            _(
                "You already gave the %(other)s on this case; another person gives the "
                "%(advice)s (separation of duties)."
            )
            % {"other": given.label if given else other.kind, "advice": advisor.label}
        )
    if not text.strip():
        raise ProcedureError(_("The advice text is empty."))
    existing = inquiry.advice_of(kind)
    old = existing.text if existing else ""
    if old != text:
        void_approvals(actor, inquiry, gettext_noop("The advice"))
    advice, _created = Advice.objects.update_or_create(
        inquiry=inquiry,
        kind=kind,
        defaults={
            "text": text,
            "advisor": actor,
            "given_at": timezone.now(),
            "on_record_version": min(
                on_record_version or inquiry.record_version, inquiry.record_version
            ),
        },
    )
    record_audit(
        actor=actor,
        action="advice.recorded",
        target=inquiry,
        summary=Summary(
            "%(kind)s",
            {"kind": PerLanguage({"nl": advisor.label_nl, "en": advisor.label_en})},
        ),
        reason=reason,
        on_behalf_of=on_behalf_of(actor, inquiry, advisor.role),
        changes={
            "text": [old, text],
            "on_record_version": [
                existing.on_record_version if existing else None,
                advice.on_record_version,
            ],
        },
    )
    return advice
