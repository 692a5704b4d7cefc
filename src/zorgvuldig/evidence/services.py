"""Writes and integrity checks of evidence.

Public surface for other apps (issue 12):

- :func:`zorgvuldig.evidence.storage.store_artefact` (re-exported here): store bytes once by
  their SHA-256 and get an :class:`~zorgvuldig.evidence.models.Artefact`;
- :func:`add_evidence`: record an item on a case from an upload and/or :class:`Part` values of
  stored artefacts, with who, when (UTC), tool and version, why; writes its manifest hash,
  the custody entry ``created`` and an audit entry;
- :func:`add_note`: a note of what was seen, stored as a UTF-8 text artefact;
- :func:`verify`, :func:`record_download`, :func:`record_view`, :class:`Integrity`,
  :class:`EvidenceError`;
- :func:`export_evidence`: a person's WACZ export of what they may see of a case.

A URL capture (``evidence-capture``) stores its WARC and its extracted text with
``store_artefact`` and then calls::

    add_evidence(actor=user, inquiry=case, kind=EvidenceKind.URL_CAPTURE,
                 parts=[Part(warc, "capture.warc.gz", role="warc",
                             content_type="application/warc"),
                        Part(text, "capture.txt", role="text",
                             content_type="text/plain; charset=utf-8")],
                 source=url, tool="zorgvuldig-capture", tool_version="1.0",
                 reason="the post named in question 2", captured_at=fetched_at)

A platform export (``evidence-exports``) does the same with ``kind=PLATFORM_EXPORT`` and
``role="export"``. The reads and the access check are in :mod:`zorgvuldig.evidence.queries`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from typing import IO

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from zorgvuldig.core.choices import Confidentiality
from zorgvuldig.core.models import User
from zorgvuldig.core.services import Summary, record_audit
from zorgvuldig.inquiries.models import Inquiry

from .bundle import ExportError, export_case
from .custody import append_custody
from .manifest import item_manifest
from .models import Artefact, CustodyAction, EvidenceItem, EvidenceKind, ItemArtefact
from .queries import UPLOAD_ROLES, may_add_evidence, visible_items
from .storage import CHUNK, TooLargeError, store_artefact
from .timestamping import request_timestamps

__all__ = [
    "EvidenceError",
    "Integrity",
    "Part",
    "add_evidence",
    "add_note",
    "export_evidence",
    "record_download",
    "record_view",
    "store_artefact",
    "verify",
]


class EvidenceError(Exception):
    """A refused upload or a failed integrity check; the message says what is wrong."""


@dataclass(frozen=True)
class Integrity:
    """The result of checking a stored file against its recorded SHA-256."""

    ok: bool
    expected: str
    actual: str | None  # None when the file is missing


@dataclass(frozen=True)
class Part:
    """One stored artefact of an item to be added: under which ``name`` it came, in which
    ``role`` (``file``, ``warc``, ``text``, ``export``, ``note``), with its content type."""

    artefact: Artefact
    name: str
    role: str = "file"
    content_type: str = ""


def product_version() -> str:
    """The installed version of Zorgvuldig (``"unknown"`` outside an installation)."""
    try:
        return version("zorgvuldig")
    except PackageNotFoundError:  # pragma: no cover - always installed in practice
        return "unknown"


@transaction.atomic
def add_evidence(
    *,
    actor: User,
    inquiry: Inquiry,
    upload: UploadedFile | None = None,
    parts: Sequence[Part] = (),
    kind: str = EvidenceKind.UPLOAD,
    description: str = "",
    reason: str = "",
    source: str = "",
    tool: str = "",
    tool_version: str = "",
    captured_at: datetime | None = None,
    confidentiality: str = Confidentiality.ZAAKVERTROUWELIJK,
    own_export: bool = False,
) -> EvidenceItem:
    """Record an item of evidence on ``inquiry``.

    Args:
        upload: a file uploaded through the page; stored with :func:`store_artefact` and
            made the first part (role ``file``).
        parts: artefacts already stored with :func:`store_artefact`, after the upload.
        kind: an :class:`~zorgvuldig.evidence.models.EvidenceKind` value.
        reason: why it was captured (shown and kept in the manifest).
        source: the address captured, or the export's origin.
        tool, tool_version: what made the artefacts; default this product and its version.
        captured_at: when the artefacts were captured (aware; default now). Kept in UTC.
        own_export: the employee the case concerns supplies the extract of their own
            platform export (:mod:`.platform_exports`); they may add that, and only that.

    Returns:
        The saved item (read-only from now on), with ``manifest_sha256``; a custody entry
        ``created`` and an audit entry ``evidence.added`` on the inquiry, on behalf of the
        delegator when ``actor`` acts through a delegation. When timestamp authorities are
        configured, their tokens are requested by a background job after the commit
        (:mod:`.timestamping`).

    Raises:
        EvidenceError: the actor may not add evidence (:func:`may_add_evidence`), files
            above their own clearance, no artefact was given, or an upload is empty or too
            large (``ZORGVULDIG_MAX_UPLOAD_BYTES``).
    """
    concerned = own_export and kind == EvidenceKind.PLATFORM_EXPORT
    concerned = concerned and inquiry.persons.filter(user=actor).exists()
    if not (concerned or may_add_evidence(actor, inquiry)):
        raise EvidenceError(
            _("Only an assigned case handler or advisor may add evidence.")
        )
    if not concerned and confidentiality not in Confidentiality.up_to(actor.clearance):
        raise EvidenceError(_("You cannot file evidence above your own clearance."))
    all_parts = list(parts)
    if upload is not None:
        all_parts.insert(0, _store_upload(upload))
    if not all_parts:
        raise EvidenceError(_("The file is empty."))
    first = all_parts[0]
    captured_at = captured_at or timezone.now()
    tool = tool or "zorgvuldig"
    tool_version = tool_version or product_version()
    manifest = item_manifest(
        case=inquiry.pk,
        kind=kind,
        captured_by=actor.get_username(),
        captured_at=captured_at,
        tool=tool,
        tool_version=tool_version,
        reason=reason,
        source=source,
        description=description,
        confidentiality=confidentiality,
        parts=[
            {
                "role": p.role,
                "name": p.name,
                "content_type": p.content_type,
                "sha256": p.artefact.sha256,
                "size": p.artefact.size,
            }
            for p in all_parts
        ],
    )
    item = EvidenceItem.objects.create(
        inquiry=inquiry,
        kind=kind,
        file=first.artefact.file.name,
        original_name=first.name[:255],
        content_type=first.content_type[:100],
        size=first.artefact.size,
        sha256=first.artefact.sha256,
        description=description,
        reason=reason,
        source=source,
        tool=tool,
        tool_version=tool_version,
        confidentiality=confidentiality,
        uploaded_by=actor,
        uploaded_at=captured_at,
        manifest_sha256=hashlib.sha256(manifest).hexdigest(),
    )
    ItemArtefact.objects.bulk_create(
        ItemArtefact(
            item=item,
            artefact=p.artefact,
            role=p.role,
            name=p.name[:255],
            content_type=p.content_type[:100],
            position=n,
        )
        for n, p in enumerate(all_parts)
    )
    append_custody(
        inquiry=inquiry,
        action=CustodyAction.CREATED,
        actor=actor,
        item=item,
        details={"manifest_sha256": item.manifest_sha256},
    )
    request_timestamps(item)
    record_audit(
        actor=actor,
        action="evidence.added",
        target=inquiry,
        summary=Summary(
            "%(item)s sha256:%(sha256)s", {"item": _label(item), "sha256": item.sha256}
        ),
        on_behalf_of=inquiry.delegator_of(actor, *UPLOAD_ROLES),
    )
    return item


def add_note(
    *,
    actor: User,
    inquiry: Inquiry,
    text: str,
    reason: str = "",
    source: str = "",
    seen_at: datetime | None = None,
    confidentiality: str = Confidentiality.ZAAKVERTROUWELIJK,
) -> EvidenceItem:
    """Record a note of what ``actor`` saw (e.g. at ``source``, at ``seen_at``), stored as
    a UTF-8 text artefact. Same checks, results and errors as :func:`add_evidence`."""
    if not text.strip():
        raise EvidenceError(_("The note is empty."))
    artefact = store_artefact(text.encode())
    return add_evidence(
        actor=actor,
        inquiry=inquiry,
        parts=[Part(artefact, "note.txt", "note", "text/plain; charset=utf-8")],
        kind=EvidenceKind.NOTE,
        description=text[:500],
        reason=reason,
        source=source,
        captured_at=seen_at,
        confidentiality=confidentiality,
    )


def _store_upload(upload: UploadedFile) -> Part:
    limit = settings.ZORGVULDIG_MAX_UPLOAD_BYTES
    if upload.size is None or upload.size == 0:
        raise EvidenceError(_("The file is empty."))
    if upload.size > limit:
        raise EvidenceError(_too_large(upload.size, limit))
    upload.seek(0)
    try:
        artefact = store_artefact(upload, max_bytes=limit)
    except TooLargeError as exc:
        raise EvidenceError(_too_large(exc.args[0], limit)) from None
    return Part(
        artefact,
        upload.name or "upload",
        "file",
        upload.content_type or "",
    )


def _too_large(size: int, limit: int) -> str:
    return _("The file is %(size).1f MB; the limit is %(max).0f MB.") % {
        "size": size / 1048576,
        "max": limit / 1048576,
    }


def verify(item: EvidenceItem) -> Integrity:
    """Recompute the SHA-256 of the stored file and compare it with the record."""
    try:
        with item.file.open("rb") as fh:
            digest = hashlib.sha256()
            for chunk in iter(lambda: fh.read(CHUNK), b""):
                digest.update(chunk)
    except FileNotFoundError:
        return Integrity(ok=False, expected=item.sha256, actual=None)
    actual = digest.hexdigest()
    return Integrity(ok=actual == item.sha256, expected=item.sha256, actual=actual)


def record_download(*, actor: User, item: EvidenceItem, integrity: Integrity) -> None:
    """Audit a download attempt, including a failed integrity check (on behalf of the
    delegator when ``actor`` sees the case through a delegation), and log it in the
    custody log (``downloaded``, or ``verified`` with ``ok: false`` when not served)."""
    inquiry = item.inquiry
    if integrity.ok:
        action = "evidence.downloaded"
        summary = Summary(
            gettext_noop("%(item)s: sha256 %(expected)s verified"),
            {"item": _label(item), "expected": integrity.expected},
        )
    elif integrity.actual is None:
        action = "evidence.integrity_failed"
        summary = Summary(
            gettext_noop(
                "%(item)s: expected sha256 %(expected)s, found no file; not served"
            ),
            {"item": _label(item), "expected": integrity.expected},
        )
    else:
        action = "evidence.integrity_failed"
        summary = Summary(
            gettext_noop(
                "%(item)s: expected sha256 %(expected)s, found %(actual)s; not served"
            ),
            {
                "item": _label(item),
                "expected": integrity.expected,
                "actual": integrity.actual,
            },
        )
    record_audit(
        actor=actor,
        action=action,
        target=inquiry,
        summary=summary,
        on_behalf_of=inquiry.delegator_of(actor),
    )
    append_custody(
        inquiry=inquiry,
        action=CustodyAction.DOWNLOADED if integrity.ok else CustodyAction.VERIFIED,
        actor=actor,
        item=item,
        details={"sha256": integrity.actual, "ok": integrity.ok},
    )


def record_view(*, actor: User, item: EvidenceItem) -> None:
    """Log that ``actor`` opened ``item``'s page (its record, hashes and text preview): one
    custody entry ``viewed`` and one audit entry ``evidence.viewed`` per request, on behalf
    of the delegator when ``actor`` sees the case through a delegation. The caller has
    checked that ``actor`` may see the item."""
    inquiry = item.inquiry
    record_audit(
        actor=actor,
        action="evidence.viewed",
        target=inquiry,
        summary=_label(item),
        on_behalf_of=inquiry.delegator_of(actor),
    )
    append_custody(inquiry=inquiry, action=CustodyAction.VIEWED, actor=actor, item=item)


def export_evidence(*, actor: User, inquiry: Inquiry, target: IO[bytes]) -> int:
    """Write the evidence of ``inquiry`` that ``actor`` may see
    (:func:`~zorgvuldig.evidence.queries.visible_items`) as a WACZ bundle to ``target``
    (seekable), with the custody entry ``exported`` (in the bundle's log) and an audit
    entry ``evidence.exported`` on behalf of the delegator when ``actor`` acts through a
    delegation. The caller has checked that ``actor`` sees the case.

    Returns:
        The number of items exported.

    Raises:
        ExportError: an artefact no longer matches its hash (names the item); audited as
            ``evidence.integrity_failed`` ("export refused") and logged in the custody
            log as ``verified`` with ``ok: false`` on that item, never as ``exported``;
            nothing is to be served.
    """
    items = visible_items(actor, inquiry).order_by("pk")
    try:
        index = export_case(inquiry=inquiry, items=items, actor=actor, target=target)
    except ExportError as exc:
        record_audit(
            actor=actor,
            action="evidence.integrity_failed",
            target=inquiry,
            summary=Summary(
                gettext_noop(
                    "WACZ export refused: item #%(number)s no longer matches its "
                    "hash; not served"
                ),
                {"number": exc.item_pk},
            ),
            on_behalf_of=inquiry.delegator_of(actor),
        )
        raise
    record_audit(
        actor=actor,
        action="evidence.exported",
        target=inquiry,
        summary=Summary(
            gettext_noop("WACZ export of %(count)s items, custody head %(head)s"),
            {"count": len(index["items"]), "head": index["custody"]["head"]},
        ),
        on_behalf_of=inquiry.delegator_of(actor),
    )
    return len(index["items"])


def _label(item: EvidenceItem) -> Summary:
    """How the audit trail names ``item``: its number and level, pointing to the record,
    never its file name (a name such as ``jansen-facebook.png`` is personal data itself);
    the level is kept as a code and shown in the reader's language."""
    return Summary(
        "#%(number)s (%(level)s)",
        {"number": item.pk, "level": Confidentiality(item.confidentiality)},
    )
