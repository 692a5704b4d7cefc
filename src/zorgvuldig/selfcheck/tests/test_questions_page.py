"""The questions on the self-check page: asked under the verdict where an answer would
change it, with what the text suggests (never chosen for the employee); answering checks
again; the answers about the person can be remembered in the browser, those about the post
not; nothing is stored or logged."""

from __future__ import annotations

import logging

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
from lxml import html

pytestmark = pytest.mark.django_db

#: A politically free UK civil servant's partisan post about their own topic: whether it
#: touches their own work area decides between "no objection" and "caution".
UK_POST = {
    "jurisdiction": "UK",
    "political_category": "free",
    "portfolio": "immigration",
    "account": "personal_identifiable",
    "action": "post",
    "date": "2024-05-10",
    "text": "The immigration plan of the Conservatives is a disgrace. Vote Labour!",
}
#: A US employee's partisan post: whether they supervise the people it addresses decides.
US_POST = {
    "jurisdiction": "US",
    "hatch_category": "less_restricted",
    "account": "personal_identifiable",
    "action": "post",
    "date": "2024-09-10",
    "text": "Team, vote for the Democrats in November!",
}
#: A Dutch staff member's insult: an exemplary function would weigh more.
NL_POST = {
    "jurisdiction": "NL",
    "level": "staff",
    "account": "personal_identifiable",
    "action": "post",
    "date": "2024-05-10",
    "text": "Die minister is een volslagen idioot.",
}


def _post(client, data, language="en"):
    response = client.post(
        reverse("selfcheck:page"), data, headers={"accept-language": language}
    )
    assert response.status_code == 200
    return html.fromstring(response.content.decode())


def _level(doc, jurisdiction):
    return doc.xpath(f'//article[@data-jurisdiction="{jurisdiction}"]//@data-level')[0]


def _asked(doc):
    return doc.xpath(
        '//h3[@id="questions-heading"]/following-sibling::fieldset'
        '[preceding-sibling::h3[1][@id="questions-heading"]]/@data-question'
    )


def _answered(doc):
    return doc.xpath(
        '//h3[@id="answers-heading"]/following-sibling::fieldset/@data-question'
    )


def _text(element) -> str:
    return " ".join(element.text_content().split())


def test_a_deciding_question_is_asked_under_the_verdict(client):
    doc = _post(client, UK_POST)
    assert _level(doc, "UK") == "ok"
    assert "own_area" in _asked(doc)
    question = doc.xpath('//fieldset[@data-question="own_area"]')[0]
    # inside the verdict's region, after the verdict
    assert question.xpath('ancestor::section[@id="verdict"]')
    assert "own work area" in _text(question.xpath("legend")[0])
    # every answer belongs to the form, which is elsewhere on the page
    radios = question.xpath(".//input[@type='radio']")
    assert {r.get("form") for r in radios} == {"selfcheck-form"}
    assert all(r.xpath(f'//label[@for="{r.get("id")}"]') for r in radios)


def test_a_suggestion_is_shown_as_one_and_chosen_by_no_one_but_the_employee(client):
    doc = _post(client, UK_POST)
    question = doc.xpath('//fieldset[@data-question="own_area"]')[0]
    suggestion = question.xpath('.//p[@class="sc-suggestion"]')[0]
    assert "Suggested from your text — confirm:" in _text(suggestion)
    assert "“immigration”" in _text(suggestion)
    assert question.get("aria-describedby") == suggestion.get("id")
    suggested = question.xpath('.//label[contains(@class, "suggested")]//input')
    assert [i.get("value") for i in suggested] == ["yes"]
    # nothing is selected but "don't know": the suggestion is not an answer
    checked = question.xpath(".//input[@checked]")
    assert [i.get("value") for i in checked] == [""]
    assert _level(doc, "UK") == "ok"  # the suggestion did not count


def test_answering_checks_again_and_keeps_the_answer(client):
    doc = _post(client, {**UK_POST, "own_area": "yes"})
    assert _level(doc, "UK") == "caution"
    assert "own_area" not in _asked(doc)
    assert "own_area" in _answered(doc)
    checked = doc.xpath('//fieldset[@data-question="own_area"]//input[@checked]')
    assert [i.get("value") for i in checked] == ["yes"]
    again = doc.get_element_by_id("check-again")
    assert again.get("form") == "selfcheck-form" and again.get("type") == "submit"


def test_answers_that_decide_together_are_asked_together(client):
    """5 U.S.C. 7323(a)(1): a supervisor's partisan message to subordinates."""
    doc = _post(client, US_POST)
    assert _level(doc, "US") == "ok"
    assert {"supervises", "addressees"} <= set(_asked(doc))
    addressees = doc.xpath('//fieldset[@data-question="addressees"]')[0]
    assert "“Team”" in _text(addressees)  # the form of address suggests the team
    doc = _post(
        client, {**US_POST, "supervises": "yes", "addressees": ["subordinates"]}
    )
    assert _level(doc, "US") == "prohibited"
    assert {"supervises", "addressees"} <= set(_answered(doc))


def test_none_of_these_is_an_answer_too(client):
    doc = _post(client, NL_POST)
    assert "exemplary_function" in _asked(doc)
    doc = _post(client, {**NL_POST, "exemplary_function": "none"})
    assert "exemplary_function" not in _asked(doc)
    assert "exemplary_function" in _answered(doc)
    police = _post(client, {**NL_POST, "exemplary_function": "police"})
    assert _level(police, "NL") != _level(doc, "NL")


