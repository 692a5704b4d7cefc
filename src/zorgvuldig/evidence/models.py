"""Evidence of an inquiry: content-addressed artefacts, the items that name them, the
custody log and trusted timestamps (issue 12, steps 1, 3 and 6).

- :class:`Artefact`: one stored file, named by its SHA-256; the same bytes are stored once,
  whichever case or item uses them.
- :class:`EvidenceItem`: one piece of evidence on a case (an uploaded file, a URL capture, a
  platform export, a note of what was seen), with who captured it, when (UTC), with which
  tool and version, and why; its parts are :class:`ItemArtefact` rows.
- :class:`CustodyEntry`: the append-only custody log of a case; each entry holds the hash of
  the one before it.
- :class:`TimestampToken`: an RFC 3161 time-stamp response over an item's manifest.

All four are read-only after creation: ``save`` refuses an update and ``delete`` refuses,
so the record cannot be changed through the ORM; ``zorgvuldig evidence verify`` notices a
change made around it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zorgvuldig.core.choices import Confidentiality

from .choices import FactQuestion, TimestampState


def _upload_to(item: EvidenceItem, filename: str) -> str:
    """Where the first migration put an item's file; items now name their artefact's
    content-addressed file (:mod:`zorgvuldig.evidence.storage`)."""
    return f"evidence/{item.inquiry_id}/{item.sha256[:16]}"


class ReadOnlyError(Exception):
    """An attempt to change or delete an evidence record after its creation."""


class _AppendOnly(models.Model):
    """Refuses updates and deletes: evidence records are written once."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ReadOnlyError(f"{type(self).__name__} #{self.pk} is read-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ReadOnlyError(f"{type(self).__name__} #{self.pk} cannot be deleted")


class EvidenceKind(models.TextChoices):
    UPLOAD = "upload", _("Uploaded file")
    URL_CAPTURE = "url_capture", _("URL capture")
    PLATFORM_EXPORT = "platform_export", _("Platform export")
    NOTE = "note", _("Note of what was seen")


class CustodyAction(models.TextChoices):
    CREATED = "created", _("created")
    VIEWED = "viewed", _("viewed")
    DOWNLOADED = "downloaded", _("downloaded")
    EXPORTED = "exported", _("exported")
    VERIFIED = "verified", _("verified")
    TIMESTAMPED = "timestamped", _("timestamped")


class Artefact(_AppendOnly):
    """One stored file, named by its SHA-256 (``evidence/sha256/ab/abcdef…``, mode 0600).

    Written by :func:`zorgvuldig.evidence.storage.store_artefact` only; a second store of
    the same bytes returns the existing row.
    """

    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    file = models.FileField(max_length=300)
    stored_at = models.DateTimeField(_("stored at"), default=timezone.now)

    class Meta:
        verbose_name = _("artefact")
        verbose_name_plural = _("artefacts")

    def __str__(self) -> str:
        return f"sha256:{self.sha256}"


