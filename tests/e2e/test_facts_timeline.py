"""The demo case's facts timeline in a real browser: the HR advisor opens the case and,
above the advice form, sees the page like of 1 March 2010 from the employee's Facebook
export, the contested post of 20 January 2012, and the answer that the post did not exist
when the page was liked. Saves ``test-artifacts/facts-timeline.png``."""

from __future__ import annotations

import pytest

from .conftest import ARTIFACTS


@pytest.mark.django_db(transaction=True)
def test_advisor_sees_the_timeline_before_advising(live_server, browser):
    from zorgvuldig.demo import load_demo
    from zorgvuldig.inquiries.models import Inquiry

    load_demo()
    case = Inquiry.objects.get()
    base = live_server.url
    page = browser.new_page(
        locale="en-GB", extra_http_headers={"Accept-Language": "en"}
    )
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", "hr")
    page.fill("input[name=password]", "zorgvuldig-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/inquiries/")
    page.goto(f"{base}/inquiries/{case.pk}/")
    timeline = page.locator("#timeline")
    assert timeline.is_visible()
    text = timeline.inner_text()
    assert "1 Mar 2010" in text
    assert "liked the page: Nederland bekent kleur" in text
    assert "20 Jan 2012" in text
    assert "the post did not exist yet" in text
    # The timeline comes before the advice on the page.
    top = timeline.bounding_box()["y"]
    assert top < page.locator("#advice").bounding_box()["y"]
    ARTIFACTS.mkdir(exist_ok=True)
    timeline.screenshot(path=str(ARTIFACTS / "facts-timeline.png"))
    page.close()