def test_an_impossible_answer_is_refused_and_announced(client):
    doc = _post(client, {**US_POST, "addressees": ["none", "team"]})
    assert not doc.xpath("//article[@data-jurisdiction]")  # no verdict
    summary = doc.get_element_by_id("form-errors")
    assert summary.get("role") == "alert"
    assert "None of these" in _text(summary)
    link = summary.xpath(".//a/@href")[0]
    fieldset = doc.xpath('//fieldset[@data-question="addressees"]')[0]
    assert link == f"#{fieldset.get('id')}"
    assert fieldset.xpath('.//ul[@class="errorlist"]')


def test_answers_about_the_person_can_be_remembered_those_about_the_post_not(client):
    doc = _post(client, {**UK_POST, "own_area": "yes", "supervises": "yes"})
    form = doc.get_element_by_id("selfcheck-form")
    assert form.get("data-person").split() == [
        "supervises", "exemplary_function", "account_shows", "earlier_warnings",
    ]  # fmt: skip
    about_you = doc.get_element_by_id("about-you")
    carried = {
        i.get("name"): i.get("value") for i in about_you.xpath(".//input[@data-answer]")
    }
    # the person answers not shown as questions ride along in "About you" (remembered by
    # the page's script with the other details); an answer about the post never does
    assert carried.get("supervises", "yes") == "yes"
    assert "own_area" not in carried
    shown = set(_asked(doc)) | set(_answered(doc))
    assert not shown & set(carried)  # one control per answer


def test_a_first_check_sends_the_remembered_answers(client):
    """The browser sends remembered answers as the hidden inputs in "About you"."""
    page = html.fromstring(client.get(reverse("selfcheck:page")).content.decode())
    names = page.xpath('//*[@id="about-you"]//input[@data-answer]/@name')
    assert names == [
        "supervises",
        "exemplary_function",
        "account_shows",
        "earlier_warnings",
    ]
    doc = _post(client, {**NL_POST, "exemplary_function": "police"})
    assert "exemplary_function" in _answered(doc)


def test_the_questions_are_asked_in_dutch(client):
    doc = _post(client, UK_POST, language="nl")
    question = doc.xpath('//fieldset[@data-question="own_area"]')[0]
    assert "eigen werkterrein" in _text(question.xpath("legend")[0])
    assert "Voorgesteld op grond van uw tekst — bevestig:" in _text(question)
    assert "Ja" in _text(question)
    assert "Controleer opnieuw met mijn antwoorden" in _text(doc)


def test_a_check_with_answers_writes_nothing_and_logs_no_text(
    client, caplog, row_counts
):
    before = row_counts()
    caplog.set_level(logging.DEBUG)
    with CaptureQueriesContext(connection) as queries:
        client.post(
            reverse("selfcheck:page"),
            {**US_POST, "supervises": "yes", "addressees": ["subordinates"]},
        )
    assert queries.captured_queries == []
    assert row_counts() == before
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "Democrats" not in logged


def test_a_mention_or_a_link_points_at_a_question_without_answering_it(client):
    doc = _post(
        client,
        {
            **US_POST,
            "hatch_category": "further_restricted",
            "text": "@sam vote for the Democrats! https://example.org/join",
        },
    )
    addressees = doc.xpath('//fieldset[@data-question="addressees"]')[0]
    assert "Your text may bear on this: “@sam” (it tags someone)" in _text(addressees)
    assert not addressees.xpath('.//label[contains(@class, "suggested")]')
    link = doc.xpath('//fieldset[@data-question="links_campaign"]')[0]
    # a link in a partisan text suggests a campaign link, to be confirmed
    assert "Suggested from your text — confirm: Yes" in _text(link)
    assert "“https://example.org/join”: it holds a link" in _text(link)


def test_every_told_field_has_its_words_and_a_form_field():
    from zorgvuldig.rulebooks.questions import TOLD
    from zorgvuldig.selfcheck.forms import SelfCheckForm
    from zorgvuldig.selfcheck.questions import WORDING

    assert list(WORDING) == [t.name for t in TOLD]
    form = SelfCheckForm()
    for told in TOLD:
        assert told.name in form.fields
        codes = [code for code, _label in WORDING[told.name].answers]
        if told.kind == "bool":
            assert codes == ["yes", "no"]
        else:  # the contract's values, and "none of these" where it has no value for it
            assert [c for c in codes if c != "none" or c in told.answers] == list(
                told.answers
            )


def test_knowing_nothing_of_it_through_work_is_a_value_of_its_own(client):
    """``work_information: none`` is the contract's value, not "none of these"."""
    from zorgvuldig.selfcheck.forms import SelfCheckForm

    form = SelfCheckForm({**UK_POST, "work_information": "none"})
    assert form.is_valid(), form.errors
    assert form.to_case()["context"]["work_information"] == "none"
    assert form.answered() == []
    exemplary = SelfCheckForm({**NL_POST, "exemplary_function": "none"})
    assert exemplary.is_valid()
    assert "exemplary_function" not in exemplary.to_case()["actor"]
    assert exemplary.answered() == ["actor.exemplary_function"]
    addressees = SelfCheckForm({**US_POST, "addressees": ["none"]})
    assert addressees.is_valid()
    assert addressees.to_case()["context"]["addressees"] == []
