"""The Facebook export in its HTML form, supplied in a real browser: the employee of the
demo case sends the ZIP from their own page, and the case handler from the case page; both
see what was read and that the export's local times were read in the product's zone.
Saves ``test-artifacts/facebook-html-own-page.png`` and ``facebook-html-case-page.png``."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import ARTIFACTS


def _login(page, base, username):
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "zorgvuldig-demo")
    page.click("button[type=submit]")
    page.wait_for_load_state()


@pytest.mark.django_db(transaction=True)
def test_html_export_from_the_own_page_and_the_case_page(
    live_server, browser, tmp_path
):
    from zorgvuldig.core.models import User
    from zorgvuldig.demo import load_demo
    from zorgvuldig.evidence.models import TimelineEvent
    from zorgvuldig.exports.tests.conftest import zip_folder
    from zorgvuldig.inquiries.models import Inquiry

    load_demo()
    case = Inquiry.objects.get()
    # the demo's person is not yet a user: make the demo employee the one it concerns
    case.persons.update(user=User.objects.get(username="medewerker"))
    export = tmp_path / "facebook-html.zip"
    export.write_bytes(zip_folder("facebook-html-2023").getvalue())
    base = live_server.url
    ARTIFACTS.mkdir(exist_ok=True)

    page = browser.new_page(
        locale="en-GB", extra_http_headers={"Accept-Language": "en"}
    )
    _login(page, base, "medewerker")
    page.goto(f"{base}/inquiries/{case.pk}/about-me/")
    page.locator("#own-export summary").click()
    form = page.locator("#own-export form")
    form.locator("input[type=file]").set_input_files(str(export))
    form.locator("input[name=terms]").fill("Nederland bekent kleur")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    body = page.locator("body").inner_text()
    assert "without a time zone" in body
    assert "Europe/Amsterdam" in body
    assert "likes_and_reactions/pages.html#2: date not readable" in body
    own = page.locator("#own-export").inner_text()
    assert (
        "1 Mar 2010 11:14" in own
    )  # shown in the product's zone: as the export wrote it
    page.screenshot(path=str(ARTIFACTS / "facebook-html-own-page.png"), full_page=True)
    page.close()

    page = browser.new_page(
        locale="en-GB", extra_http_headers={"Accept-Language": "en"}
    )
    _login(page, base, "behandelaar")
    panel = page.locator("#timeline")
    form = panel.locator("form[enctype='multipart/form-data']")

    def import_from_case_page(path: Path) -> str:
        page.goto(f"{base}/inquiries/{case.pk}/")
        page.locator("#timeline summary", has_text="Import a platform export").click()
        form.locator("input[type=file]").set_input_files(str(path))
        form.locator("input[name=terms]").fill("Nederland bekent kleur")
        form.locator("button[type=submit]").click()
        page.wait_for_load_state()
        return page.locator("body").inner_text()

    # the export the employee supplied adds nothing twice
    assert "imported into this case before" in import_from_case_page(export)
    # an export of the older layout, from the case page
    older = tmp_path / "facebook-html-2020.zip"
    older.write_bytes(zip_folder("facebook-html-2020").getvalue())
    assert "without a time zone" in import_from_case_page(older)
    page.locator("#timeline").screenshot(
        path=str(ARTIFACTS / "facebook-html-case-page.png")
    )
    page.close()
    assert TimelineEvent.objects.filter(ref__contains=".html#").count() >= 6
