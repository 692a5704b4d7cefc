"""The questions of the self-check in a real browser (Playwright driving Debian's chromium).

In English, a US employee checks a partisan post that greets their team: the check says
"no objection" and asks whether they supervise people and whom the post addresses (the
team suggested by the text, not chosen); answering both turns the verdict into
"prohibited" (5 U.S.C. 7323(a)(1)). The answer about the person is remembered in this
browser with the other details; the answer about the post is not. In Dutch, a staff
member's insult of a minister is "caution" until they say they work for the police, in a
browser without JavaScript.
Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import json

from .conftest import ARTIFACTS

STORAGE_KEY = "zorgvuldig.selfcheck.details.v1"


def _shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def _level(page, jurisdiction):
    return page.locator(
        f"#verdict .sc-verdict[data-jurisdiction={jurisdiction}] [data-level]"
    ).get_attribute("data-level")


def _check(page, selector="#selfcheck-form button[type=submit]"):
    page.click(selector)
    page.wait_for_load_state()


def test_answering_a_question_changes_the_verdict_in_english(live_server, browser):
    base = live_server.url
    context = browser.new_context(
        locale="en-GB", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(f"{base}/selfcheck/")
    page.select_option("select[name=jurisdiction]", "US")
    page.select_option("select[name=hatch_category]", "less_restricted")
    page.select_option("select[name=account]", "personal_identifiable")
    page.select_option("select[name=action]", "post")
    page.fill("input[name=date]", "2024-09-10")
    page.fill("textarea[name=text]", "Team, vote for the Democrats in November!")
    _check(page)
    assert _level(page, "US") == "ok"

    questions = page.locator("#questions")
    assert questions.is_visible()
    supervises = page.locator("fieldset[data-question=supervises]")
    addressees = page.locator("fieldset[data-question=addressees]")
    assert "supervise" in supervises.locator("legend").inner_text()
    # the text suggests the team; the suggestion is shown, not chosen
    assert "Suggested from your text" in addressees.inner_text()
    assert addressees.locator("label.suggested input").get_attribute("value") == "team"
    assert not addressees.locator("input[value=team]").is_checked()
    _shot(page, "selfcheck-questions-en.png")

    supervises.get_by_label("Yes").check()
    addressees.get_by_label("People I supervise").check()
    _check(page, "#check-again")
    assert _level(page, "US") == "prohibited"
    assert "7323(a)(1)" in page.inner_text("#verdict")
    answers = page.locator("#answers-heading")
    assert answers.is_visible()
    assert page.locator(
        "fieldset[data-question=supervises] input[value=yes]"
    ).is_checked()
    _shot(page, "selfcheck-questions-answered-en.png")

    # Reload: the answer about the person is remembered in this browser, the one about
    # the post is not; the next check uses it without asking again.
    stored = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert stored["supervises"] == "yes"
    assert "addressees" not in stored
    page.goto(f"{base}/selfcheck/")
    assert "Supervises people: Yes" in page.inner_text("#about-you summary")
    page.fill("input[name=date]", "2024-09-10")
    page.fill("textarea[name=text]", "Team, vote for the Democrats in November!")
    _check(page)
    assert page.locator("fieldset[data-question=addressees]").is_visible()
    assert page.locator(
        "fieldset[data-question=supervises] input[value=yes]"
    ).is_checked()
    assert page.locator("#answers-heading").is_visible()
    context.close()


def test_answering_a_question_changes_the_verdict_in_dutch(live_server, browser):
    base = live_server.url
    # without a script: the answers belong to the form through their form attribute
    context = browser.new_context(
        locale="nl-NL",
        java_script_enabled=False,
        viewport={"width": 1280, "height": 900},
    )
    page = context.new_page()
    page.goto(f"{base}/selfcheck/")
    page.select_option("select[name=jurisdiction]", "NL")
    page.select_option("select[name=level]", "staff")
    page.select_option("select[name=account]", "personal_identifiable")
    page.select_option("select[name=action]", "post")
    page.fill("input[name=date]", "2024-05-10")
    page.fill("textarea[name=text]", "Die minister is een volslagen idioot.")
    _check(page)
    assert _level(page, "NL") == "caution"
    assert "Vragen die dit oordeel kunnen veranderen" in page.inner_text("#questions")
    function = page.locator("fieldset[data-question=exemplary_function]")
    assert (
        "Werkt u in een van deze functies?" in function.locator("legend").inner_text()
    )
    _shot(page, "selfcheck-questions-nl.png")

    function.get_by_label("Politie").check()
    _check(page, "#check-again")
    assert _level(page, "NL") == "high_risk"
    assert "voorbeeldfunctie" in page.inner_text("#verdict")
    _shot(page, "selfcheck-questions-answered-nl.png")
    context.close()
