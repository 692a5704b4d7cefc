"""A works-council memo through the procedure in a real browser: registered from an upload,
no employee concerned (so no hearing and no measure), answered, approved, downloaded."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from zorgvuldig.parliament.tests import DATA

from .conftest import ARTIFACTS
from .test_demo_case import _login, _logout, _step

MEMO = DATA / "works-council-memo.txt"


@pytest.mark.django_db(transaction=True)
def test_works_council_memo_from_upload_to_approved(live_server, browser):
    from docx import Document

    from zorgvuldig.demo import load_demo
    from zorgvuldig.inquiries.models import Inquiry

    load_demo()
    base = live_server.url
    context = browser.new_context(accept_downloads=True, locale="nl-NL")
    page = context.new_page()

    _login(page, base, "behandelaar")
    page.click("text=Vragen registreren")
    page.set_input_files("input[name=file]", str(MEMO))
    page.click("button[type=submit]")
    assert page.locator("select[name=kind]").input_value() == "works_council"
    assert page.locator("input[name=no_person]").is_checked()
    for name in (
        "Hanna de Haan",
        "Joost Juridisch",
        "Isa Integriteit",
        "Geert Goedkeur",
    ):
        page.check(f"label:has-text('{name}') input")
    page.click("button[type=submit]")
    memo = Inquiry.objects.get(kind="works_council")
    case_url = f"{base}/inquiries/{memo.pk}/"
    assert page.url == case_url
    assert page.locator("#hearing").count() == 0  # no employee: no hearing, no measure
    page.fill("textarea[name=facts]", "Het beleid is sinds 2023 ongewijzigd.")
    page.click("#facts button[type=submit]")
    _step(page, "establish_facts")
    _logout(page)

    for user, button in (
        ("hr", "#save-hr-advice"),
        ("jurist", "#save-legal-advice"),
        ("integriteit", "#save-integrity-advice"),  # the demo ministry's own advisor
    ):
        _login(page, base, user)
        page.goto(case_url)
        page.fill(f"#advice form:has({button}) textarea[name=text]", "Geen bezwaar.")
        page.click(button)
        _logout(page)

    _login(page, base, "behandelaar")
    page.goto(case_url)
    _step(page, "complete_advice")
    for q in memo.questions.all():
        page.fill(f"textarea[name=answer_{q.number}]", f"Antwoord op vraag {q.number}.")
    page.click("#save-answers")
    _step(page, "draft_answer")  # straight from advice: no measure step
    _logout(page)

    _login(page, base, "goedkeurder")
    page.goto(case_url)
    _step(page, "approve")
    with page.expect_download() as info:
        page.click("#download-docx")
    text = "\n".join(
        p.text
        for p in Document(io.BytesIO(Path(info.value.path()).read_bytes())).paragraphs
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(
        path=str(ARTIFACTS / "works-council-memo-approved.png"), full_page=True
    )
    assert "Antwoord op vraag 3." in text
    memo.refresh_from_db()
    assert memo.state == "approved"
    assert "decide_measure" not in list(
        memo.events.values_list("transition", flat=True)
    )
