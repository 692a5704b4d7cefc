"""Command-line subcommands of the media app: ``zorgvuldig media assess``.

Contract (DESIGN.md §7, shared ``cases/README.md`` "Media"):

- ``zorgvuldig media assess --measure CATEGORY --term TERM [--date DATE] FILE|-
  [--json]`` checks one article (HTML, or text whose first line ``# ...`` is the
  headline);
- ``zorgvuldig media assess --cases FILE --json`` answers a list of cases, each result
  with the case ``id``; an invalid case gives ``{"id", "error"}`` and the others are
  still answered (exit 0).

Input that cannot be read exits 2 with a one-line message (``InputError``). Pure: no
Django set-up, so the command stays fast.
"""

from __future__ import annotations

import argparse
from typing import Any

from zorgvuldig.cli import (
    InputError,
    ask_for_action,
    print_json,
    read_structured,
    read_text,
)
from zorgvuldig.signals.measures import MeasureCategory

#: The measure categories (DESIGN.md §6.3), mild to severe.
CATEGORIES = tuple(c.value for c in MeasureCategory)
#: The fields a media case may have (shared/cases/README.md, "Media").
CASE_FIELDS = {"id", "source", "recorded", "language", "headline", "body"}
CASE_FIELDS |= {"published", "expect"}


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``media assess`` to the ``zorgvuldig`` parser."""
    media = subparsers.add_parser(
        "media",
        help="check news coverage against the recorded measure",
        description="Check news coverage against the recorded measure.",
    )
    actions = media.add_subparsers(dest="media_action", metavar="ACTION")
    assess = actions.add_parser(
        "assess",
        help="compare the measures an article claims with the recorded measure",
        description="Find the measure words in an article (headline and body), tell "
        "whether each is asserted, negated or hedged, and compare them with the "
        "recorded measure: contradicted, overstated, understated, ambiguous, accurate "
        "or no_claim.",
    )
    assess.add_argument(
        "file",
        nargs="?",
        metavar="FILE|-",
        help="the article (HTML or text), - for stdin",
    )
    assess.add_argument("--measure", choices=CATEGORIES, help="the recorded category")
    assess.add_argument("--term", help="the organisation's own term for the measure")
    assess.add_argument("--date", help="the day the measure was recorded (YYYY-MM-DD)")
    assess.add_argument(
        "--published", help="the article's publication day (YYYY-MM-DD)"
    )
    assess.add_argument("--language", choices=("nl", "en"), help="default: guessed")
    assess.add_argument(
        "--cases", metavar="FILE", help="a YAML/JSON list of cases (cases/media/*.yaml)"
    )
    assess.add_argument("--json", action="store_true", help="print one JSON document")
    assess.set_defaults(func=assess_command)
    ask_for_action(media, "assess")


def assess_command(args: argparse.Namespace) -> int:
    """Run ``zorgvuldig media assess``; returns the exit code.

    Raises:
        InputError: unreadable input or wrong arguments; the dispatcher prints the
            message and exits 2.
    """
    if args.cases:
        if args.file or args.measure or args.term:
            raise InputError("--cases takes no FILE, --measure or --term")
        results = assess_cases(args.cases)
        if args.json:
            print_json(results)
        else:
            print("\n\n".join(_case_summary(r) for r in results))
        return 0
    result = assess_file(args)
    if args.json:
        print_json(result)
    else:
        print(summary(result))
    return 0


def assess_file(args: argparse.Namespace) -> dict[str, Any]:
    """Assess the article named by ``args.file`` against ``--measure``/``--term``."""
    from .assessment import AssessmentError, assess_article
    from .extraction import ArticleError, extract_article, looks_like_html
    from .furniture import MIN_PAGE_WORDS

    if not args.file:
        raise InputError("media assess: give an article FILE (or -) or --cases FILE")
    if not args.measure:
        raise InputError("media assess: --measure CATEGORY is required with FILE")
    name = "stdin" if args.file == "-" else args.file
    content = read_text(args.file)
    try:
        headline, body = extract_article(content)
    except ArticleError as exc:
        raise InputError(f"{name}: {exc}") from None
    recorded = {"category": args.measure, "term": args.term, "date": args.date}
    try:
        result = assess_article(
            headline,
            body,
            recorded,
            args.published,
            args.language,
            min_words=MIN_PAGE_WORDS if looks_like_html(content) else 0,
        ).to_dict()
    except AssessmentError as exc:
        raise InputError(f"{name}: {exc}") from None
    return {"headline": headline, **result}


def assess_cases(path: str) -> list[dict[str, Any]]:
    """Assess every case in the YAML/JSON file at ``path`` (one mapping or a list).

    Returns:
        one result per case, in order, each with the case ``id``; an invalid case gives
        ``{"id", "error"}``.
    Raises:
        InputError: the file cannot be read or holds no list of cases.
    """
    data = read_structured(path)
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise InputError(f"{path}: expected a list of media cases")
    return [assess_case(case) for case in data]


def assess_case(case: Any) -> dict[str, Any]:
    """One case's result ``{"id", ...}`` or ``{"id", "error"}``."""
    from .assessment import AssessmentError, assess_article

    if not isinstance(case, dict):
        return {"id": None, "error": "a case must be a mapping of fields"}
    case_id = case.get("id")
    problem = _case_problem(case)
    if problem:
        return {"id": case_id, "error": problem}
    try:
        result = assess_article(
            case.get("headline") or "",
            case["body"],
            case["recorded"],
            case.get("published"),
            case.get("language"),
        )
    except AssessmentError as exc:
        return {"id": case_id, "error": str(exc)}
    return {"id": case_id, **result.to_dict()}


def _case_problem(case: dict[str, Any]) -> str | None:
    if unknown := set(case) - CASE_FIELDS:
        return f"unknown field {', '.join(sorted(map(str, unknown)))}"
    for field in ("id", "recorded", "body"):
        if case.get(field) is None:
            return f"missing field {field}"
    for field in ("headline", "body"):
        if case.get(field) is not None and not isinstance(case[field], str):
            return f"{field} must be text"
    if case.get("language") not in (None, "nl", "en"):
        return f"language: {case['language']!r} is not nl or en"
    return None


def summary(result: dict[str, Any]) -> str:
    """A readable summary of one assessment (the ``to_dict()`` shape)."""
    m = result["measure_in_force"]
    since = f" (recorded {m['date']})" if m["date"] else ""
    term = f' "{m["term"]}"' if m["term"] else ""
    lines = [
        f"Verdict:          {result['verdict']}",
        f"Measure in force: {m['category']}{term}{since}",
        "Headline backed:  "
        + ("yes" if result["headline_supported_by_body"] else "no, not by the body"),
    ]
    if result.get("headline"):
        lines.insert(0, f"Headline:         {result['headline']}")
    if not result["claims"]:
        lines.append("Claims:           none found")
    else:
        lines.append("Claims:")
    for c in result["claims"]:
        flags = [f for f in ("negated", "hedged", "attributed", "ambiguous") if c[f]]
        notes = f" [{', '.join(flags)}]" if flags else ""
        finding = c["finding"] or "not asserted"
        lines.append(
            f'  {c["where"]:<8} {c["start"]:>5}-{c["end"]:<5} "{c["text"]}": '
            f"{c['category']} ({c['term']}){notes} -> {finding}"
        )
    return "\n".join(lines)


def _case_summary(result: dict[str, Any]) -> str:
    title = f"== {result.get('id')} =="
    if "error" in result:
        return f"{title}\nError: {result['error']}"
    return f"{title}\n{summary(result)}"
