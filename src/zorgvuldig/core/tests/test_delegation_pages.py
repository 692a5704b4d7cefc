"""The delegation page and the revoke button: access, CSRF, and what each user is offered."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from zorgvuldig.core.choices import Role
from zorgvuldig.core.models import Delegation

from .factories import make_delegation, make_org, make_user

pytestmark = pytest.mark.django_db

EN = {"headers": {"accept-language": "en"}}
NL = {"headers": {"accept-language": "nl"}}


@pytest.fixture
def setup():
    org = make_org()
    approver = make_user(Role.APPROVER, org)
    deputy = make_user(Role.CASE_HANDLER, org)
    delegation = make_delegation(approver, deputy)
    return {
        "approver": approver,
        "deputy": deputy,
        "delegation": delegation,
        "admin": make_user(Role.ADMINISTRATOR, org),
        "colleague": make_user(Role.APPROVER, org),
        "foreign_admin": make_user(
            Role.ADMINISTRATOR, make_org("Ministerie van Defensie")
        ),
    }


def _revoke_url(delegation: Delegation) -> str:
    return reverse("revoke_delegation", args=[delegation.pk])


def _is_revoked(delegation: Delegation) -> bool:
    delegation.refresh_from_db()
    return delegation.revoked_at is not None


# -- access -----------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login(client, setup):
    login = reverse("login")
    assert client.get(reverse("delegations")).url.startswith(login)
    response = client.post(_revoke_url(setup["delegation"]))
    assert response.status_code == 302
    assert response.url.startswith(login)
    assert not _is_revoked(setup["delegation"])


@pytest.mark.parametrize("who", ["deputy", "colleague", "foreign_admin"])
def test_others_cannot_revoke_someone_elses_delegation(client, setup, who):
    client.force_login(setup[who])
    assert client.post(_revoke_url(setup["delegation"])).status_code == 404
    assert not _is_revoked(setup["delegation"])


@pytest.mark.parametrize("who", ["approver", "admin"])
def test_the_delegator_or_an_administrator_revokes_on_the_page(client, setup, who):
    client.force_login(setup[who])
    page = client.get(reverse("delegations"), **EN).content.decode()
    assert _revoke_url(setup["delegation"]) in page
    response = client.post(_revoke_url(setup["delegation"]), follow=True, **EN)
    assert "The delegation has been revoked." in response.content.decode()
    assert _is_revoked(setup["delegation"])
    assert setup["delegation"].revoked_by == setup[who]
    page = client.get(reverse("delegations"), **EN).content.decode()
    assert "Revoked on" in page
    assert _revoke_url(setup["delegation"]) not in page


def test_revoking_takes_a_post(client, setup):
    client.force_login(setup["approver"])
    assert client.get(_revoke_url(setup["delegation"])).status_code == 405
    assert not _is_revoked(setup["delegation"])


def test_revoking_needs_the_csrf_token(setup):
    client = Client(enforce_csrf_checks=True)
    client.force_login(setup["approver"])
    assert client.post(_revoke_url(setup["delegation"])).status_code == 403
    assert not _is_revoked(setup["delegation"])
    page = client.get(reverse("delegations")).content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = client.post(
        _revoke_url(setup["delegation"]), {"csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert _is_revoked(setup["delegation"])


def test_revoking_twice_says_so(client, setup):
    client.force_login(setup["approver"])
    client.post(_revoke_url(setup["delegation"]))
    response = client.post(_revoke_url(setup["delegation"]), follow=True, **EN)
    assert "already been revoked" in response.content.decode()


# -- what the page offers ---------------------------------------------------------------------


def test_the_delegate_sees_the_delegation_without_a_revoke_button(client, setup):
    client.force_login(setup["deputy"])
    page = client.get(reverse("delegations"), **EN).content.decode()
    assert f'id="delegation-{setup["delegation"].pk}"' in page
    assert _revoke_url(setup["delegation"]) not in page


@pytest.mark.parametrize(
    "role", [Role.EMPLOYEE, Role.WORKS_COUNCIL, Role.ADMINISTRATOR]
)
def test_a_role_that_cannot_be_delegated_gets_no_form(client, setup, role):
    user = make_user(role, setup["approver"].organisation)
    client.force_login(user)
    page = client.get(reverse("delegations"), **EN).content.decode()
    assert "cannot be delegated" in page
    assert 'name="to_user"' not in page
    today = timezone.localdate()
    response = client.post(
        reverse("delegations"),
        {"to_user": setup["deputy"].pk, "starts": today, "ends": today},
        follow=True,
        **EN,
    )
    assert "Your role cannot be delegated." in response.content.decode()
    assert not Delegation.objects.filter(from_user=user).exists()


def test_the_page_names_the_field_of_a_start_in_the_past(client, setup):
    client.force_login(setup["colleague"])
    today = timezone.localdate()
    response = client.post(
        reverse("delegations"),
        {
            "to_user": setup["deputy"].pk,
            "starts": today - dt.timedelta(days=1),
            "ends": today + dt.timedelta(days=3),
        },
        **NL,
    )
    page = response.content.decode()
    assert "De eerste dag (Vanaf) kan niet in het verleden liggen." in page
    assert not Delegation.objects.filter(from_user=setup["colleague"]).exists()


def test_the_page_delegates_from_today(client, setup):
    client.force_login(setup["colleague"])
    today = timezone.localdate()
    response = client.post(
        reverse("delegations"),
        {"to_user": setup["deputy"].pk, "starts": today, "ends": today},
        follow=True,
        **EN,
    )
    assert "Your role has been delegated." in response.content.decode()
    assert Delegation.objects.get(from_user=setup["colleague"]).starts == today
