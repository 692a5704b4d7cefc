"""The demo: one ministry, one user per role, and the 2012 ambassador case.

``zorgvuldig demo`` loads it; ``zorgvuldig serve`` loads it and serves on 127.0.0.1:8000. The
case text ships in ``demo_data/`` so the demo needs nothing outside the package. Loading is
idempotent: running it again changes nothing.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from zorgvuldig.cli import setup_django

DEMO_DIR = Path(__file__).resolve().parent / "demo_data"
DEMO_PASSWORD = "zorgvuldig-demo"  # noqa: S105 - demo data only, printed on purpose
ORGANISATION = "Ministerie van Buitenlandse Zaken"

#: username, first name, last name, role
DEMO_USERS = [
    ("behandelaar", "Bram", "Behandelaar", "case_handler"),
    ("hr", "Hanna", "de Haan", "hr_advisor"),
    ("jurist", "Joost", "Juridisch", "legal_advisor"),
    ("integriteit", "Isa", "Integriteit", "advisor"),
    ("communicatie", "Cora", "Communicatie", "communications"),
    ("goedkeurder", "Geert", "Goedkeur", "approver"),
    ("or", "Olga", "Ondernemingsraad", "works_council"),
    ("medewerker", "Mees", "Medewerker", "employee"),
    ("beheerder", "Bea", "Beheer", "administrator"),
]

#: The demo ministry asks its integrity office for advice too (see inquiries/advisors.py).
DEMO_PROCEDURE_SETTINGS = {
    "advisors": [
        {
            "code": "integrity",
            "label": {"nl": "Bureau Integriteit", "en": "Integrity office"},
            "role": "advisor",
        }
    ]
}


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``serve`` and ``demo`` to the ``zorgvuldig`` parser."""
    serve = subparsers.add_parser(
        "serve",
        help="migrate, load the demo data (unless --no-demo) and serve on 127.0.0.1:8000",
    )
    serve.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
    serve.add_argument(
        "--no-demo", action="store_true", help="do not load the demo data"
    )
    serve.set_defaults(func=_serve)
    demo = subparsers.add_parser(
        "demo", help="load the demo organisation, users and case"
    )
    demo.set_defaults(func=_demo)


def _demo(args: argparse.Namespace) -> int:
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    print(load_demo())  # noqa: T201
    return 0


def _serve(args: argparse.Namespace) -> int:
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    if not args.no_demo:
        print(load_demo(f"http://{args.addrport}/"))  # noqa: T201
    call_command("runserver", args.addrport, use_reloader=False)
    return 0


def load_demo(url: str = "http://127.0.0.1:8000/") -> str:
    """Create the demo organisation, users and case if absent; return what to tell the user."""
    from django.db import transaction

    from zorgvuldig.core.models import Organisation, User
    from zorgvuldig.inquiries import services
    from zorgvuldig.inquiries.choices import State
    from zorgvuldig.inquiries.models import Inquiry
    from zorgvuldig.parliament.parsing import parse_inquiry

    with transaction.atomic():
        org, _ = Organisation.objects.get_or_create(
            name=ORGANISATION,
            defaults={"country": "NL", "procedure_settings": DEMO_PROCEDURE_SETTINGS},
        )
        users = {}
        for username, first, last, role in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "role": role,
                    "organisation": org,
                },
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])
            users[role] = user
        text = (DEMO_DIR / "kamervragen-2012-ambassador-like.txt").read_text(
            encoding="utf-8"
        )
        parsed = parse_inquiry(text).to_dict()
        if not Inquiry.objects.filter(organisation=org, source_text=text).exists():
            services.register_inquiry(
                actor=users["case_handler"],
                organisation=org,
                kind=parsed["kind"],
                subject=parsed["subject"],
                number=parsed.get("number") or "",
                submitted=_date(parsed.get("submitted")),
                askers=parsed["askers"],
                addressees=parsed.get("addressees") or [],
                questions=parsed["questions"],
                persons=[
                    {"name": "J. de Vries", "function": "ambassadeur in Zuid-Afrika"}
                ],
                assignees=[
                    users[r]
                    for r in (
                        "hr_advisor",
                        "legal_advisor",
                        "advisor",
                        "communications",
                        "approver",
                    )
                ],
                source_text=text,
            )
        # The case handler records the established conduct, so the case page shows what
        # the rules say about it; only while nothing is recorded and no advice can exist.
        case = Inquiry.objects.filter(organisation=org, source_text=text).first()
        if case and not case.conduct and case.state == State.REGISTERED:
            services.record_conduct(
                actor=users["case_handler"],
                inquiry=case,
                conduct=json.loads(
                    (DEMO_DIR / "conduct-2012-ambassador-like.json").read_text(
                        encoding="utf-8"
                    )
                ),
            )
        if case and not case.timeline_events.exists():
            _load_timeline(case, users["case_handler"])
    lines = [
        "Demo loaded: " + ORGANISATION,
        f"Users (password for all: {DEMO_PASSWORD}):",
        *(f"  {u:<13} {r}" for u, _f, _l, r in DEMO_USERS),
        f"Open {url} and log in as 'behandelaar' to start (the self-check needs no login).",
        f"Sample article for the media check: {DEMO_DIR / 'artikel-berispt.txt'}",
    ]
    return "\n".join(lines)


#: The post the Kamervragen blame (demo data): two years after the page was liked.
CONTESTED_POST = {
    "when": "2012-01-20T09:00:00+00:00",
    "text": "Geen regering met steun van de PVV",
    "account": "Nederland bekent kleur",
}


def _load_timeline(case, case_handler) -> None:
    """Import the demo Facebook export (zipped with fixed dates, so its hash is stable)
    and record the contested post, through the evidence services."""
    import datetime as dt
    import io
    import zipfile

    from django.core.files.uploadedfile import SimpleUploadedFile

    from zorgvuldig.evidence import fact_finding, platform_exports

    root = DEMO_DIR / "facebook-export-ambassador"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(root.rglob("*.json")):
            info = zipfile.ZipInfo(
                path.relative_to(root).as_posix(), (2012, 2, 5, 0, 0, 0)
            )
            archive.writestr(info, path.read_bytes(), zipfile.ZIP_DEFLATED)
    platform_exports.import_export(
        actor=case_handler,
        inquiry=case,
        upload=SimpleUploadedFile("facebook-jdevries.zip", buffer.getvalue()),
        terms=platform_exports.case_terms(case) or ["Nederland bekent kleur"],
    )
    # the contested post, kept as an evidence item so the timeline links it
    fact_finding.record_contested_post(
        actor=case_handler,
        inquiry=case,
        published_at=dt.datetime.fromisoformat(CONTESTED_POST["when"]),
        text=CONTESTED_POST["text"],
        account=CONTESTED_POST["account"],
    )


def _date(value):
    import datetime as dt

    if value in (None, ""):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
