"""The admin site of the administrator role: accounts and settings, never cases.

Issue 11: the administrator used to be a superuser, who could set a case handler's password
and then sign in as them and read the case. Here the admin site opens for a signed-in,
active user whose role is ``administrator`` (or a superuser, made only on the command line
with ``zorgvuldig createsuperuser``); ``is_staff`` alone opens nothing. What an
administrator may do on each model is decided in :mod:`zorgvuldig.core.admin`; no case,
document or evidence model is registered, and case access is assignment
(:func:`zorgvuldig.inquiries.queries.inquiries_visible_to`), which no admin role bypasses.

Public surface: :class:`AdminSite`, :class:`AdminConfig` (in ``INSTALLED_APPS`` instead of
``django.contrib.admin``), :func:`is_administrator`.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .choices import Role


def is_administrator(user) -> bool:
    """Whether ``user`` manages accounts and settings: active, signed in, and either of the
    administrator role or a superuser (made on the command line)."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and (user.is_superuser or getattr(user, "role", "") == Role.ADMINISTRATOR)
    )


class AdminSite(admin.AdminSite):
    """Django's admin, opened by role rather than by ``is_staff``."""

    site_header = _("Zorgvuldig administration")
    site_title = _("Zorgvuldig administration")

    def has_permission(self, request: HttpRequest) -> bool:
        return is_administrator(request.user)


class AdminConfig(DjangoAdminConfig):
    """``django.contrib.admin`` with :class:`AdminSite` as ``admin.site``."""

    default_site = "zorgvuldig.core.admin_site.AdminSite"
