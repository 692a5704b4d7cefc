"""A postponement notice pasted at intake, in a real browser: the case with its Kamer
number is offered with the notice's date and reasons filled in, and recording it moves the
deadline (issue 10, step 4). Saves screenshots in ``test-artifacts/``."""

from __future__ import annotations

import datetime as dt

import pytest

from .conftest import ARTIFACTS

#: In the shape of a Tweede Kamer "Mededeling (uitstel antwoord)"; the number is the demo
#: case's own (see the inquiry tests' NOTICE for the real notice it follows).
NOTICE = """Mededeling van de Minister van Buitenlandse Zaken
Den Haag, {day}
De vragen van het lid Bakker (PVV) over een Facebook-like van een ambassadeur (ingezonden
{submitted}, {number}) kunnen tot mijn spijt niet binnen de gebruikelijke termijn worden
beantwoord. De reden van het uitstel is dat de afstemming met de ambassade meer tijd kost
dan voorzien.
"""


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("locale", ["nl-NL", "en-GB"])
def test_a_pasted_notice_is_recorded_on_its_case(live_server, browser, locale):
    from zorgvuldig.demo import load_demo
    from zorgvuldig.inquiries.models import Inquiry

    load_demo()
    case = Inquiry.objects.exclude(submitted=None).first()
    assert case is not None and case.postponement is None
    if not case.number:  # the demo case as registered from a text without its number
        Inquiry.objects.filter(pk=case.pk).update(number="2012Z02001")
        case.refresh_from_db()
    day = case.submitted + dt.timedelta(days=10)
    text = NOTICE.format(
        day=day.strftime("%d-%m-%Y"),
        submitted=case.submitted.strftime("%d-%m-%Y"),
        number=case.number,
    )
    base = live_server.url
    page = browser.new_context(locale=locale).new_page()
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", "behandelaar")
    page.fill("input[name=password]", "zorgvuldig-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/inquiries/")

    page.goto(f"{base}/inquiries/new/")
    page.fill("textarea[name=text]", text)
    page.click("form button[type=submit]")
    assert "afstemming met de ambassade" in page.input_value("textarea[name=reason]")
    assert page.input_value("input[name=sent_on]") == day.isoformat()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(
        path=str(ARTIFACTS / f"intake-postponement-notice-{locale}.png"), full_page=True
    )
    page.click(f"form[action$='/{case.pk}/postpone/'] button[type=submit]")
    page.wait_for_url(f"{base}/inquiries/{case.pk}/")
    case.refresh_from_db()
    assert case.postponement is not None
    assert case.deadline == case.submitted + dt.timedelta(weeks=6)
