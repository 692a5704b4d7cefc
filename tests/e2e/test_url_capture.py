"""Capturing a web page from the case page (issue 12): the case handler types the address
of a page the case names (a local server the test starts, allowed by the setting), and the
evidence panel shows the capture with its WARC and main text; an address the guard refuses
says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from zorgvuldig.evidence.tests.local_server import base_url, local_server

from .conftest import ARTIFACTS
from .test_demo_case import _login


@pytest.mark.django_db(transaction=True)
def test_capture_a_page_from_the_case_page(live_server, browser, settings):
    from zorgvuldig.demo import load_demo
    from zorgvuldig.evidence.capture_job import UrlCapture
    from zorgvuldig.inquiries.models import Inquiry

    load_demo()
    case = Inquiry.objects.get()
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    _login(page, live_server.url, "behandelaar")
    with local_server() as server:
        settings.ZORGVULDIG_CAPTURE_ALLOWED_HOSTS = ["127.0.0.1"]
        page.goto(f"{live_server.url}/inquiries/{case.pk}/")
        panel = page.locator("#evidence")
        panel.locator("summary", has_text="Capture a web page").click()
        page.locator("#id_capture_url").fill(f"{base_url(server)}/post")
        page.locator("#id_capture_description").fill("the campaign post")
        panel.locator("button", has_text="Capture").click()
        page.wait_for_load_state()

        page.goto(f"{live_server.url}/inquiries/{case.pk}/")
        panel.locator("summary", has_text="Capture a web page").click()
        page.locator("#id_capture_url").fill(f"http://localhost:{server.server_port}/")
        panel.locator("button", has_text="Capture").click()
        page.wait_for_load_state()
        assert len(server.hosts) == 1  # the refused address was never reached

    done, refused = UrlCapture.objects.order_by("pk")
    assert done.state == "done"
    assert refused.state == "failed"
    captures = page.locator("table.captures")
    row = captures.locator(f"#capture-{done.pk}")
    assert "captured" in row.inner_text()
    assert row.locator("a", has_text="WARC").count() == 1
    assert row.locator("a", has_text="main text").count() == 1
    assert (
        "non-public network address"
        in captures.locator(f"#capture-{refused.pk}").inner_text()
    )
    ARTIFACTS.mkdir(exist_ok=True)
    captures.scroll_into_view_if_needed()
    page.locator("#evidence").screenshot(path=str(ARTIFACTS / "url-capture.png"))

    # The main text opens the item's page (logged as viewed), with the text shown.
    row.locator("a", has_text="main text").click()
    page.wait_for_load_state()
    preview = page.locator("pre.evidence-text").inner_text()
    assert "Geen regering met steun van partij X" in preview
    page.locator("#evidence-item").screenshot(path=str(ARTIFACTS / "evidence-item.png"))
    with page.expect_download() as download:
        page.locator("a", has_text="Download (hash checked)").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Geen regering met steun van partij X" in text
    context.close()
