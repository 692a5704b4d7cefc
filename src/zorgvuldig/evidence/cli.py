"""Command-line subcommands of the evidence app (issue 12, steps 6 and 7).

- ``zorgvuldig evidence verify CASE|BUNDLE [--json]``: re-hash every artefact, check every
  manifest, timestamp token and the custody chain of a case (by its number) or of an
  exported bundle (a ``.wacz`` file); print the report with the commands a third party runs
  to repeat it. Exit 0 when everything holds, 1 naming each item that does not, 2 when the
  case or bundle cannot be read. Verifying a case adds a custody entry ``verified``.
- ``zorgvuldig evidence export CASE --output FILE``: write the case's evidence as a WACZ
  bundle (:mod:`zorgvuldig.evidence.bundle`); adds a custody entry ``exported``.
- ``zorgvuldig evidence adopt-older [CASE]``: give items recorded before manifests their
  manifest (:mod:`zorgvuldig.evidence.older_items`); safe to repeat. Exit 1 naming each
  item whose file no longer matches its hash.

Both act as the system on the server (the custody log names ``system``); people export
from the case page, where the access rule applies.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zorgvuldig.cli import InputError, ask_for_action, print_json, setup_django


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``evidence verify``, ``export`` and ``adopt-older`` to the ``zorgvuldig``
    parser."""
    evidence = subparsers.add_parser(
        "evidence",
        help="verify or export a case's evidence",
        description="Verify or export a case's evidence.",
    )
    actions = evidence.add_subparsers(dest="evidence_action", metavar="ACTION")
    verify = actions.add_parser(
        "verify",
        help="re-hash artefacts, check manifests, timestamps and the custody chain",
        description="Re-hash every artefact of a case or bundle, check each item's "
        "manifest, timestamp tokens and the custody chain. Exit 0 when all holds, 1 "
        "naming what does not, 2 when the case or bundle cannot be read.",
    )
    verify.add_argument("case", metavar="CASE|BUNDLE", help="case number or .wacz file")
    verify.add_argument("--json", action="store_true", help="print the report as JSON")
    verify.set_defaults(func=run_verify)
    export = actions.add_parser(
        "export",
        help="write a case's evidence as a WACZ bundle",
        description="Write a case's evidence, manifests, hashes, timestamp tokens and "
        "custody log as a WACZ bundle.",
    )
    export.add_argument("case", metavar="CASE", help="case number")
    export.add_argument("--output", "-o", required=True, metavar="FILE")
    export.set_defaults(func=run_export)
    adopt = actions.add_parser(
        "adopt-older",
        help="give items recorded before manifests their manifest (safe to repeat)",
        description="Give every evidence item recorded before the content-addressed "
        "store (no manifest) a manifest: re-hash its file, store it by its SHA-256, and "
        "log a custody entry 'created' noting that the manifest was made later. Items "
        "already adopted are left alone. Exit 0 when every older item was adopted (or "
        "there was none), 1 naming each item whose file no longer matches its hash.",
    )
    adopt.add_argument("case", nargs="?", metavar="CASE", help="only this case")
    adopt.set_defaults(func=run_adopt_older)
    ask_for_action(evidence, "evidence verify 12")


def _case(value: str) -> int:
    from zorgvuldig.inquiries.models import Inquiry

    if not value.isdigit() or not Inquiry.objects.filter(pk=int(value)).exists():
        raise InputError(f"{value}: no such case")
    return int(value)


def run_verify(args: argparse.Namespace) -> int:
    """``zorgvuldig evidence verify``."""
    setup_django()
    from .verification import verify_bundle, verify_case

    path = Path(args.case)
    if not args.case.isdigit() or path.is_file():
        if not path.is_file():
            raise InputError(f"{args.case}: no such case or bundle")
        try:
            report = verify_bundle(path)
        except ValueError as exc:
            raise InputError(f"{args.case}: {exc}") from None
    else:
        from zorgvuldig.inquiries.models import Inquiry

        from .custody import append_custody
        from .models import CustodyAction

        pk = _case(args.case)
        report = verify_case(pk)
        append_custody(
            inquiry=Inquiry.objects.get(pk=pk),
            action=CustodyAction.VERIFIED,
            actor=None,
            details={"ok": report.ok, "failures": len(report.failures)},
        )
    if args.json:
        print_json(report.as_json())
    else:
        print(report.as_text())
    if not report.ok:
        for line in report.failures:
            print(f"zorgvuldig evidence verify: {line}", file=sys.stderr)
    return 0 if report.ok else 1


def run_export(args: argparse.Namespace) -> int:
    """``zorgvuldig evidence export``."""
    setup_django()
    from zorgvuldig.inquiries.models import Inquiry

    from .bundle import ExportError, export_case

    inquiry = Inquiry.objects.get(pk=_case(args.case))
    try:
        with open(args.output, "wb") as out:
            index = export_case(
                inquiry=inquiry, items=inquiry.evidence.all(), actor=None, target=out
            )
    except ExportError as exc:
        Path(args.output).unlink(missing_ok=True)
        print(f"zorgvuldig evidence export: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        raise InputError(f"{args.output}: cannot be written ({exc.strerror})") from None
    print(
        f"{args.output}: {len(index['items'])} items, {index['custody']['entries']} "
        "custody entries"
    )
    return 0


def run_adopt_older(args: argparse.Namespace) -> int:
    """``zorgvuldig evidence adopt-older``."""
    setup_django()
    from .older_items import adopt_older_items
    from .services import product_version

    pk = _case(args.case) if args.case else None
    results = adopt_older_items(pk, version=product_version())
    for result in results:
        if result.adopted:
            print(f"item #{result.item}: manifest sha256 {result.manifest_sha256}")
        else:
            print(
                f"zorgvuldig evidence adopt-older: item #{result.item}: "
                f"{result.problem}; not adopted",
                file=sys.stderr,
            )
    adopted = sum(r.adopted for r in results)
    print(f"{adopted} of {len(results)} older items given a manifest")
    return 0 if adopted == len(results) else 1
