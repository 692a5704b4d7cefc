"""Registering cases in a real browser from a Kamer number, a PDF and a .docx, and the
second registration of the same number refused (issue 10).

The Tweede Kamer open-data API is a local stand-in on 127.0.0.1 serving constructed
responses (``parliament/tests/opendata_server.py``); the browser and the server never reach
the network. Saves a screenshot of the refusal in ``test-artifacts/``.
"""

from __future__ import annotations

import pytest

from .conftest import ARTIFACTS

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _login(page, base):
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", "behandelaar")
    page.fill("input[name=password]", "zorgvuldig-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/inquiries/")


def _confirm(page):
    """Tick "no employee concerned" and every colleague, and register."""
    page.check("input[name=no_person]")
    for box in page.locator("input[name=assignees]").all():
        box.check()
    page.click("form button[type=submit]")
    page.wait_for_load_state()


@pytest.mark.django_db(transaction=True)
def test_register_from_number_pdf_and_docx_and_refuse_a_second_number(
    live_server, browser, settings
):
    from zorgvuldig.demo import load_demo
    from zorgvuldig.inquiries.models import Inquiry
    from zorgvuldig.parliament.tests import DATA
    from zorgvuldig.parliament.tests.documents import (
        docx_with_paragraphs,
        pdf_with_text,
    )
    from zorgvuldig.parliament.tests.opendata_server import serve_opendata

    load_demo()
    before = Inquiry.objects.count()
    text = (DATA / "kamervragen-2012-ambassador-like.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    base = live_server.url
    page = browser.new_context(locale="en-GB").new_page()
    _login(page, base)

    with serve_opendata() as (api, _requests):
        settings.ZORGVULDIG_TK_OPENDATA_URL = api

        # By Kamer number: the Zaak and its question document are fetched.
        page.goto(f"{base}/inquiries/new/")
        page.fill("input[name=kamer_number]", "2021Z06403")
        page.click("form button[type=submit]")
        assert page.input_value("input[name=number]") == "2021Z06403"
        assert "Leijten" in page.input_value("textarea[name=askers]")
        _confirm(page)
        case = Inquiry.objects.get(number="2021Z06403")
        assert page.url.endswith(f"/inquiries/{case.pk}/")
        assert case.questions.count() == 2

        # The same number again: refused, with the existing case shown.
        page.goto(f"{base}/inquiries/new/")
        page.fill("input[name=kamer_number]", "2021Z06403")
        page.click("form button[type=submit]")
        refusal = page.locator(".duplicate")
        assert "2021Z06403 is already registered" in refusal.inner_text()
        assert refusal.locator("a").get_attribute("href") == f"/inquiries/{case.pk}/"
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(
            path=str(ARTIFACTS / "intake-duplicate-number.png"), full_page=True
        )
        assert Inquiry.objects.filter(number="2021Z06403").count() == 1

    # From a PDF; then the back button and the same form again: still one case.
    page.goto(f"{base}/inquiries/new/")
    page.set_input_files(
        "input[name=file]",
        files=[{"name": "vragen.pdf", "mimeType": PDF,
                "buffer": pdf_with_text([[p, ""] for p in paragraphs])}],
    )  # fmt: skip
    page.click("form button[type=submit]")
    assert page.locator("textarea[name=question_4]").count() == 1
    _confirm(page)
    assert Inquiry.objects.count() == before + 2
    pdf_case_url = page.url
    # Case pages are sent with Cache-Control: no-store, so the back button cannot show the
    # confirmation page again: the browser reads the file again (it asks to send the form
    # once more). Reading the same file again by the same person gives the same one-time
    # key, so confirming again registers nothing.
    page.goto(f"{base}/inquiries/new/")
    page.set_input_files(
        "input[name=file]",
        files=[{"name": "vragen.pdf", "mimeType": PDF,
                "buffer": pdf_with_text([[p, ""] for p in paragraphs])}],
    )  # fmt: skip
    page.click("form button[type=submit]")
    assert page.locator("textarea[name=question_4]").count() == 1
    _confirm(page)
    assert page.url == pdf_case_url
    assert "already submitted" in page.content()
    assert Inquiry.objects.count() == before + 2

    # From a .docx with Word's automatic list numbering.
    page.goto(f"{base}/inquiries/new/")
    page.set_input_files(
        "input[name=file]",
        files=[{"name": "vragen.docx", "mimeType": DOCX, "buffer": docx_with_paragraphs(
            paragraphs[:1], numbered=["Kent u het bericht?", "Is het waar?"])}],
    )  # fmt: skip
    page.click("form button[type=submit]")
    assert page.input_value("textarea[name=question_2]") == "Is het waar?"
    _confirm(page)
    assert Inquiry.objects.count() == before + 3
