"""Single sign-on against a real OpenID Connect provider started on loopback (issue 11).

The provider is npm's ``oidc-provider`` (panva, MIT) run by ``tests/oidc/provider.mjs`` with
node; ``.ci/run`` installs it (``npm ci`` in ``tests/oidc``). The product side is the real
mozilla-django-oidc code flow with PKCE: the Django test client plays the product's pages,
httpx plays the person's browser at the provider, and the product fetches the tokens, the
signing keys and the user info from the provider over HTTP.

Roles stay in the product: the provider says who signs in, the product's own user of that
name says what they may do, and a name the product does not know gets nowhere.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urljoin, urlsplit

from django.test import override_settings
from django.urls import reverse

import httpx
import pytest

from zorgvuldig.core.choices import Role
from zorgvuldig.core.models import AuditEntry, User
from zorgvuldig.core.tests.factories import make_user

from .oidc_provider import provider_needed, running_provider, sso_settings

CALLBACK = "http://testserver/oidc/callback/"

pytestmark = [*provider_needed, pytest.mark.django_db]

ACCOUNTS = {
    "anna": {
        "preferred_username": "anna",
        "email": "anna@example.org",
        "given_name": "Anna",
        "family_name": "de Vries",
        "roles": ["zv-approver"],
    },
    "stranger": {"preferred_username": "stranger", "email": "s@example.org"},
}


@pytest.fixture
def client(client):
    """Pages in English, and so the language active after each request (LocaleMiddleware)."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture(scope="module")
def provider():
    """The provider's issuer URL, while it runs."""
    with running_provider([CALLBACK], ACCOUNTS) as issuer:
        yield issuer


@pytest.fixture
def sso(provider):
    with sso_settings(provider, ZORGVULDIG_OTP_REQUIRED_ROLES=["all"]):
        # (every role would need a TOTP code at a local login: SSO leaves it to the IdP)
        yield provider


def _form(html: str) -> tuple[str, dict[str, str]]:
    """The action and hidden fields of the provider's (only) form."""
    action = unescape(re.search(r'<form[^>]*action="([^"]+)"', html).group(1))
    fields = dict(
        re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html)
    )
    return action, fields


def _sign_in_at_provider(client, account: str) -> str:
    """Start at the product's login, sign in at the provider as ``account`` and consent;
    return the product path the provider sends the browser back to."""
    start = client.get(reverse("oidc_authentication_init"), {"next": "/delegation/"})
    assert start.status_code == 302
    url = start["Location"]
    assert "code_challenge=" in url  # PKCE
    with httpx.Client(follow_redirects=False, timeout=10) as browser:
        for _ in range(10):
            response = browser.get(url)
            while response.status_code == 200:  # a sign-in or consent page
                action, fields = _form(response.text)
                if fields.get("prompt") == "login":
                    fields |= {"login": account, "password": "not-checked"}
                response = browser.post(urljoin(url, action), data=fields)
            assert response.status_code in (302, 303), response.text[:500]
            url = urljoin(url, response.headers["location"])
            if url.startswith(CALLBACK):
                parts = urlsplit(url)
                return f"{parts.path}?{parts.query}"
    pytest.fail("the provider never sent the browser back")


def test_a_product_user_signs_in_through_the_provider(client, sso):
    anna = make_user(Role.CASE_HANDLER, username="anna")
    back = _sign_in_at_provider(client, "anna")
    assert "code" in parse_qs(urlsplit(back).query)
    response = client.get(back)
    assert response.status_code == 302, response.content[:300]
    assert response["Location"] == "/delegation/"
    assert client.session["_auth_user_id"] == str(anna.pk)
    # The product's role stands; the provider's "zv-approver" is not taken unasked.
    anna.refresh_from_db()
    assert anna.role == Role.CASE_HANDLER
    # Signed in through the provider: no TOTP step here, although every role requires it
    # at a local login; the page opens.
    assert client.get("/delegation/").status_code == 200
    login = AuditEntry.objects.get(action="auth.login")
    assert login.actor == anna
    assert login.summary_text.startswith("Signed in (single sign-on) from ")


def test_a_name_the_product_does_not_know_gets_nowhere(client, sso):
    back = _sign_in_at_provider(client, "stranger")
    response = client.get(back)
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(username="stranger").exists()
    assert AuditEntry.objects.filter(action="auth.login_failed").count() == 1
    assert client.get("/delegation/").status_code == 302  # to the login page


def test_roles_come_from_the_provider_only_when_configured(client, sso):
    anna = make_user(Role.CASE_HANDLER, username="anna")
    with override_settings(
        ZORGVULDIG_OIDC_ROLES_CLAIM="roles",
        ZORGVULDIG_OIDC_ROLE_MAP='{"zv-approver": "approver"}',
    ):
        client.get(_sign_in_at_provider(client, "anna"))
    anna.refresh_from_db()
    assert anna.role == Role.APPROVER
    change = AuditEntry.objects.get(action="user.role_changed")
    assert change.changes["role"] == ["case_handler", "approver"]


def test_the_login_page_offers_single_sign_on_when_configured(client, sso):
    page = client.get(reverse("login")).content.decode()
    assert reverse("oidc_authentication_init") in page
