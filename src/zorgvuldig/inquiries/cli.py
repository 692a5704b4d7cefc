"""Command-line subcommands of the inquiries app: ``zorgvuldig questions parse`` and
``zorgvuldig questions fetch``.

Contract (DESIGN.md §7, shared ``cases/README.md`` "Questions"): with ``--json``
one JSON document on stdout, the shape of ``ParsedInquiry.to_dict()``; a file
that cannot be read, or an empty text, exits 2 with a one-line message on stderr
naming the file and the problem. A readable letter without questions exits 0 (kind
``other``, or ``postponement`` for a postponement notice). Both read through
``parliament.reading.read_inquiry``, the reading of the intake page and the API (with
the shipped answer terms: the command has no organisation). ``parse`` reads text, HTML, PDF,
.docx and officielebekendmakingen XML (``parliament.formats``) and is pure: no Django
set-up, so the command stays fast. ``fetch NUMBER`` asks the Tweede Kamer open-data API
(``parliament.opendata``) at the address the settings give (``--base-url`` overrides it)
and prints the same shape, completed from the Zaak record.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path
from typing import Any

from zorgvuldig.cli import InputError, ask_for_action, print_json, setup_django

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
    parse.add_argument(
        "file",
        metavar="FILE|-",
        help="a text, HTML, PDF, .docx or officielebekendmakingen XML file, or - for stdin",
    )
    parse.add_argument("--json", action="store_true", help="print one JSON document")
    parse.set_defaults(func=parse_command)
    fetch = actions.add_parser(
        "fetch",
        help="fetch written questions by their Zaak number from the Tweede Kamer API",
        description="Fetch a Zaak (e.g. 2021Z06403) with its askers, addressees and "
        "documents from the Tweede Kamer open-data API, read the question document's "
        "text and print what was read.",
    )
    fetch.add_argument(
        "number", metavar="NUMBER", help="a Zaak number, e.g. 2021Z06403"
    )
    fetch.add_argument("--json", action="store_true", help="print one JSON document")
    fetch.add_argument(
        "--base-url",
        metavar="URL",
        help="the API's address (default: the setting ZORGVULDIG_TK_OPENDATA_URL)",
    )
    fetch.set_defaults(func=fetch_command)
    ask_for_action(questions, "parse")


def parse_command(args: argparse.Namespace) -> int:
    """Run ``zorgvuldig questions parse FILE|- [--json]``; returns the exit code.

    Raises:
        InputError: the file cannot be read, its text is empty or longer than an inquiry
            (``parliament.reading.MAX_QUESTION_TEXT``); the dispatcher prints the message
            and exits 2.
    """
    from zorgvuldig.parliament.reading import ReadError, read_inquiry

    name = "stdin" if args.file == "-" else args.file
    data = _read_bytes(args.file)
    try:
        parsed = read_inquiry(data=data, filename=name).parsed
    except ReadError as exc:
        raise InputError(f"{name}: {exc}") from None
    if args.json:
        print_json(parsed)
    else:
        print(summary(parsed))
    return 0


def _read_bytes(path: str) -> bytes:
    """The bytes of ``path``, or of stdin for ``-``.

    Raises:
        InputError: the file is missing, a folder or unreadable.
    """
    if path == "-":
        stream = getattr(sys.stdin, "buffer", None)
        return stream.read() if stream is not None else sys.stdin.read().encode()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, expected a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None


def fetch_command(args: argparse.Namespace) -> int:
    """Run ``zorgvuldig questions fetch NUMBER [--json] [--base-url URL]``.

    Prints the ``ParsedInquiry.to_dict()`` shape read from the question document and
    completed from the Zaak record (``merge_zaak``); without a readable question document,
    the record's facts with no questions and a warning.

    Raises:
        InputError: a malformed number, an unreachable API, an unknown Zaak (exit 2).
    """
    from functools import partial

    from zorgvuldig.parliament.opendata import fetch_zaak
    from zorgvuldig.parliament.reading import ReadError, read_inquiry

    base_url = args.base_url
    if not base_url:
        setup_django()
        from django.conf import settings

        base_url = settings.ZORGVULDIG_TK_OPENDATA_URL
    try:
        parsed = read_inquiry(
            number=args.number,
            fetch=partial(fetch_zaak, base_url=base_url),
            require_text=False,
        ).parsed
    except ReadError as exc:
        raise InputError(f"{args.number}: {exc}") from None
    if args.json:
        print_json(parsed)
    else:
        print(summary(parsed))
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
