"""Single sign-on in a real browser through a real OpenID Connect provider on loopback (npm's
``oidc-provider``, see ``tests/oidc_provider.py``).

A case handler opens the login page, chooses "Log in through your organisation", signs in
at the provider's own pages, consents, and lands on the cases with the role the product
gave them. Screenshots of the login page and the provider's page go to ``test-artifacts/``.
"""

from __future__ import annotations

import pytest

from tests.oidc_provider import provider_needed, running_provider, sso_settings

from .conftest import ARTIFACTS

pytestmark = provider_needed


def _shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


@pytest.mark.django_db(transaction=True)
def test_log_in_through_the_organisation(live_server, browser):
    from zorgvuldig.core.choices import Role
    from zorgvuldig.core.tests.factories import make_user

    make_user(Role.CASE_HANDLER, username="anna", first_name="Anna", last_name="Smit")
    base = live_server.url
    accounts = {"anna": {"preferred_username": "anna", "roles": ["zv-approver"]}}
    with (
        running_provider([f"{base}/oidc/callback/"], accounts) as issuer,
        sso_settings(issuer, ZORGVULDIG_OTP_REQUIRED_ROLES=["all"]),
    ):
        context = browser.new_context(
            locale="en-GB", viewport={"width": 1100, "height": 800}
        )
        page = context.new_page()
        page.goto(f"{base}/inquiries/")
        assert "/login/" in page.url
        _shot(page, "login-with-single-sign-on.png")
        page.click("text=Log in through your organisation")
        page.wait_for_url(f"{issuer}/**")
        page.fill("input[name=login]", "anna")
        page.fill("input[name=password]", "not-checked-by-the-test-provider")
        _shot(page, "single-sign-on-provider.png")
        page.click("button[type=submit]")
        page.click("button[type=submit]")  # consent
        page.wait_for_url(f"{base}/inquiries/")
        # The product's own role, not the provider's; no TOTP step after single sign-on.
        assert "Anna Smit · Case handler" in page.inner_text("header")
