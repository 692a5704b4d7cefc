"""Exporting a case's evidence from the case page (issue 12): the case handler uploads a
file on the demo case's evidence panel, downloads the WACZ export, and the bundle verifies;
one changed byte of the stored artefact makes the case's verification fail naming that
item, and a new export is refused with the item named."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import ARTIFACTS
from .test_demo_case import _login


@pytest.mark.django_db(transaction=True)
def test_upload_export_verify_then_tamper(live_server, browser, tmp_path):
    from django.core.files.storage import default_storage

    from zorgvuldig.demo import load_demo
    from zorgvuldig.evidence.models import CustodyEntry, EvidenceItem
    from zorgvuldig.evidence.verification import verify_bundle, verify_case
    from zorgvuldig.inquiries.models import Inquiry

    load_demo()
    case = Inquiry.objects.get()
    context = browser.new_context(locale="en-GB", accept_downloads=True)
    page = context.new_page()
    _login(page, live_server.url, "behandelaar")
    page.goto(f"{live_server.url}/inquiries/{case.pk}/")
    panel = page.locator("#evidence")
    panel.locator("summary", has_text="Add evidence").click()
    upload = panel.locator("form[action$='/evidence/']")
    shot = tmp_path / "like.png"
    shot.write_bytes(b"\x89PNG the ambassador's like, as seen on 1 February 2012")
    upload.locator("input[name=file]").set_input_files(str(shot))
    upload.locator("input[name=description]").fill("screenshot of the like")
    upload.locator("button", has_text="Upload").click()
    page.wait_for_load_state()
    item = EvidenceItem.objects.get(original_name="like.png")
    assert "Stored like.png" in page.content()

    ARTIFACTS.mkdir(exist_ok=True)
    panel.scroll_into_view_if_needed()
    panel.screenshot(path=str(ARTIFACTS / "evidence-export-panel.png"))
    with page.expect_download() as download:
        panel.locator("a", has_text="Export the evidence (WACZ)").click()
    assert download.value.suggested_filename == f"case-{case.pk}-evidence.wacz"
    bundle = Path(download.value.path())
    report = verify_bundle(bundle)
    assert report.ok, report.as_text()
    assert f"item #{item.pk}: artefact evidence/artefacts/{item.sha256}" in "\n".join(
        report.checked
    )
    last = CustodyEntry.objects.filter(inquiry=case).order_by("-seq").first()
    assert last.action == "exported"
    assert last.actor_name == "behandelaar"

    stored = Path(default_storage.path(item.file.name))
    data = bytearray(stored.read_bytes())
    data[0] ^= 1
    stored.write_bytes(bytes(data))
    failures = "\n".join(verify_case(case.pk).failures)
    assert f"item #{item.pk}: artefact like.png expected sha256 {item.sha256}" in (
        failures
    )
    assert verify_bundle(bundle).ok  # the bundle taken before keeps its own proof

    response = page.request.get(
        f"{live_server.url}/inquiries/{case.pk}/evidence/bundle.wacz"
    )
    assert response.status == 409
    assert f"item #{item.pk}" in response.text()
    context.close()
