"""The fact-finding forms of the facts page in a real browser, on the demo case.

In Dutch, the case handler records what was seen (local time typed, shown in local time),
answers a fact question resting on the export's evidence, and fills the conduct card from
the page like on the timeline, which is saved only when they confirm it. In English, the
HR advisor records the target's post and sees the recorded answer, and the timeline, above
the advice form. Saves ``test-artifacts/fact-finding-*.png``.
"""

from __future__ import annotations

import pytest

from .conftest import ARTIFACTS


def _login(page, base, username):
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "zorgvuldig-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/inquiries/")


@pytest.mark.django_db(transaction=True)
def test_fact_finding_forms_in_dutch_and_english(live_server, browser):
    from zorgvuldig.demo import load_demo
    from zorgvuldig.evidence.models import FactAnswer, TimelineEvent
    from zorgvuldig.inquiries.models import Inquiry

    load_demo()
    case = Inquiry.objects.get()
    recorded = case.conduct
    base = live_server.url
    case_url = f"{base}/inquiries/{case.pk}/"
    ARTIFACTS.mkdir(exist_ok=True)

    nl = browser.new_page(locale="nl-NL", extra_http_headers={"Accept-Language": "nl"})
    _login(nl, base, "behandelaar")
    nl.goto(case_url)
    timeline = nl.locator("#timeline")
    nl.click("#add-seen summary")
    nl.fill("#id_seen_where", "https://www.facebook.com/nederlandbekentkleur")
    nl.fill("#id_seen_seen_at", "2012-02-03T14:30")
    nl.fill("#id_seen_text", "De pagina noemt J. de Vries bij wie haar leuk vinden.")
    nl.click("#add-seen button[type=submit]")
    nl.wait_for_url(case_url)
    assert "op de tijdlijn gezet" in nl.locator(".messages, body").first.inner_text()
    text = timeline.inner_text()
    assert "3 feb 2012 14:30" in text.lower()  # typed local time, shown local
    assert "gezien door Bram Behandelaar" in text
    seen = TimelineEvent.objects.get(side="seen")
    assert seen.when.isoformat() == "2012-02-03T13:30:00+00:00"  # stored in UTC

    # A fact question answered, resting on the export's evidence.
    like = TimelineEvent.objects.get(side="employee")
    answer = nl.locator("#fact-existed")
    answer.locator("summary").click()
    answer.locator("textarea[name=text]").fill(
        "Nee: de pagina is op 1 maart 2010 geliket, het bericht is van 20 januari 2012."
    )
    answer.locator(f"input[name=evidence][value='{like.evidence.pk}']").check()
    answer.locator("button[type=submit]").click()
    nl.wait_for_url(case_url)
    assert (
        "Beantwoord door Bram Behandelaar" in nl.locator("#fact-existed").inner_text()
    )
    assert list(FactAnswer.objects.get().evidence.all()) == [like.evidence]
    timeline.screenshot(path=str(ARTIFACTS / "fact-finding-nl.png"))

    # The conduct card filled from the timeline: shown to check, saved only on confirm.
    nl.click("a.conduct-from")
    assert nl.locator("#conduct-prefilled").is_visible()
    assert nl.locator("#id_conduct_since").input_value() == "2010-03-01"
    assert (
        "2012-01-20: Geen regering met steun van de PVV"
        in nl.locator("#id_conduct_target_content").input_value()
    )
    nl.locator("#conduct").screenshot(path=str(ARTIFACTS / "fact-finding-conduct.png"))
    case.refresh_from_db()
    assert case.conduct == recorded  # nothing saved by looking
    nl.click("#save-conduct")
    nl.wait_for_url(case_url)
    case.refresh_from_db()
    assert case.conduct["action"]["since"] == "2010-03-01"
    nl.close()

    en = browser.new_page(locale="en-GB", extra_http_headers={"Accept-Language": "en"})
    _login(en, base, "hr")
    en.goto(case_url)
    en.click("#add-post summary")
    en.fill("#id_post_account", "Nederland bekent kleur")
    en.fill("#id_post_url", "https://www.facebook.com/nederlandbekentkleur/posts/2")
    en.fill("#id_post_published_at", "2012-01-22T18:05")
    en.fill("#id_post_text", "Een tweede bericht op de pagina")
    en.click("#add-post button[type=submit]")
    en.wait_for_url(case_url)
    timeline = en.locator("#timeline")
    text = timeline.inner_text()
    assert "22 Jan 2012" in text
    assert "Een tweede bericht op de pagina" in text
    # The advisor sees the recorded answer and the timeline before the advice form.
    assert "Answered by Bram Behandelaar" in en.locator("#fact-existed").inner_text()
    top = en.locator("#fact-questions").bounding_box()["y"]
    assert top < en.locator("#advice").bounding_box()["y"]
    timeline.screenshot(path=str(ARTIFACTS / "fact-finding-en.png"))
    en.close()
