"""Single sign-on through the organisation's OpenID Connect provider (mozilla-django-oidc, as
Open Zaak does), with the roles kept in the product.

The provider says who someone is; the product says what they may do. A person signs in
through the provider and is matched to the product's own user whose user name equals the
claim ``ZORGVULDIG_OIDC_USERNAME_CLAIM`` (default ``preferred_username``); that user's role,
clearance and assignments apply. Nobody unknown to the product gets in, unless the
organisation sets ``ZORGVULDIG_OIDC_CREATE_USERS`` (new users are then employees, without
access to any case, until an administrator gives them a role). Only when an organisation
configures ``ZORGVULDIG_OIDC_ROLES_CLAIM`` and ``ZORGVULDIG_OIDC_ROLE_MAP`` does the
provider's claim set the role, at each sign-in (audited as any change of role).

An account is bound to the provider's subject (``sub``, which OpenID Connect Core §5.7 makes
the one stable, unique claim; a user name is neither) at its first single sign-on: later
sign-ins must carry the same subject, so renaming accounts cannot hand one person's account
to another. Administrators and superusers never sign in through the provider: they use
their password and second factor, so that whoever controls the provider's user names
does not control the product's administration.

Configuration and the steps for an organisation: docs/security.md.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from django.conf import settings
from django.db.models import QuerySet

from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .choices import Role
from .models import User

logger = logging.getLogger(__name__)


def enabled() -> bool:
    """Whether single sign-on is configured (an issuer and a client id)."""
    return bool(settings.ZORGVULDIG_OIDC_ISSUER and settings.OIDC_RP_CLIENT_ID)


def role_from_claims(claims: dict[str, Any]) -> str | None:
    """The product role the provider's claims give, when the organisation maps them.

    Args:
        claims: the user info (and ID token) claims; ``ZORGVULDIG_OIDC_ROLES_CLAIM`` names
            a string or a list of strings in them.

    Returns:
        The role code of the first claimed value in ``ZORGVULDIG_OIDC_ROLE_MAP`` (a JSON
        object from the provider's values to role codes), or ``None``: no mapping
        configured, no value mapped, or a mapped code that is not a role (logged).
    """
    claim = settings.ZORGVULDIG_OIDC_ROLES_CLAIM
    if not claim:
        return None
    try:
        mapping = json.loads(settings.ZORGVULDIG_OIDC_ROLE_MAP or "{}")
    except json.JSONDecodeError:
        logger.warning("ZORGVULDIG_OIDC_ROLE_MAP is not JSON; roles stay as they are")
        return None
    values = claims.get(claim) or []
    for value in [values] if isinstance(values, str) else list(values):
        role = mapping.get(str(value))
        if role in Role.values:
            return str(role)
        if role is not None:
            logger.warning(
                "ZORGVULDIG_OIDC_ROLE_MAP maps %r to unknown role %r", value, role
            )
    return None


class ProductRolesOIDCBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's code flow, matching the product's own users by user name."""

    def authenticate(self, request: Any, **kwargs: Any) -> User | None:
        if not enabled():
            return None
        return super().authenticate(request, **kwargs)

    def _username(self, claims: dict[str, Any]) -> str:
        return str(claims.get(settings.ZORGVULDIG_OIDC_USERNAME_CLAIM) or "")[:150]

    def describe_user_by_claims(self, claims: dict[str, Any]) -> str:
        return f"user name {self._username(claims)!r}"

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        """The account bound to the claims' subject; else an unbound, active account whose
        user name the claims give, never an administrator's or a superuser's."""
        subject = self._subject(claims)
        bound = User.objects.filter(oidc_subject=subject, is_active=True)
        if bound.exists():
            return bound
        return (
            User.objects.filter(
                username=self._username(claims), is_active=True, oidc_subject=None
            )
            .exclude(is_superuser=True)
            .exclude(role=Role.ADMINISTRATOR)
        )

    def _subject(self, claims: dict[str, Any]) -> str:
        return str(claims.get("sub") or "")[:255]

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        """A claim that names the user and the subject are needed (not an e-mail)."""
        return bool(self._username(claims)) and bool(self._subject(claims))

    def create_user(self, claims: dict[str, Any]) -> User | None:  # type: ignore[override]
        """A new employee for unknown claims (``ZORGVULDIG_OIDC_CREATE_USERS``); ``None``
        when the user name is taken by an account that is bound to another subject or may
        not sign in through the provider (no account is taken over)."""
        if User.objects.filter(username=self._username(claims)).exists():
            logger.warning(
                "single sign-on refused: %s is taken by an account it may not use",
                self.describe_user_by_claims(claims),
            )
            return None
        # No password: the user signs in only through the provider.
        return User.objects.create_user(
            self._username(claims),
            email=str(claims.get("email") or ""),
            first_name=str(claims.get("given_name") or "")[:150],
            last_name=str(claims.get("family_name") or "")[:150],
            role=role_from_claims(claims) or Role.EMPLOYEE,
            oidc_subject=self._subject(claims),
        )

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        if user.oidc_subject is None:  # the first single sign-on binds the account
            user.oidc_subject = self._subject(claims)
            user.save(update_fields=["oidc_subject"])
        role = role_from_claims(claims)
        if role is not None and role != user.role:
            user.role = role
            user.save(update_fields=["role"])
        return user
