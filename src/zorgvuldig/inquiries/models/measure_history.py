"""The dated history of the measure towards one employee concerned (issue 13)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zorgvuldig.inquiries.choices import MeasureCategory, MeasureStage

from .inquiry import Inquiry, PersonConcerned


class MeasureEntry(models.Model):
    """One stage of the measure towards one employee concerned: proposed, imposed,
    changed on objection or appeal, annulled or ended (``MeasureStage``), dated from the
    calendar day it took effect.

    Append-only: an entry is never changed or removed; a mistake is put right by a new
    entry that ``corrects`` it (the corrected entry stays, and no longer counts). Which
    measure is in force on a day is :func:`zorgvuldig.inquiries.measure_history.in_force`
    (read through ``queries.measure_in_force``).

    ``effective_on`` is a calendar date in the organisation's zone, ``settings.TIME_ZONE``
    (Europe/Amsterdam): the day the decision or ruling took effect, not when it was typed
    in (``recorded_at``, an aware UTC timestamp). ``category`` and ``term`` are the ladder
    of DESIGN.md §6.3 and the exact legal term; an annulment or an end names no measure
    (``category`` and ``term`` empty). ``grounds`` is the decision or ruling the entry rests
    on (e.g. "besluit 12 maart 2012, kenmerk P&O/2012-17"; "Rb. Den Haag 3 juni 2013,
    ECLI:NL:RBDHA:2013:…"). ``migrated`` marks entries taken over from the single measure
    record that existed before the history (migration
    ``0018_measure_history_from_measures``).
    """

    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.CASCADE, related_name="measure_entries"
    )
    person = models.ForeignKey(
        PersonConcerned,
        verbose_name=_("employee"),
        on_delete=models.CASCADE,
        related_name="measure_entries",
    )
    stage = models.CharField(_("stage"), max_length=32, choices=MeasureStage.choices)
    category = models.CharField(
        _("category"), max_length=32, choices=MeasureCategory.choices, blank=True
    )
    term = models.CharField(_("exact term"), max_length=200, blank=True)
    term_mismatch_reason = models.TextField(
        _("why the term does not fit the category"), blank=True
    )
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    effective_on = models.DateField(_("in effect from"))
    grounds = models.TextField(
        _("decision or ruling"),
        blank=True,
        help_text=_("The decision or ruling this entry rests on, with its date."),
    )
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("corrects"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
    )
    migrated = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("measure history entry")
        verbose_name_plural = _("measure history")
        ordering = ("person_id", "effective_on", "recorded_at", "pk")
        constraints = [
            # an entry is corrected once: two people cannot both correct it
            models.UniqueConstraint(
                fields=["corrects"],
                condition=models.Q(corrects__isnull=False),
                name="measure_entry_corrected_once",
            )
        ]

    def __str__(self) -> str:
        what = self.term or self.get_stage_display()
        return f"{self.effective_on}: {what} ({self.person_id})"

    def save(self, *args, **kwargs) -> None:
        """Add the entry; an entry already saved is never changed.

        Raises:
            ValueError: the entry exists already (add a correcting entry instead).
        """
        if not self._state.adding:
            raise ValueError("A measure history entry is never changed; correct it.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        """Refused: the history loses nothing.

        Raises:
            ValueError: always.
        """
        raise ValueError("A measure history entry is never removed; correct it.")
