"""The labelled public corpus of the self-check is well-formed (``tests/corpus/selfcheck``).

These tests read the cases and check their form and labels only; they never run the check, so
that running the suite does not count as a look at the test part.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from zorgvuldig.rulebooks.cases import parse_case

CORPUS = Path(__file__).resolve().parent / "corpus" / "selfcheck"
PARTS = ("dev", "test", "rewordings")
#: ``outcome_class`` → the levels that count as right (tests/corpus/selfcheck/README.md).
LABELS = {
    "bright_line": [["prohibited"]],
    "breach": [["high_risk"], ["high_risk", "prohibited"]],
    "spoken_to": [["caution", "high_risk"]],
    "protected": [["ok", "caution"]],
    "control": [["ok"]],
}
CONTRACT = ("id", "actor", "context", "action", "text", "expect")


def _cases(part: str) -> list[tuple[str, dict]]:
    folder = CORPUS / part
    return [
        (path.name, case)
        for path in sorted(folder.glob("*.yaml"))
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []
    ]


ALL = [(part, name, case) for part in PARTS for name, case in _cases(part)]


def _source_key(source: str) -> str:
    """A source without its scheme, fragment and trailing slash, to compare the parts (the
    query stays: ``details?id=ECLI:...`` names one ruling)."""
    parts = urlsplit(source.strip())
    query = f"?{parts.query}" if parts.query else ""
    key = f"{parts.netloc}{parts.path.rstrip('/')}{query}".lower()
    return key or source.strip().lower()


@pytest.mark.parametrize(
    ("part", "name", "case"),
    ALL or [pytest.param(None, None, None, marks=pytest.mark.skip("no corpus yet"))],
    ids=[f"{p}/{c.get('id')}" for p, _n, c in ALL] or None,
)
def test_a_case_is_well_formed_and_labelled_by_what_happened(part, name, case):
    parse_case({k: case[k] for k in CONTRACT if k in case})
    assert case.get("source"), "every case names its source"
    if part != "rewordings":
        assert case.get("outcome"), "every case says what happened"
        assert case.get("outcome_class") in LABELS
        (expect,) = case["expect"]
        assert expect["level_in"] in LABELS[case["outcome_class"]]
        assert expect["jurisdiction"] == case["actor"]["jurisdiction"]


def test_ids_are_unique():
    ids = [case["id"] for _p, _n, case in ALL]
    assert len(ids) == len(set(ids))


def test_the_development_and_test_parts_share_no_source():
    dev = {_source_key(c["source"]) for _n, c in _cases("dev")}
    test = {_source_key(c["source"]) for _n, c in _cases("test")}
    assert dev.isdisjoint(test), sorted(dev & test)
