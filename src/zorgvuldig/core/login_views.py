"""Pages of signing in beyond Django's own login page: the one-time code after the password,
setting up the authenticator app, and the page shown to a locked-out address.

The login page itself is Django's ``LoginView`` (``zorgvuldig.urls``); single sign-on's
pages are mozilla-django-oidc's. See docs/security.md.
"""

from __future__ import annotations

import base64
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from . import oidc, two_factor
from .forms import OneTimeCodeForm
from .http import AuthenticatedHttpRequest


def _next(request: HttpRequest) -> str:
    """Where to go after the code: the ``next`` asked for, if it is on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return str(settings.LOGIN_REDIRECT_URL)


class LoginView(auth_views.LoginView):
    """Django's login page, with the single sign-on button when it is configured."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "sso": oidc.enabled()}


def otp_verify(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Ask a signed-in user with an authenticator for its current code."""
    if two_factor.pending_step(request) != "otp_verify":
        return redirect(_next(request))
    form = OneTimeCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor.verify(request, request.user, form.cleaned_data["token"]):
            return redirect(_next(request))
        form.add_error("token", _("That code is not right. Try the current one."))
    return render(
        request, "registration/otp_verify.html", {"form": form, "next": _next(request)}
    )


def otp_enrol(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Set up (or replace) the authenticator app: a QR code and the key to type, then a code
    from the app to confirm. Single sign-on users are sent on: their provider handles it."""
    if two_factor.signed_in_through_sso(request):
        messages.info(
            request,
            _("You signed in through your organisation; it sets your second factor."),
        )
        return redirect(settings.LOGIN_REDIRECT_URL)
    if two_factor.pending_step(request) == "otp_verify":
        return redirect("otp_verify")  # replacing a device needs the current one first
    user = request.user
    device = two_factor.start_enrolment(user)
    form = OneTimeCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor.confirm_enrolment(request, user, form.cleaned_data["token"]):
            messages.success(request, _("Your authenticator app is set up."))
            return redirect(_next(request))
        form.add_error("token", _("That code is not right. Try the current one."))
    return render(
        request,
        "registration/otp_enrol.html",
        {
            "form": form,
            "next": _next(request),
            "qr": two_factor.qr_svg(device),
            "key": base64.b32encode(device.bin_key).decode(),
            "required": two_factor.required_for(user),
            "enrolled": two_factor.has_confirmed_device(user),
        },
    )


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """What an address locked out after failed logins sees, with status 429 (django-axes's
    ``AXES_LOCKOUT_CALLABLE``): no form, and how long to wait."""
    return render(
        request,
        "registration/locked_out.html",
        {"minutes": round(settings.AXES_COOLOFF_TIME * 60)},
        status=429,
    )
