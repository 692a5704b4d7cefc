"""``zorgvuldig check FILE|- [--jurisdiction NL,US,UK] [--json]``: the self-check on the
command line (DESIGN.md §7; shared/cases/README.md, "Self-check").

One case gives one result; a file holding a list of cases gives a list of results in the
same order (with ``--questions``, each result also lists the questions whose answer would
change a verdict, :mod:`zorgvuldig.rulebooks.questions`; without it the output is exactly
the contract's), an invalid case giving ``{"id": ..., "error": "..."}`` in its place (exit 0).
A file that cannot be read, or a single case that is invalid, exits 2 with a message on
stderr. No Django setup and no database: the check is pure.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from zorgvuldig.cli import InputError, print_json, read_structured


def register(subparsers: Any) -> None:
    """Add the ``check`` subcommand to the ``zorgvuldig`` parser."""
    parser = subparsers.add_parser(
        "check",
        help="self-check a post, like, share or follow against the rules (NL, US, UK)",
        description="Check a self-check case (YAML or JSON: actor, context, action, text) "
        "or a list of cases. Advice only; nothing is stored.",
    )
    parser.add_argument(
        "file", metavar="FILE", help="a YAML/JSON case or list of cases; - for stdin"
    )
    parser.add_argument(
        "--jurisdiction",
        metavar="NL,US,UK",
        default="",
        help="also check under these jurisdictions (the actor's own is always checked)",
    )
    parser.add_argument(
        "--language",
        choices=("nl", "en"),
        default=None,
        help="language of the explanations (default: each rulebook's own language)",
    )
    parser.add_argument(
        "--questions",
        action="store_true",
        help="also list the questions whose answer would change a verdict (adds "
        "'questions' to each result; without it the output is the contract's)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.set_defaults(func=run)


def _jurisdictions(value: str) -> list[str]:
    from zorgvuldig.rulebooks.cases import CaseError, normalise_jurisdiction

    out = []
    for part in value.split(","):
        if part.strip():
            try:
                out.append(normalise_jurisdiction(part, "--jurisdiction"))
            except CaseError as exc:
                raise InputError(str(exc)) from None
    return out


def run(args: argparse.Namespace) -> int:
    """Run the ``check`` subcommand; returns the exit code."""
    from zorgvuldig.rulebooks.loader import load_rulebooks
    from zorgvuldig.rulebooks.schema import RulebookError

    extra = _jurisdictions(args.jurisdiction)
    data = read_structured(args.file)
    try:
        load_rulebooks()
    except RulebookError as exc:  # a broken rulebook file: fail loudly, naming it
        print(f"zorgvuldig: rulebook error: {exc}", file=sys.stderr)
        return 1
    output = _check(
        data,
        extra,
        args.file,
        getattr(args, "language", None),
        questions=getattr(args, "questions", False),
    )
    if args.json:
        print_json(output)
    else:
        for result in output if isinstance(output, list) else [output]:
            print(summary(result))
    return 0


def _check(
    data: Any,
    extra: list[str],
    name: str,
    language: str | None = None,
    *,
    questions: bool = False,
) -> Any:
    """The result(s) for a case or a list of cases (see the module docstring); with
    ``questions``, each with the decisive questions added."""
    from zorgvuldig.rulebooks.cases import CaseError
    from zorgvuldig.rulebooks.check import run_check
    from zorgvuldig.rulebooks.questions import check_with_questions

    check = check_with_questions if questions else run_check
    if isinstance(data, list):
        results: list[dict[str, Any]] = []
        for i, case in enumerate(data):
            try:
                results.append(check(case, extra, language))
            except CaseError as exc:
                case_id = case.get("id") if isinstance(case, dict) else None
                results.append(
                    {"id": case_id if case_id is not None else i, "error": str(exc)}
                )
        return results
    elif isinstance(data, dict):
        try:
            return check(data, extra, language)
        except CaseError as exc:
            raise InputError(f"{name}: invalid case: {exc}") from None
    raise InputError(
        f"{name}: expected a self-check case (a mapping) or a list of cases"
    )


def summary(result: dict[str, Any]) -> str:
    """A readable summary of one result (for the terminal, without ``--json``)."""
    lines = [f"{result.get('id') or 'case'}"]
    if "error" in result:
        return f"{lines[0]}\n  error: {result['error']}\n"
    for v in result["verdicts"]:
        clearance = "; clearance required" if v["clearance_required"] else ""
        lines.append(
            f"  {v['jurisdiction']}: {v['level'].upper()}{clearance}  ({v['rulebook']})"
        )
        for r in v["reasons"]:
            kinds = f" [{', '.join(r['signals'])}]" if r["signals"] else ""
            lines += [f"    - {r['text']}{kinds}", f"      ({r['citation']})"]
        lines += [
            f"    weighed: {w['where']} {w['date'] or ''} {w['text'][:80]!r}"
            for w in v["weighed_content"]
        ]
        lines += [f"    would change: {text}" for text in v["would_change"]]
        lines += [f"    advice: {text}" for text in v["advice"]]
        lines += [
            f"    precedent: {p['title'][:90]} ({p['citation']})"
            for p in v["precedents"]
        ]
    for s in result["signals"]:
        span = f"{s['start']}-{s['end']}" if s["start"] is not None else "situation"
        lines.append(f"  signal {s['kind']}: {s['text']!r} in {s['where']} ({span})")
    for q in result.get("questions", []):
        answers = "/".join(str(a).lower() for a in q["answers"])
        hint = q["suggestion"]
        suggested = (
            f"; suggested {hint['value']!r} from {hint['basis']} {hint['text']!r}"
            if hint
            else ""
        )
        lines.append(f"  question {q['field']} ({answers}){suggested}")
    return "\n".join(lines) + "\n"
