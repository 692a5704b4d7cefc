"""The administrator manages accounts and settings, never cases (issue 11).

Before: the administrator was a superuser who could set a case handler's password in the
admin, sign in as them and read the case. Now the admin site opens by role, nobody sets
another person's password on the web, superusers are made on the command line only, an
administrator sees no case even when assigned, and every admin write is on the trail.
"""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

import pytest

from zorgvuldig.core.choices import Role
from zorgvuldig.core.models import AuditEntry, User
from zorgvuldig.evidence.services import add_evidence
from zorgvuldig.inquiries.choices import State
from zorgvuldig.inquiries.tests.factories import (
    Team,
    build_inquiry,
    make_org,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    team = Team()
    inquiry = build_inquiry(team, State.APPROVED)
    item = add_evidence(
        actor=team.handler,
        inquiry=inquiry,
        upload=SimpleUploadedFile("screenshot.png", b"\x89PNG fake"),
    )
    admin = make_user(Role.ADMINISTRATOR, team.org)
    return team, inquiry, item, admin


def _change_url(user: User) -> str:
    return reverse("admin:core_user_change", args=[user.pk])


def _post_user(client, user: User, **changes) -> object:
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on" if user.is_active else "",
        "role": user.role,
        "clearance": user.clearance,
        "approval_layer": user.approval_layer,
        "manager": user.manager_id or "",
        **changes,
    }
    return client.post(_change_url(user), {k: v for k, v in data.items() if v != ""})


def test_the_administrator_manages_users_and_the_change_is_audited(client, setup):
    team, _inquiry, _item, admin = setup
    client.force_login(admin)
    assert client.get(reverse("admin:core_user_changelist")).status_code == 200
    assert client.get(_change_url(team.comms)).status_code == 200
    response = _post_user(client, team.comms, role=Role.ADVISOR)
    assert response.status_code == 302, response.content.decode()[:2000]
    team.comms.refresh_from_db()
    assert team.comms.role == Role.ADVISOR
    entry = AuditEntry.objects.get(action="admin.changed")
    assert entry.actor == admin
    assert entry.target == team.comms
    assert "role" in entry.summary
    # The trail names the field, the record holds the value.
    assert Role.ADVISOR not in entry.summary


