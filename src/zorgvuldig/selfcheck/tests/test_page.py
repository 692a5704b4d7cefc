"""The employee's self-check page: the verdict explained, the matched words marked in place,
the details remembered only by the browser, and usable without JavaScript."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import translation

import pytest
from lxml import html

from zorgvuldig.selfcheck.presenting import highlight

pytestmark = pytest.mark.django_db

LIKE = {
    "jurisdiction": "NL",
    "level": "head_of_mission",
    "function": "ambassadeur",
    "posted_in": "Zuid-Afrika",
    "account": "personal_identifiable",
    "action": "like",
    "date": "2012-02-01",
    "since": "2010-03-01",
    "target_name": "Nederland bekent kleur",
    "target_content": (
        "2010-06-20: Geen regering met steun van de PVV\n"
        "2010-02-15 Samen staan we op tegen discriminatie."
    ),
}
POST = {
    "jurisdiction": "NL",
    "level": "staff",
    "account": "personal_identifiable",
    "action": "post",
    "date": "2024-05-10",
    "text": "Als woordvoerder zeg ik: de PVV liegt. Schaamteloos!",
}


def _post(client, data, language="en"):
    response = client.post(
        reverse("selfcheck:page"), data, headers={"accept-language": language}
    )
    assert response.status_code == 200
    return response, html.fromstring(response.content.decode())


def _marks(doc, where: str) -> list[str]:
    return [
        m.text_content()
        for m in doc.xpath(
            f'//*[@data-where="{where}"]//mark[contains(@class, "signal")]'
        )
    ]


def _text(element) -> str:
    return " ".join(element.text_content().split())


def test_a_kept_page_like_is_judged_by_the_page_s_later_posts(client):
    _response, doc = _post(client, LIKE)
    verdict = doc.xpath('//article[@data-jurisdiction="NL"]')[0]
    assert verdict.xpath(".//@data-level")[0] in ("caution", "high_risk")
    text = _text(verdict)
    assert "125a" in text  # the rules in force on 2012-02-01
    assert "before-2020" in text  # and which version that is
    weighed = verdict.xpath('.//ol[contains(@class, "sc-weighed")]/li')
    assert _text(weighed[0]).startswith("2010-06-20")
    assert "posted after your like" in _text(weighed[0])
    assert "follows the page" in _text(doc.get_element_by_id("what-it-means"))
    # the matched words are marked in the post they were found in, not in the other one
    assert any("PVV" in m for m in _marks(doc, "target.content[0]"))
    assert _marks(doc, "target.content[1]") == []


def test_words_are_marked_in_the_own_text_with_their_kinds(client):
    _response, doc = _post(client, POST)
    marks = doc.xpath('//*[@data-where="text"]//mark')
    assert "PVV" in [m.text_content() for m in marks]
    pvv = next(m for m in marks if m.text_content() == "PVV")
    assert "party or candidate" in pvv.get("title")
    # the kinds are spoken too, not only shown on hover
    assert "party or candidate" in pvv.getnext().text_content()


def test_reasons_are_in_the_language_of_the_page(client):
    data = {**LIKE, "on_duty": "on", "also_check": ["US"]}
    _response, doc = _post(client, data, language="en")
    assert "head of mission you represent the Netherlands" in _text(doc)
    assert "On duty or in the workplace political activity is prohibited" in _text(doc)
    _response, doc = _post(client, data, language="nl")
    assert "hoofd van een post vertegenwoordigt u Nederland" in _text(doc)
    assert "In werktijd of op de werkplek is politieke activiteit verboden" in _text(
        doc
    )


def test_other_jurisdictions_can_be_checked_too(client):
    _response, doc = _post(client, {**LIKE, "also_check": ["US", "UK"]})
    assert doc.xpath("//article/@data-jurisdiction") == ["NL", "US", "UK"]


def test_the_jurisdiction_s_own_fields_are_used(client):
    data = {
        **POST,
        "jurisdiction": "UK",
        "level": "",
        "political_category": "restricted",
        "text": "Vote Labour on Thursday!",
    }
    _response, doc = _post(client, data)
    assert doc.xpath('//article[@data-jurisdiction="UK"]//@data-level') == [
        "prohibited"
    ]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"since": "2013-01-01"}, "since", "cannot be after the date"),
        ({"target_name": "", "target_content": ""}, "target_name", "Name the page"),
        (
            {"target_content": "2010-13-45: Geen regering"},
            "target_content",
            "not a valid date",
        ),
    ],
)
def test_an_impossible_situation_is_explained_at_its_field(
    client, change, field, message
):
    _response, doc = _post(client, {**LIKE, **change})
    errors = doc.xpath(f'//div[@data-field="{field}"]//ul[@class="errorlist"]')
    assert errors and message in _text(errors[0])
    assert not doc.xpath("//article[@data-jurisdiction]")  # no verdict


def test_details_are_remembered_only_by_the_browser(client):
    response = client.get(reverse("selfcheck:page"))
    doc = html.fromstring(response.content.decode())
    assert set(response.cookies) <= {"csrftoken"}
    # the remembered groups are the actor and context fields; what you write is not in them
    remembered = doc.xpath("//details[@data-remember]//*[@name]/@name")
    assert {"jurisdiction", "level", "function", "account", "on_duty"} <= set(
        remembered
    )
    assert not {"text", "target_content", "target_name", "date"} & set(remembered)
    # the script is a static file (the Content-Security-Policy forbids inline scripts)
    assert doc.xpath("//script[contains(@src, 'selfcheck.js')]")
    script = (settings.PACKAGE_DIR / "static" / "selfcheck.js").read_text(
        encoding="utf-8"
    )
    assert "localStorage" in script
    assert "document.cookie" not in script and "fetch(" not in script
    # the forget button needs the script, so without it it is not shown
    assert doc.get_element_by_id("forget-details").get("hidden") is not None


def test_the_verdict_is_announced(client):
    _response, doc = _post(client, POST)
    verdict = doc.get_element_by_id("verdict")
    assert verdict.get("aria-live") == "polite"
    assert verdict.get("tabindex") == "-1"  # the script moves focus to it


def test_every_field_has_a_label(client):
    doc = html.fromstring(client.get(reverse("selfcheck:page")).content.decode())
    form = doc.get_element_by_id("selfcheck-form")
    labelled = set(form.xpath(".//label/@for"))
    for control in form.xpath(".//input[@name] | .//select | .//textarea"):
        if control.get("type") in ("hidden", "submit"):
            continue
        assert control.get("id") in labelled, control.get("name")


@translation.override("en")
def test_highlight_keeps_overlapping_spans_and_the_whole_text():
    text = "Geen regering met steun van de PVV"
    signals = [
        {"kind": "partisan_stance", "where": "text", "start": 0, "end": 34},
        {"kind": "party_or_candidate", "where": "text", "start": 31, "end": 34},
        {"kind": "insult", "where": "target.name", "start": 0, "end": 4},
        {"kind": "official_account", "where": "actor", "start": None, "end": None},
    ]
    pieces = highlight(text, signals, "text")
    assert "".join(p for p, _ in pieces) == text
    assert pieces == [
        ("Geen regering met steun van de ", ["partisan stance"]),
        ("PVV", ["partisan stance", "party or candidate"]),
    ]


@translation.override("en")
def test_highlight_clips_spans_outside_the_text():
    signals = [{"kind": "insult", "where": "text", "start": 3, "end": 99}]
    assert highlight("abcdef", signals, "text") == [
        ("abc", []),
        ("def", ["insult or personal attack"]),
    ]
    assert highlight(None, signals, "text") == []


@pytest.mark.parametrize("text", ["", "   \n "])
def test_an_empty_post_asks_for_text_instead_of_answering_no_objection(client, text):
    _response, doc = _post(client, {**POST, "text": text})
    errors = doc.xpath('//div[@data-field="text"]//ul[@class="errorlist"]')
    assert errors and "Write the text you want to post" in _text(errors[0])
    assert not doc.xpath("//article[@data-jurisdiction]")  # no verdict
