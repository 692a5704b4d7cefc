"""What the procedure records along the way: advice, hearing, measure, answer override."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zorgvuldig.inquiries.choices import HearingResponse, MeasureCategory

from .inquiry import Inquiry, PersonConcerned


class Advice(models.Model):
    """The advice of HR, Legal or another advisor the organisation requires on an inquiry;
    one current advice per kind (see ``advisors.py``).

    Legal advises on the norm (Ambtenarenwet 2017 art. 10) and proportionality; HR on the
    measure and the employee's position. Edits are audited with the old and new text.
    """

    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.CASCADE, related_name="advice"
    )
    kind = models.CharField(
        _("kind"),
        max_length=32,
        help_text=_("hr, legal, or the code of an advisor the organisation added."),
    )
    text = models.TextField(_("advice"))
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    on_record_version = models.PositiveIntegerField(
        _("given on record version"),
        default=1,
        help_text=_(
            "The inquiry's record version (facts and hearing) the advice was given on."
        ),
    )

    class Meta:
        verbose_name = _("advice")
        verbose_name_plural = _("advice")
        constraints = [
            models.UniqueConstraint(
                fields=["inquiry", "kind"], name="one_advice_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} ({self.inquiry_id})"


class Hearing(models.Model):
    """The hearing of one employee concerned (hoor en wederhoor), possible any time after
    the facts; one per person concerned.

    Required before a punishment or dismissal of that employee (CAO Rijk ch. 15) and, for
    every person concerned, before approval. Each employee reads and answers only their own.
    """

    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.CASCADE, related_name="hearings"
    )
    person = models.OneToOneField(
        PersonConcerned,
        verbose_name=_("employee"),
        on_delete=models.CASCADE,
        related_name="hearing",
    )
    held_on = models.DateField(_("held on"))
    present = models.CharField(_("present"), max_length=500)
    assisted_by = models.CharField(
        _("employee assisted by"), max_length=200, blank=True
    )
    account = models.TextField(_("the employee's own account"))
    response = models.CharField(
        _("employee's response to the record"),
        max_length=16,
        choices=HearingResponse.choices,
        default=HearingResponse.PENDING,
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    employee_comment = models.TextField(
        _("the employee's comments on the record"), blank=True
    )
    responded_at = models.DateTimeField(_("responded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")

    def __str__(self) -> str:
        return f"{self.held_on} ({self.inquiry_id}, {self.person_id})"


class Measure(models.Model):
    """The measure taken towards one employee concerned, in its category and exact legal
    term; one per person concerned.

    ``category`` is the ladder of DESIGN.md §6.3; ``term`` the words the organisation uses
    (e.g. "aangesproken", "schriftelijke berisping"), against which answers and articles are
    checked. The term is read with the measure lexicon (``procedure.measure_terms``); a
    term that reads as another category is kept only with ``term_mismatch_reason``, and
    the more severe of the two decides whether a hearing must come first.
    """

    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.CASCADE, related_name="measures"
    )
    person = models.OneToOneField(
        PersonConcerned,
        verbose_name=_("employee"),
        on_delete=models.CASCADE,
        related_name="measure",
    )
    category = models.CharField(
        _("category"), max_length=32, choices=MeasureCategory.choices
    )
    term = models.CharField(_("exact term"), max_length=200)
    term_mismatch_reason = models.TextField(
        _("why the term does not fit the category"),
        blank=True,
        help_text=_(
            "Given when the measure lexicon reads the exact term as another category."
        ),
    )
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    decided_on = models.DateField(_("decided on"), default=timezone.localdate)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")

    def __str__(self) -> str:
        return f"{self.term} ({self.get_category_display()})"


class AnswerOverride(models.Model):
    """A recorded decision to approve despite answer-check findings, with its reason.

    ``digest`` fingerprints the findings it covers: when the answer changes and the findings
    differ, the override no longer applies.
    """

    inquiry = models.OneToOneField(
        Inquiry, on_delete=models.CASCADE, related_name="override"
    )
    reason = models.TextField(_("reason"))
    digest = models.CharField(max_length=64)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("answer check override")
        verbose_name_plural = _("answer check overrides")

    def __str__(self) -> str:
        return self.reason[:60]


class Postponement(models.Model):
    """The postponement notice (uitstelbericht, "mededeling") for written questions.

    Sent when the answer cannot be given within three weeks; it states the reasons and moves
    the answer deadline to six weeks after submission (DESIGN.md §6.2).
    """

    inquiry = models.OneToOneField(
        Inquiry, on_delete=models.CASCADE, related_name="postponement_notice"
    )
    reason = models.TextField(_("reason"))
    sent_on = models.DateField(_("sent on"), default=timezone.localdate)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("postponement notice")
        verbose_name_plural = _("postponement notices")

    def __str__(self) -> str:
        return f"{self.sent_on}: {self.reason[:60]}"


class ApprovalStep(models.Model):
    """One layer's approval of one draft round (e.g. director, then secretary-general).

    The organisation lists its layers in ``procedure_settings["approval_layers"]``; the answer
    is approved when every layer has approved the current draft round, in order.
    """

    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.CASCADE, related_name="approvals"
    )
    draft_round = models.PositiveIntegerField()
    layer = models.CharField(_("layer"), max_length=64)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    comments = models.TextField(_("comments"), blank=True)

    class Meta:
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        ordering = ("at", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=["inquiry", "draft_round", "layer"],
                name="one_approval_per_layer_and_round",
            )
        ]

    def __str__(self) -> str:
        return f"{self.layer} ({self.draft_round})"
