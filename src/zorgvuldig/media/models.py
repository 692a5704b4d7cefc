"""Articles checked against an inquiry's recorded measure."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ArticleCheck(models.Model):
    """One article (headline and main text) and how it represents the recorded measure.

    ``result`` holds the assessment in the shape of the ``media assess`` contract
    (cases/README.md): verdict, claims with spans, headline support, measure in force.
    """

    inquiry = models.ForeignKey(
        "inquiries.Inquiry", on_delete=models.CASCADE, related_name="article_checks"
    )
    outlet = models.CharField(_("outlet"), max_length=200, blank=True)
    url = models.URLField(_("address"), max_length=1000, blank=True)
    published = models.DateField(_("published on"), null=True, blank=True)
    headline = models.CharField(_("headline"), max_length=1000, blank=True)
    body = models.TextField(_("main text"))
    verdict = models.CharField(_("verdict"), max_length=32)
    result = models.JSONField(_("assessment"), default=dict)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    checked_at = models.DateTimeField(_("checked at"), default=timezone.now)

    class Meta:
        verbose_name = _("article check")
        verbose_name_plural = _("article checks")
        ordering = ("-checked_at", "-pk")

    def __str__(self) -> str:
        return self.headline or self.body[:60]
