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


# URL captures have their own module (issue 12); re-exported so that Django finds the model.
from .capture_job import UrlCapture  # noqa: E402, F401
