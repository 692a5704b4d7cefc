"""Command-line subcommands of the inquiries app: ``zorgvuldig questions parse``.

Contract (DESIGN.md §7, shared ``cases/README.md`` "Questions"): with ``--json``
one JSON document on stdout, the shape of ``ParsedInquiry.to_dict()``; a file
that cannot be read, or text that holds no questions, exits 2 with a one-line
message on stderr naming the file and the problem. Pure: no Django set-up, so the
command stays fast.
"""

from __future__ import annotations

import argparse
import textwrap
from typing import Any

from zorgvuldig.cli import InputError, ask_for_action, print_json, read_text

_KIND_LABELS = {
    "parliamentary_written": "Written parliamentary questions",
    "works_council": "Works council questions",
    "press": "Press questions",
    "other": "Questions",
}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``questions parse`` to the ``zorgvuldig`` parser."""
    questions = subparsers.add_parser(
        "questions",
        help="read inquiries such as written parliamentary questions",
        description="Read inquiries such as written parliamentary questions.",
    )
    actions = questions.add_subparsers(dest="questions_action", metavar="ACTION")
    parse = actions.add_parser(
        "parse",
        help="parse an inquiry text into askers, dates, questions and answers",
        description="Parse an inquiry text (Kamervragen as published, an answer "
        "document, a party website's copy, a works council memo) into askers, "
        "addressees, submission date, answer deadline, questions and answers.",
    )
    parse.add_argument("file", metavar="FILE|-", help="a text file, or - for stdin")
    parse.add_argument("--json", action="store_true", help="print one JSON document")
    parse.set_defaults(func=parse_command)
    ask_for_action(questions, "parse")


def parse_command(args: argparse.Namespace) -> int:
    """Run ``zorgvuldig questions parse FILE|- [--json]``; returns the exit code.

    Raises:
        InputError: the file cannot be read, or its text holds no questions; the
            dispatcher prints the message and exits 2.
    """
    from zorgvuldig.parliament.parsing import ParseError, parse_inquiry

    text = read_text(args.file)
    name = "stdin" if args.file == "-" else args.file
    try:
        parsed = parse_inquiry(text)
    except ParseError as exc:
        raise InputError(f"{name}: {exc}") from None
    if args.json:
        print_json(parsed.to_dict())
    else:
        print(summary(parsed.to_dict()))
    return 0


def summary(data: dict[str, Any]) -> str:
    """A readable summary of a parsed inquiry (the ``to_dict()`` shape)."""
    kind = _KIND_LABELS.get(data["kind"], "Questions")
    lines = [f"{kind} {data['number']}" if data["number"] else kind]
    askers = "; ".join(
        f"{a['name']} ({a['party']})" if a["party"] else a["name"]
        for a in data["askers"]
    )
    for label, value in (
        ("Reference", data["reference"]),
        ("Asked by", askers),
        ("Asked of", "; ".join(data["addressees"])),
        ("Subject", data["subject"]),
        ("Submitted", data["submitted"] or "unknown"),
        ("Answer due", data["deadline"] or "not computed"),
    ):
        if value:
            lines.append(f"{label + ':':<12}{value}")
    lines.append(f"Questions ({len(data['questions'])}):")
    for q in data["questions"]:
        notes = "".join(f" [{f['marker']}]" for f in q["footnotes"])
        short = textwrap.shorten(q["text"], width=100, placeholder=" …")
        lines.append(f"  {q['number']:>2}. {short}{notes}")
    if data["answers"]:
        groups = ", ".join("+".join(map(str, a["questions"])) for a in data["answers"])
        lines.append(f"Answers ({len(data['answers'])}): to questions {groups}")
    if data["warnings"]:
        lines.append("Warnings:")
        lines.extend(f"  - {w}" for w in data["warnings"])
    return "\n".join(lines)
