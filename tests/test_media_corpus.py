"""The labelled corpus of real coverage for the claim check is well-formed
(``tests/corpus/media``).

These tests read the cases and check their form and labels only; they never assess one, so
that running the suite does not count as a look at the test part.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from zorgvuldig.media.assessment import RecordedMeasure
from zorgvuldig.media.cli import CASE_FIELDS

CORPUS = Path(__file__).resolve().parent / "corpus" / "media"
PARTS = ("dev", "test")
VERDICTS = {
    "accurate",
    "overstated",
    "understated",
    "contradicted",
    "ambiguous",
    "no_claim",
    "extraction_failed",
}
EXTRA = {"outlet", "recorded_source", "published_note", "headline_note", "note"}


def _cases(part: str) -> list[dict]:
    return [
        case
        for path in sorted((CORPUS / part).glob("*.yaml"))
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []
    ]


ALL = [(part, case) for part in PARTS for case in _cases(part)]


def _source_key(source: str) -> str:
    parts = urlsplit(source.strip())
    query = f"?{parts.query}" if parts.query else ""
    return f"{parts.netloc}{parts.path.rstrip('/')}{query}".lower()


def test_the_corpus_holds_at_least_sixty_articles_in_both_languages():
    assert len(ALL) >= 60
    for part in PARTS:
        assert {c["language"] for c in _cases(part)} == {"nl", "en"}


@pytest.mark.parametrize(("part", "case"), ALL, ids=[f"{p}/{c['id']}" for p, c in ALL])
def test_a_case_is_well_formed(part, case):
    assert not set(case) - set(CASE_FIELDS) - EXTRA, "only contract fields and notes"
    assert case["source"].startswith(("http://", "https://")), "the address is kept"
    assert case.get("recorded_source"), "every case says where the record comes from"
    history = (
        case["recorded"] if isinstance(case["recorded"], list) else [case["recorded"]]
    )
    for measure in history:
        RecordedMeasure.from_value(measure)
    exp = case["expect"]
    wanted = [exp["verdict"]] if "verdict" in exp else exp["verdict_in"]
    assert wanted and set(wanted) <= VERDICTS
    assert len(case["body"].split()) <= 160, "only the sentences about the measure"


def test_ids_are_unique_and_no_source_is_in_both_parts():
    ids = [c["id"] for _, c in ALL]
    assert len(ids) == len(set(ids))
    dev = {_source_key(c["source"]) for c in _cases("dev")}
    test = {_source_key(c["source"]) for c in _cases("test")}
    assert not dev & test
