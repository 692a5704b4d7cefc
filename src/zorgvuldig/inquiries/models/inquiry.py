"""The inquiry: a question about staff conduct and the careful procedure that answers it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from django_fsm import RETURN_VALUE, ConcurrentTransitionMixin, FSMField, transition

from zorgvuldig.core.choices import Confidentiality, Role
from zorgvuldig.inquiries.choices import AdviceKind, Assembly, InquiryKind, State
from zorgvuldig.inquiries.procedure import guards as c
from zorgvuldig.inquiries.procedure.permissions import RoleOnCase

if TYPE_CHECKING:
    from django_fsm import Transition
    from django_stubs_ext import StrOrPromise

    from zorgvuldig.core.models import User

    from .steps import Advice, AnswerOverride, Hearing, Measure, Postponement


def _role_on_case(*roles: str) -> RoleOnCase:
    """Permission for a transition: the user holds one of ``roles`` and is assigned."""
    return RoleOnCase(roles)


class Inquiry(ConcurrentTransitionMixin, models.Model):
    """A question about a civil servant's conduct that the organisation must answer.

    Usually written parliamentary questions (Kamervragen, Grondwet art. 68), also press or
    works-council questions. The procedure (``state``) makes the answer wait for established
    facts, HR and Legal advice, the hearing of the employee and a decided measure (Awb art.
    3:2, the duty of care). ``state`` is protected: only the transitions below change it, and
    only services call them (see ``services.py``).
    """

    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="inquiries"
    )
    kind = models.CharField(
        _("kind"),
        max_length=32,
        choices=InquiryKind.choices,
        default=InquiryKind.PARLIAMENTARY_WRITTEN,
    )
    subject = models.CharField(_("subject"), max_length=500)
    number = models.CharField(
        _("parliament number"), max_length=32, blank=True, help_text="e.g. 2012Z03360"
    )
    reference = models.CharField(_("sender's reference"), max_length=64, blank=True)
    #: The one-time key of the intake form that registered the inquiry: a second submit
    #: of the same form (back button, double click) finds this inquiry instead of making
    #: a second one (unique when set).
    intake_token = models.CharField(
        _("intake form key"), max_length=64, blank=True, default="", editable=False
    )
    askers = models.JSONField(_("askers"), default=list, blank=True)
    addressees = models.JSONField(_("addressees"), default=list, blank=True)
    submitted = models.DateField(_("submitted on"), null=True, blank=True)
    #: The assembly that put written questions (``choices.Assembly``); its term, as the
    #: organisation sets it, gives the deadline and the deadline after a postponement.
    assembly = models.CharField(
        _("assembly"), max_length=32, choices=Assembly.choices, blank=True, default=""
    )
    deadline = models.DateField(_("answer due"), null=True, blank=True)
    source_text = models.TextField(_("original text"), blank=True)
    confidentiality = models.CharField(
        _("confidentiality"),
        max_length=20,
        choices=Confidentiality.choices,
        default=Confidentiality.ZAAKVERTROUWELIJK,
        help_text=_("Only assigned people cleared for this level see the case."),
    )
    facts = models.TextField(_("established facts"), blank=True)
    conduct = models.JSONField(
        _("established conduct"),
        default=dict,
        blank=True,
        help_text=_(
            "What was posted or liked, by whom and when, in the shape the rulebooks "
            "read (actor, context, action, text)."
        ),
    )
    draft_round = models.PositiveIntegerField(
        _("draft round"),
        default=0,
        help_text=_("Raised each time the answer is submitted for approval."),
    )
    record_version = models.PositiveIntegerField(
        _("record version"),
        default=1,
        help_text=_(
            "Raised whenever the facts or the hearing change; advice given on an "
            "earlier version is outdated."
        ),
    )
    state = FSMField(
        _("state"),
        max_length=32,
        choices=State.choices,
        default=State.REGISTERED,
        protected=True,
    )
    assignees = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned people"),
        related_name="assigned_inquiries",
        blank=True,
    )
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
    )

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        ordering = ("deadline", "pk")
        indexes = [
            models.Index(fields=["deadline", "id"], name="inquiry_deadline_idx"),
            models.Index(fields=["organisation", "number"], name="inquiry_number_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["intake_token"],
                condition=~models.Q(intake_token=""),
                name="inquiry_intake_token_unique",
            )
        ]

    def __str__(self) -> str:
        return self.subject

    # -- reads used by conditions (work on prefetched relations) --------------------------

    def delegator_of(self, user: User, *roles: str) -> User | None:
        """For whom ``user`` acts on this inquiry, for its audit entries ("on behalf of"):
        the assigned delegator whose role (one of ``roles``; any role when none are given)
        they hold by a delegation in force, or ``None`` when they act in their own right."""
        return user.delegator_for(roles or None, [u.pk for u in self.assignees.all()])

    def acts_as(self, user, *roles: str) -> bool:
        """Whether ``user`` may act in one of ``roles`` on this inquiry: in their own role when
        they are assigned, or in a role delegated to them (in force today) by someone who is
        assigned. A delegation never reaches beyond the delegator's own cases, and an
        employee concerned never acts on their own case, whatever their role."""
        if not user.is_active or any(p.user_id == user.pk for p in self.persons.all()):
            return False
        assigned = {u.pk for u in self.assignees.all()}
        if user.pk in assigned and user.role in roles:
            return True
        delegations = (
            user.active_delegations() if hasattr(user, "active_delegations") else []
        )
        return any(d.role in roles and d.from_user_id in assigned for d in delegations)

    def is_assigned(self, user) -> bool:
        """Whether ``user`` is assigned to this inquiry, or acts for someone who is."""
        acting = set(user.acting_for()) if hasattr(user, "acting_for") else {user.pk}
        return any(u.pk in acting for u in self.assignees.all())

    @property
    def concerns_person(self) -> bool:
        """Whether the inquiry is about one or more named employees."""
        return bool(self.persons.all())

    def advice_of(self, kind: AdviceKind | str) -> Advice | None:
        """The advice of ``kind`` (HR, Legal or an advisor code of the organisation), or
        ``None`` when not yet given."""
        return next((a for a in self.advice.all() if a.kind == kind), None)

    def current_advice_of(self, kind: AdviceKind | str) -> Advice | None:
        """The advice of ``kind`` when it was given on the current record version (facts,
        conduct and hearing as they stand), else ``None``: outdated advice counts as
        missing until its advisor confirms it."""
        advice = self.advice_of(kind)
        if advice is None or advice.on_record_version != self.record_version:
            return None
        return advice

    def hearing_of(self, person: PersonConcerned) -> Hearing | None:
        """The recorded hearing of ``person`` (one of ``persons``), or ``None``."""
        return next((h for h in self.hearings.all() if h.person_id == person.pk), None)

    def measure_of(self, person: PersonConcerned) -> Measure | None:
        """The measure recorded for ``person`` (one of ``persons``), or ``None``."""
        return next((m for m in self.measures.all() if m.person_id == person.pk), None)

    @property
    def recorded_measures(self) -> list[Measure]:
        """The measures recorded so far, one per person at most, in person order."""
        order = {p.pk: i for i, p in enumerate(self.persons.all())}
        return sorted(self.measures.all(), key=lambda m: order.get(m.person_id, 0))

    @property
    def persons_steps(
        self,
    ) -> list[tuple[PersonConcerned, Hearing | None, Measure | None]]:
        """``[(person, hearing or None, measure or None)]`` for each person concerned."""
        return [(p, self.hearing_of(p), self.measure_of(p)) for p in self.persons.all()]

    @property
    def everyone_heard(self) -> bool:
        """Whether every person concerned has been heard (true when none is concerned)."""
        return all(self.hearing_of(p) is not None for p in self.persons.all())

    @property
    def everyone_has_measure(self) -> bool:
        """Whether a measure is recorded for every person concerned (true when none)."""
        return all(self.measure_of(p) is not None for p in self.persons.all())

    @property
    def postponement(self) -> Postponement | None:
        """The recorded postponement notice, or ``None``."""
        try:
            return self.postponement_notice
        except models.ObjectDoesNotExist:
            return None

    @property
    def answer_override(self) -> AnswerOverride | None:
        """The recorded override of the answer check, or ``None``."""
        try:
            return self.override
        except models.ObjectDoesNotExist:
            return None

    # -- the procedure --------------------------------------------------------------------

    if TYPE_CHECKING:
        # FSMField adds this method to the class when the model is prepared.
        def get_all_state_transitions(self) -> Iterator[Transition]:
            """Every transition declared on ``state``, from any source."""

    @transition(
        field=state,
        source=State.REGISTERED,
        target=State.FACTS_ESTABLISHED,
        conditions=[c.has_facts],
        permission=_role_on_case(Role.CASE_HANDLER),
    )
    def establish_facts(self) -> None:
        """The facts are established: what was posted or liked, when, by whom, in which role."""

    @transition(
        field=state,
        source=[
            State.FACTS_ESTABLISHED,
            State.ADVICE_COMPLETE,
            State.MEASURE_DECIDED,
            State.ANSWER_DRAFTED,
        ],
        target=State.FACTS_ESTABLISHED,
        conditions=[c.has_facts],
        permission=_role_on_case(Role.CASE_HANDLER),
    )
    def revise_facts(self) -> None:
        """The established facts were corrected: the procedure goes back to the facts, and
        advice given on the old facts is outdated until the advisors confirm it."""

    @transition(
        field=state,
        source=State.FACTS_ESTABLISHED,
        target=State.ADVICE_COMPLETE,
        conditions=[
            c.has_facts,
            # Before the advice itself: outdated advice counts as missing, and this says why.
            c.advice_current,
            c.has_hr_advice,
            c.has_legal_advice,
            c.has_other_advice,
        ],
        permission=_role_on_case(Role.CASE_HANDLER),
    )
    def complete_advice(self) -> None:
        """HR, Legal and every other advisor the organisation requires have advised on the
        established facts."""

    @transition(
        field=state,
        source=State.ADVICE_COMPLETE,
        target=State.MEASURE_DECIDED,
        conditions=[c.concerns_person, c.has_measure, c.punishment_after_hearing],
        permission=_role_on_case(Role.HR_ADVISOR),
    )
    def decide_measure(self) -> None:
        """The measure towards the employee is decided (CAO Rijk ch. 15)."""

    @transition(
        field=state,
        source=State.ADVICE_COMPLETE,
        target=State.ANSWER_DRAFTED,
        conditions=[c.no_person_concerned, c.all_questions_answered],
        permission=_role_on_case(Role.CASE_HANDLER),
    )
    @transition(
        field=state,
        source=State.MEASURE_DECIDED,
        target=State.ANSWER_DRAFTED,
        conditions=[c.all_questions_answered],
        permission=_role_on_case(Role.CASE_HANDLER),
    )
    def draft_answer(self) -> None:
        """Every question has an answer; the draft goes to approval.

        An inquiry that concerns a person comes from "measure decided"; one that concerns no
        person (e.g. a works-council memo) comes straight from "advice complete".
        """

    @transition(
        field=state,
        source=State.ANSWER_DRAFTED,
        target=RETURN_VALUE(State.MEASURE_DECIDED, State.ADVICE_COMPLETE),
        permission=_role_on_case(Role.APPROVER),
    )
    def return_for_rework(self) -> str:
        """The approver sends the draft back: to the measure step when a person is
        concerned (the measure may need reconsidering), else to advice complete."""
        return State.MEASURE_DECIDED if self.concerns_person else State.ADVICE_COMPLETE

    @transition(
        field=state,
        source=State.ANSWER_DRAFTED,
        target=State.APPROVED,
        conditions=[
            c.has_facts,
            # Before the advice itself: outdated advice counts as missing, and this says why.
            c.advice_current,
            c.has_hr_advice,
            c.has_legal_advice,
            c.has_other_advice,
            c.heard_if_person,
            c.measure_if_person,
            c.punishment_after_hearing,
            c.all_questions_answered,
            c.answer_check_clear,
            c.all_layers_approved,
        ],
        permission=_role_on_case(Role.APPROVER),
    )
    def approve(self) -> None:
        """The answer is approved (e.g. by the secretary-general or minister's office)."""

    @transition(
        field=state,
        source=State.APPROVED,
        target=State.SENT,
        conditions=[c.advice_current],
        permission=_role_on_case(Role.CASE_HANDLER),
    )
    def send(self) -> None:
        """The approved answer has been sent to parliament, the press or the works council."""


class Question(models.Model):
    """One numbered question of an inquiry, with the organisation's answer to it."""

    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.CASCADE, related_name="questions"
    )
    number = models.PositiveIntegerField(_("number"))
    text = models.TextField(_("question"))
    footnotes = models.JSONField(_("footnotes"), default=list, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_with = models.ForeignKey(
        "self",
        verbose_name=_("answered together with"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="grouped_questions",
        help_text=_(
            "The first question of the group whose answer also answers this one."
        ),
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ("inquiry_id", "number")
        constraints = [
            models.UniqueConstraint(
                fields=["inquiry", "number"], name="question_number_unique_per_inquiry"
            ),
            models.CheckConstraint(
                condition=~models.Q(answered_with=models.F("pk")),
                name="question_not_answered_with_itself",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:60]}"

    def clean(self) -> None:
        """A grouped question points to an earlier question of the same inquiry that is not
        grouped itself (a group has one leader, never a chain); see ``grouping``."""
        super().clean()
        leader = self.answered_with
        if leader is None:
            return
        message: StrOrPromise
        if leader.inquiry_id != self.inquiry_id:
            message = _("Choose a question of the same inquiry.")
        elif leader.pk == self.pk or leader.number >= self.number:
            message = _(
                "Choose an earlier question: a group's answer is written at its first "
                "question."
            )
        elif (head := leader.answered_with) is not None:
            message = _(
                "Question %(m)d is itself answered together with question %(k)d; "
                "choose question %(k)d."
            ) % {"m": leader.number, "k": head.number}
        else:
            return
        raise ValidationError({"answered_with": message})


class PersonConcerned(models.Model):
    """An employee whose conduct the inquiry is about (personnel data: confidential)."""

    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.CASCADE, related_name="persons"
    )
    name = models.CharField(_("name"), max_length=200)
    function = models.CharField(_("function"), max_length=200, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="concerning_inquiries",
        help_text=_(
            "The employee's own account: lets them read and respond to the record."
        ),
    )

    class Meta:
        verbose_name = _("person concerned")
        verbose_name_plural = _("persons concerned")
        ordering = ("inquiry_id", "pk")

    def __str__(self) -> str:
        return self.name
