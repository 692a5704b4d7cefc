"""Writes of the core: the audit trail and delegations of a role.

Public surface for other apps: :func:`record_audit`, :func:`audit_trail_for`, :class:`Summary`
and :class:`PerLanguage` (from :mod:`zorgvuldig.core.audit`), :func:`delegate_role`,
:func:`revoke_delegation` and :class:`DelegationError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from .audit import PerLanguage, Summary, render_source, stored_params
from .choices import Role
from .models import AuditEntry, Delegation, User
from .queries import manages

__all__ = [
    "MAX_DELEGATION_DAYS",
    "DelegationError",
    "PerLanguage",
    "Summary",
    "audit_trail_for",
    "delegate_role",
    "record_audit",
    "record_reads",
    "revoke_delegation",
]

#: The longest delegation, in calendar days (a holiday or sick leave, not a standing deputy).
MAX_DELEGATION_DAYS = 92


class DelegationError(Exception):
    """A refused delegation or revocation; the message says why.

    ``field`` names the form field the message is about (``"to_user"``, ``"starts"``,
    ``"ends"``), or is ``None`` when it is about the request as a whole.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def record_audit(
    *,
    actor: User | None,
    action: str,
    target: models.Model,
    summary: str | Summary = "",
    reason: str = "",
    changes: dict[str, Any] | None = None,
    on_behalf_of: User | None = None,
) -> AuditEntry:
    """Append an audit entry.

    Args:
        actor: who acted (``None`` for the system itself).
        action: a short machine-readable verb, e.g. ``"advice.recorded"``; register its
            label for people with :func:`zorgvuldig.core.audit.register_actions`.
        target: the object acted upon; pass the inquiry to have it shown on the case page.
        summary: one line for people. A :class:`Summary` is kept untranslated and shown in
            the reader's language; a plain ``str`` is data, shown as written (use it only for
            text that needs no translation, such as quoted words or file names).
        reason: the actor's stated why, if any (data, never translated).
        changes: ``{field: [old, new]}`` for edits.
        on_behalf_of: the delegator, when ``actor`` acted through a delegation (see
            :meth:`zorgvuldig.core.models.User.delegator_for`); ignored when it is the actor.

    Returns:
        The saved entry.

    Raises:
        TypeError: a :class:`Summary` parameter of a kind that cannot be kept (see there).
        KeyError: the summary's msgid names a parameter that is not given.
    """
    msgid, params = "", {}
    if isinstance(summary, Summary):
        msgid, params = summary.msgid, stored_params(summary.params)
        text = render_source(msgid, params)
    else:
        text = summary
    if on_behalf_of is not None and actor is not None and on_behalf_of.pk == actor.pk:
        on_behalf_of = None
    return AuditEntry.objects.create(
        actor=actor,
        on_behalf_of=on_behalf_of,
        action=action,
        target_type=ContentType.objects.get_for_model(target),
        target_id=str(target.pk),
        summary=text[:500],
        summary_msgid=msgid,
        summary_params=params,
        reason=reason,
        changes=changes or {},
    )


def record_reads(
    *,
    actor: User,
    action: str,
    targets: Iterable[models.Model],
    summary: Summary,
) -> int:
    """Append one audit entry per object in ``targets``, all with the same ``summary``, in
    one insert: a read of many records at once (an export of the dashboard).

    Args:
        actor, action, summary: as for :func:`record_audit`; the summary points to the
            records (their numbers), never copies what they hold.
        targets: the objects read (model instances with a ``pk``; may be of mixed types).

    Returns:
        The number of entries written.
    """
    msgid, params = summary.msgid, stored_params(summary.params)
    text = render_source(msgid, params)[:500]
    now = timezone.now()
    entries = [
        AuditEntry(
            at=now,
            actor=actor,
            action=action,
            target_type=ContentType.objects.get_for_model(target),
            target_id=str(target.pk),
            summary=text,
            summary_msgid=msgid,
            summary_params=params,
        )
        for target in targets
    ]
    AuditEntry.objects.bulk_create(entries, batch_size=500)
    return len(entries)


def audit_trail_for(target: models.Model) -> models.QuerySet[AuditEntry]:
    """Every audit entry about ``target``, newest first, with the actor and the person they
    acted for loaded."""
    return AuditEntry.objects.filter(
        target_type=ContentType.objects.get_for_model(target), target_id=str(target.pk)
    ).select_related("actor", "on_behalf_of")


