"""Reads of the core, with their access rule: who manages whose delegations.

Public surface for other apps: :func:`delegations_managed_by`.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from .choices import Role
from .models import Delegation, User


def manages(actor: User, user: User) -> bool:
    """Whether ``actor`` may delegate ``user``'s role or revoke their delegations: ``user``
    themselves, or an active administrator of the same organisation."""
    if not actor.is_active:
        return False
    if actor.pk == user.pk:
        return True
    return (
        actor.role == Role.ADMINISTRATOR
        and actor.organisation_id is not None
        and actor.organisation_id == user.organisation_id
    )


def delegations_managed_by(actor: User) -> QuerySet[Delegation]:
    """The delegations ``actor`` may revoke (revoked and past ones included): those they gave,
    and, for an administrator, every delegation given in their organisation."""
    if not actor.is_active:
        return Delegation.objects.none()
    rule = Q(from_user=actor)
    if actor.role == Role.ADMINISTRATOR and actor.organisation_id is not None:
        rule |= Q(from_user__organisation_id=actor.organisation_id)
    return Delegation.objects.filter(rule).select_related(
        "from_user", "to_user", "revoked_by"
    )
