"""Writes of the core: the audit trail."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditEntry, User


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
