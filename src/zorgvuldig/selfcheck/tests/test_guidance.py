"""The guidance page is generated from the rulebooks, so it cannot disagree with the checker."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
import time_machine
from lxml import html

from zorgvuldig.rulebooks.loader import load_rulebooks
from zorgvuldig.selfcheck.guidance import rule_anchor

pytestmark = pytest.mark.django_db


def _page(client, language="en"):
    response = client.get(
        reverse("selfcheck:guidance"), headers={"accept-language": language}
    )
    assert response.status_code == 200
    return html.fromstring(response.content.decode())


def _all(element, tag: str, css_class: str) -> list:
    """Descendants ``<tag class="... css_class ...">`` (lxml without cssselect)."""
    return element.xpath(
        f'.//{tag}[contains(concat(" ", normalize-space(@class), " "), " {css_class} ")]'
    )


def _text(element) -> str:
    return " ".join(element.text_content().split())


@pytest.fixture(scope="module")
def books():
    return load_rulebooks()


def _all_rules(books):
    for versions in books.values():
        for book in versions:
            for rule in (*book.rules, book.default):
                yield book, rule


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_rule_of_every_rulebook_is_shown_with_its_citation(
    client, books, language
):
    doc = _page(client, language)
    shown = 0
    for book, rule in _all_rules(books):
        found = doc.get_element_by_id(rule_anchor(book, rule.id), None)
        assert found is not None, f"{book.jurisdiction} {book.version}: {rule.id}"
        text = _text(found)
        assert book.cite(rule.cite) in text, rule.id
        assert " ".join(rule.explanation.get(language).split()) in text, rule.id
        for pid in rule.precedents:
            precedent = book.precedents[pid].as_dict(language)
            assert " ".join(precedent["title"].split()) in text, (rule.id, pid)
            assert precedent["citation"] in text, (rule.id, pid)
        shown += 1
    assert shown == len(_all(doc, "article", "sc-rule"))  # nothing else poses as a rule


def test_each_version_says_when_it_applies(client, books):
    doc = _page(client)
    text = _text(doc)
    for versions in books.values():
        for book in versions:
            assert book.title in text
            assert f"version {book.version}" in text
    # the Dutch rules of 2020 are in force today; the earlier ones are listed, folded
    netherlands = _text(doc.get_element_by_id("nl"))
    assert "in force since 2020-01-01" in netherlands
    assert "for dates before 2020-01-01" in netherlands
    assert doc.get_element_by_id("nl-before-2020").tag == "details"


@time_machine.travel(dt.datetime(2012, 2, 1, 12, tzinfo=dt.UTC))
def test_the_version_in_force_on_the_day_is_the_main_one(client):
    netherlands = _page(client).get_element_by_id("nl")
    note = _text(_all(netherlands, "p", "sc-version-note")[0])
    assert "125a" in note
    assert "before 2020-01-01" in note


def test_examples_show_what_you_may_and_may_not_do_as_the_checker_says(client, books):
    doc = _page(client)
    for code in books:
        section = doc.get_element_by_id(code.lower())
        examples = _all(section, "article", "sc-example")
        levels = [e.get("data-level") for e in examples]
        assert "ok" in levels, code  # something you may do
        assert {"high_risk", "prohibited"} & set(levels), code  # and may not
        for example in examples:
            links = [
                a.get("href")
                for p in _all(example, "p", "sc-outcome")
                for a in p.iter("a")
            ]
            assert links, example.get("id")  # every verdict names the rules it applied
            for href in links:
                assert doc.get_element_by_id(href.lstrip("#"), None) is not None, href


def test_the_explanations_follow_the_language_of_the_page(client, books):
    nl_2020 = next(b for b in books["NL"] if b.version == "2020")
    rule = next(r for r in nl_2020.rules if r.id == "nl.partisan_stance")
    for language in ("nl", "en"):
        found = _page(client, language).get_element_by_id(rule_anchor(nl_2020, rule.id))
        assert " ".join(rule.explanation.get(language).split()) in _text(found)


def test_the_guidance_needs_no_login_and_reads_nothing(client):
    with CaptureQueriesContext(connection) as queries:
        _page(client)
    assert queries.captured_queries == []


def test_it_is_linked_from_the_header_and_the_self_check_page(client):
    guidance = reverse("selfcheck:guidance")
    for url in (reverse("home"), reverse("selfcheck:page")):
        doc = html.fromstring(client.get(url).content.decode())
        assert doc.xpath(f'//header//nav//a[@href="{guidance}"]'), url
    page = html.fromstring(client.get(reverse("selfcheck:page")).content.decode())
    assert page.xpath(f'//main//a[@href="{guidance}"]')
