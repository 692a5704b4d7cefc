"""Automatic trusted timestamps and the item's page in the browser (issue 12): the case
handler uploads a file while two authorities are configured, one of them unreachable; the
panel shows the failure (the item is stored all the same), the item's page shows the other
authority's token and its own custody entries, opening it logged as ``viewed``."""

from __future__ import annotations

import pytest

from zorgvuldig.evidence.tests.tsa import local_authority

from .conftest import ARTIFACTS
from .test_demo_case import _login


@pytest.mark.django_db(transaction=True)
def test_upload_is_timestamped_and_a_failing_authority_shown(
    live_server, browser, tmp_path, settings
):
    from zorgvuldig.demo import load_demo
    from zorgvuldig.evidence.models import CustodyEntry, EvidenceItem
    from zorgvuldig.evidence.verification import verify_case
    from zorgvuldig.inquiries.models import Inquiry

    load_demo()
    case = Inquiry.objects.get()
    with local_authority(tmp_path / "tsa", "Alpha") as tsa:
        settings.ZORGVULDIG_TIMESTAMP_AUTHORITIES = [
            {"url": "http://127.0.0.1:9/", "chain": str(tsa.chain)},
            {"url": tsa.url, "chain": str(tsa.chain)},
        ]
        context = browser.new_context(locale="en-GB", accept_downloads=True)
        page = context.new_page()
        _login(page, live_server.url, "behandelaar")
        page.goto(f"{live_server.url}/inquiries/{case.pk}/")
        panel = page.locator("#evidence")
        panel.locator("summary", has_text="Add evidence").click()
        upload = panel.locator("form[action$='/evidence/']")
        shot = tmp_path / "like.png"
        shot.write_bytes(b"\x89PNG the like, seen on 1 February 2012")
        upload.locator("input[name=file]").set_input_files(str(shot))
        upload.locator("button", has_text="Upload").click()
        page.wait_for_load_state()
        item = EvidenceItem.objects.get(original_name="like.png")

    row = page.locator(f"#evidence-{item.pk}")
    status = row.locator(".timestamp-status")
    assert status.get_attribute("data-state") == "failed"
    assert "127.0.0.1:9" in status.inner_text()
    assert "tried again later" in status.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    panel.scroll_into_view_if_needed()
    panel.screenshot(path=str(ARTIFACTS / "evidence-timestamp-failed.png"))

    row.locator("a", has_text="like.png").click()
    page.wait_for_load_state()
    body = page.locator("#evidence-item").inner_text()
    assert tsa.url in body  # the token of the authority that answered
    assert item.manifest_sha256 in body
    custody = page.locator("table.custody").inner_text()
    for action in ("created", "timestamped", "viewed"):
        assert action in custody
    page.locator("#evidence-item").screenshot(
        path=str(ARTIFACTS / "evidence-item-timestamped.png")
    )
    viewed = CustodyEntry.objects.get(item=item, action="viewed")
    assert viewed.actor_name == "behandelaar"
    report = verify_case(case.pk)
    assert report.ok, report.as_text()
    context.close()
