"""Intake accuracy on the corpus of real publications (issue 10): per layout family.

Run from the repository root::

    .venv/bin/python benchmarks/intake_accuracy.py --part dev     # while writing rules
    .venv/bin/python benchmarks/intake_accuracy.py --part test    # rarely: see below

The corpus lives in ``tests/corpus/questions/<part>/``: text files named
``<family>--<document>.txt`` and an ``expected.yaml`` in the shared questions form
(``../shared/cases/README.md``, "Questions"), each entry with its source address in a comment
(``tests/corpus/questions/README.md``). The parts are split by source; parsing rules are
written against ``dev`` only.

A document is right when every expected key holds, checked as the shared acceptance tool
checks it; a text the parser refuses (``ParseError``) is wrong. The script prints the share of
right documents overall and per family, then each wrong document with what differed
(``--quiet`` leaves that list out).

Every run of the test part is appended to ``tests/corpus/questions/TEST_RUNS.md`` (date UTC,
commit, figures), so that how often it was looked at is on record; do not tune anything to it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from zorgvuldig.parliament.parsing import ParseError, parse_inquiry

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus" / "questions"


def problems(result: dict[str, Any], exp: dict[str, Any]) -> list[str]:
    """What differs between a parse result (the contract's JSON shape) and an expectation.

    The same checks as ``../shared/tools/accept.py questions``: counts, dates (null matches
    null), asker surnames (case-insensitive), asker count, number, parties, kind, reference
    and the answers' grouping.
    """
    found: list[str] = []
    got_q = len(result["questions"])
    if got_q != exp["question_count"]:
        found.append(f"{got_q} questions, expected {exp['question_count']}")
    found += [
        f"{key} {result[key]} != {exp[key]}"
        for key in ("submitted", "deadline")
        if key in exp and (result[key] or None) != (str(exp[key]) if exp[key] else None)
    ]
    names = " ".join(a["name"] or "" for a in result["askers"]).lower()
    found += [
        f"asker {a} missing (got {names!r})"
        for a in exp.get("askers", [])
        if a.lower() not in names
    ]
    if "asker_count" in exp and len(result["askers"]) != exp["asker_count"]:
        found.append(f"{len(result['askers'])} askers, expected {exp['asker_count']}")
    parties = {a["party"] for a in result["askers"]}
    found += [f"party {p} missing" for p in exp.get("parties", []) if p not in parties]
    for key in ("number", "kind", "reference"):
        if key in exp and result[key] != exp[key]:
            found.append(f"{key} {result[key]!r} != {exp[key]!r}")
    if "answers" in exp:
        got = [sorted(a["questions"]) for a in result["answers"]]
        if got != exp["answers"]:
            found.append(f"answers {got} != {exp['answers']}")
    return found


def evaluate(part: str) -> list[tuple[str, str, list[str]]]:
    """``(family, file, problems)`` for every document of ``part``, in file order.

    Raises:
        FileNotFoundError: the part or its ``expected.yaml`` does not exist.
    """
    folder = CORPUS / part
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    rows = []
    for name, exp in expected.items():
        family = name.split("--", 1)[0]
        text = (folder / name).read_text(encoding="utf-8")
        try:
            found = problems(parse_inquiry(text).to_dict(), exp)
        except ParseError as e:
            found = [f"refused: {e}"]
        rows.append((family, name, found))
    return rows


def _commit() -> str:
    out = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "src"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return out.stdout.strip() + ("+uncommitted" if dirty.stdout.strip() else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["dev", "test"], default="dev")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    rows = evaluate(args.part)
    total, right = Counter[str](), Counter[str]()
    for family, _, found in rows:
        total[family] += 1
        right[family] += not found
    ok = sum(right.values())
    overall = f"{ok}/{len(rows)} ({100 * ok / len(rows):.0f} %)"
    print(f"part {args.part}: every expected key holds for {overall}")
    per_family = []
    for family in sorted(total):
        share = f"{right[family]}/{total[family]}"
        per_family.append(f"{family} {share}")
        print(
            f"  {family:<14} {share:>6} ({100 * right[family] / total[family]:.0f} %)"
        )
    if not args.quiet:
        for _, name, found in rows:
            if found:
                print(f"WRONG {name}: {'; '.join(found)}")
    if args.part == "test":
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        with (CORPUS / "TEST_RUNS.md").open("a", encoding="utf-8") as f:
            f.write(
                f"| {stamp} | {_commit()} | {overall} | {', '.join(per_family)} |\n"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
