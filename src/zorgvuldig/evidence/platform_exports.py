"""Importing a platform export into a case: keep only the entries the case uses.

Public surface: :func:`import_export`, :func:`case_terms`, :class:`ExportRefused`. The
export is read by the pure :mod:`zorgvuldig.exports`; what the case keeps is an *extract*
(the kept entries, the reading's report of what was and was not read, and the archive's
SHA-256 and size as proof of what was supplied), stored as one evidence item, plus one
:class:`~zorgvuldig.evidence.models.TimelineEvent` per kept entry. The export itself, with
its messages and everything else, is never stored.

Storage seam: :func:`store_extract` is the one place that writes the extract; the rework of
evidence storage (issue 12, custody log) replaces its body and nothing else.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from zorgvuldig.core.models import User
from zorgvuldig.core.services import Summary, record_audit
from zorgvuldig.exports import Entry, Reading, read_export
from zorgvuldig.inquiries.models import Inquiry

from . import services
from .models import EvidenceItem, EvidenceKind, TimelineEvent
from .queries import UPLOAD_ROLES, may_add_evidence


class ExportRefused(services.EvidenceError):
    """Nothing was imported; ``reading`` (when the export was read at all) says why."""

    def __init__(self, message: str, reading: Reading | None = None) -> None:
        super().__init__(f"{message} {report(reading)}" if reading else message)
        self.reading = reading


def report(reading: Reading) -> str:
    """What was read and what was not, in one paragraph for the user."""
    text = _(
        "Read %(entries)d entries from %(files)d files; %(skipped)d other files left unopened."
    ) % {
        "entries": len(reading.entries),
        "files": len(reading.files_read),
        "skipped": reading.skipped,
    }
    if reading.notes:
        text += " " + _(
            "The Facebook export in HTML gives local times without a time zone; they were "
            "read as %(zone)s time, so a time may be off by hours (the date near midnight "
            "by a day). The stored extract keeps each time as the export wrote it."
        ) % {"zone": settings.TIME_ZONE}
    if reading.problems:
        shown = "; ".join(
            f"{p.ref or _('the export')}: {p.reason}" for p in reading.problems[:5]
        )
        more = len(reading.problems) - 5
        text += " " + _("Not read: %(problems)s") % {"problems": shown}
        if more > 0:
            text += " " + _("and %(n)d more (listed in the stored extract).") % {
                "n": more
            }
    return text


@dataclass(frozen=True)
class Imported:
    """The stored extract, the events made of it and the full reading's report."""

    item: EvidenceItem
    events: list[TimelineEvent]
    reading: Reading


def case_terms(inquiry: Inquiry) -> list[str]:
    """What an export entry must mention to be kept by default: the name of the page or
    account of the recorded conduct (``conduct.action.target.name``)."""
    target = ((inquiry.conduct or {}).get("action") or {}).get("target") or {}
    name = target.get("name") if isinstance(target, dict) else None
    return [name] if isinstance(name, str) and name.strip() else []


def _concerns(user: User, inquiry: Inquiry) -> bool:
    return any(p.user_id == user.pk for p in inquiry.persons.all())


def _kept(entry: Entry, terms: list[str]) -> bool:
    haystack = f"{entry.target}\n{entry.text}\n{entry.url}".casefold()
    return any(t.strip() and t.strip().casefold() in haystack for t in terms)


def _key(
    kind: str, when: dt.datetime | None, target: str, ref: str
) -> tuple[str, str, str]:
    """What makes a timeline entry of an export the same entry: its place in the export
    (``ref``) when it has one, else its kind, moment (whatever its zone) and target."""
    if ref:
        return (kind, "", ref)
    return (kind, "" if when is None else str(when.timestamp()), target)


