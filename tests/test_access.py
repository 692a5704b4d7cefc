"""Personnel data is visible only to people assigned to the case.

Every URL pattern that takes a case (``inquiry_pk``) is enumerated from the URL resolver, so
a new page is covered as soon as it is added: a user assigned to another case gets 404 on
GET and POST, and so does an anonymous visitor (redirect to login).
"""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import pytest

from zorgvuldig.evidence.services import add_evidence
from zorgvuldig.inquiries.choices import State
from zorgvuldig.inquiries.tests.factories import Team, build_inquiry, make_user

pytestmark = pytest.mark.django_db


def _case_patterns(patterns=None, namespace=""):
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from _case_patterns(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and "inquiry_pk" in p.pattern.converters:
            yield f"{namespace}{p.name}", list(p.pattern.converters)


CASE_PATTERNS = sorted(_case_patterns())
EMPLOYEE_PAGES = {"inquiries:record_about_me", "evidence:import_own_export"}


def test_the_walk_finds_the_case_pages():
    names = {n for n, _ in CASE_PATTERNS}
    assert {
        "inquiries:detail",
        "inquiries:transition",
        "inquiries:measure_history",
        "evidence:download",
        "evidence:item",
        "evidence:export",
        "media:check",
    } <= names


@pytest.fixture
def two_cases():
    team_a, team_b = Team(), Team()
    case_a = build_inquiry(team_a, State.APPROVED)
    build_inquiry(team_b, State.REGISTERED)
    employee = make_user("employee", team_a.org)
    case_a.persons.update(user=employee)
    team_a.employee = employee
    item = add_evidence(
        actor=team_a.handler,
        inquiry=case_a,
        upload=SimpleUploadedFile("screenshot.png", b"\x89PNG fake"),
    )
    return team_a, team_b, case_a, item


def _url(name, converters, case, item):
    values = {
        "inquiry_pk": case.pk,
        "item_pk": item.pk,
        "name": "approve",
        "kind": "answer",
        "fmt": "pdf",
    }
    return reverse(name, kwargs={k: values[k] for k in converters})


@pytest.mark.parametrize(
    ("name", "converters"), CASE_PATTERNS, ids=[n for n, _ in CASE_PATTERNS]
)
def test_user_of_another_case_gets_404(client, two_cases, name, converters):
    team_a, team_b, case_a, item = two_cases
    url = _url(name, converters, case_a, item)
    outsiders = team_b.members + (team_a.members if name in EMPLOYEE_PAGES else [])
    for outsider in outsiders:
        client.force_login(outsider)
        assert client.get(url).status_code in (404, 405), (url, outsider.role)
        assert client.post(url, {"reason": "x", "text": "x"}).status_code == 404, (
            url,
            outsider.role,
        )
    # The same requests by an assigned user are not refused with 404, so the 404 above is
    # about access (a POST may be refused for its content, never hidden).
    # Pages for the employee the case is about are theirs alone; the others are the team's.
    insiders = [team_a.employee] if name in EMPLOYEE_PAGES else team_a.members
    for insider in insiders:
        client.force_login(insider)
        assert client.get(url).status_code != 404, (url, insider.role)
        assert client.post(url, {"reason": "x", "text": "x"}).status_code != 404, (
            url,
            insider.role,
        )


@pytest.mark.parametrize(
    ("name", "converters"), CASE_PATTERNS, ids=[n for n, _ in CASE_PATTERNS]
)
def test_anonymous_visitor_is_sent_to_login(client, two_cases, name, converters):
    _a, _b, case_a, item = two_cases
    response = client.get(_url(name, converters, case_a, item))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_case_list_shows_only_assigned_cases(client, two_cases):
    team_a, team_b, case_a, _item = two_cases
    client.force_login(team_b.handler)
    page = client.get(reverse("inquiries:list")).content.decode()
    assert case_a.subject not in page
    client.force_login(team_a.handler)
    assert case_a.subject in client.get(reverse("inquiries:list")).content.decode()


#: Pages for everyone: the self-check (page, guidance and API) holds no personal data.
PUBLIC = {
    "home",
    "healthz",
    "login",
    # Single sign-on: the way to the organisation's provider and back (they sign in).
    "oidc_authentication_init",
    "oidc_authentication_callback",
    "set_language",
    "selfcheck:page",
    "selfcheck:guidance",
    "api:api-root",
    "api:selfcheck",
    "api:openapi-json",
    "api:openapi-view",
}


def _all_patterns(patterns=None, namespace=""):
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            if p.namespace == "admin":
                continue  # the admin has its own staff login
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from _all_patterns(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and p.name and not p.pattern.converters:
            yield f"{namespace}{p.name}"


@pytest.mark.parametrize("name", sorted(_all_patterns()))
def test_login_is_required_except_for_public_pages(client, name):
    response = client.get(reverse(name))
    if name in PUBLIC:
        assert response.status_code < 500, name
        assert not response.get("Location", "").startswith(reverse("login")), name
    elif name.startswith("api:"):
        # The API authenticates for itself (session, see urls.py): no redirect to the HTML
        # login; a GET on a POST-only endpoint is 405, a signed-out POST 401, no data.
        assert response.status_code in (401, 405), name
        assert client.post(reverse(name)).status_code == 401, name
    else:
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("login"))
