"""The request of a page behind the login, for type checking.

``LoginRequiredMiddleware`` (``conf/base.py``) sends an anonymous visitor to the login page
before any view not marked ``login_not_required`` runs, so in such a view ``request.user`` is
always a :class:`~zorgvuldig.core.models.User`. Annotating the view's ``request`` with
:class:`AuthenticatedHttpRequest` tells mypy so, as django-stubs recommends; at run time the
request is the ordinary ``HttpRequest``.

Public surface: :class:`AuthenticatedHttpRequest`.
"""

from __future__ import annotations

from django.http import HttpRequest

from .models import User


class AuthenticatedHttpRequest(HttpRequest):
    """A request whose user has signed in (never ``AnonymousUser``)."""

    user: User
