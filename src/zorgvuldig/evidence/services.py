"""Writes and integrity checks of evidence.

Public surface for other apps: :func:`add_evidence`, :func:`verify`,
:func:`record_download`, :class:`Integrity` and :class:`EvidenceError`; the reads and the
access check are in :mod:`zorgvuldig.evidence.queries`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from zorgvuldig.core.choices import Confidentiality
from zorgvuldig.core.models import User
from zorgvuldig.core.services import Summary, record_audit
from zorgvuldig.inquiries.models import Inquiry

from .models import EvidenceItem
from .queries import UPLOAD_ROLES, may_add_evidence


class EvidenceError(Exception):
    """A refused upload or a failed integrity check; the message says what is wrong."""


@dataclass(frozen=True)
class Integrity:
    """The result of checking a stored file against its recorded SHA-256."""

    ok: bool
    expected: str
    actual: str | None  # None when the file is missing


@transaction.atomic
def add_evidence(
    *,
    actor: User,
    inquiry: Inquiry,
    upload: UploadedFile,
    description: str = "",
    confidentiality: str = Confidentiality.ZAAKVERTROUWELIJK,
) -> EvidenceItem:
    """Store ``upload`` as evidence of ``inquiry`` with its SHA-256.

    Returns:
        The saved item; an audit entry ``evidence.added`` on the inquiry, on behalf of the
        delegator when ``actor`` acts through a delegation.

    Raises:
        EvidenceError: the actor may not add evidence (:func:`may_add_evidence`), files
            above their own clearance, or the file is empty or too large
            (``ZORGVULDIG_MAX_UPLOAD_BYTES``).
    """
    if not may_add_evidence(actor, inquiry):
        raise EvidenceError(
            _("Only an assigned case handler or advisor may add evidence.")
        )
    if confidentiality not in Confidentiality.up_to(actor.clearance):
        raise EvidenceError(_("You cannot file evidence above your own clearance."))
    limit = settings.ZORGVULDIG_MAX_UPLOAD_BYTES
    if upload.size is None or upload.size == 0:
        raise EvidenceError(_("The file is empty."))
    if upload.size > limit:
        raise EvidenceError(
            _("The file is %(size).1f MB; the limit is %(max).0f MB.")
            % {"size": upload.size / 1048576, "max": limit / 1048576}
        )
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    item = EvidenceItem(
        inquiry=inquiry,
        original_name=(upload.name or "upload")[:255],
        content_type=(upload.content_type or "")[:100],
        size=upload.size,
        sha256=digest.hexdigest(),
        description=description,
        confidentiality=confidentiality,
        uploaded_by=actor,
    )
    item.file.save(item.sha256, upload, save=False)  # streamed in chunks
    try:
        item.save()
    except Exception:
        item.file.delete(save=False)  # no file without its record
        raise
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


def verify(item: EvidenceItem) -> Integrity:
    """Recompute the SHA-256 of the stored file and compare it with the record."""
    try:
        with item.file.open("rb") as fh:
            digest = hashlib.sha256()
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except FileNotFoundError:
        return Integrity(ok=False, expected=item.sha256, actual=None)
    actual = digest.hexdigest()
    return Integrity(ok=actual == item.sha256, expected=item.sha256, actual=actual)


def record_download(*, actor: User, item: EvidenceItem, integrity: Integrity) -> None:
    """Audit a download attempt, including a failed integrity check (on behalf of the
    delegator when ``actor`` sees the case through a delegation)."""
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


def _label(item: EvidenceItem) -> Summary:
    """How the audit trail names ``item``: its number and level, pointing to the record,
    never its file name (a name such as ``jansen-facebook.png`` is personal data itself);
    the level is kept as a code and shown in the reader's language."""
    return Summary(
        "#%(number)s (%(level)s)",
        {"number": item.pk, "level": Confidentiality(item.confidentiality)},
    )
