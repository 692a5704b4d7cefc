"""Reading a postponement notice's date and reasons (:mod:`zorgvuldig.parliament.notices`)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zorgvuldig.parliament.notices import notice_facts
from zorgvuldig.parliament.parsing import parse_inquiry

#: A real notice among the shared cases (its source is in that folder's expected.yaml).
SHARED = Path(
    os.environ.get("ZORGVULDIG_SHARED_DIR", Path(__file__).parents[4] / ".." / "shared")
)
REAL = SHARED / "cases" / "questions-real" / "q10-uitstelbrief-2020D36185.txt"
needs_real = pytest.mark.skipif(
    not REAL.exists(), reason=f"the shared real notice is not at {REAL}"
)


@needs_real
def test_the_real_notice_gives_its_date_and_reasons():
    facts = notice_facts(REAL.read_text(encoding="utf-8"))
    assert facts.sent_on == dt.date(2020, 9, 18)
    assert facts.reason.startswith("De reden van het uitstel is dat")
    assert "interdepartementale afstemming" in facts.reason
    assert "T. van Ark" not in facts.reason  # the signature is no reason


@needs_real
def test_the_real_notice_is_kind_postponement():
    assert parse_inquiry(REAL.read_text(encoding="utf-8")).kind == "postponement"


def test_a_notice_without_dateline_or_reasons_gives_none_and_empty():
    facts = notice_facts(
        "De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord."
    )
    assert facts.sent_on is None
    assert facts.reason == ""


@given(st.text(max_size=400))
def test_any_text_gives_facts_without_crashing(text):
    facts = notice_facts(text)
    assert len(facts.reason) <= 1000


def test_a_reason_in_the_notice_sentence_itself_is_kept():
    # review finding: "…niet binnen de gebruikelijke termijn worden beantwoord, omdat …"
    text = (
        "Den Haag, 3 maart 2024\n"
        "De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord, omdat "
        "de benodigde informatie nog niet beschikbaar is."
    )
    facts = notice_facts(text)
    assert "omdat de benodigde informatie nog niet beschikbaar is" in facts.reason
