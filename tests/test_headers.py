"""Headers of every page (issue 11): a Content-Security-Policy without inline scripts, and
``Cache-Control: no-store`` on everything, personal data first of all.

Before: no Content-Security-Policy on any page, and no ``no-store`` on case pages,
documents, evidence or exports. Pages are generated from the URL list, as the team's case
handler sees them (reads) or as their form refuses a junk POST (writes).
"""

from __future__ import annotations

import re
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from zorgvuldig.evidence.services import add_evidence
from zorgvuldig.inquiries.choices import State
from zorgvuldig.inquiries.tests.factories import Team, build_inquiry

from .test_audit_of_reads import CASE_WRITES, NO_PERSONAL_DATA, READS, _url

pytestmark = pytest.mark.django_db

SRC = Path(__file__).resolve().parent.parent / "src" / "zorgvuldig"


def _policy(response) -> dict[str, list[str]]:
    header = response.get("Content-Security-Policy", "")
    return {
        part.split()[0]: part.split()[1:]
        for part in (p.strip() for p in header.split(";"))
        if part
    }


def _check(response, url: str) -> None:
    assert response.get("Cache-Control") == "no-store", url
    policy = _policy(response)
    assert policy.get("script-src") == ["'self'"], (url, policy)
    assert policy.get("object-src") == ["'none'"], url
    assert policy.get("frame-ancestors") == ["'none'"], url
    assert "'unsafe-inline'" not in policy.get("default-src", []), url


@pytest.fixture
def case():
    team = Team()
    inquiry = build_inquiry(team, State.APPROVED)
    item = add_evidence(
        actor=team.handler,
        inquiry=inquiry,
        upload=SimpleUploadedFile("screenshot.png", b"\x89PNG fake"),
    )
    return team, inquiry, item


def test_every_page_with_personal_data_has_the_headers(client, case):
    team, inquiry, item = case
    client.force_login(team.handler)
    for name, variants in READS.items():
        for extra in variants:
            url = _url(name, extra, inquiry, item)
            _check(client.get(url), url)
    for name in sorted(CASE_WRITES):
        extra = {"name": "approve"} if name.endswith("transition") else {}
        url = _url(name, extra, inquiry, item)
        _check(client.post(url, {"reason": "x"}), url)


def test_every_other_page_has_the_headers_too(client, case):
    team, _inquiry, _item = case
    client.force_login(team.handler)
    for name in sorted(NO_PERSONAL_DATA):
        if name in ("revoke_delegation",):
            continue  # takes an id; a POST-only redirect
        url = reverse(name)
        _check(client.get(url), url)
    client.logout()
    for url in (reverse("login"), reverse("api:openapi-view"), "/admin/login/"):
        _check(client.get(url), url)


def test_the_api_documentation_loads_only_its_own_files(client):
    """django-ninja serves Swagger UI from its static files (``ninja`` is installed), with
    its settings as a JSON data block, which a policy does not treat as a script."""
    page = client.get(reverse("api:openapi-view")).content.decode()
    for src in re.findall(r'<script[^>]*src="([^"]+)"', page):
        assert src.startswith("/static/"), src
    assert "cdn" not in page.lower()


INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I
)
HANDLER_ATTRIBUTE = re.compile(r"\son[a-z]+\s*=", re.I)
JAVASCRIPT_URL = re.compile(r"javascript:", re.I)


def test_no_template_has_inline_scripts_or_handlers():
    """Every template the product ships, so that a new inline script fails here before it
    fails in a browser."""
    found = []
    for template in SRC.rglob("templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, HANDLER_ATTRIBUTE, JAVASCRIPT_URL):
            found += [
                f"{template.relative_to(SRC)}: {m.group(0)}"
                for m in pattern.finditer(text)
            ]
    assert found == []
