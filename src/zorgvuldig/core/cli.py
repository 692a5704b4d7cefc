"""``zorgvuldig serve`` and ``zorgvuldig demo``: run the product with its embedded defaults."""

from __future__ import annotations

import argparse

from zorgvuldig.cli import setup_django


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``serve`` and ``demo`` to the ``zorgvuldig`` parser."""
    serve = subparsers.add_parser(
        "serve",
        help="migrate, load the demo data (unless --no-demo) and serve on 127.0.0.1:8000",
    )
    serve.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
    serve.add_argument("--no-demo", action="store_true", help="do not load the demo data")
    serve.set_defaults(func=_serve)
    demo = subparsers.add_parser("demo", help="load the demo organisation, users and case")
    demo.set_defaults(func=_demo)


def _demo(args: argparse.Namespace) -> int:
    setup_django()
    from django.core.management import call_command

    from zorgvuldig.core.demo import load_demo

    call_command("migrate", verbosity=0, interactive=False)
    report = load_demo()
    print(report)
    return 0


def _serve(args: argparse.Namespace) -> int:
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    if not args.no_demo:
        from zorgvuldig.core.demo import load_demo

        print(load_demo())
    call_command("runserver", args.addrport, use_reloader=False)
    return 0
