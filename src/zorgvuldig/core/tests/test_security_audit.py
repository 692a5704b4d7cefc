"""Every change to users, roles, clearances, delegations and passwords is on the audit trail
with who made it, whichever way it was made (issue 11: "role, clearance and password changes
appear only in Django's admin log"); and so is refused access (403) with the user."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.test import override_settings
from django.urls import path, reverse
from django.utils import timezone

import pytest

from zorgvuldig.core.choices import Confidentiality, Role
from zorgvuldig.core.models import AuditEntry, User
from zorgvuldig.core.services import delegate_role

from .factories import make_delegation, make_org, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    """Pages in English, and so the language active after each request (LocaleMiddleware)."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def _about(user: User, action: str) -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(target_id=str(user.pk), action=action).order_by(
            "at", "pk"
        )
    )


@pytest.fixture
def admin_client(client):
    admin = User.objects.create_superuser(
        "beheer", password="pw-for-tests-only", role=Role.ADMINISTRATOR
    )
    client.force_login(admin)
    return client, admin


def test_a_new_user_is_on_record(admin_client):
    user = make_user(Role.HR_ADVISOR, clearance=Confidentiality.GEHEIM)
    (entry,) = _about(user, "user.created")
    assert entry.summary_text == (
        f"User {user.username} created as HR advisor, cleared up to Secret"
    )
    assert entry.changes["role"] == [None, "hr_advisor"]


def test_role_and_clearance_changes_in_the_admin_are_on_record(admin_client):
    client, admin = admin_client
    user = make_user(Role.CASE_HANDLER, username="kees")
    url = reverse("admin:core_user_change", args=[user.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        {
            "role": Role.APPROVER,
            "clearance": Confidentiality.GEHEIM,
            "organisation": user.organisation_id,
            "date_joined_0": "2026-01-01",
            "date_joined_1": "09:00:00",
            "groups": [],
            "user_permissions": [],
        }
    )
    data.pop("last_login", None)
    data.pop("date_joined", None)
    data.pop("manager", None)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    (entry,) = _about(user, "user.role_changed")
    assert entry.actor == admin
    assert entry.changes["role"] == ["case_handler", "approver"]
    assert entry.changes["clearance"] == ["confidentieel", "geheim"]
    assert entry.action_label == "Role changed"


def test_a_password_change_is_on_record_without_the_password(admin_client):
    # Nobody sets another person's password on the web (tests/test_administrator.py);
    # one's own is one's own to change, and that change is on record.
    client, admin = admin_client
    new = "lantaarnpaal-boterbloem-42"
    response = client.post(
        reverse("admin:auth_user_password_change", args=[admin.pk]),
        {"password1": new, "password2": new, "usable_password": "true"},
    )
    assert response.status_code == 302
    (entry,) = _about(admin, "user.password_changed")
    assert entry.actor == admin
    assert entry.summary_text == f"Password of {admin.username} changed"
    assert new not in f"{entry.summary} {entry.summary_params} {entry.changes}"
    admin.refresh_from_db()
    assert not _about(admin, "user.changed")  # the hash itself is not a field on record


def test_changes_from_the_command_line_are_on_record_as_the_system(db):
    user = make_user(Role.CASE_HANDLER)
    user.set_password("lantaarnpaal-boterbloem-42")
    user.save()
    user.clearance = Confidentiality.INTERN
    user.save(update_fields=["clearance"])
    user.is_superuser = True
    user.save()
    assert [e.actor for e in _about(user, "user.password_changed")] == [None]
    (clearance,) = _about(user, "user.clearance_changed")
    assert clearance.changes == {"clearance": ["confidentieel", "intern"]}
    (rights,) = _about(user, "user.changed")
    assert rights.changes == {"is_superuser": [False, True]}


def _login(client):
    response = client.post(
        reverse("login"), {"username": "kees", "password": "pw-for-tests-only"}
    )
    assert response.status_code == 302


def test_a_rehash_at_login_is_not_a_password_change(client, db):
    user = make_user(Role.CASE_HANDLER, username="kees")
    with override_settings(
        PASSWORD_HASHERS=[
            "django.contrib.auth.hashers.ScryptPasswordHasher",
            "django.contrib.auth.hashers.MD5PasswordHasher",
        ]
    ):
        _login(client)
    user.refresh_from_db()
    assert user.password.startswith("scrypt$")  # rehashed
    assert not _about(user, "user.password_changed")
    assert not _about(user, "user.changed")


def test_a_login_does_not_count_as_a_change_of_the_user(client, db):
    user = make_user(Role.CASE_HANDLER, username="kees")
    _login(client)
    assert [e.action for e in _about(user, "auth.login")] == ["auth.login"]
    assert not _about(user, "user.changed")


def test_group_changes_are_on_record(db):
    user = make_user(Role.CASE_HANDLER)
    group = Group.objects.create(name="beheerders")
    user.groups.add(group)
    (entry,) = _about(user, "user.rights_changed")
    assert entry.changes == {"groups": ["add", [group.pk]]}


def test_delegations_are_on_record_when_made_revoked_or_deleted(db):
    org = make_org()
    approver = make_user(Role.APPROVER, org)
    deputy = make_user(Role.APPROVER, org)
    today = timezone.localdate()
    delegate_role(
        actor=approver,
        from_user=approver,
        to_user=deputy,
        starts=today,
        ends=today + dt.timedelta(days=3),
    )
    assert _about(approver, "role.delegated")
    other = make_delegation(approver, deputy)
    other.delete()
    assert AuditEntry.objects.filter(action="delegation.deleted").count() == 1


def _forbidden(request):
    raise PermissionDenied


urlpatterns = [path("forbidden/", _forbidden)]


@override_settings(ROOT_URLCONF=__name__)
def test_refused_access_is_on_record_with_the_user(client, db):
    user = make_user(Role.CASE_HANDLER, username="kees")
    client.force_login(user)
    assert client.get("/forbidden/?x=1").status_code == 403
    (entry,) = _about(user, "access.refused")
    assert entry.actor == user
    assert entry.summary_text == "Access refused: GET /forbidden/"
