"""Writes and integrity checks of evidence."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from zorgvuldig.core.choices import Confidentiality, Role
from zorgvuldig.core.models import User
from zorgvuldig.core.services import record_audit
from zorgvuldig.inquiries.models import Inquiry

from .models import EvidenceItem

#: Roles that may add evidence to a case they are assigned to.
UPLOAD_ROLES = (Role.CASE_HANDLER, Role.HR_ADVISOR, Role.LEGAL_ADVISOR)


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

    Raises:
        EvidenceError: the actor may not add evidence, or the file is empty or too large
            (``ZORGVULDIG_MAX_UPLOAD_BYTES``).
    """
    if not inquiry.acts_as(actor, *UPLOAD_ROLES):
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
        summary=f"{_label(item)} sha256:{item.sha256}",
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
    """Audit a download attempt, including a failed integrity check."""
    record_audit(
        actor=actor,
        action="evidence.downloaded" if integrity.ok else "evidence.integrity_failed",
        target=item.inquiry,
        summary=(
            f"{_label(item)}: sha256 {integrity.expected} verified"
            if integrity.ok
            else f"{_label(item)}: expected sha256 {integrity.expected}, "
            f"found {integrity.actual or 'no file'}; not served"
        ),
    )


def visible_items(user: User, inquiry: Inquiry):
    """The evidence of ``inquiry`` that ``user`` is cleared to see, oldest first."""
    return inquiry.evidence.filter(
        confidentiality__in=Confidentiality.up_to(user.clearance)
    ).select_related("uploaded_by")


def _label(item: EvidenceItem) -> str:
    """How the audit trail names ``item``: its file name, or only its number and level when
    it is confidential (the trail is shown to everyone on the case)."""
    if Confidentiality.is_confidential(item.confidentiality):
        return f"#{item.pk} ({item.get_confidentiality_display()})"
    return item.original_name