def test_the_administrator_reads_no_case_document_or_evidence(client, setup):
    _team, inquiry, item, admin = setup
    inquiry.assignees.add(admin)  # even assigned (e.g. before becoming administrator)
    client.force_login(admin)
    for url in (
        reverse("inquiries:detail", args=[inquiry.pk]),
        reverse("inquiries:answer_docx", args=[inquiry.pk]),
        reverse("inquiries:document", args=[inquiry.pk, "hearing", "pdf"]),
        reverse("evidence:download", args=[inquiry.pk, item.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert inquiry.subject not in client.get(reverse("inquiries:list")).content.decode()
    export = client.get(reverse("inquiries:export_csv")).content.decode()
    assert inquiry.subject not in export


def test_no_case_model_is_in_the_admin(client, setup):
    _team, _inquiry, _item, admin = setup
    client.force_login(admin)
    index = client.get(reverse("admin:index")).content.decode()
    for app in ("inquiries", "evidence", "media"):
        assert f"/admin/{app}/" not in index


@pytest.mark.parametrize("superuser", [False, True])
def test_nobody_sets_a_case_handlers_password_on_the_web(client, setup, superuser):
    """The issue's failure: reset a case handler's password, sign in as them, read."""
    team, _inquiry, _item, admin = setup
    if superuser:
        admin = User.objects.create_superuser("root", password="pw-for-tests-only")
    client.force_login(admin)
    url = reverse("admin:auth_user_password_change", args=[team.handler.pk])
    assert client.get(url).status_code == 403
    response = client.post(
        url, {"password1": "Nieuw-wachtwoord-1!", "password2": "Nieuw-wachtwoord-1!"}
    )
    assert response.status_code == 403
    team.handler.refresh_from_db()
    assert not team.handler.check_password("Nieuw-wachtwoord-1!")
    signing_in = RequestFactory().post(reverse("login"))
    assert (
        authenticate(
            signing_in, username=team.handler.username, password="Nieuw-wachtwoord-1!"
        )
        is None
    )
    # One's own password is one's own to change.
    own = reverse("admin:auth_user_password_change", args=[admin.pk])
    assert client.get(own).status_code == 200


def test_a_new_account_has_no_password_anyone_knows(client, setup):
    _team, _inquiry, _item, admin = setup
    client.force_login(admin)
    response = client.post(
        reverse("admin:core_user_add"),
        {"username": "nieuw", "first_name": "Nieuwe", "last_name": "Collega"},
    )
    assert response.status_code == 302
    user = User.objects.get(username="nieuw")
    assert not user.has_usable_password()
    assert user.organisation == admin.organisation
    assert AuditEntry.objects.filter(action="admin.added", actor=admin).exists()


def test_superuser_and_permissions_are_not_granted_on_the_web(client, setup):
    team, _inquiry, _item, admin = setup
    client.force_login(admin)
    page = client.get(_change_url(team.handler)).content.decode()
    for field in ("is_superuser", "is_staff", "groups", "user_permissions"):
        assert f'name="{field}"' not in page
    assert "/password/" not in page  # no link to set another person's password
    _post_user(client, team.handler, is_superuser="on", is_staff="on")
    team.handler.refresh_from_db()
    assert not team.handler.is_superuser
    assert not team.handler.is_staff


def test_superuser_only_from_the_command_line():
    call_command("createsuperuser", "--noinput", username="root", email="r@example.org")
    assert User.objects.get(username="root").is_superuser


def test_the_administrator_does_not_change_their_own_role(client, setup):
    _team, _inquiry, _item, admin = setup
    client.force_login(admin)
    _post_user(client, admin, role=Role.CASE_HANDLER)
    admin.refresh_from_db()
    assert admin.role == Role.ADMINISTRATOR


def test_only_administrators_enter_the_admin(client, setup):
    team, _inquiry, _item, _admin = setup
    team.handler.is_staff = True  # staff status alone opens nothing
    team.handler.save()
    client.force_login(team.handler)
    response = client.get(reverse("admin:core_user_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_administrator_sees_only_their_own_organisation(client, setup):
    _team, _inquiry, _item, admin = setup
    other = make_user(Role.CASE_HANDLER, make_org("Ministerie van Defensie"))
    client.force_login(admin)
    assert client.get(_change_url(other)).status_code == 302  # "does not exist"
    page = client.get(reverse("admin:core_user_changelist")).content.decode()
    assert other.username not in page


def test_the_administrators_actions_are_listed_without_case_entries(client, setup):
    team, _inquiry, _item, admin = setup
    client.force_login(admin)
    _post_user(client, team.comms, first_name="Anders")
    page = client.get(reverse("admin:core_auditentry_changelist")).content.decode()
    assert "admin.changed" in page
    assert "inquiry.registered" not in page  # case entries stay on the case page
    assert AuditEntry.objects.filter(action="inquiry.registered").exists()


def test_the_administrator_sees_failed_logins_on_the_organisations_accounts(setup):
    # review finding: entries without an actor (failed logins, lockouts) were filtered out
    from django.test import Client

    team, _inquiry, _item, admin = setup
    Client().post(
        reverse("login"),
        {"username": team.handler.username, "password": "wrong-guess"},
        REMOTE_ADDR="203.0.113.9",
    )
    assert AuditEntry.objects.filter(action="auth.login_failed").exists()
    client = Client()
    client.force_login(admin)
    page = client.get(reverse("admin:core_auditentry_changelist")).content.decode()
    assert "auth.login_failed" in page
