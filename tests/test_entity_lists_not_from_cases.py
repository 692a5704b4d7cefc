"""Entity and campaign lists come from their sources, not from the cases they are tested on.

An entry of three or more words (a party's full name, a slogan) found verbatim in a shared
self-check case's text would suggest it was taken from the case (issue 9). Runs when the
shared cases are at hand.
"""

import os
from pathlib import Path

import pytest
import yaml

from zorgvuldig.signals.text import load_data

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ZORGVULDIG_SHARED_DIR", REPO.parent / "shared"))
CASES = SHARED / "cases" / "selfcheck"


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _entries():
    parties = load_data("parties.yaml")
    campaigns = load_data("campaigns.yaml")
    for entry in parties["parties"]:
        yield from (*(entry.get("names") or ()), *(entry.get("exact") or ()))
    for entry in parties["politicians"]:
        yield from (entry["name"], *(entry.get("exact") or ()))
    for entry in campaigns["slogans"]:
        yield from (entry["text"], *(entry.get("variants") or ()))


@pytest.mark.skipif(not CASES.exists(), reason=f"shared cases not found at {CASES}")
def test_no_entry_of_three_words_or_more_is_in_a_shared_case():
    texts = " \n ".join(
        " ".join(s.casefold().split())
        for path in sorted(CASES.glob("*.yaml"))
        for case in yaml.safe_load(path.read_text("utf-8")) or ()
        for key in ("text", "action")
        for s in _strings(case.get(key))
    )
    long_entries = {e for e in _entries() if len(e.split()) >= 3}
    assert long_entries  # the lists hold such entries at all
    found = sorted(e for e in long_entries if " ".join(e.casefold().split()) in texts)
    assert found == []
