"""Assessing an article against the recorded measure (shared/cases/README.md, "Media").

Pure: no database. The verdict table varies one thing at a time against the same record.
"""

from __future__ import annotations

import datetime as dt

import pytest

from zorgvuldig.media.assessment import (
    NO_MEASURE,
    AssessmentError,
    RecordedMeasure,
    assess_article,
    measure_in_force,
)

INFORMAL = {"category": "informal", "term": "aangesproken", "date": "2012-02-09"}
CONTRACT_KEYS = {"verdict", "claims", "headline_supported_by_body", "measure_in_force"}
CLAIM_KEYS = {"category", "term", "where", "start", "end", "negated", "hedged"}
CLAIM_KEYS |= {"attributed"}


def verdict(headline: str, body: str = "", recorded=INFORMAL, **kwargs) -> str:
    return assess_article(headline, body, recorded, **kwargs).verdict


# --- the measure in force -------------------------------------------------------------

HISTORY = [
    RecordedMeasure("order_measure", "geschorst", dt.date(2012, 3, 1)),
    RecordedMeasure("informal", "aangesproken", dt.date(2012, 2, 9)),
]


@pytest.mark.parametrize(
    ("published", "term"),
    [
        (dt.date(2012, 2, 8), None),
        (dt.date(2012, 2, 9), "aangesproken"),
        (dt.date(2012, 2, 29), "aangesproken"),
        (dt.date(2012, 3, 1), "geschorst"),
        (None, "geschorst"),
    ],
)
def test_measure_in_force_is_the_latest_on_or_before_publication(published, term):
    assert measure_in_force(HISTORY, published).term == term


def test_before_the_first_measure_the_category_is_none():
    assert measure_in_force(HISTORY, dt.date(2011, 1, 1)) == NO_MEASURE
    assert measure_in_force([], None).category == "none"


def test_an_undated_measure_is_in_force_from_the_start():
    undated = RecordedMeasure("informal", "aangesproken", None)
    assert measure_in_force([undated], dt.date(2000, 1, 1)) == undated


def test_history_decides_the_verdict():
    recorded = [
        INFORMAL,
        {"category": "punishment", "term": "berisping", "date": "2012-03-01"},
    ]
    kwargs = {"language": "nl"}
    assert (
        verdict("Ambassadeur berispt", "", recorded, published="2012-02-20", **kwargs)
        == "overstated"
    )
    assert (
        verdict("Ambassadeur berispt", "", recorded, published="2012-03-02", **kwargs)
        == "accurate"
    )


# --- verdicts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Minister spreekt ambassadeur aan", "accurate"),
        ("Ambassadeur berispt", "overstated"),
        ("Ambassadeur ontslagen", "overstated"),
        ("Ambassadeur op het matje geroepen", "ambiguous"),
        ("Ambassadeur niet aangesproken", "contradicted"),
        ("Geen maatregel tegen ambassadeur", "contradicted"),
        ("Geen berisping voor ambassadeur", "no_claim"),
        ("Ambassadeur riskeert berisping", "no_claim"),
        ("Ambassadeur naar verluidt berispt", "overstated"),
        ("Nieuwe ambassadeur benoemd in Pretoria", "no_claim"),
    ],
)
def test_verdict_against_an_informal_correction(headline, expected):
    assert verdict(headline, language="nl") == expected


def test_understated_when_the_article_names_a_milder_measure():
    recorded = {"category": "punishment", "term": "berisping", "date": "2012-02-09"}
    assert (
        verdict("Ambassadeur aangesproken", "", recorded, language="nl")
        == "understated"
    )


def test_the_most_serious_finding_wins():
    headline = "Ambassadeur berispt"
    body = "Het ministerie zegt dat er geen maatregel is genomen."
    assert verdict(headline, body, language="nl") == "contradicted"
    assert (
        verdict(headline, "Hij is op het matje geroepen.", language="nl")
        == "overstated"
    )


def test_the_recorded_term_is_accurate_even_when_ambiguous():
    recorded = {"category": "order_measure", "term": "suspended pending a hearing"}
    assert verdict("Official suspended", "", recorded, language="en") == "accurate"
    assert verdict("Official admonished", "", recorded, language="en") == "ambiguous"


def test_nothing_recorded_means_category_none():
    result = assess_article("Ambassadeur berispt", "", [], language="nl")
    assert result.verdict == "overstated"
    assert result.measure_in_force == NO_MEASURE


# --- headline and body ----------------------------------------------------------------


def test_headline_unsupported_by_body():
    result = assess_article(
        "Ambassadeur berispt om like", "De ambassadeur is aangesproken.", INFORMAL
    )
    assert result.headline_supported_by_body is False
    assert [c.where for c in result.claims] == ["headline", "body"]


def test_headline_supported_by_body():
    result = assess_article(
        "Ambassadeur aangesproken", "De minister sprak hem aan op zijn like.", INFORMAL
    )
    assert result.headline_supported_by_body is True


def test_a_hedged_headline_needs_no_support():
    result = assess_article("Ambassadeur riskeert ontslag", "Niets bekend.", INFORMAL)
    assert result.headline_supported_by_body is True


def test_spans_point_into_their_own_field():
    headline, body = "Ambassadeur berispt", "Gisteren is de ambassadeur aangesproken."
    result = assess_article(headline, body, INFORMAL)
    for claim in result.to_dict()["claims"]:
        field = headline if claim["where"] == "headline" else body
        assert field[claim["start"] : claim["end"]] == claim["text"]


# --- output shape ---------------------------------------------------------------------


def test_to_dict_has_the_contract_keys():
    data = assess_article(
        "Ambassadeur berispt", "Hij is aangesproken.", INFORMAL
    ).to_dict()
    assert set(data) >= CONTRACT_KEYS
    assert "id" not in data
    assert all(set(c) >= CLAIM_KEYS for c in data["claims"])
    assert data["measure_in_force"] == {
        "category": "informal",
        "term": "aangesproken",
        "date": "2012-02-09",
    }
    assert data["claims"][0]["category"] == "punishment"
    assert type(data["claims"][0]["category"]) is str


def test_recorded_measure_accepts_dates_and_strings():
    a = RecordedMeasure.from_value(
        {"category": "informal", "term": "x", "date": dt.date(2012, 2, 9)}
    )
    b = RecordedMeasure.from_value(
        {"category": "informal", "term": "x", "date": "2012-02-09"}
    )
    assert a == b


@pytest.mark.parametrize(
    ("recorded", "message"),
    [
        ({"category": "reprimand", "term": "x"}, "unknown category"),
        ({"category": "informal"}, "missing field term"),
        ({"term": "x"}, "missing field category"),
        ({"category": "informal", "term": "x", "when": "2012"}, "unknown field when"),
        ({"category": "informal", "term": "x", "date": "9 Feb 2012"}, "not a date"),
        ("informal", "expected {category, term, date}"),
    ],
)
def test_invalid_recorded_measure(recorded, message):
    with pytest.raises(AssessmentError, match=message):
        assess_article("", "tekst", recorded)


def test_invalid_published_date_and_language():
    with pytest.raises(AssessmentError, match="published"):
        assess_article("", "tekst", INFORMAL, published="gisteren")
    with pytest.raises(AssessmentError, match="language"):
        assess_article("", "tekst", INFORMAL, language="de")