def _name(user: User) -> str:
    return user.get_full_name() or user.username


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

    The actor is ``from_user`` or an administrator of their organisation. Only the roles that
    act on cases (:meth:`Role.delegable`) are delegated, to a colleague of the same
    organisation who is not an employee or works council member; the period starts today
    or later (Europe/Amsterdam) and lasts at most :data:`MAX_DELEGATION_DAYS` calendar days.

    Returns:
        The saved delegation; an audit entry ``role.delegated`` on ``from_user``.

    Raises:
        DelegationError: not allowed, a role that cannot be delegated, to oneself, another
            organisation, a delegate without a role on cases, or a bad period; ``field``
            names the form field at fault.
    """
    if not manages(actor, from_user):
        raise DelegationError(
            _("Only the user themselves or an administrator may delegate.")
        )
    if from_user.role not in Role.delegable():
        raise DelegationError(
            _("Only roles that act on cases can be delegated; %(role)s cannot.")
            % {"role": from_user.get_role_display()}
        )
    if to_user.pk == from_user.pk:
        raise DelegationError(
            _("A role cannot be delegated to oneself."), field="to_user"
        )
    if to_user.organisation_id != from_user.organisation_id:
        raise DelegationError(
            _("The delegate must belong to the same organisation."), field="to_user"
        )
    if to_user.role not in Role.delegable():
        # Employees, the works council and administrators do not work on cases; a
        # delegation must not open personnel cases to them.
        raise DelegationError(
            _(
                "A role can only be delegated to a colleague who works on cases (not an "
                "employee, the works council or an administrator)."
            ),
            field="to_user",
        )
    if starts < timezone.localdate():
        raise DelegationError(
            _("The first day (From) cannot lie in the past."), field="starts"
        )
    if ends < starts:
        raise DelegationError(_("The delegation ends before it starts."), field="ends")
    if (ends - starts).days > MAX_DELEGATION_DAYS:
        raise DelegationError(
            _("A delegation lasts at most %(n)d days.") % {"n": MAX_DELEGATION_DAYS},
            field="ends",
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
        summary=Summary(
            gettext_noop("%(to)s acts as %(role)s from %(starts)s until %(ends)s"),
            {
                "to": _name(to_user),
                "role": Role(from_user.role),
                "starts": starts,
                "ends": ends,
            },
        ),
        reason=reason,
    )
    return delegation


@transaction.atomic
def revoke_delegation(
    *, actor: User, delegation: Delegation, reason: str = ""
) -> Delegation:
    """End ``delegation`` early (or cancel it before it starts): from now on the delegate no
    longer holds the role.

    The delegation is kept, marked ``revoked_at`` and ``revoked_by``, so the entries made
    through it can still be traced to it.

    Args:
        actor: the delegator, or an administrator of the delegator's organisation.

    Returns:
        The revoked delegation; an audit entry ``role.delegation_revoked`` on the delegator.

    Raises:
        DelegationError: not allowed, already revoked, or already over.
    """
    delegation = (
        Delegation.objects.select_for_update(of=("self",))
        .select_related("from_user", "to_user")
        .get(pk=delegation.pk)
    )
    if not manages(actor, delegation.from_user):
        raise DelegationError(
            _("Only the delegator or an administrator may revoke a delegation.")
        )
    if delegation.revoked_at is not None:
        raise DelegationError(_("This delegation has already been revoked."))
    if delegation.ends < timezone.localdate():
        raise DelegationError(_("This delegation has already ended."))
    delegation.revoked_at = timezone.now()
    delegation.revoked_by = actor
    delegation.save(update_fields=["revoked_at", "revoked_by"])
    record_audit(
        actor=actor,
        action="role.delegation_revoked",
        target=delegation.from_user,
        summary=Summary(
            gettext_noop(
                "%(to)s no longer acts as %(role)s (delegated from %(starts)s until "
                "%(ends)s)"
            ),
            {
                "to": _name(delegation.to_user),
                "role": Role(delegation.role),
                "starts": delegation.starts,
                "ends": delegation.ends,
            },
        ),
        reason=reason,
    )
    return delegation
