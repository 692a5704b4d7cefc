"""States, kinds and measure categories of the inquiry procedure.

The codes of the inquiry kinds and of the measure ladder are defined once in the pure
packages (``parliament.types.INQUIRY_KINDS``, ``signals.measures.MeasureCategory``); these
choices add their translated labels, and a parity test keeps the two equal.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zorgvuldig.signals.measures import SEVERITY
from zorgvuldig.signals.measures import MeasureCategory as Ladder


class InquiryKind(models.TextChoices):
    """Where the questions come from (cases/README.md, "Questions")."""

    PARLIAMENTARY_WRITTEN = (
        "parliamentary_written",
        _("Written parliamentary questions"),
    )
    PRESS = "press", _("Press questions")
    WORKS_COUNCIL = "works_council", _("Works council questions")
    OTHER = "other", _("Other")


class Assembly(models.TextChoices):
    """The assembly whose member put written questions; its term sets the deadline.

    The codes are ``parliament.assemblies.ASSEMBLIES`` (a parity test keeps them equal);
    each organisation sets the terms of the assemblies it answers to
    (``procedure_settings["assemblies"]``, docs/configuration.md).
    """

    TWEEDE_KAMER = "tweede_kamer", _("House of Representatives (Tweede Kamer)")
    EERSTE_KAMER = "eerste_kamer", _("Senate (Eerste Kamer)")
    PROVINCIALE_STATEN = (
        "provinciale_staten",
        _("Provincial council (Provinciale Staten)"),
    )
    GEMEENTERAAD = "gemeenteraad", _("Municipal council (gemeenteraad)")


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

    The codes and their order are the measure-word lexicon's ``signals.measures.
    MeasureCategory``, from mild to severe.
    """

    NONE = Ladder.NONE.value, _("No measure")
    INFORMAL = Ladder.INFORMAL.value, _("Informal correction")
    ORDER_MEASURE = (
        Ladder.ORDER_MEASURE.value,
        _("Order measure (temporary, not a punishment)"),
    )
    PUNISHMENT = Ladder.PUNISHMENT.value, _("Disciplinary punishment")
    DISMISSAL = Ladder.DISMISSAL.value, _("Dismissal")

    @classmethod
    def severity(cls, category: str) -> int:
        """The rank of ``category`` on the ladder: ``none`` 0 up to ``dismissal`` 4.

        Raises:
            KeyError: ``category`` is not a measure category.
        """
        return SEVERITY[category]

    @classmethod
    def needs_hearing(cls, category: str) -> bool:
        """Punishments and dismissal require the employee to have been heard first."""
        return category in {cls.PUNISHMENT, cls.DISMISSAL}


class MeasureStage(models.TextChoices):
    """The stages of a measure's history (``MeasureEntry``), each dated from the day it
    took effect.

    Proposed (the HR proposal, not yet in force); imposed (the decision, Awb art. 1:3);
    changed on objection (the decision on the objection, bezwaar, Awb art. 7:11) or on
    appeal (a court's ruling, beroep or hoger beroep, Awb art. 8:72); annulled (a court or
    the organisation annuls it: nothing is in force from that day); ended (an order
    measure lifted, a measure served: nothing is in force from that day).
    """

    PROPOSED = "proposed", _("Proposed")
    IMPOSED = "imposed", _("Imposed")
    CHANGED_ON_OBJECTION = "changed_on_objection", _("Changed on objection")
    CHANGED_ON_APPEAL = "changed_on_appeal", _("Changed on appeal")
    ANNULLED = "annulled", _("Annulled")
    ENDED = "ended", _("Ended")

    @classmethod
    def names_a_measure(cls, stage: str) -> bool:
        """Whether an entry of ``stage`` states a measure (category and term)."""
        return stage not in {cls.ANNULLED, cls.ENDED}

    @classmethod
    def takes_effect(cls, stage: str) -> bool:
        """Whether an entry of ``stage`` changes what is in force (all but proposals)."""
        return stage != cls.PROPOSED


class HearingResponse(models.TextChoices):
    """The employee's reaction to the record of the hearing."""

    PENDING = "pending", _("Not yet responded")
    CONFIRMED = "confirmed", _("Confirmed by the employee")
    OBJECTED = "objected", _("Objected to by the employee")
