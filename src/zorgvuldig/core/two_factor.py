"""The second factor for local accounts: a time-based one-time code (TOTP, RFC 6238) from an
authenticator app, through django-otp.

Who needs it: every local user who has enrolled, and every user whose role is listed in the
setting ``ZORGVULDIG_OTP_REQUIRED_ROLES`` (``"all"``: every role). A user who signed in
through the organisation's identity provider (single sign-on) is not asked: the provider
decides how they authenticate (OWASP ASVS 4.0 §2.2.1, §2.8; docs/security.md).

Public surface: :func:`pending_step`, :func:`required_for`, :func:`start_enrolment`,
:func:`confirm_enrolment`, :func:`verify`, :func:`has_confirmed_device`,
:func:`remember_step`, :func:`qr_svg`, :func:`signed_in_through_sso`.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_noop

import django_otp
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import User
from .services import Summary, record_audit

#: The dotted path of the single sign-on backend, as Django keeps it in the session.
SSO_BACKEND = "zorgvuldig.core.oidc.ProductRolesOIDCBackend"
#: Session key: the step found at login (``"otp_verify"``, ``"otp_enrol"`` or ``""``), so that
#: pages need no query to know it.
_STEP = "zorgvuldig_otp_step"
#: The name of an enrolled device (one per user).
DEVICE_NAME = "authenticator"


def signed_in_through_sso(request: HttpRequest) -> bool:
    """Whether this session was opened through single sign-on."""
    return request.session.get(BACKEND_SESSION_KEY) == SSO_BACKEND


def required_for(user: User) -> bool:
    """Whether ``user``'s role must have a second factor (``ZORGVULDIG_OTP_REQUIRED_ROLES``)."""
    roles = settings.ZORGVULDIG_OTP_REQUIRED_ROLES
    return "all" in roles or user.role in roles


def pending_step(request: HttpRequest) -> str | None:
    """What the signed-in user must do before anything else.

    Returns:
        ``"otp_verify"`` (give the code of their enrolled authenticator), ``"otp_enrol"``
        (their role requires a second factor and they have none yet), or ``None`` (nothing:
        signed out, verified already, signed in through single sign-on, or not required).
    """
    user: Any = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.is_verified():
        return None
    step = request.session.get(_STEP)
    if step is None or (
        # the role changed during the session to one that needs a second factor
        step == "" and required_for(user) and not signed_in_through_sso(request)
    ):  # (or a session from before this check, or one not opened by login())
        step = _step_for(request, user)
    return step or None


def remember_step(request: HttpRequest, user: User) -> None:
    """At login: note in the session what the user must do (see :func:`pending_step`)."""
    request.session[_STEP] = _step_for(request, user)


def _step_for(request: HttpRequest, user: User) -> str:
    if signed_in_through_sso(request):
        return ""
    if has_confirmed_device(user):
        return "otp_verify"
    if required_for(user):
        return "otp_enrol"
    return ""


def has_confirmed_device(user: User) -> bool:
    """Whether ``user`` has set up an authenticator app."""
    return bool(django_otp.user_has_device(user))


def start_enrolment(user: User) -> TOTPDevice:
    """The user's unconfirmed authenticator, made now with a new random key if there is none
    (an earlier unconfirmed one is kept, so reloading the page shows the same key)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


@transaction.atomic
def confirm_enrolment(request: HttpRequest, user: User, token: str) -> bool:
    """Confirm the unconfirmed authenticator of ``user`` with a code from it.

    On success the device replaces any earlier one, the session counts as verified, and the
    audit trail records ``auth.otp_enrolled``; a wrong code records ``auth.otp_failed``.

    Returns:
        Whether the code was right.
    """
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None or not device.verify_token(token.strip()):
        _record_failure(user)
        return False
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    django_otp.login(request, device)
    record_audit(
        actor=user,
        action="auth.otp_enrolled",
        target=user,
        summary=Summary(gettext_noop("Authenticator app set up as second factor")),
    )
    return True


def verify(request: HttpRequest, user: User, token: str) -> bool:
    """Check a code of the user's enrolled authenticator and mark the session verified.

    Repeated wrong codes slow down (django-otp's throttling doubles the wait after each).
    A wrong code records ``auth.otp_failed``.

    Returns:
        Whether the code was right.
    """
    device = django_otp.match_token(user, token.strip())
    if device is None:
        _record_failure(user)
        return False
    django_otp.login(request, device)
    return True


def _record_failure(user: User) -> None:
    record_audit(
        actor=user,
        action="auth.otp_failed",
        target=user,
        summary=Summary(gettext_noop("Wrong one-time code")),
    )


def qr_svg(device: TOTPDevice) -> str:
    """The device's ``otpauth://`` URL as an inline SVG QR code (no script, no style)."""
    import segno

    return str(
        segno.make(device.config_url, error="m").svg_inline(
            scale=4, dark="#000", light="#fff"
        )
    )
