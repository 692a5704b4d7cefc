"""States, kinds and measure categories of the inquiry procedure."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InquiryKind(models.TextChoices):
    """Where the questions come from (cases/README.md, "Questions")."""

    PARLIAMENTARY_WRITTEN = (
        "parliamentary_written",
        _("Written parliamentary questions"),
    )
    PRESS = "press", _("Press questions")
    WORKS_COUNCIL = "works_council", _("Works council questions")
    OTHER = "other", _("Other")


class State(models.TextChoices):
    """The states of the careful procedure (DESIGN.md §4), in their usual order."""

    REGISTERED = "registered", _("Registered")
    FACTS_ESTABLISHED = "facts_established", _("Facts established")
    ADVICE_COMPLETE = "advice_complete", _("Advice complete")
    MEASURE_DECIDED = "measure_decided", _("Measure decided")
    ANSWER_DRAFTED = "answer_drafted", _("Answer drafted")
    APPROVED = "approved", _("Approved")
    SENT = "sent", _("Sent")


class AdviceKind(models.TextChoices):
    """The mandatory advisors: HR (e.g. HDPO) and Legal (e.g. DJZ)."""

    HR = "hr", _("HR advice")
    LEGAL = "legal", _("Legal advice")


class MeasureCategory(models.TextChoices):
    """The measure ladder of DESIGN.md §6.3 (CAO Rijk ch. 15; 5 CFR 752; UK civil service).

    The same codes are used by the measure-word lexicon in ``zorgvuldig.signals``.
    """

    NONE = "none", _("No measure")
    INFORMAL = "informal", _("Informal correction")
    ORDER_MEASURE = "order_measure", _("Order measure (temporary, not a punishment)")
    PUNISHMENT = "punishment", _("Disciplinary punishment")
    DISMISSAL = "dismissal", _("Dismissal")

    @classmethod
    def needs_hearing(cls, category: str) -> bool:
        """Punishments and dismissal require the employee to have been heard first."""
        return category in {cls.PUNISHMENT, cls.DISMISSAL}


class HearingResponse(models.TextChoices):
    """The employee's reaction to the record of the hearing."""

    PENDING = "pending", _("Not yet responded")
    CONFIRMED = "confirmed", _("Confirmed by the employee")
    OBJECTED = "objected", _("Objected to by the employee")
