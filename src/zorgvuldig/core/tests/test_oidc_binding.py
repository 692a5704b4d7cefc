"""Single sign-on binds an account to the provider's subject and never reaches an
administrator's or a superuser's account (the account takeover found in review: rename
accounts in the admin, then sign in through the provider as someone else)."""

from __future__ import annotations

from django.urls import reverse

import pytest

from zorgvuldig.core.choices import Role
from zorgvuldig.core.models import User
from zorgvuldig.core.oidc import ProductRolesOIDCBackend

from .factories import make_user

pytestmark = pytest.mark.django_db


def _match(claims):
    return list(ProductRolesOIDCBackend().filter_users_by_claims(claims))


def test_the_first_sign_in_binds_the_account_to_the_subject():
    kees = make_user(Role.CASE_HANDLER, username="kees")
    backend = ProductRolesOIDCBackend()
    claims = {"sub": "A-1", "preferred_username": "kees"}
    assert _match(claims) == [kees]
    backend.update_user(kees, claims)
    kees.refresh_from_db()
    assert kees.oidc_subject == "A-1"
    # another subject with the same user name is not this account any more
    assert _match({"sub": "B-2", "preferred_username": "kees"}) == []
    # the bound subject finds the account whatever user name it claims now
    assert _match({"sub": "A-1", "preferred_username": "iemand-anders"}) == [kees]


@pytest.mark.parametrize("kind", ["administrator", "superuser"])
def test_administrators_and_superusers_never_sign_in_through_the_provider(kind):
    if kind == "superuser":
        User.objects.create_superuser("root", password="pw-for-tests-only")
        name = "root"
    else:
        name = make_user(Role.ADMINISTRATOR, username="beheer").username
    assert _match({"sub": "X", "preferred_username": name}) == []


def test_a_taken_user_name_is_not_created_again(settings):
    make_user(Role.ADMINISTRATOR, username="beheer")
    claims = {"sub": "X", "preferred_username": "beheer"}
    assert ProductRolesOIDCBackend().create_user(claims) is None
    assert User.objects.filter(username="beheer").count() == 1


def test_the_admin_cannot_rename_an_account(client):
    admin = make_user(Role.ADMINISTRATOR, username="beheer")
    kees = make_user(Role.CASE_HANDLER, admin.organisation, username="kees")
    client.force_login(admin)
    page = client.get(reverse("admin:core_user_change", args=[kees.pk]))
    assert page.status_code == 200
    assert 'name="username"' not in page.content.decode()
