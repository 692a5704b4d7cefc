"""Middleware of the sign-in: who acts (for the audit of model changes), refused access on
record, the session's idle and absolute lifetime, and the second factor.

Order in ``MIDDLEWARE``: after ``AuthenticationMiddleware``, django-otp's ``OTPMiddleware``
(they set ``request.user`` and its ``is_verified``) and ``MessageMiddleware``, before
``LoginRequiredMiddleware``. Sources: OWASP ASVS 4.0 §3.3 (session timeouts), §7.2 (log
authentication and access-control failures).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import auth, messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from . import two_factor
from .services import Summary, record_audit

#: The signed-in user of the request being handled (``None`` outside a request: the command
#: line, jobs), for the audit of changes made through the admin or any other page.
current_actor: ContextVar[Any] = ContextVar("zorgvuldig_current_actor", default=None)

#: Session key: when the user signed in (Unix seconds).
SIGNED_IN_AT = "zorgvuldig_signed_in_at"
#: Cookie: when the session last made a request (Unix seconds, signed).
LAST_SEEN_COOKIE = "zorgvuldig_seen"

Handler = Callable[[HttpRequest], HttpResponse]


def client_ip(request: HttpRequest) -> str:
    """The client's address: ``REMOTE_ADDR``, or with ``ZORGVULDIG_TRUSTED_PROXIES`` = n > 0
    the n-th address from the right of ``X-Forwarded-For`` (what the nearest trusted proxy
    saw; addresses further left are the client's own claim and can be forged)."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = settings.ZORGVULDIG_TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    forwarded = [
        a.strip()
        for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if a.strip()
    ]
    return forwarded[-proxies] if len(forwarded) >= proxies else remote


class SecurityAuditMiddleware:
    """Makes the signed-in user known to the audit receivers, and records every 403 answer
    (refused access) with the user and the path (``access.refused``)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        token = current_actor.set(user if user and user.is_authenticated else None)
        try:
            response = self.get_response(request)
        finally:
            current_actor.reset(token)
        if response.status_code == 403 and user is not None and user.is_authenticated:
            record_audit(
                actor=user,
                action="access.refused",
                target=user,
                summary=Summary(
                    gettext_noop("Access refused: %(method)s %(path)s"),
                    {"method": request.method or "", "path": request.path[:300]},
                ),
            )
        return response


class SessionLifetimeMiddleware:
    """Signs the user out after ``ZORGVULDIG_SESSION_IDLE_MINUTES`` without a request, or
    ``ZORGVULDIG_SESSION_MAX_HOURS`` after signing in, and sends them to the login page.

    The time of signing in is kept in the session (written at login anyway); the time of
    the last request in a cookie of its own (``LAST_SEEN_COOKIE``), signed and bound to the
    session, so that reading a page writes nothing to the database (the self-check promises
    that a signed-in check writes nothing).
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        now = time.time()
        signed_in = request.session.setdefault(SIGNED_IN_AT, now)
        last_seen = _last_seen(request, default=signed_in)
        idle = settings.ZORGVULDIG_SESSION_IDLE_MINUTES * 60
        lifetime = settings.ZORGVULDIG_SESSION_MAX_HOURS * 60 * 60
        if now - last_seen > idle or now - signed_in > lifetime:
            request.zorgvuldig_logout_reason = (  # type: ignore[attr-defined]
                "idle" if now - last_seen > idle else "lifetime"
            )
            auth.logout(request)
            messages.info(request, _("Your session has ended. Please log in again."))
            query = urlencode({"next": request.get_full_path()})
            response: HttpResponse = HttpResponseRedirect(
                f"{reverse(settings.LOGIN_URL)}?{query}"
            )
            response.delete_cookie(LAST_SEEN_COOKIE)
            return response
        response = self.get_response(request)
        if (
            request.session.session_key
            and getattr(request, "user", user).is_authenticated
        ):
            response.set_signed_cookie(
                LAST_SEEN_COOKIE,
                str(int(now)),
                salt=_salt(request),
                httponly=True,
                secure=settings.SESSION_COOKIE_SECURE,
                samesite="Lax",
            )
        return response


def _salt(request: HttpRequest) -> str:
    return f"zorgvuldig.last-seen.{request.session.session_key}"


def _last_seen(request: HttpRequest, *, default: float) -> float:
    """When this session last made a request: the signed cookie, else ``default`` for a
    session with no cookie yet (just signed in) or one from another session (treated as
    the time of signing in)."""
    value = request.get_signed_cookie(
        LAST_SEEN_COOKIE, default=None, salt=_salt(request)
    )
    try:
        return float(value) if value is not None else default
    except ValueError:
        return default


class SecondFactorMiddleware:
    """Until a signed-in local user has given their one-time code, only the code page (or,
    when their role requires a second factor and they have none yet, the enrolment page)
    and signing out are open to them. Single sign-on leaves the second factor to the
    identity provider (:func:`zorgvuldig.core.two_factor.needs_second_factor`)."""

    #: URL names open before the second factor.
    OPEN = ("otp_verify", "otp_enrol", "logout", "set_language", "healthz")

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        step = two_factor.pending_step(request)
        if step is None:
            return self.get_response(request)
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)
        if match.url_name in self.OPEN:
            return self.get_response(request)
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse(step)}?{query}")
