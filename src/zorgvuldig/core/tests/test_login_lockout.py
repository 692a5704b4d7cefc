"""Password guessing is stopped and on record (issue 11: "50 wrong passwords in 10.6 s were all
answered and the right one worked straight after").

Thirty wrong passwords from one address lock logins from it (django-axes): the right
password is then refused too, for ZORGVULDIG_LOCKOUT_MINUTES, while other addresses can
still log in. The audit trail holds each failed login with the user name tried and the
lockout.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine

from zorgvuldig.core.choices import Role
from zorgvuldig.core.models import AuditEntry

from .factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    """Pages in English, and so the language active after each request (LocaleMiddleware)."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


GUESSER = "203.0.113.7"
COLLEAGUE = "198.51.100.20"


def _login(client, username, password, ip=GUESSER):
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
    )


@pytest.fixture
def handler():
    return make_user(Role.CASE_HANDLER, username="anna")


def test_thirty_wrong_passwords_lock_the_address_out(client, handler):
    assert settings.AXES_FAILURE_LIMIT == 30
    for _ in range(29):
        assert _login(client, "anna", "wrong-guess").status_code == 200  # form again
    # Before the limit the right password still works (a typo is no lockout).
    assert _login(client, "anna", "pw-for-tests-only").status_code == 302
    client.logout()
    response = _login(client, "anna", "wrong-guess")  # the 30th failure
    assert response.status_code == 429
    right = _login(client, "anna", "pw-for-tests-only")
    assert right.status_code == 429  # the right password is refused too
    assert "_auth_user_id" not in client.session
    assert "Too many failed logins" in right.content.decode()
    # Another address is not locked out.
    assert _login(client, "anna", "pw-for-tests-only", ip=COLLEAGUE).status_code == 302


def test_the_lockout_ends_after_the_cool_off(client, handler):
    for _ in range(30):
        _login(client, "anna", "wrong-guess")
    assert _login(client, "anna", "pw-for-tests-only").status_code == 429
    later = timezone.now() + dt.timedelta(hours=settings.AXES_COOLOFF_TIME, minutes=1)
    with time_machine.travel(later):
        assert _login(client, "anna", "pw-for-tests-only").status_code == 302


def test_failed_logins_and_the_lockout_are_on_the_audit_trail(client, handler):
    for _ in range(29):
        _login(client, "anna", "wrong-guess")
    _login(
        client, "nobody-here", "wrong-guess"
    )  # the 30th: a user name that is unknown
    _login(client, "anna", "pw-for-tests-only")  # refused: locked out

    failed = AuditEntry.objects.filter(action="auth.login_failed")
    assert failed.count() == 31
    on_anna = failed.filter(target_id=str(handler.pk))
    assert on_anna.count() == 30
    assert all(e.actor is None for e in failed)
    texts = [e.summary_text for e in failed.order_by("at", "pk")]
    assert texts[0] == f"Failed login for user name anna from {GUESSER}"
    assert texts[28] == f"Failed login for user name anna from {GUESSER}"
    assert texts[29] == (  # the failure that locked the address out; an unknown name
        # is not kept in the trail (people type their password there)
        f"Failed login for user name (unknown user name) from {GUESSER} "
        "(address locked out)"
    )
    assert texts[30] == (
        f"Failed login for user name anna from {GUESSER} (address locked out)"
    )
    # The unknown user name points to django-axes's record of the attempt.
    assert failed.exclude(target_id=str(handler.pk)).get().target.username == (
        "nobody-here"
    )
    lockout = AuditEntry.objects.get(action="auth.locked_out")
    assert lockout.summary_text == (
        f"Logins from {GUESSER} locked out after 30 failed logins "
        "(last user name tried: (unknown user name))"
    )
    assert lockout.action_label == "Logins locked out"
    assert "nobody-here" not in " ".join(
        e.summary_text for e in AuditEntry.objects.all()
    )
    # No password is kept anywhere in the trail.
    for entry in AuditEntry.objects.all():
        assert (
            "wrong-guess"
            not in f"{entry.summary} {entry.summary_params} {entry.changes}"
        )


def test_logins_and_logouts_are_on_the_audit_trail(client, handler):
    assert _login(client, "anna", "pw-for-tests-only").status_code == 302
    client.post(reverse("logout"))
    entries = AuditEntry.objects.filter(target_id=str(handler.pk)).exclude(
        action="user.created"
    )
    assert [(e.action, e.actor) for e in entries.order_by("at", "pk")] == [
        ("auth.login", handler),
        ("auth.logout", handler),
    ]
    assert entries.order_by("at", "pk")[0].summary_text == (
        f"Signed in (password) from {GUESSER}"
    )
