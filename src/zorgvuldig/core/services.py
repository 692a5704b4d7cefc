"""Writes of the core: the audit trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils.translation import gettext as _

from .choices import Role
from .models import AuditEntry, Delegation, User

#: The longest delegation, in calendar days (a holiday or sick leave, not a standing deputy).
MAX_DELEGATION_DAYS = 92


class DelegationError(Exception):
    """A refused delegation; the message says why."""


def record_audit(
    *,
    actor: User | None,
    action: str,
    target: models.Model,
    summary: str = "",
    reason: str = "",
    changes: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append an audit entry.

    Args:
        actor: who acted (``None`` for the system itself).
        action: a short machine-readable verb, e.g. ``"advice.recorded"``.
        target: the object acted upon; pass the inquiry to have it shown on the case page.
        summary: one line for people; reason: the actor's stated why, if any.
        changes: ``{field: [old, new]}`` for edits.

    Returns:
        The saved entry.
    """
    return AuditEntry.objects.create(
        actor=actor,
        action=action,
        target_type=ContentType.objects.get_for_model(target),
        target_id=str(target.pk),
        summary=summary[:500],
        reason=reason,
        changes=changes or {},
    )


def audit_trail_for(target: models.Model) -> models.QuerySet[AuditEntry]:
    """Every audit entry about ``target``, newest first, with the actor loaded."""
    return AuditEntry.objects.filter(
        target_type=ContentType.objects.get_for_model(target), target_id=str(target.pk)
    ).select_related("actor")


@transaction.atomic
def delegate_role(
    *,
    actor: User,
    from_user: User,
    to_user: User,
    starts: dt.date,
    ends: dt.date,
    reason: str = "",
) -> Delegation:
    """Delegate ``from_user``'s role to ``to_user`` from ``starts`` to ``ends`` (inclusive).

    The actor is ``from_user`` or an administrator. The delegate must belong to the same
    organisation; the period may last at most :data:`MAX_DELEGATION_DAYS` calendar days.

    Raises:
        DelegationError: not allowed, another organisation, to oneself, or a bad period.
    """
    if actor.pk != from_user.pk and actor.role != Role.ADMINISTRATOR:
        raise DelegationError(
            _("Only the user themselves or an administrator may delegate.")
        )
    if to_user.pk == from_user.pk:
        raise DelegationError(_("A role cannot be delegated to oneself."))
    if to_user.organisation_id != from_user.organisation_id:
        raise DelegationError(_("The delegate must belong to the same organisation."))
    if ends < starts:
        raise DelegationError(_("The delegation ends before it starts."))
    if (ends - starts).days > MAX_DELEGATION_DAYS:
        raise DelegationError(
            _("A delegation lasts at most %(n)d days.") % {"n": MAX_DELEGATION_DAYS}
        )
    delegation = Delegation.objects.create(
        from_user=from_user,
        to_user=to_user,
        role=from_user.role,
        starts=starts,
        ends=ends,
        reason=reason,
        created_by=actor,
    )
    record_audit(
        actor=actor,
        action="role.delegated",
        target=from_user,
        summary=f"{from_user} → {to_user}: {from_user.role} {starts}..{ends}",
        reason=reason,
    )
    return delegation
