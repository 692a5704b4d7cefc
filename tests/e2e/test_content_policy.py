"""The pages work under the Content-Security-Policy, with no violation reported (issue 11).

A real chromium visits the main pages as the demo's users: the dashboard and the case page
(case handler), the export, the employee's own record, the self-check (whose
script, now a static file, shows its "remember" box), the language switch (a static script
instead of an ``onchange`` attribute), the API documentation (Swagger UI from django-ninja's
own static files) and the admin (administrator). Every console message and every
``securitypolicyviolation`` event is collected; there must be none about the policy.
Screenshots go to ``test-artifacts/csp-*.png``.
"""

from __future__ import annotations

import pytest

from .conftest import ARTIFACTS

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


def _login(page, base, username):
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "zorgvuldig-demo")
    page.click("button[type=submit]")
    page.wait_for_load_state()


def _visit(page, url, shot, problems):
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    assert response is not None and response.status == 200, url
    assert response.headers.get("cache-control") == "no-store", url
    assert "script-src 'self'" in response.headers.get("content-security-policy", "")
    problems += [f"{url}: {v}" for v in page.evaluate("window.__cspViolations || []")]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"csp-{shot}.png"), full_page=True)


@pytest.mark.django_db(transaction=True)
def test_the_main_pages_work_under_the_policy(live_server, browser):
    from zorgvuldig.demo import load_demo
    from zorgvuldig.inquiries.models import Inquiry

    load_demo()
    case = Inquiry.objects.get()
    base = live_server.url
    context = browser.new_context()
    context.add_init_script(LISTEN)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
    problems: list[str] = []

    _visit(page, f"{base}/selfcheck/", "selfcheck", problems)
    assert page.locator(".sc-remember").is_visible()  # shown by selfcheck.js
    _visit(page, f"{base}/api/docs", "api-docs", problems)
    page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    page.screenshot(path=str(ARTIFACTS / "csp-api-docs.png"), full_page=True)

    _login(page, base, "behandelaar")
    _visit(page, f"{base}/inquiries/", "dashboard", problems)
    _visit(page, f"{base}/inquiries/{case.pk}/", "case", problems)
    # The language switch submits on change through zorgvuldig.js.
    before = page.locator("html").get_attribute("lang")
    other = "nl" if before != "nl" else "en"
    with page.expect_navigation():
        page.select_option("header select[name=language]", other)
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == other
    page.screenshot(path=str(ARTIFACTS / f"csp-case-{other}.png"), full_page=True)
    # The export, fetched with the page's session: a file, not kept in any cache (the
    # demo case is only registered, so it has no document yet; tests/test_headers.py
    # checks every document).
    document = context.request.get(f"{base}/inquiries/export.csv", max_redirects=0)
    assert document.status == 200, document.status
    assert document.headers["cache-control"] == "no-store"
    page.click("header form[action$='/logout/'] button")
    page.wait_for_load_state()

    _login(page, base, "beheerder")
    _visit(page, f"{base}/admin/", "admin", problems)
    _visit(page, f"{base}/admin/core/user/", "admin-users", problems)
    page.click("text=behandelaar")
    page.wait_for_load_state()
    problems += page.evaluate("window.__cspViolations || []")
    page.screenshot(path=str(ARTIFACTS / "csp-admin-user.png"), full_page=True)
    context.close()

    problems += [m for m in console if "Content Security Policy" in m]
    assert problems == []
