"""Guards on the procedure's transitions: small named predicates over an inquiry.

Each predicate is a :class:`Guard`: it carries a ``message`` that says, for a person, what is
still missing; the case page lists the messages of the conditions that block the next step.
They read only what the inquiry already holds (its prefetched related objects) and never
write.

Sources: the zorgvuldigheidsbeginsel (Awb art. 3:2: gather the relevant facts before deciding);
CAO Rijk ch. 15 and Ambtenarenwet 2017 (the employee is heard before a punishment).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from django.utils.translation import gettext_lazy as _

from zorgvuldig.inquiries.answers.check import findings_digest, open_findings
from zorgvuldig.inquiries.choices import AdviceKind, MeasureCategory

from .advisors import missing_advisors
from .approval import pending_layer
from .measure_terms import effective_category

if TYPE_CHECKING:
    from django.db import models

    from django_stubs_ext import StrOrPromise

    from zorgvuldig.inquiries.models import Inquiry

#: A condition of a transition, as services and the case page read it: a :class:`Guard`
#: or any item of django-fsm's ``Transition.conditions``.
Condition = Callable[["Inquiry"], bool]


@dataclass(frozen=True, eq=False)
class Guard:
    """A named condition of a transition: ``test`` over an inquiry, and the ``message`` that
    says, for a person, what is still missing when the test fails.

    Called like the predicate it wraps (``has_facts(inquiry)``); compared by identity, as a
    function is.
    """

    test: Callable[[Inquiry], bool]
    message: StrOrPromise

    def __call__(self, instance: models.Model) -> bool:
        # django-fsm calls a transition's conditions with the model instance whose
        # transition it is, always an Inquiry here; its type for them says only Model.
        return self.test(cast("Inquiry", instance))


def _described(message: StrOrPromise) -> Callable[[Callable[[Inquiry], bool]], Guard]:
    def attach(test: Callable[[Inquiry], bool]) -> Guard:
        return Guard(test, message)

    return attach


@_described(_("The established facts must be written down."))
def has_facts(inquiry: Inquiry) -> bool:
    """The facts have been recorded (non-empty)."""
    return bool(inquiry.facts.strip())


@_described(_("HR advice is required."))
def has_hr_advice(inquiry: Inquiry) -> bool:
    """HR has given advice on the current record of this inquiry (outdated advice counts
    as missing)."""
    return inquiry.current_advice_of(AdviceKind.HR) is not None


@_described(_("Legal advice is required."))
def has_legal_advice(inquiry: Inquiry) -> bool:
    """Legal has given advice on the current record of this inquiry (outdated advice
    counts as missing)."""
    return inquiry.current_advice_of(AdviceKind.LEGAL) is not None


@_described(_("Every other advisor the organisation requires must give advice."))
def has_other_advice(inquiry: Inquiry) -> bool:
    """Each advisor the organisation adds to HR and Legal (``procedure_settings
    ["advisors"]``, see ``advisors.py``) has given advice on the current record of this
    inquiry."""
    return not missing_advisors(inquiry)


@_described(
    _("Advice given before the facts or the hearing changed must be confirmed again.")
)
def advice_current(inquiry: Inquiry) -> bool:
    """All given advice was given on the current record (facts and hearing).

    Awb art. 3:2: the decision rests on the facts as they now stand, so advice on an older
    version of them no longer counts until the advisor confirms it.
    """
    return all(
        a.on_record_version == inquiry.record_version for a in inquiry.advice.all()
    )


@_described(_("The inquiry must concern a person for a measure to be decided."))
def concerns_person(inquiry: Inquiry) -> bool:
    """At least one person (employee) is concerned by the inquiry."""
    return inquiry.concerns_person


@_described(
    _(
        "This inquiry concerns one or more employees: the measure must be decided before "
        "the answer."
    )
)
def no_person_concerned(inquiry: Inquiry) -> bool:
    """The inquiry names no employee (so there is no hearing and no measure)."""
    return not inquiry.concerns_person


@_described(
    _("A measure (or 'no measure') must be recorded for every employee concerned.")
)
def has_measure(inquiry: Inquiry) -> bool:
    """A measure has been recorded for each person concerned (and someone is concerned)."""
    return inquiry.concerns_person and inquiry.everyone_has_measure


@_described(
    _(
        "A punishment or dismissal can only be decided after the employee's hearing (held "
        "on or before the day of the decision)."
    )
)
def punishment_after_hearing(inquiry: Inquiry) -> bool:
    """Every measure of category punishment or dismissal follows a hearing of the same
    employee held on or before the day it was decided. The category is the more severe of
    the recorded one and the exact term's (``measure_terms.effective_category``), so an
    "informal correction" called "schriftelijke berisping" waits for the hearing too.

    CAO Rijk ch. 15: the employee is heard before a disciplinary punishment is imposed.
    """
    for _person, hearing, measure in inquiry.persons_steps:
        if measure is None:
            continue
        category = effective_category(measure.category, measure.term)
        if not MeasureCategory.needs_hearing(category):
            continue
        if hearing is None or hearing.held_on > measure.decided_on:
            return False
    return True


@_described(_("Every employee concerned must be heard before approval."))
def heard_if_person(inquiry: Inquiry) -> bool:
    """Every person concerned has a recorded hearing (true when none is concerned)."""
    return inquiry.everyone_heard


@_described(
    _("A measure must be decided for every employee concerned before approval.")
)
def measure_if_person(inquiry: Inquiry) -> bool:
    """Every person concerned has a decided measure (true when none is concerned)."""
    return inquiry.everyone_has_measure


@_described(_("Every question needs an answer."))
def all_questions_answered(inquiry: Inquiry) -> bool:
    """Each question has a non-empty answer, its own or its group's ("Antwoord 2, 3 en 4":
    a question answered together with an earlier one is answered by that one's text)."""
    questions = list(inquiry.questions.all())
    texts = {q.pk: q.answer.strip() for q in questions}
    return bool(questions) and all(
        texts[q.pk] or (q.answered_with_id and texts.get(q.answered_with_id))
        for q in questions
    )


@_described(
    _(
        "The answer checks have findings (measure words, the employee's name, the "
        "organisation's position); change the answer or let the approver record a reason."
    )
)
def answer_check_clear(inquiry: Inquiry) -> bool:
    """No answer finding is open, or the current findings were overridden with a reason."""
    findings = open_findings(inquiry)
    if not findings:
        return True
    override = inquiry.answer_override
    return override is not None and override.digest == findings_digest(findings)


@_described(_("Every approval layer must approve the current draft, in turn."))
def all_layers_approved(inquiry: Inquiry) -> bool:
    """Every configured approval layer approved this draft round (none configured: true)."""
    return pending_layer(inquiry) is None


def gates_before_layers(conditions: Sequence[Condition]) -> list[Condition]:
    """The approve transition's ``conditions`` without the last gate, "every layer has
    approved": the button approves the next layer, so the layers still to come do not block
    it. Services and the case page both judge an approval by these gates."""
    return [c for c in conditions if c is not all_layers_approved]


def message_of(condition: Condition) -> str:
    """The message of ``condition``, in the active language.

    Raises:
        TypeError: ``condition`` is not a :class:`Guard` (every condition of an inquiry's
            transition is one).
    """
    if not isinstance(condition, Guard):
        raise TypeError(f"{condition!r} is not a Guard: it has no message")
    return str(condition.message)


def unmet(conditions: Sequence[Condition], inquiry: Inquiry) -> list[str]:
    """The messages of the ``conditions`` that ``inquiry`` does not meet, in order."""
    return [message_of(c) for c in conditions if not c(inquiry)]
