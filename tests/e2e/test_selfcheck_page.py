"""The employee's self-check in a real browser (Playwright driving Debian's chromium).

Fills in the 2012 ambassador's kept page like, sees the verdict with the matched words
highlighted, reloads and finds the "About you" details remembered (in this browser's
localStorage only), checks a post of their own without typing those details again, forgets
them, and looks at the guidance page. Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

from .conftest import ARTIFACTS

STORAGE_KEY = "zorgvuldig.selfcheck.details.v1"


def _shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def test_check_remember_and_forget(live_server, browser):
    base = live_server.url
    context = browser.new_context(
        locale="en-GB", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(f"{base}/selfcheck/")

    # The fields that do not apply are hidden: Dutch rank shown, US and UK groups not.
    assert page.is_visible("select[name=level]")
    assert not page.is_visible("select[name=hatch_category]")
    assert not page.is_visible("input[name=target_name]")  # a post has no target

    # About you and your situation, once.
    page.select_option("select[name=jurisdiction]", "NL")
    page.select_option("select[name=level]", "head_of_mission")
    page.fill("input[name=function]", "ambassadeur")
    page.fill("input[name=portfolio]", "bilaterale betrekkingen Zuid-Afrika")
    page.fill("input[name=posted_in]", "Zuid-Afrika")
    page.select_option("select[name=account]", "personal_identifiable")
    # What: the page like kept since 2010.
    page.select_option("select[name=action]", "like")
    page.fill("input[name=date]", "2012-02-01")
    page.fill("input[name=since]", "2010-03-01")
    page.fill("input[name=target_name]", "Nederland bekent kleur")
    page.fill(
        "textarea[name=target_content]",
        "2010-06-20: Geen regering met steun van de PVV\n"
        "2010-02-15: Samen staan we op tegen discriminatie.",
    )
    page.click("#selfcheck-form button[type=submit]")
    page.wait_for_load_state()

    verdict = page.locator("#verdict .sc-verdict[data-jurisdiction=NL] [data-level]")
    assert verdict.get_attribute("data-level") in ("caution", "high_risk")
    assert "125a" in page.inner_text("#verdict")  # the rule in force in 2012
    newest = page.locator('[data-where="target.content[0]"] mark.signal')
    assert "PVV" in " ".join(newest.all_inner_texts())
    assert page.locator("#what-it-means").is_visible()  # what a page like means
    assert page.locator(".sc-weighed li").first.inner_text().startswith("2010-06-20")
    assert page.evaluate("document.activeElement.id") == "verdict"
    _shot(page, "selfcheck-verdict-like.png")

    # Reload: the details are remembered in this browser, and only there.
    page.goto(f"{base}/selfcheck/")
    assert page.input_value("select[name=level]") == "head_of_mission"
    assert page.input_value("input[name=function]") == "ambassadeur"
    assert page.input_value("input[name=posted_in]") == "Zuid-Afrika"
    assert page.input_value("input[name=date]") != "2012-02-01"  # not remembered
    assert page.input_value("textarea[name=target_content]") == ""  # never remembered
    assert "ambassadeur" in page.inner_text("#about-you summary")
    assert not page.is_visible("input[name=function]")  # folded into its summary
    stored = page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")
    assert "ambassadeur" in stored and "PVV" not in stored
    cookies = context.cookies()
    assert {c["name"] for c in cookies} <= {"csrftoken"}
    assert not any("ambassadeur" in c["value"] for c in cookies)
    _shot(page, "selfcheck-remembered.png")

    # A post of their own, without typing the details again: words marked in the text.
    page.select_option("select[name=action]", "post")
    page.fill(
        "textarea[name=text]",
        "Als ambassadeur zeg ik: de PVV hoort niet in de regering. Schaamteloos!",
    )
    page.click("#selfcheck-form button[type=submit]")
    page.wait_for_load_state()
    marked = page.locator('[data-where="text"] mark.signal').all_inner_texts()
    assert any("PVV" in m for m in marked)
    _shot(page, "selfcheck-verdict-post.png")

    # Forget my details.
    page.goto(f"{base}/selfcheck/")
    page.click("#forget-details")
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
    assert page.input_value("input[name=function]") == ""
    assert "forgotten" in page.inner_text("#remember-status")
    page.reload()
    assert page.input_value("input[name=function]") == ""

    # The guidance page, reached from the self-check page.
    page.click("text=Read the guidance")
    page.wait_for_url(f"{base}/selfcheck/guidance/")
    assert page.locator("article.sc-rule").count() > 20
    _shot(page, "selfcheck-guidance.png")
    context.close()


def test_the_page_works_without_javascript(live_server, browser):
    base = live_server.url
    context = browser.new_context(
        locale="nl-NL",
        java_script_enabled=False,
        viewport={"width": 1280, "height": 900},
    )
    page = context.new_page()
    page.goto(f"{base}/selfcheck/")
    assert page.is_visible("input[name=target_name]")  # every field is shown
    assert not page.is_visible("#forget-details")  # needs the script
    page.select_option("select[name=jurisdiction]", "US")
    page.select_option("select[name=hatch_category]", "less_restricted")
    page.check("input[name=on_duty]")
    page.select_option("select[name=action]", "share")
    page.fill("input[name=target_name]", "Republican National Committee")
    page.fill(
        "textarea[name=target_content]",
        "Give $20 NOW to help Republicans win in November. I did! Join me",
    )
    page.click("#selfcheck-form button[type=submit]")
    page.wait_for_load_state()
    level = page.locator("#verdict .sc-verdict[data-jurisdiction=US] [data-level]")
    assert level.get_attribute("data-level") == "prohibited"
    assert page.locator('[data-where="target.content[0]"] mark.signal').count() >= 1
    _shot(page, "selfcheck-no-javascript-nl.png")
    context.close()
