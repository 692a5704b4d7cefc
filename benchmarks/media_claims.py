"""Claim-check accuracy on the corpus of real coverage (issue 13, point 8): per verdict.

Run from the repository root::

    .venv/bin/python benchmarks/media_claims.py                # the dev part
    .venv/bin/python benchmarks/media_claims.py --part test    # rarely: see below

The corpus lives in ``tests/corpus/media/<part>/*.yaml``: cases in the shared media form
(``../shared/cases/README.md``, "Media") with extra fields (``outlet``,
``recorded_source``, notes) that are dropped before the case is assessed. The parts are
split by period and outlet (``tests/corpus/media/README.md``); the analyser is written
against ``dev`` only.

A case is right when its verdict is the expected one (``expect.verdict``) or one of the
expected ones (``expect.verdict_in``). The script prints the share of right cases overall
and per expected verdict (the first of ``verdict_in``), then, for the dev part only, each
wrong case with the verdict it got and its claims (``--quiet`` leaves that list out). For
the test part it prints the figures only, and appends them to
``tests/corpus/media/TEST_RUNS.md`` (date UTC, commit), so that how often the test part was
looked at is on record; do not tune anything to it.
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

from zorgvuldig.media.assessment import assess_article

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus" / "media"


def expected(case: dict[str, Any]) -> list[str]:
    """The verdicts that count as right for ``case`` (first: the one it is counted under)."""
    exp = case["expect"]
    return [exp["verdict"]] if "verdict" in exp else list(exp["verdict_in"])


def cases(part: str) -> list[dict[str, Any]]:
    """Every case of ``part``, in file order (files sorted by name).

    Raises:
        FileNotFoundError: the part does not exist.
    """
    folder = CORPUS / part
    if not folder.is_dir():
        raise FileNotFoundError(folder)
    return [
        case
        for path in sorted(folder.glob("*.yaml"))
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []
    ]


def verdict(case: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    """``(verdict, claims)`` of the product for one case (contract fields only)."""
    result = assess_article(
        case.get("headline") or "",
        case["body"],
        case["recorded"],
        case.get("published"),
        case.get("language"),
    ).to_dict()
    return result["verdict"], result["claims"]


def _commit() -> str:
    def git(*args: str) -> str:
        out = subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False
        )
        return out.stdout.strip()

    dirty = git("status", "--porcelain", "--", "src")
    return git("rev-parse", "--short", "HEAD") + ("+uncommitted" if dirty else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["dev", "test"], default="dev")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    total, right = Counter[str](), Counter[str]()
    wrong: list[str] = []
    for case in cases(args.part):
        want = expected(case)
        got, claims = verdict(case)
        total[want[0]] += 1
        if got in want:
            right[want[0]] += 1
            continue
        found = ", ".join(
            f"{c['where']}:{c['text']!r}={c['category']}"
            + ("/neg" if c["negated"] else "")
            + ("/hedged" if c["hedged"] else "")
            + f"->{c['finding']}"
            for c in claims
        )
        wrong.append(f"WRONG {case['id']}: {got}, expected {'|'.join(want)} [{found}]")
    ok, n = sum(right.values()), sum(total.values())
    overall = f"{ok}/{n} ({100 * ok / n:.1f} %)"
    print(f"part {args.part}: right verdict for {overall}")
    per_verdict = []
    for v in sorted(total):
        share = f"{right[v]}/{total[v]}"
        per_verdict.append(f"{v} {share}")
        print(f"  {v:<14} {share:>6} ({100 * right[v] / total[v]:.0f} %)")
    if args.part == "dev" and not args.quiet:
        print("\n".join(wrong))
    if args.part == "test":
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        with (CORPUS / "TEST_RUNS.md").open("a", encoding="utf-8") as f:
            f.write(
                f"- {stamp}, commit {_commit()}: {overall}; {', '.join(per_verdict)}\n"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
