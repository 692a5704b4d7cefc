"""The demo case end to end in a real browser (Playwright driving Debian's chromium).

Logs in as each demo user in turn and takes the 2012 ambassador case from registered to
sent: facts, hearing, HR, Legal and integrity advice, measure, a wrong measure word flagged
in place, a return for rework with the approver's note, approval, the .docx, and sending.
Saves a screenshot of the case page in ``test-artifacts/``.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from .conftest import ARTIFACTS

ANSWERS = {
    1: "Ja.",
    2: (
        "De ambassadeur vond de pagina in maart 2010 leuk, toen hij op het departement werkte "
        "en de pagina campagne voerde tegen discriminatie. De campagne tegen een regering met "
        "steun van de PVV kwam later."
    ),
    3: (
        "Ja. Ambtenaren, en zeker ambassadeurs, zijn terughoudend met partijpolitieke "
        "uitingen. De ambassadeur had zich moeten onthouden van een persoonlijk politiek oordeel."
    ),
    4: (
        "De ambassadeur is hierop aangesproken en heeft de like ingetrokken. "
        "Het ministerie staat achter de ambassadeur, die zijn werk voortzet."
    ),
}


def _login(page, base, username):
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "zorgvuldig-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/inquiries/")


def _logout(page):
    page.click("header form[action$='/logout/'] button")


def _step(page, name):
    page.click(f"button[data-step={name}]")
    page.wait_for_load_state()


@pytest.mark.django_db(transaction=True)
def test_demo_case_from_registered_to_sent(live_server, browser):
    from docx import Document

    from zorgvuldig.demo import load_demo
    from zorgvuldig.inquiries.models import Inquiry

    load_demo()
    case = Inquiry.objects.get()
    base = live_server.url
    case_url = f"{base}/inquiries/{case.pk}/"
    context = browser.new_context(accept_downloads=True, locale="nl-NL")
    page = context.new_page()

    # Case handler: facts first.
    _login(page, base, "behandelaar")
    page.click(f"text={case.subject}")
    page.fill(
        "textarea[name=facts]",
        "De like dateert van 1 maart 2010 (afdelingshoofd, "
        "Den Haag); de omstreden post op de pagina is van 20 januari 2012.",
    )
    page.click("#facts button[type=submit]")
    _step(page, "establish_facts")
    assert page.locator("ol.stepper li.current").inner_text() == "Feiten vastgesteld"
    _logout(page)

    # HR: the hearing, then the advice (advice given before the hearing would be outdated).
    _login(page, base, "hr")
    page.goto(case_url)
    page.click("#hearing summary")
    page.fill("input[name=held_on]", "2012-02-06")
    page.fill("input[name=present]", "ambassadeur, HR-adviseur")
    page.fill(
        "textarea[name=account]",
        "Ik vond de pagina in 2010 leuk; toen ging zij over discriminatie.",
    )
    page.click("#save-hearing")
    page.fill(
        "#advice form:has(#save-hr-advice) textarea[name=text]",
        "Een gesprek volstaat; geen disciplinaire straf.",
    )
    page.click("#save-hr-advice")
    _logout(page)

    # Legal: advice on the norm.
    _login(page, base, "jurist")
    page.goto(case_url)
    page.fill(
        "#advice form:has(#save-legal-advice) textarea[name=text]",
        "Art. 125a Ambtenarenwet: terughoudendheid past een ambassadeur.",
    )
    page.click("#save-legal-advice")
    _logout(page)

    # The integrity office, an advisor the demo ministry added to HR and Legal.
    _login(page, base, "integriteit")
    page.goto(case_url)
    page.fill(
        "#advice form:has(#save-integrity-advice) textarea[name=text]",
        "Geen integriteitsschending; wel een les voor het postenbeleid.",
    )
    page.click("#save-integrity-advice")
    _logout(page)

    # Case handler closes the advice round; HR records and decides the measure.
    _login(page, base, "behandelaar")
    page.goto(case_url)
    _step(page, "complete_advice")
    _logout(page)
    _login(page, base, "hr")
    page.goto(case_url)
    page.click("#measure summary")
    page.select_option("select[name=category]", "informal")
    page.fill("input[name=term]", "aangesproken")
    page.click("#save-measure")
    _step(page, "decide_measure")
    _logout(page)

    # Case handler drafts; a wrong measure word is flagged in place, then corrected.
    _login(page, base, "behandelaar")
    page.goto(case_url)
    for n, text in ANSWERS.items():
        page.fill(
            f"textarea[name=answer_{n}]",
            text if n != 4 else "De ambassadeur is berispt.",
        )
    page.click("#save-answers")
    assert page.locator("mark.finding-measure_word").first.inner_text() == "berispt"
    page.fill("textarea[name=answer_4]", ANSWERS[4])
    page.click("#save-answers")
    assert page.locator("mark.finding").count() == 0
    _step(page, "draft_answer")
    _logout(page)

    # Approver returns the draft once with a note, then approves the reworked draft.
    _login(page, base, "goedkeurder")
    page.goto(case_url)
    page.fill(
        "form:has(button[data-step=return_for_rework]) input[name=reason]",
        "Noem in antwoord 3 de Ambtenarenwet.",
    )
    _step(page, "return_for_rework")
    assert page.locator("ol.stepper li.current").inner_text() == "Maatregel besloten"
    assert "Noem in antwoord 3 de Ambtenarenwet." in page.locator("#audit").inner_text()
    assert "Noem in antwoord 3" in page.locator("#returned").inner_text()
    _logout(page)
    _login(page, base, "behandelaar")
    page.goto(case_url)
    page.fill("textarea[name=answer_3]", ANSWERS[3] + " (Ambtenarenwet art. 125a)")
    page.click("#save-answers")
    _step(page, "draft_answer")
    _logout(page)
    _login(page, base, "goedkeurder")
    page.goto(case_url)
    _step(page, "approve")
    assert page.locator("ol.stepper li.current").inner_text() == "Goedgekeurd"
    with page.expect_download() as info:
        page.click("#download-docx")
    docx_bytes = Path(info.value.path()).read_bytes()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "case-page-approved.png"), full_page=True)

    text = "\n".join(p.text for p in Document(io.BytesIO(docx_bytes)).paragraphs)
    assert "Vraag 4" in text and "Antwoord 4" in text
    assert ANSWERS[4] in text
    assert "Ambtenarenwet art. 125a" in text
    _logout(page)

    # Case handler records that the approved answer was sent.
    _login(page, base, "behandelaar")
    page.goto(case_url)
    _step(page, "send")
    assert page.locator("ol.stepper li.current").inner_text() == "Verzonden"
    page.screenshot(path=str(ARTIFACTS / "case-page-sent.png"), full_page=True)
    case.refresh_from_db()
    assert case.state == "sent"
