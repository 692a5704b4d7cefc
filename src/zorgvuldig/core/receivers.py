"""Security events on the audit trail: signing in and out, failed logins, lockouts, and every
change to users (roles, clearances, passwords, rights), whichever page, admin screen or
command made it.

Django signals are unavoidable here: the events happen inside Django and django-axes, and
changes to users can come from the admin, the shell or a management command as well as from
our own services (STYLE.md §1 keeps such receivers in this module). Each receiver only
writes an audit entry through :func:`zorgvuldig.core.services.record_audit`; none changes
any data. Connected in :meth:`zorgvuldig.core.apps.CoreConfig.ready`.

Entries about a person target that person's user record; a failed login for a user name
that does not exist targets django-axes's record of the attempt. The user name tried is kept
as typed (it is what the investigator needs), never the password.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.contrib.auth import signals as auth_signals
from django.contrib.auth.hashers import check_password
from django.db.models import signals as model_signals
from django.http import HttpRequest
from django.utils.translation import gettext_noop

from axes.models import AccessAttempt
from axes.signals import user_locked_out

from .choices import Confidentiality, Role
from .middleware import SIGNED_IN_AT, client_ip, current_actor
from .models import Delegation, User
from .services import Summary, record_audit
from .two_factor import remember_step, signed_in_through_sso

#: Fields whose old and new values are kept in ``changes``; other fields (names, e-mail)
#: are personal data and are only named (the record itself holds them).
SECURITY_FIELDS = (
    "username",
    "role",
    "clearance",
    "organisation",
    "is_active",
    "is_staff",
    "is_superuser",
    "approval_layer",
    "manager",
)
_IGNORED_FIELDS = ("id", "password", "last_login", "date_joined")


def connect() -> None:
    """Connect the receivers (idempotent: each has a ``dispatch_uid``)."""
    auth_signals.user_logged_in.connect(_logged_in, dispatch_uid="zv-audit-login")
    auth_signals.user_logged_out.connect(_logged_out, dispatch_uid="zv-audit-logout")
    auth_signals.user_login_failed.connect(_login_failed, dispatch_uid="zv-audit-fail")
    user_locked_out.connect(_locked_out, dispatch_uid="zv-audit-lockout")
    model_signals.pre_save.connect(
        _user_before, sender=User, dispatch_uid="zv-user-pre"
    )
    model_signals.post_save.connect(_user_saved, sender=User, dispatch_uid="zv-user")
    model_signals.post_delete.connect(
        _user_deleted, sender=User, dispatch_uid="zv-user-del"
    )
    model_signals.m2m_changed.connect(
        _rights_changed, sender=User.groups.through, dispatch_uid="zv-user-groups"
    )
    model_signals.m2m_changed.connect(
        _rights_changed,
        sender=User.user_permissions.through,
        dispatch_uid="zv-user-perms",
    )
    model_signals.post_delete.connect(
        _delegation_deleted, sender=Delegation, dispatch_uid="zv-delegation-del"
    )


def _ip(request: HttpRequest | None) -> str:
    return client_ip(request) if request is not None else ""


def _logged_in(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    sso = False
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = time.time()
        sso = signed_in_through_sso(request)
        remember_step(request, user)
    record_audit(
        actor=user,
        action="auth.login",
        target=user,
        summary=Summary(
            gettext_noop("Signed in (%(method)s) from %(ip)s"),
            {
                "method": Summary(gettext_noop("single sign-on"))
                if sso
                else Summary(gettext_noop("password")),
                "ip": _ip(request),
            },
        ),
    )


def _logged_out(
    sender: Any, request: HttpRequest | None, user: User | None, **kwargs: Any
) -> None:
    if user is None:
        return
    reason = getattr(request, "zorgvuldig_logout_reason", "")
    action = "auth.logout"
    summary = Summary(gettext_noop("Signed out"))
    if reason:
        action = "auth.session_expired"
        summary = Summary(
            gettext_noop("Signed out: %(why)s"),
            {
                "why": Summary(gettext_noop("idle too long"))
                if reason == "idle"
                else Summary(gettext_noop("session lifetime reached"))
            },
        )
    record_audit(actor=user, action=action, target=user, summary=summary)


def _shown(username: str, user: User | None) -> str | Summary:
    """The user name as the trail shows it: only when it names an account. People type
    their password into the user name field; an unknown name is not kept."""
    return (
        username if user is not None else Summary(gettext_noop("(unknown user name)"))
    )


def _login_failed(
    sender: Any,
    credentials: dict[str, Any],
    request: HttpRequest | None = None,
    **kwargs: Any,
) -> None:
    username = str(credentials.get("username") or "")[:150]
    ip = _ip(request)
    locked = bool(getattr(request, "axes_locked_out", False))
    user = User.objects.filter(username=username).first()
    target: Any = user or _attempt(username, ip)
    if target is None:
        return  # no request (a script called authenticate()): nothing to point to
    record_audit(
        actor=None,
        action="auth.login_failed",
        target=target,
        summary=Summary(
            gettext_noop(
                "Failed login for user name %(username)s from %(ip)s%(locked)s"
            ),
            {
                "username": _shown(username, user),
                "ip": ip,
                "locked": Summary(gettext_noop(" (address locked out)"))
                if locked
                else "",
            },
        ),
    )


def _locked_out(
    sender: Any, request: HttpRequest, username: str | None, ip_address: str, **kw: Any
) -> None:
    failures = getattr(request, "axes_failures_since_start", None)
    if failures is not None and failures != settings.AXES_FAILURE_LIMIT:
        return  # a refused attempt during a lockout: recorded as a failed login
    username = (username or "")[:150]
    user = User.objects.filter(username=username).first()
    target: Any = user or _attempt(username, ip_address)
    if target is None:
        return
    record_audit(
        actor=None,
        action="auth.locked_out",
        target=target,
        summary=Summary(
            gettext_noop(
                "Logins from %(ip)s locked out after %(failures)s failed logins "
                "(last user name tried: %(username)s)"
            ),
            {
                "ip": ip_address,
                "failures": failures or settings.AXES_FAILURE_LIMIT,
                "username": _shown(username, user),
            },
        ),
    )


def _attempt(username: str, ip: str) -> AccessAttempt | None:
    return (
        # django-axes keeps no user name (None) for a failed single sign-on
        AccessAttempt.objects.filter(username=username or None, ip_address=ip)
        .order_by("-attempt_time")
        .first()
    )


def _user_before(sender: Any, instance: User, raw: bool = False, **kwargs: Any) -> None:
    """Keep the stored version of the user, to compare after saving."""
    if raw or instance.pk is None:
        instance._audit_before = None  # type: ignore[attr-defined]
        return
    instance._audit_before = User.objects.filter(pk=instance.pk).first()  # type: ignore[attr-defined]


def _user_saved(
    sender: Any, instance: User, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    if raw:
        return
    actor = current_actor.get()
    if created:
        record_audit(
            actor=actor,
            action="user.created",
            target=instance,
            summary=Summary(
                gettext_noop(
                    "User %(username)s created as %(role)s, cleared up to %(level)s"
                ),
                {
                    "username": instance.username,
                    "role": _choice(Role, instance.role),
                    "level": _choice(Confidentiality, instance.clearance),
                },
            ),
            changes={f: [None, _value(instance, f)] for f in SECURITY_FIELDS},
        )
        return
    before: User | None = getattr(instance, "_audit_before", None)
    if before is None:
        return
    update_fields = kwargs.get("update_fields")
    if _password_changed(before, instance, update_fields):
        record_audit(
            actor=actor,
            action="user.password_changed",
            target=instance,
            summary=Summary(
                gettext_noop("Password of %(username)s changed"),
                {"username": instance.username},
            ),
        )
    fields = [
        f.attname
        for f in User._meta.concrete_fields
        if f.attname not in _IGNORED_FIELDS
        and (
            update_fields is None
            or f.name in update_fields
            or f.attname in update_fields
        )
        and getattr(before, f.attname) != getattr(instance, f.attname)
    ]
    if not fields:
        return
    names = [f.removesuffix("_id") for f in fields]
    security = [n for n in names if n in SECURITY_FIELDS]
    if "role" in names:
        action = "user.role_changed"
    elif "clearance" in names:
        action = "user.clearance_changed"
    else:
        action = "user.changed"
    record_audit(
        actor=actor,
        action=action,
        target=instance,
        summary=Summary(
            gettext_noop("User %(username)s changed: %(fields)s"),
            {"username": instance.username, "fields": names},
        ),
        changes={n: [_value(before, n), _value(instance, n)] for n in security},
    )


def _password_changed(
    before: User, after: User, update_fields: frozenset[str] | None
) -> bool:
    """Whether the password changed: not merely rehashed with a newer hasher at login
    (Django's ``check_password`` saves only the password, with no new raw password on the
    instance), and not set again to the same one."""
    if before.password == after.password:
        return False
    raw = getattr(after, "_password", None)
    if raw is None:
        return update_fields != frozenset({"password"})
    return not (before.has_usable_password() and check_password(raw, before.password))


def _value(user: User, name: str) -> Any:
    return getattr(user, f"{name}_id" if name in ("organisation", "manager") else name)


def _choice(choices: Any, code: str) -> Any:
    """The member for ``code``, or the code itself when it is not one (kept as data)."""
    return choices(code) if code in choices.values else code


def _user_deleted(sender: Any, instance: User, **kwargs: Any) -> None:
    actor = current_actor.get()
    if actor is not None and actor.pk == instance.pk:
        actor = None
    record_audit(
        actor=actor,
        action="user.deleted",
        target=instance,
        summary=Summary(
            gettext_noop("User %(username)s deleted"), {"username": instance.username}
        ),
    )


def _rights_changed(
    sender: Any,
    instance: Any,
    action: str,
    model: Any,
    pk_set: set[int] | None,
    **kwargs: Any,
) -> None:
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not isinstance(instance, User):
        return  # changed from the group's side: the group's users are not loaded here
    what = "groups" if sender is User.groups.through else "user_permissions"
    record_audit(
        actor=current_actor.get(),
        action="user.rights_changed",
        target=instance,
        summary=Summary(
            gettext_noop("Rights of %(username)s changed: %(what)s"),
            {"username": instance.username, "what": what},
        ),
        changes={what: [action.removeprefix("post_"), sorted(pk_set or [])]},
    )


def _delegation_deleted(sender: Any, instance: Delegation, **kwargs: Any) -> None:
    record_audit(
        actor=current_actor.get(),
        action="delegation.deleted",
        target=instance,
        summary=Summary(
            gettext_noop("Delegation of %(role)s deleted (%(starts)s until %(ends)s)"),
            {
                "role": _choice(Role, instance.role),
                "starts": instance.starts,
                "ends": instance.ends,
            },
        ),
    )