@transaction.atomic
def import_export(
    *, actor: User, inquiry: Inquiry, upload: UploadedFile, terms: list[str]
) -> Imported:
    """Read ``upload`` and keep the entries that mention one of ``terms``.

    ``actor`` is an assigned case handler or advisor (:func:`may_add_evidence`) or the
    employee the case concerns, supplying their own export.

    Raises:
        ExportRefused: the actor may not, no terms were given, the export could not be
            read (``reading.readable`` false: truncated, not an export, too many
            entries), or no entry mentions a term. Nothing is stored then.
    """
    own = _concerns(actor, inquiry)
    if not own and not may_add_evidence(actor, inquiry):
        raise ExportRefused(
            _(
                "Only an assigned case handler or advisor, or the employee concerned, "
                "may add an export."
            )
        )
    terms = [t for t in terms if t.strip()]
    if not terms:
        raise ExportRefused(
            _("Say what the case is about: which page or account to keep.")
        )
    with upload.open("rb") as fh:
        # the HTML form's zone-less local times: read in the product's zone, and said so
        reading = read_export(fh, name=upload.name or "", local_zone=settings.TIME_ZONE)
    if not reading.readable:
        raise ExportRefused(
            _("The export could not be read; nothing was imported."), reading
        )
    kept = [e for e in reading.entries if _kept(e, terms)]
    if not kept:
        raise ExportRefused(
            _("No entry of the export mentions %(terms)s; nothing was kept.")
            % {"terms": ", ".join(terms)},
            reading,
        )
    # The same archive supplied again (from the case page and from the employee's own
    # page, or twice): keep only the entries the case does not hold yet.
    held = {
        _key(kind, when, target, ref)
        for kind, when, target, ref in TimelineEvent.objects.filter(
            inquiry=inquiry, export_sha256=reading.sha256
        ).values_list("kind", "when", "target", "ref")
    }
    kept = [
        e
        for e in kept
        if _key(e.kind.value, e.when, e.target[:500], e.ref[:300]) not in held
    ]
    if not kept:
        raise ExportRefused(
            _(
                "This export (SHA-256 %(sha)s) was imported into this case before and "
                "holds no entry the case does not have yet; nothing was imported again."
            )
            % {"sha": reading.sha256},
        )
    extract = {
        "archive": {
            "name": upload.name,
            "sha256": reading.sha256,
            "size": reading.size,
            "platform": reading.platform.value,
        },
        "kept_because_they_mention": terms,
        "kept": [e.as_dict() for e in kept],
        "read": {"entries": len(reading.entries), "files": list(reading.files_read)},
        "not_read": [{"ref": p.ref, "reason": p.reason} for p in reading.problems],
        "notes": list(reading.notes),
        "files_left_unopened": reading.skipped,
    }
    item = store_extract(
        actor=actor,
        inquiry=inquiry,
        content=json.dumps(extract, ensure_ascii=False, indent=1).encode(),
        name=f"{reading.platform.value}-export-extract-{reading.sha256[:12]}.json",
        description=_(
            "Extract of a %(platform)s export (SHA-256 %(sha)s): %(n)d of %(total)d entries"
        )
        % {
            "platform": reading.platform.value,
            "sha": reading.sha256,
            "n": len(kept),
            "total": len(reading.entries),
        },
        own=own,
    )
    # Whose export it is: the employee supplying it, or the one person the case concerns.
    persons = list(inquiry.persons.all())
    person = next((p for p in persons if p.user_id == actor.pk), None) or (
        persons[0] if len(persons) == 1 else None
    )
    events = TimelineEvent.objects.bulk_create(
        TimelineEvent(
            inquiry=inquiry,
            evidence=item,
            side=TimelineEvent.Side.EMPLOYEE,
            kind=e.kind.value,
            when=e.when,
            platform=e.platform.value,
            account=(e.account or (person.name if person else ""))[:200],
            target=e.target[:500],
            text=e.text,
            url=e.url[:500],
            reaction=e.reaction[:20],
            ref=e.ref[:300],
            local_time=e.local_time[:60],
            export_sha256=reading.sha256,
            added_by=actor,
        )
        for e in kept
    )
    record_audit(
        actor=actor,
        action="evidence.export_imported",
        target=inquiry,
        summary=Summary(
            "#%(item)s sha256:%(sha256)s %(kept)s/%(total)s",
            {
                "item": item.pk,
                "sha256": reading.sha256,
                "kept": len(kept),
                "total": len(reading.entries),
            },
        ),
        on_behalf_of=None if own else inquiry.delegator_of(actor, *UPLOAD_ROLES),
    )
    return Imported(item, events, reading)


@transaction.atomic
def record_target_post(
    *,
    actor: User,
    inquiry: Inquiry,
    when: dt.datetime | None,
    text: str,
    account: str = "",
    url: str = "",
    evidence: EvidenceItem | None = None,
) -> TimelineEvent:
    """Put a post of the page or account the case is about (the contested content) on the
    case's timeline, with the evidence that shows it when there is one.

    Raises:
        EvidenceError: ``actor`` may not add evidence to ``inquiry``.
    """
    if not may_add_evidence(actor, inquiry):
        raise services.EvidenceError(
            _("Only an assigned case handler or advisor may add evidence.")
        )
    event = TimelineEvent.objects.create(
        inquiry=inquiry,
        evidence=evidence,
        side=TimelineEvent.Side.TARGET,
        kind="post",
        when=when,
        account=account[:200],
        target=account[:500],
        text=text,
        url=url[:500],
        added_by=actor,
    )
    record_audit(
        actor=actor,
        action="evidence.target_post_recorded",
        target=inquiry,
        summary=Summary("#%(event)s", {"event": event.pk}),
        on_behalf_of=inquiry.delegator_of(actor, *UPLOAD_ROLES),
    )
    return event


def store_extract(
    *,
    actor: User,
    inquiry: Inquiry,
    content: bytes,
    name: str,
    description: str,
    own: bool,
) -> EvidenceItem:
    """Store the extract of an export as one evidence item, through
    :func:`zorgvuldig.evidence.services.add_evidence` (stored once by its SHA-256, with a
    manifest, a custody entry and an audit entry). The employee concerned may add this
    kind of item only: their own export's extract (``own``)."""
    upload = SimpleUploadedFile(name, content, content_type="application/json")
    return services.add_evidence(
        actor=actor,
        inquiry=inquiry,
        upload=upload,
        kind=EvidenceKind.PLATFORM_EXPORT,
        description=description[:500],
        reason=description[:500],
        tool="zorgvuldig platform-export reader",
        own_export=own,
    )
