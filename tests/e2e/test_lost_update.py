"""The two-tab lost update of issue 11 in a real browser: the case handler opens the case
in two tabs and saves different facts in each; the second save is refused, shows who saved
what in between, and keeps the second tab's text so that it can be merged and saved."""

from __future__ import annotations

import pytest

from .conftest import ARTIFACTS
from .test_demo_case import _login

FIRST = "De like dateert van 1 maart 2010 (afdelingshoofd, Den Haag)."
SECOND = "De like dateert van juni 2011; de pagina was toen een campagnepagina."


@pytest.mark.django_db(transaction=True)
def test_two_tabs_saving_the_facts_lose_nothing(live_server, browser):
    from zorgvuldig.demo import load_demo
    from zorgvuldig.inquiries.models import Inquiry

    load_demo()
    case = Inquiry.objects.get()
    base = live_server.url
    case_url = f"{base}/inquiries/{case.pk}/"
    context = browser.new_context(locale="nl-NL")
    first = context.new_page()
    _login(first, base, "behandelaar")
    second = context.new_page()  # the same person, a second tab
    first.goto(case_url)
    second.goto(case_url)

    first.fill("textarea[name=facts]", FIRST)
    first.click("#facts button[type=submit]")
    first.wait_for_load_state()
    assert Inquiry.objects.get().facts == FIRST

    second.fill("textarea[name=facts]", SECOND)
    second.click("#facts button[type=submit]")
    second.wait_for_load_state()
    conflict = second.locator("#conflict")
    assert conflict.is_visible()
    assert "Niet opgeslagen" in conflict.inner_text()
    assert "Bram Behandelaar" in conflict.inner_text()
    assert second.locator("textarea[name=facts]").input_value() == SECOND
    ARTIFACTS.mkdir(exist_ok=True)
    second.screenshot(path=str(ARTIFACTS / "lost-update-refused.png"), full_page=False)
    assert Inquiry.objects.get().facts == FIRST  # nothing overwritten

    # Merged and saved again from the refused page: it now carries the saved version.
    second.fill("textarea[name=facts]", f"{FIRST} {SECOND}")
    second.click("#facts button[type=submit]")
    second.wait_for_load_state()
    assert second.locator("#conflict").count() == 0
    assert Inquiry.objects.get().facts == f"{FIRST} {SECOND}"
    context.close()
