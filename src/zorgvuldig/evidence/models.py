"""Evidence attached to an inquiry: files with their SHA-256, uploader and time."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zorgvuldig.core.choices import Confidentiality


def _upload_to(item: "EvidenceItem", filename: str) -> str:
    return f"evidence/{item.inquiry_id}/{item.sha256[:16]}"


class EvidenceItem(models.Model):
    """A file of evidence (screenshot, export, document) with its integrity record.

    ``sha256`` is computed at upload and checked again on every download; a mismatch is
    reported and the file is not served (DESIGN.md §6.5).
    """

    inquiry = models.ForeignKey(
        "inquiries.Inquiry", on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(upload_to=_upload_to, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    description = models.CharField(_("description"), max_length=500, blank=True)
    confidentiality = models.CharField(
        _("confidentiality"),
        max_length=20,
        choices=Confidentiality.choices,
        default=Confidentiality.ZAAKVERTROUWELIJK,
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("evidence item")
        verbose_name_plural = _("evidence items")
        ordering = ("uploaded_at", "pk")

    def __str__(self) -> str:
        return self.original_name


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
