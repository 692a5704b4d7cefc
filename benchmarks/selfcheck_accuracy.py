"""Self-check accuracy on the labelled public corpus (issue 9): per jurisdiction, with
over-warning and under-warning apart.

Run from the repository root::

    .venv/bin/python benchmarks/selfcheck_accuracy.py                 # the development part
    .venv/bin/python benchmarks/selfcheck_accuracy.py --part rewordings
    .venv/bin/python benchmarks/selfcheck_accuracy.py --part test     # rarely: see below

The corpus lives in ``tests/corpus/selfcheck/<part>/*.yaml``: cases in the shared self-check
format (``../shared/cases/README.md``) built from public sources, each with its ``source``,
``outcome`` and ``outcome_class``, labelled from what happened before any rule was written
(``tests/corpus/selfcheck/README.md``). The parts are split by source: rules and word lists are
written against ``dev`` only.

A case is right when the verdict for its jurisdiction has one of the ``level_in`` levels;
over-warning means a level above all of them, under-warning a level below. The script prints,
per jurisdiction and in all: cases, right, over, under (counts and per cent), and the wrong cases
with their expected and given level (``--quiet`` leaves the list out; for the test part the
list is never printed, so that nobody reads the held-out cases while fixing rules). For the
rewordings it also prints how many get the same level as the development case they reword.

Every run of the test part is appended to ``tests/corpus/selfcheck/TEST_RUNS.md`` (date UTC,
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

from zorgvuldig.rulebooks.check import run_check

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus" / "selfcheck"
LEVELS = ["ok", "caution", "high_risk", "prohibited"]
#: The fields of the case contract; the corpus's own fields (outcome …) are not passed on.
CONTRACT = ("id", "actor", "context", "action", "text")


def load(part: str) -> list[dict[str, Any]]:
    """The cases of ``part`` (``dev``, ``test``, ``rewordings``), in file order.

    Raises:
        FileNotFoundError: the part's folder does not exist.
    """
    folder = CORPUS / part
    if not folder.is_dir():
        raise FileNotFoundError(f"no corpus part at {folder}")
    cases: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            case["_file"] = path.name
            cases.append(case)
    return cases


def judge(case: dict[str, Any]) -> tuple[str, str, str]:
    """``(jurisdiction, outcome, level)`` of ``case``: outcome ``right``, ``over``,
    ``under`` or ``error`` (the case could not be checked; level holds the message)."""
    expect = case["expect"][0]
    jurisdiction = expect["jurisdiction"]
    wanted = [LEVELS.index(level) for level in expect["level_in"]]
    try:
        result = run_check({k: case.get(k) for k in CONTRACT}, [jurisdiction])
    except Exception as exc:
        return jurisdiction, "error", str(exc)
    verdict = next(v for v in result["verdicts"] if v["jurisdiction"] == jurisdiction)
    level = LEVELS.index(verdict["level"])
    if level in wanted:
        return jurisdiction, "right", verdict["level"]
    return jurisdiction, ("over" if level > max(wanted) else "under"), verdict["level"]


def _pct(n: int, total: int) -> str:
    return f"{100 * n / total:5.1f} %" if total else "    -  "


def report(part: str, quiet: bool) -> dict[str, Counter[str]]:
    """Print the figures of ``part``; returns ``{jurisdiction or "all": Counter}``."""
    counts: dict[str, Counter[str]] = {}
    wrong = []
    for case in load(part):
        jurisdiction, outcome, level = judge(case)
        for key in (jurisdiction, "all"):
            counts.setdefault(key, Counter())[outcome] += 1
        if outcome != "right":
            wrong.append((case, outcome, level))
    print(f"\n{part}: {sum(counts.get('all', Counter()).values())} cases")
    print(
        f"{'':6}{'cases':>7}{'right':>10}{'over-warning':>15}{'under-warning':>15}{'error':>7}"
    )
    for key in sorted(counts, key=lambda k: (k == "all", k)):
        c = counts[key]
        total = sum(c.values())
        print(
            f"{key:6}{total:7}{_pct(c['right'], total):>10}{_pct(c['over'], total):>15}"
            f"{_pct(c['under'], total):>15}{c['error']:7}"
        )
    if part == "rewordings":
        _consistency(quiet)
    if not quiet:
        for case, outcome, level in wrong:
            print(
                f"  {outcome:6} {case['id']}: {level}, expected "
                f"{'/'.join(case['expect'][0]['level_in'])} ({case.get('outcome', '')})"
            )
    return counts


def _consistency(quiet: bool) -> None:
    """Print how many rewordings get the same level as the development case they reword."""
    originals = {c["id"]: c for c in load("dev")}
    same = total = 0
    for case in load("rewordings"):
        original = originals.get(case.get("rewords"))
        if original is None:
            continue
        total += 1
        got, want = judge(case)[2], judge(original)[2]
        same += got == want
        if got != want and not quiet:
            print(f"  differs {case['id']}: {got}, the original {want}")
    print(f"same level as the original: {same}/{total} ({_pct(same, total).strip()})")


def _record_test_run(counts: dict[str, Counter[str]]) -> None:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    ).stdout.strip()
    figures = ", ".join(
        f"{key} {c['right']}/{sum(c.values())}"
        for key, c in sorted(counts.items(), key=lambda kv: (kv[0] == "all", kv[0]))
    )
    log = CORPUS / "TEST_RUNS.md"
    if not log.exists():
        log.write_text(
            "# Runs of the test part\n\nAppended by `benchmarks/selfcheck_accuracy.py "
            "--part test`; one line a run.\n\n",
            encoding="utf-8",
        )
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    with log.open("a", encoding="utf-8") as f:
        f.write(f"- {stamp}, commit {commit or '?'}: right {figures}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", default="dev", choices=["dev", "test", "rewordings"])
    parser.add_argument(
        "--quiet", action="store_true", help="leave out the wrong cases"
    )
    args = parser.parse_args(argv)
    try:
        # the held-out part shows its figures only: its cases are not read while fixing
        counts = report(args.part, args.quiet or args.part == "test")
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.part == "test":
        _record_test_run(counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
