"""The procedure's own history: one row per transition."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zorgvuldig.inquiries.choices import State

from .inquiry import Inquiry


class ProcedureEvent(models.Model):
    """A transition of an inquiry: who moved it from which state to which, when and why."""

    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.CASCADE, related_name="events"
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    transition = models.CharField(_("transition"), max_length=64)
    from_state = models.CharField(max_length=32, choices=State.choices)
    to_state = models.CharField(max_length=32, choices=State.choices)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("procedure event")
        verbose_name_plural = _("procedure events")
        ordering = ("at", "pk")

    def __str__(self) -> str:
        return f"{self.transition}: {self.from_state} → {self.to_state}"
