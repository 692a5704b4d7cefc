"""The signals' word lists are not copied from case texts (issue 9).

Fails when an entry of three or more words in a word list of ``signals/data`` occurs
verbatim (case-insensitive, whole words) in the text, target name or target content of a
shared self-check case (``../shared/cases/selfcheck/*.yaml``) or of a case in the
corpus's ``dev`` part or ``rewordings`` (never the ``test`` part: it is not read).
Patterns are expanded: each alternative of ``a|b`` counts, ``~`` and ``?`` marks are
dropped, and a gap splits a pattern into the runs of words it joins.

Every list is held to this except the lists of names (:data:`NAME_LISTS`): party and
candidate names, their slogans and accounts, countries and official titles rightly occur in
the cases that mention them.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src" / "zorgvuldig" / "signals" / "data"
SHARED = Path(os.environ.get("ZORGVULDIG_SHARED_DIR", REPO.parent / "shared"))
CORPUS = REPO / "tests" / "corpus" / "selfcheck"
#: Lists of proper names and titles, which cases rightly quote.
NAME_LISTS = frozenset(
    {
        "parties.yaml",
        "us_politicians.yaml",
        "campaigns.yaml",
        "countries.yaml",
        "titles.yaml",
    }
)
LISTS = tuple(sorted(p.name for p in DATA.glob("*.yaml") if p.name not in NAME_LISTS))
#: At most this many phrases are made from one pattern's alternatives.
MAX_EXPANSIONS = 512


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in ("source", "version", "reviewed_out"):
                yield from _strings(value)


def _phrases(entry: str) -> Iterator[str]:
    """The word runs of three or more words an entry can match verbatim."""
    run: list[list[str]] = []
    for part in [*entry.split(), "..."]:
        if re.fullmatch(r"\.\.\.|\.\.\d+", part):
            if len(run) >= 3:
                for combo in itertools.islice(itertools.product(*run), MAX_EXPANSIONS):
                    yield " ".join(combo)
            run = []
            continue
        part = part.strip("()").rstrip("?!")
        run.append([a.lstrip("~") for a in part.split("|") if a])


def _entries() -> list[tuple[str, str]]:
    out = []
    for name in LISTS:
        path = DATA / name
        if not path.exists():
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out += [
            (name, phrase) for entry in _strings(data) for phrase in _phrases(entry)
        ]
    return out


def _case_texts(case: dict[str, Any]) -> Iterator[str]:
    if case.get("text"):
        yield str(case["text"])
    target = (case.get("action") or {}).get("target") or {}
    if target.get("name"):
        yield str(target["name"])
    for item in target.get("content") or ():
        yield str(item["text"] if isinstance(item, dict) else item)


def _texts() -> list[tuple[str, str]]:
    files = sorted((SHARED / "cases" / "selfcheck").glob("*.yaml"))
    files += sorted((CORPUS / "dev").glob("*.yaml"))
    files += sorted((CORPUS / "rewordings").glob("*.yaml"))
    out = []
    for path in files:
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            out += [(str(case.get("id")), text) for text in _case_texts(case)]
    return out


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+(?:['\u2019-]\w+)*", text.casefold())) + " "


def test_some_entries_and_texts_are_read():
    assert _entries()
    assert _texts()


@pytest.mark.skipif(
    not (SHARED / "cases" / "selfcheck").exists(), reason="shared cases not found"
)
def test_no_entry_of_three_or_more_words_occurs_in_a_case_text():
    texts = [(case_id, _words(text)) for case_id, text in _texts()]
    found = [
        f"{name}: {phrase!r} in {case_id}"
        for name, phrase in _entries()
        for case_id, words in texts
        if f" {_words(phrase).strip()} " in words
    ]
    assert found == []


def test_the_check_finds_a_copied_entry():
    words = _words("Zij zei dat hij aan de hoogste boom moest.")
    assert " aan de hoogste boom " in words
    assert list(_phrases("aan de hoogste boom")) == ["aan de hoogste boom"]
    assert "horen hier niet" in list(_phrases("horen|hoort hier niet"))
    assert list(_phrases("horen|hoort ... niet thuis")) == []
