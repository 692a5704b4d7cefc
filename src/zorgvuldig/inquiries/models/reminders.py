"""Reminders sent about deadlines: one row per message, so nothing is sent twice."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zorgvuldig.inquiries.models.inquiry import Inquiry


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", _("Due soon")
    OVERDUE = "overdue", _("Overdue")
    ESCALATION = "escalation", _("Escalation to the manager")
    DIGEST = "digest", _("Daily digest")


class Reminder(models.Model):
    """A reminder e-mail that was sent: the unique key makes sending idempotent.

    ``step`` is a milestone (``facts`` … ``answer``); ``due`` is the deadline it was about
    (for a digest: the day of the digest, and no inquiry).
    """

    inquiry = models.ForeignKey(
        Inquiry,
        on_delete=models.CASCADE,
        related_name="reminders",
        null=True,
        blank=True,
    )
    step = models.CharField(max_length=16, blank=True)
    kind = models.CharField(max_length=16, choices=ReminderKind.choices)
    due = models.DateField()
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)
    #: ``inquiry:step:kind:due:recipient`` — unique, so each reminder is sent once (a plain
    #: key rather than a multi-column constraint, because the digest has no inquiry and
    #: NULLs never collide in a unique index).
    key = models.CharField(max_length=200, unique=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")

    def __str__(self) -> str:
        return f"{self.kind} {self.step} {self.due} → {self.recipient_id}"

    def save(self, *args, **kwargs) -> None:
        self.key = ":".join(
            map(
                str,
                (
                    self.inquiry_id or "-",
                    self.step,
                    self.kind,
                    self.due,
                    self.recipient_id,
                ),
            )
        )
        super().save(*args, **kwargs)
