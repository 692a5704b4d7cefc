"""The assembly of written questions and its answer term (issue 10: councils answer in their
own term, often 30 days; the Tweede Kamer's three and six weeks stay the default)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zorgvuldig.parliament.assemblies import (
    ASSEMBLIES,
    answering_assembly,
    assembly_deadline,
    assembly_terms,
    recognise_assembly,
)
from zorgvuldig.parliament.parsing import parse_inquiry
from zorgvuldig.parliament.terms import DEFAULT_TERMS, AnswerTerm, answer_deadline

CORPUS = Path(__file__).resolve().parents[4] / "tests" / "corpus" / "questions" / "dev"
DAY = dt.date(2024, 3, 1)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Schriftelijke vragen aan het college van B&W van Maassluis", "gemeenteraad"),
        ("Vragen van het raadslid De Boer aan het college", "gemeenteraad"),
        (
            "Statenvragen van de Statenfractie aan Gedeputeerde Staten",
            "provinciale_staten",
        ),
        (
            "Eerste Kamer der Staten-Generaal. Vragen van het lid Nicolaï",
            "eerste_kamer",
        ),
        ("Tweede Kamer der Staten-Generaal. Vragen van het lid Bakker", "tweede_kamer"),
        ("Vragen van het lid Bakker (PVV) aan de minister", None),
    ],
)
def test_the_assembly_named_first_in_the_head_is_recognised(text, code):
    assert recognise_assembly(text) == code


def test_questions_to_a_minister_come_from_a_chamber_whatever_council_they_are_about():
    text = (
        "Vragen over het raadslid dat werd bedreigd (Tweede Kamer wordt later genoemd)"
    )
    assert answering_assembly(text, ("de minister van BZK",)) == "tweede_kamer"
    assert (
        answering_assembly("Eerste Kamer: vragen", ("de minister",)) == "eerste_kamer"
    )
    assert answering_assembly(text) == "gemeenteraad"


def test_every_shipped_term_is_for_a_known_assembly_and_the_tweede_kamer_keeps_its_weeks():
    assert set(DEFAULT_TERMS) == set(ASSEMBLIES)
    assert answer_deadline(DAY) == dt.date(2024, 3, 22)
    assert answer_deadline(DAY, postponed=True) == dt.date(2024, 4, 12)
    council = DEFAULT_TERMS["gemeenteraad"]
    assert answer_deadline(DAY, term=council) == dt.date(2024, 3, 31)
    assert answer_deadline(DAY, postponed=True, term=council) is None  # the notice says


def test_organisation_terms_are_read_in_order_with_shipped_defaults_for_missing_fields():
    terms, problems = assembly_terms(
        [
            {"code": "gemeenteraad", "days": 28, "postponed_days": 56},
            {"code": "eerste_kamer"},
        ]
    )
    assert problems == []
    assert list(terms) == ["gemeenteraad", "eerste_kamer"]
    assert terms["gemeenteraad"] == AnswerTerm(28, 56)
    assert terms["eerste_kamer"] == DEFAULT_TERMS["eerste_kamer"]
    assert assembly_terms(None) == (DEFAULT_TERMS, [])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"gemeenteraad": 30}, "expected a list"),
        (["gemeenteraad"], "[0]: expected an object"),
        ([{"code": "raad"}], "[0]: unknown assembly code 'raad'"),
        (
            [{"code": "gemeenteraad"}, {"code": "gemeenteraad"}],
            "[1]: gemeenteraad is listed",
        ),
        ([{"code": "gemeenteraad", "days": "30"}], "days: expected a whole number"),
        ([{"code": "gemeenteraad", "days": True}], "days: expected a whole number"),
        (
            [{"code": "gemeenteraad", "days": 30, "postponed_days": 20}],
            "more days than",
        ),
        ([{"code": "gemeenteraad", "term": 30}], "unknown key(s) term"),
    ],
)
def test_each_mistake_in_the_terms_is_named_and_the_entry_left_out(value, expected):
    terms, problems = assembly_terms(value)
    assert any(expected in p for p in problems), problems
    assert "raad" not in terms


def test_no_term_for_the_assembly_means_no_deadline_and_says_so():
    deadline, note = assembly_deadline(DAY, False, "gemeenteraad", {})
    assert deadline is None
    assert note and "no answer term is set for gemeenteraad" in note


def test_council_questions_get_their_assembly_and_its_term_from_the_organisation():
    text = (
        "Schriftelijke vragen van het raadslid De Boer aan het college van B&W\n"
        "Datum: 4 maart 2024\n\n"
        "Vraag 1.1: Bent u bekend met het bericht?\n\n"
        "Vraag 1.2: Wat gaat u doen?\n"
    )
    parsed = parse_inquiry(text)
    assert parsed.assembly == "gemeenteraad"
    assert parsed.kind == "parliamentary_written"
    assert parsed.submitted == dt.date(2024, 3, 4)
    assert parsed.deadline == dt.date(2024, 4, 3)  # thirty days
    own = parse_inquiry(text, {"gemeenteraad": AnswerTerm(28)})
    assert own.deadline == dt.date(2024, 4, 1)
    assert parse_inquiry(text, {"tweede_kamer": AnswerTerm(21)}).deadline is None


def test_council_questions_without_an_assembly_get_no_deadline_and_a_warning():
    parsed = parse_inquiry("Datum: 4 maart 2024\n\n1.1 Kent u dit?\n\n1.2 Waarom?\n")
    assert parsed.deadline is None
    assert parsed.assembly is None
    assert any("choose the assembly at intake" in w for w in parsed.warnings)


def test_the_real_council_questions_of_the_corpus_are_the_gemeenteraad_s():
    text = (CORPUS / "council--maassluis-vsp-art51-2022.txt").read_text(
        encoding="utf-8"
    )
    assert parse_inquiry(text).assembly == "gemeenteraad"


def test_kamervragen_without_an_assembly_named_are_the_tweede_kamer_s():
    text = (
        "Vragen van het lid Bakker (PVV) aan de minister van Buitenlandse Zaken over een "
        "ambassadeur (ingezonden 3 februari 2012).\n\nVraag 1\nKent u het bericht?\n"
    )
    parsed = parse_inquiry(text)
    assert parsed.assembly == "tweede_kamer"
    assert parsed.deadline == dt.date(2012, 2, 24)


@given(st.text(max_size=2000))
def test_any_text_gives_a_known_assembly_or_none(text):
    assert recognise_assembly(text) in (*ASSEMBLIES, None)
    assert answering_assembly(text, ("minister",)) in ("tweede_kamer", "eerste_kamer")


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                st.sampled_from(["code", "days", "postponed_days", "x"]),
                inner,
                max_size=4,
            )
        ),
        max_leaves=12,
    )
)
def test_any_settings_value_is_read_without_error(value):
    terms, problems = assembly_terms(value)
    assert set(terms) <= set(ASSEMBLIES)
    assert all(isinstance(p, str) for p in problems)
