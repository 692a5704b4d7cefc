"""The measure history on the case page in a real browser (issue 13): HR adds the
conditional dismissal and the court's annulment after the suspension; the timeline shows
each stage with its day and grounds, the annulment leaves nothing in force; in Dutch and
in English."""

from __future__ import annotations

import pytest

from .conftest import ARTIFACTS
from .test_demo_case import _login


def _add(page, stage, day, grounds, category="", term=""):
    form = page.locator(".measure-history form")
    page.click(".measure-history summary")
    form.locator("select[name=stage]").select_option(stage)
    form.locator("input[name=effective_on]").fill(day)
    form.locator("textarea[name=grounds]").fill(grounds)
    form.locator("select[name=category]").select_option(category)
    form.locator("input[name=term]").fill(term)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()


@pytest.mark.django_db(transaction=True)
def test_hr_records_the_stages_and_reads_the_timeline(live_server, browser):
    from zorgvuldig.inquiries.choices import MeasureCategory, State
    from zorgvuldig.inquiries.tests.factories import Team, build_inquiry

    team = Team()
    team.hr.set_password("zorgvuldig-demo")
    team.hr.save()
    case = build_inquiry(
        team,
        State.MEASURE_DECIDED,
        measure=(MeasureCategory.ORDER_MEASURE, "geschorst"),
    )
    base = live_server.url
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    _login(page, base, team.hr.username)
    page.goto(f"{base}/inquiries/{case.pk}/#measure")
    _add(
        page,
        "imposed",
        "2012-06-01",
        "Besluit van 25 mei 2012, kenmerk HDPO/2012-41",
        "dismissal",
        "voorwaardelijk strafontslag",
    )
    _add(page, "annulled", "2013-05-15", "Rb. Den Haag 15 mei 2013, besluit vernietigd")
    items = page.locator(".measure-history .timeline li")
    assert items.count() == 3
    text = page.locator(".measure-history").inner_text()
    assert "Verloop van de maatregel" in text
    assert "Vernietigd" in text and "voorwaardelijk strafontslag" in text
    assert "vandaag van kracht" not in text  # annulled: nothing in force
    assert "Vandaag is niets van kracht" in text
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(".measure-history").scroll_into_view_if_needed()
    page.locator("section.measure").screenshot(
        path=str(ARTIFACTS / "measure-history-nl.png")
    )

    english = browser.new_context(
        locale="en-GB", viewport={"width": 1280, "height": 900}
    )
    en = english.new_page()
    _login(en, base, team.hr.username)
    en.goto(f"{base}/inquiries/{case.pk}/#measure")
    en_text = en.locator(".measure-history").inner_text()
    assert "History of the measure" in en_text and "Annulled" in en_text
    en.locator("section.measure").screenshot(
        path=str(ARTIFACTS / "measure-history-en.png")
    )
    context.close()
    english.close()
