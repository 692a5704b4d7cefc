"""The record of one URL capture on a case: what was asked, its progress, and its result."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zorgvuldig.core.choices import Confidentiality

from .choices import CaptureFailure, CaptureState


class UrlCapture(models.Model):
    """A request to capture ``url`` for an inquiry, run as a background job.

    ``state`` moves queued → running → done or failed; ``step`` is the latest progress
    line (host and address being fetched, redirects); ``failure`` says why a failed capture
    failed and ``failure_detail`` names the address or URL concerned. A done capture points
    to two evidence items: the WARC and the extracted main text (``text_item`` is empty when
    the page had no main text).
    """

    inquiry = models.ForeignKey(
        "inquiries.Inquiry", on_delete=models.CASCADE, related_name="url_captures"
    )
    url = models.CharField(_("address"), max_length=2000)
    description = models.CharField(_("why"), max_length=500, blank=True)
    confidentiality = models.CharField(
        _("confidentiality"),
        max_length=20,
        choices=Confidentiality.choices,
        default=Confidentiality.ZAAKVERTROUWELIJK,
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=CaptureState.choices,
        default=CaptureState.QUEUED,
    )
    step = models.CharField(_("progress"), max_length=300, blank=True)
    failure = models.CharField(
        _("reason"), max_length=30, choices=CaptureFailure.choices, blank=True
    )
    failure_detail = models.CharField(max_length=2000, blank=True)
    final_url = models.CharField(max_length=2000, blank=True)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    warc_item = models.ForeignKey(
        "evidence.EvidenceItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    text_item = models.ForeignKey(
        "evidence.EvidenceItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("URL capture")
        verbose_name_plural = _("URL captures")
        ordering = ("requested_at", "pk")

    def __str__(self) -> str:
        return self.url

    @property
    def pending(self) -> bool:
        return self.state in {CaptureState.QUEUED, CaptureState.RUNNING}
