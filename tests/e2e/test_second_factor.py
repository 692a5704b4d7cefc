"""The TOTP second factor in a real browser (Playwright driving Debian's chromium).

A case handler, whose role the organisation requires a second factor for, logs in with
their password, is sent to set up an authenticator app (QR code and key), confirms it with
a code, reaches the cases; logs out, logs in again and is asked for the code before any
page opens; a wrong code is refused. Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import base64

import pytest

from .conftest import ARTIFACTS


def _shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def _code(key_b32: str, step_offset: int = 0) -> str:
    from django_otp.oath import totp

    return f"{totp(base64.b32decode(key_b32), drift=step_offset):06d}"


def _password(page, base):
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", "kees")
    page.fill("input[name=password]", "pw-for-tests-only")
    page.click("main button[type=submit]")


@pytest.mark.django_db(transaction=True)
def test_set_up_and_use_the_authenticator(live_server, browser, settings):
    from zorgvuldig.core.choices import Role
    from zorgvuldig.core.tests.factories import make_user

    settings.ZORGVULDIG_OTP_REQUIRED_ROLES = ["case_handler"]
    make_user(Role.CASE_HANDLER, username="kees")
    base = live_server.url
    context = browser.new_context(
        locale="en-GB", viewport={"width": 1100, "height": 900}
    )
    page = context.new_page()

    _password(page, base)
    page.wait_for_url(f"{base}/account/authenticator/**")
    assert page.is_visible(".qr svg")
    _shot(page, "second-factor-enrol.png")
    key = page.inner_text("#otp-key")
    page.fill("input[name=token]", _code(key))
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{base}/inquiries/")
    assert "Your authenticator app is set up." in page.inner_text("main")

    page.click("header form[action$='/logout/'] button")
    _password(page, base)
    page.wait_for_url(f"{base}/login/code/**")
    page.goto(f"{base}/inquiries/")  # nothing opens before the code
    assert "/login/code/" in page.url
    page.fill("input[name=token]", "000000")
    page.click("main form button[type=submit]")
    assert "That code is not right" in page.inner_text("main")
    _shot(page, "second-factor-verify.png")
    # The code of the enrolment is spent: the app's next one (within the tolerance of
    # one step). django-otp makes a try after a wrong code wait a second.
    page.wait_for_timeout(1100)
    page.fill("input[name=token]", _code(key, 1))
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{base}/inquiries/")


@pytest.mark.django_db(transaction=True)
def test_the_lockout_page(live_server, browser, settings):
    """After the limit of failed logins the browser gets the lockout page, in Dutch."""
    # (30 in production: core/tests/test_login_lockout.py)
    settings.AXES_FAILURE_LIMIT = 3
    base = live_server.url
    page = browser.new_context(locale="nl-NL").new_page()
    for _ in range(3):
        page.goto(f"{base}/login/")
        page.fill("input[name=username]", "kees")
        page.fill("input[name=password]", "wrong-guess")
        page.click("main button[type=submit]")
    assert "Te veel mislukte inlogpogingen" in page.inner_text("main")
    _shot(page, "login-locked-out.png")
