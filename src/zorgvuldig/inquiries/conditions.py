"""Guards on the procedure's transitions: small named predicates over an inquiry.

Each predicate carries a ``message`` that says, for a person, what is still missing; the case
page lists the messages of the conditions that block the next step. They read only what the
inquiry already holds (its prefetched related objects) and never write.

Sources: the zorgvuldigheidsbeginsel (Awb art. 3:2: gather the relevant facts before deciding);
CAO Rijk ch. 15 and Ambtenarenwet 2017 (the employee is heard before a punishment).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from .choices import AdviceKind, MeasureCategory

if TYPE_CHECKING:
    from .models import ApprovalStep, Inquiry

Condition = Callable[["Inquiry"], bool]


def _described(message: str) -> Callable[[Condition], Condition]:
    def attach(func: Condition) -> Condition:
        func.message = message  # type: ignore[attr-defined]
        return func

    return attach


@_described(_("The established facts must be written down."))
def has_facts(inquiry: Inquiry) -> bool:
    """The facts have been recorded (non-empty)."""
    return bool(inquiry.facts.strip())


@_described(_("HR advice is required."))
def has_hr_advice(inquiry: Inquiry) -> bool:
    """HR has given advice on this inquiry."""
    return inquiry.advice_of(AdviceKind.HR) is not None


@_described(_("Legal advice is required."))
def has_legal_advice(inquiry: Inquiry) -> bool:
    """Legal has given advice on this inquiry."""
    return inquiry.advice_of(AdviceKind.LEGAL) is not None


@_described(_("Every other advisor the organisation requires must give advice."))
def has_other_advice(inquiry: Inquiry) -> bool:
    """Each advisor the organisation adds to HR and Legal (``procedure_settings
    ["advisors"]``, see ``advisors.py``) has given advice on this inquiry."""
    from .advisors import missing_advisors

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
    employee held on or before the day it was decided.

    CAO Rijk ch. 15: the employee is heard before a disciplinary punishment is imposed.
    """
    for _person, hearing, measure in inquiry.persons_steps:
        if measure is None or not MeasureCategory.needs_hearing(measure.category):
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
    from .answer_check import findings_digest, open_findings

    findings = open_findings(inquiry)
    if not findings:
        return True
    override = inquiry.answer_override
    return override is not None and override.digest == findings_digest(findings)


def approval_layers(inquiry: Inquiry) -> list[str]:
    """The organisation's approval layers in order (``[]``: one approver suffices)."""
    layers = procedure_settings(inquiry.organisation).get("approval_layers") or []
    if isinstance(layers, str):  # a single layer written without brackets
        layers = [layers]
    if not isinstance(layers, list):
        return []
    return [str(layer) for layer in layers if str(layer).strip()]


def procedure_settings(organisation) -> dict:
    """The organisation's procedure settings, or ``{}`` when they are not a JSON object (a
    settings mistake must not take the case pages down)."""
    value = organisation.procedure_settings
    return value if isinstance(value, dict) else {}


def round_approvals(inquiry: Inquiry) -> list[ApprovalStep]:
    """The layer approvals of the current draft round (earlier rounds no longer count)."""
    return [a for a in inquiry.approvals.all() if a.draft_round == inquiry.draft_round]


def pending_layer(inquiry: Inquiry) -> str | None:
    """The next layer that must approve the current draft round, or ``None``."""
    done = {a.layer for a in round_approvals(inquiry)}
    return next(
        (layer for layer in approval_layers(inquiry) if layer not in done), None
    )


@_described(_("Every approval layer must approve the current draft, in turn."))
def all_layers_approved(inquiry: Inquiry) -> bool:
    """Every configured approval layer approved this draft round (none configured: true)."""
    return pending_layer(inquiry) is None


def drafter_id(inquiry: Inquiry) -> int | None:
    """The id of who submitted the current draft for approval (``None``: not submitted)."""
    events = [e for e in inquiry.events.all() if e.transition == "draft_answer"]
    latest = max(events, key=lambda e: (e.at, e.pk), default=None)
    return latest.actor_id if latest else None


def may_approve_layer(user, layer: str) -> bool:
    """Whether ``user`` (or a delegator they act for) is the approver of ``layer``.

    With layers configured every approver must have their layer set: a blank layer approves
    nothing, so no one approves a layer that is not theirs.
    """
    layers = {user.approval_layer} | {
        d.from_user.approval_layer for d in user.active_delegations()
    }
    return layer in layers


def approval_refusal(user, inquiry: Inquiry) -> str | None:
    """Why ``user``, an approver on the case, may not approve the current draft now, or
    ``None``: four eyes (the one who submitted the draft does not approve it), one layer per
    person per draft round, and the layer that is next must be theirs."""
    if drafter_id(inquiry) == user.pk:
        return str(_("The person who submitted the draft does not also approve it."))
    layer = pending_layer(inquiry)
    if layer is None:
        return None
    if any(a.by_id == user.pk for a in round_approvals(inquiry)):
        return str(_("You have already approved this draft for another layer."))
    if not may_approve_layer(user, layer):
        return str(
            _("The next approval is for the layer '%(layer)s'.") % {"layer": layer}
        )
    return None


def unmet(conditions: list[Condition], inquiry: Inquiry) -> list[str]:
    """The messages of the ``conditions`` that ``inquiry`` does not meet, in order."""
    return [str(c.message) for c in conditions if not c(inquiry)]  # type: ignore[attr-defined]
