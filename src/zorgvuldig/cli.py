"""The ``zorgvuldig`` console command (DESIGN.md §7).

Subcommands come from each app's ``cli.py``, which exposes ``register(subparsers)`` and sets
``func(args) -> int`` on its parsers. Anything that is not one of our subcommands is handed to
Django's management commands, so ``zorgvuldig migrate`` or ``zorgvuldig createsuperuser`` work.

Contract: with ``--json`` a command prints exactly one JSON document on stdout; an input that
cannot be read exits 2 with a one-line message on stderr naming the file and the problem.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

#: Apps that contribute subcommands, in the order ``--help`` lists them.
CLI_MODULES = (
    "zorgvuldig.selfcheck.cli",
    "zorgvuldig.inquiries.cli",
    "zorgvuldig.media.cli",
    "zorgvuldig.evidence.cli",
    "zorgvuldig.demo",
)


class InputError(Exception):
    """Input that cannot be read at all; the message names the file and the problem."""


def read_text(path: str) -> str:
    """Read a UTF-8 text file, or stdin when ``path`` is ``-``.

    Raises:
        InputError: the file is missing, unreadable or not text.
    """
    if path == "-":
        return sys.stdin.read()
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, expected a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    not_text = InputError(f"{path}: not a text file (expected UTF-8 text)")
    if b"\x00" in data:
        raise not_text
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise not_text from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > len(text) // 100:
        raise not_text
    return text


def read_structured(path: str) -> Any:
    """Read a YAML or JSON document (JSON is YAML) from a file or stdin.

    Raises:
        InputError: unreadable file, or text that is not YAML/JSON.
    """
    text = read_text(path)
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise InputError(f"{path}: not valid YAML or JSON{where}") from None


def print_json(data: Any) -> None:
    """Print one JSON document on stdout (UTF-8, not ASCII-escaped)."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def ask_for_action(parser: argparse.ArgumentParser, example: str) -> None:
    """Make ``parser`` (a command with actions, e.g. ``questions``) print its usage and
    ``zorgvuldig <command>: choose an action, e.g. '<example>'`` on stderr and exit 2 when
    it is given no action."""

    def usage(_args: argparse.Namespace) -> int:
        parser.print_usage(sys.stderr)
        print(
            f"zorgvuldig {parser.prog.split()[-1]}: choose an action, e.g. '{example}'",
            file=sys.stderr,
        )
        return 2

    parser.set_defaults(func=usage)


def setup_django(settings: str = "zorgvuldig.conf.dev") -> None:
    """Configure Django for commands that need the database or templates."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    import django

    django.setup()


def build_parser() -> tuple[argparse.ArgumentParser, set[str]]:
    """The argument parser with every app's subcommands registered, and their names."""
    import importlib

    parser = argparse.ArgumentParser(
        prog="zorgvuldig",
        description="Careful handling of public servants' expression online. "
        "Django management commands (migrate, createsuperuser, ...) work too.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in CLI_MODULES:
        importlib.import_module(name).register(sub)
    return parser, set(sub.choices)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``zorgvuldig`` console script; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser, ours = build_parser()
    if argv and not argv[0].startswith("-") and argv[0] not in ours:
        setup_django()
        from django.core.management import execute_from_command_line

        execute_from_command_line(["zorgvuldig", *argv])
        return 0
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 0 if not argv else 2
    try:
        return func(args)
    except InputError as exc:
        print(f"zorgvuldig: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