class EvidenceItem(_AppendOnly):
    """A piece of evidence on a case and its integrity record.

    ``sha256``, ``file``, ``size``, ``content_type`` and ``original_name`` describe the
    item's main artefact (its first part); ``parts`` lists them all (a URL capture has its
    WARC and its extracted text). ``uploaded_by`` and ``uploaded_at`` are who captured or
    added the item and when (UTC); ``tool`` and ``tool_version`` what made it; ``reason``
    why. ``manifest_sha256`` is the SHA-256 of the item's manifest
    (:func:`zorgvuldig.evidence.manifest.item_manifest`), over which timestamps are taken.
    """

    inquiry = models.ForeignKey(
        "inquiries.Inquiry", on_delete=models.CASCADE, related_name="evidence"
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=EvidenceKind, default=EvidenceKind.UPLOAD
    )
    file = models.FileField(upload_to=_upload_to, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    description = models.CharField(_("description"), max_length=500, blank=True)
    reason = models.CharField(_("why it was captured"), max_length=500, blank=True)
    source = models.CharField(_("source"), max_length=2000, blank=True)
    tool = models.CharField(_("tool"), max_length=100, blank=True)
    tool_version = models.CharField(_("tool version"), max_length=50, blank=True)
    confidentiality = models.CharField(
        _("confidentiality"),
        max_length=20,
        choices=Confidentiality.choices,
        default=Confidentiality.ZAAKVERTROUWELIJK,
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("captured by"),
    )
    uploaded_at = models.DateTimeField(_("captured at"), default=timezone.now)
    manifest_sha256 = models.CharField(_("manifest SHA-256"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("evidence item")
        verbose_name_plural = _("evidence items")
        ordering = ("uploaded_at", "pk")

    def __str__(self) -> str:
        return self.original_name


class ItemArtefact(_AppendOnly):
    """One part of an item: an artefact in a role (``file``, ``warc``, ``text``,
    ``export``, ``note``), under the name it had."""

    item = models.ForeignKey(
        EvidenceItem, on_delete=models.CASCADE, related_name="parts"
    )
    artefact = models.ForeignKey(Artefact, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=20)
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ("item", "position")
        constraints = [
            models.UniqueConstraint(
                fields=("item", "position"), name="evidence_part_position_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.role}: {self.name}"


class CustodyEntry(_AppendOnly):
    """One entry of a case's custody log: who did what to which item, when.

    ``entry_hash`` is the SHA-256 of the entry's canonical line
    (:func:`zorgvuldig.evidence.custody.canonical_line`), which includes ``prev_hash``,
    the ``entry_hash`` of the entry before it (64 zeros for the first).
    """

    inquiry = models.ForeignKey(
        "inquiries.Inquiry", on_delete=models.CASCADE, related_name="custody"
    )
    seq = models.PositiveIntegerField()
    item = models.ForeignKey(
        EvidenceItem, null=True, on_delete=models.PROTECT, related_name="custody"
    )
    action = models.CharField(max_length=20, choices=CustodyAction)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_name = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(default=timezone.now)
    details = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ("inquiry", "seq")
        constraints = [
            models.UniqueConstraint(
                fields=("inquiry", "seq"), name="evidence_custody_seq_unique"
            )
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action}"


class TimestampToken(_AppendOnly):
    """An RFC 3161 time-stamp response (DER) over an item's manifest, from one authority,
    with the authority's certificate chain (PEM) to verify it with."""

    item = models.ForeignKey(
        EvidenceItem, on_delete=models.CASCADE, related_name="timestamps"
    )
    authority = models.CharField(max_length=500)
    response = models.BinaryField()
    chain_pem = models.TextField()
    message_sha256 = models.CharField(max_length=64)
    gen_time = models.DateTimeField()

    class Meta:
        ordering = ("item", "pk")

    def __str__(self) -> str:
        return f"{self.authority} {self.gen_time:%Y-%m-%dT%H:%M:%SZ}"


class TimestampRequest(models.Model):
    """The automatic request for trusted timestamps over one item's manifest, made when the
    item is added while timestamp authorities are configured
    (:mod:`zorgvuldig.evidence.timestamping`). Not evidence itself, so not append-only:
    ``state`` moves pending → done or failed (and back to done when a retry succeeds);
    ``attempts`` counts the runs; ``problems`` holds one line per authority that failed on
    the last run, shown on the evidence panel."""

    item = models.OneToOneField(
        EvidenceItem, on_delete=models.CASCADE, related_name="timestamping"
    )
    state = models.CharField(
        max_length=10, choices=TimestampState.choices, default=TimestampState.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    problems = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.item_id}: {self.state}"


class TimelineEvent(models.Model):
    """One dated event of a case's facts timeline: an action of the employee kept from a
    platform export they or the case handler supplied (``side`` ``employee``), or a post of
    the page or account the action concerns (``side`` ``target``, e.g. the contested post).

    ``when`` is UTC, or empty when the source does not record it (the X archive's likes):
    shown as "time unknown", never guessed. ``evidence`` is the stored item that proves it
    (for an export: the extract of the kept entries with the archive's SHA-256); ``ref`` is
    the entry's place in the supplied export (``file#index``).
    """

    class Side(models.TextChoices):
        EMPLOYEE = "employee", _("employee's action")
        TARGET = "target", _("target's post")
        SEEN = "seen", _("note of what was seen")

    inquiry = models.ForeignKey(
        "inquiries.Inquiry", on_delete=models.CASCADE, related_name="timeline_events"
    )
    evidence = models.ForeignKey(
        EvidenceItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="timeline_events",
    )
    side = models.CharField(max_length=10, choices=Side.choices)
    kind = models.CharField(_("kind"), max_length=20)  # exports.Kind values
    when = models.DateTimeField(_("when"), null=True, blank=True)
    platform = models.CharField(max_length=20, blank=True)
    account = models.CharField(_("account"), max_length=200, blank=True)
    target = models.CharField(_("about"), max_length=500, blank=True)
    text = models.TextField(_("text"), blank=True)
    url = models.URLField(max_length=500, blank=True)
    reaction = models.CharField(max_length=20, blank=True)
    ref = models.CharField(_("place in the export"), max_length=300, blank=True)
    #: the time as the export wrote it when the export gives no zone (Facebook's HTML
    #: form): ``when`` was then read in the product's zone, an assumption shown with it
    local_time = models.CharField(
        _("time as written in the export"), max_length=60, blank=True
    )
    export_sha256 = models.CharField(
        _("SHA-256 of the export"), max_length=64, blank=True
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")
        ordering = ("when", "pk")

    def __str__(self) -> str:
        return f"{self.kind} {self.target}"[:80]


class FactAnswer(_AppendOnly):
    """One version of the answer to a fact question (:class:`~.choices.FactQuestion`).

    An answer is never overwritten: each save is a new row that names the row it replaces
    (``replaces``), so who answered what and when stays on record, and the page's form
    carries the version it was based on so that a save over someone else's newer answer is
    refused instead of losing it (ADR 0005). The current answer to a question is the newest
    row; :mod:`zorgvuldig.evidence.fact_finding` writes and reads them, and sets the
    evidence items the answer rests on once, right after creating it.
    """

    inquiry = models.ForeignKey(
        "inquiries.Inquiry", on_delete=models.CASCADE, related_name="fact_answers"
    )
    question = models.CharField(_("question"), max_length=20, choices=FactQuestion)
    text = models.TextField(_("answer"))
    evidence = models.ManyToManyField(
        "evidence.EvidenceItem", related_name="fact_answers", blank=True
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now)
    replaces = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
    )

    class Meta:
        verbose_name = _("answer to a fact question")
        verbose_name_plural = _("answers to fact questions")
        ordering = ("inquiry", "question", "-answered_at", "-pk")

    def __str__(self) -> str:
        return f"{self.question}: {self.text[:60]}"


# URL captures have their own module (issue 12); re-exported so that Django finds the model.
from .capture_job import UrlCapture  # noqa: E402, F401
