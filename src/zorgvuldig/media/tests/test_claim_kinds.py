"""The claim check's failures of issue 13, each fixed for its whole kind (no db).

Each test holds several wordings of one kind, so that a fix for one sentence would not pass:
advice, demands, expectations and counterfactuals are not the measure; negation stops at a
verb of saying; an employee's own account of being pushed out is not the employer's measure;
inflections and synonyms beyond the listed words; a headline in the other language; a page
that is only furniture gives ``extraction_failed``.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zorgvuldig.cli import main
from zorgvuldig.media.assessment import assess_article
from zorgvuldig.media.furniture import MIN_PAGE_WORDS, article_words, furniture_only

SPOKEN_TO = {
    "nl": {"category": "informal", "term": "aangesproken", "date": "2012-02-09"},
    "en": {"category": "informal", "term": "spoken to", "date": "2012-02-09"},
}
SUSPENDED = {
    "nl": {"category": "order_measure", "term": "geschorst", "date": "2012-02-09"},
    "en": {"category": "order_measure", "term": "suspended", "date": "2012-02-09"},
}


def verdict(body, recorded, language, headline=""):
    return assess_article(headline, body, recorded, "2012-03-01", language).verdict


@pytest.mark.parametrize(
    ("language", "body"),
    [
        # counterfactuals and judgements about the measure as subject
        ("nl", "Een berisping was genoeg geweest, vindt de vakbond."),
        ("nl", "Ontslag lijkt onvermijdelijk voor de ambtenaar."),
        ("nl", "Strafontslag had voor de hand gelegen."),
        ("nl", "Een schorsing zou op zijn plaats zijn."),
        ("en", "Disciplinary action would be appropriate, the MP said."),
        ("en", "A suspension would have been enough."),
        ("en", "His dismissal seems inevitable."),
        # advice and intentions reported as such
        ("nl", "De commissie adviseert de minister de ambtenaar te ontslaan."),
        ("nl", "De AGFA-commissie adviseerde strafontslag."),
        ("nl", "De minister heeft het voornemen de ambtenaar te berispen."),
        ("en", "The panel advised that he be dismissed."),
        ("en", "The committee recommended his dismissal."),
        # demands
        ("en", "Eight MPs have spoken out, asking for him to be sacked."),
        ("en", "He should have been sacked."),
    ],
)
def test_advice_demands_and_counterfactuals_are_not_the_measure(language, body):
    assert verdict(body, SPOKEN_TO[language], language) == "no_claim"


def test_a_measure_stated_as_fact_beside_a_modal_is_still_a_claim():
    body = "The official was suspended and would be questioned later."
    assert verdict(body, SPOKEN_TO["en"], "en") == "ambiguous"
    body = "De ambtenaar werd ontslagen, wat volgens de bond onvermijdelijk was."
    assert verdict(body, SPOKEN_TO["nl"], "nl") == "overstated"


@pytest.mark.parametrize(
    ("language", "body"),
    [
        (
            "nl",
            "Hij is geschorst. Hij mag er niet over praten met de pers over zijn schorsing.",
        ),
        ("nl", "Hij is geschorst en wilde niet reageren op zijn schorsing."),
        ("en", "He was suspended. He is not allowed to talk about the suspension."),
        ("en", "He was suspended; the department did not comment on the suspension."),
        ("en", "He was suspended and has not been able to speak about his suspension."),
    ],
)
def test_not_talking_about_a_measure_does_not_deny_it(language, body):
    assert verdict(body, SUSPENDED[language], language) == "accurate"


def test_a_negation_right_before_the_measure_still_denies_it():
    assert verdict("Hij is niet geschorst.", SUSPENDED["nl"], "nl") == "contradicted"
    assert verdict("He was not suspended.", SUSPENDED["en"], "en") == "contradicted"


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "She says she was constructively dismissed after she raised concerns."),
        ("en", "I was forced out of the Civil Service after whistleblowing."),
        ("en", "He claims he was pushed out of his job."),
        ("nl", "Ze zegt dat ze is weggepest bij het ministerie."),
        ("nl", "Hij voelde zich gedwongen zelf ontslag te nemen."),
    ],
)
def test_an_employees_own_account_of_being_pushed_out_is_no_employer_measure(
    language, body
):
    none = {"category": "none", "term": None, "date": None}
    assert verdict(body, none, language) == "no_claim"


@pytest.mark.parametrize(
    ("language", "headline", "body", "expected"),
    [
        ("nl", "Minister straft ambassadeur", "", "overstated"),
        ("nl", "", "De ambassadeur werd door de minister bestraft.", "overstated"),
        ("nl", "", "De ambassadeur is gestraft voor zijn like.", "overstated"),
        ("nl", "", "De agent kreeg een straf opgelegd.", "overstated"),
        ("en", "Ambassador reprimanded", "", "overstated"),
        ("en", "", "The officer was punished for the tweet.", "overstated"),
        ("en", "", "She was banned from promotion for a year.", "overstated"),
        ("en", "", "He had his employment terminated.", "overstated"),
        (
            "en",
            "",
            "The sergeant was subject to informal management action.",
            "accurate",
        ),
        # a headline in English over a Dutch article
        (
            "nl",
            "Ambassador reprimanded",
            "De minister sprak de ambassadeur aan.",
            "overstated",
        ),
    ],
)
def test_inflections_and_synonyms_beyond_the_listed_words(
    language, headline, body, expected
):
    assert verdict(body, SPOKEN_TO[language], language, headline) == expected


COOKIE_PAGE = """<html><head><title>Ambassadeur berispt</title></head><body>
<div class="consent"><p>Wij gebruiken cookies om de site te verbeteren. Klik op alles
accepteren om akkoord te gaan, of beheer uw voorkeuren in het privacybeleid.</p>
<p>Accept all cookies or manage preferences.</p></div></body></html>"""


def test_a_page_that_is_a_cookie_banner_gives_extraction_failed(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text(COOKIE_PAGE, encoding="utf-8")
    argv = ["media", "assess", "--measure", "informal", "--term", "aangesproken"]
    assert main([*argv, str(page), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == "extraction_failed"
    assert data["claims"] == []


def test_a_short_page_gives_extraction_failed_but_a_pasted_sentence_is_judged():
    body = "De ambassadeur is berispt."
    assert furniture_only(body, MIN_PAGE_WORDS)
    assert not furniture_only(body)
    rec = SPOKEN_TO["nl"]
    got = assess_article("", body, rec, None, "nl", min_words=MIN_PAGE_WORDS)
    assert got.verdict == "extraction_failed"
    assert assess_article("", body, rec, None, "nl").verdict == "overstated"


def test_cookie_sentences_around_an_article_are_left_out_not_the_article():
    body = (
        "We use cookies to improve your experience. The officer was given a five-year "
        "final written warning following an accelerated misconduct hearing, the force "
        "said on Friday after the hearing in Leicester."
    )
    assert not furniture_only(body, MIN_PAGE_WORDS)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.integers(min_value=0, max_value=50))
def test_furniture_check_takes_any_text(text, min_words):
    result = furniture_only(text, min_words)
    assert isinstance(result, bool)
    assert article_words(text) >= 0
    if min_words and result is False:
        assert article_words(text) >= min_words


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_assessment_takes_any_body_and_verdict_is_from_the_contract(text):
    got = assess_article(
        "", text, SPOKEN_TO["en"], None, "en", min_words=MIN_PAGE_WORDS
    )
    assert got.verdict in {
        "contradicted",
        "overstated",
        "understated",
        "ambiguous",
        "accurate",
        "no_claim",
        "extraction_failed",
    }


@pytest.mark.parametrize(
    ("language", "body", "term"),
    [
        ("nl", "De ambtenaar is niet ontslagen.", "voorwaardelijk strafontslag"),
        (
            "nl",
            "Hij wordt niet ontslagen, maar krijgt een laatste kans.",
            "voorwaardelijk ontslag",
        ),
        ("en", "He was not dismissed.", "conditional dismissal"),
    ],
)
def test_not_dismissed_against_a_conditional_dismissal_is_for_a_person(
    language, body, term
):
    rec = {"category": "dismissal", "term": term, "date": "2012-02-09"}
    assert verdict(body, rec, language) == "ambiguous"
    rec = {
        "category": "dismissal",
        "term": "ontslag" if language == "nl" else "dismissed",
    }
    assert verdict(body, {**rec, "date": None}, language) == "contradicted"


@pytest.mark.parametrize(
    ("language", "body"),
    [
        (
            "en",
            "The board recommended that the agency confirm the reprimand imposed on him.",
        ),
        ("nl", "De commissie adviseert de opgelegde berisping te handhaven."),
    ],
)
def test_advice_to_confirm_an_imposed_measure_does_not_hedge_it(language, body):
    assert verdict(body, SPOKEN_TO[language], language) == "overstated"
