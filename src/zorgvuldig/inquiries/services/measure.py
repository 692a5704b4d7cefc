"""The measure of each employee concerned, recorded in its exact legal term, and deciding it."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zorgvuldig.core.models import User
from zorgvuldig.core.services import Summary, record_audit
from zorgvuldig.inquiries.choices import MeasureCategory
from zorgvuldig.inquiries.choices import MeasureStage as Stage
from zorgvuldig.inquiries.measure_timeline import standing
from zorgvuldig.inquiries.models import Inquiry, Measure, MeasureEntry, PersonConcerned
from zorgvuldig.inquiries.procedure.guards import punishment_after_hearing
from zorgvuldig.inquiries.procedure.measure_terms import effective_category, read_term
from zorgvuldig.inquiries.procedure.permissions import RULES

from .steps import (
    ProcedureError,
    check_rule,
    fire,
    fresh,
    on_behalf_of,
    person_on,
)


@transaction.atomic
def decide_measure(*, actor: User, inquiry: Inquiry, reason: str = "") -> Inquiry:
    """Declare the recorded measure decided."""
    return fire(actor, inquiry, "decide_measure", reason)


@transaction.atomic
def record_measure(
    *,
    actor: User,
    inquiry: Inquiry,
    category: str,
    term: str,
    legal_basis: str = "",
    decided_on: dt.date | None = None,
    person: PersonConcerned | int | None = None,
    reason: str = "",
    term_mismatch_reason: str = "",
) -> Measure:
    """Record (or revise) the measure towards one employee concerned, in its category and
    exact term (DESIGN.md §6.3).

    ``person`` is that employee (a person concerned of this inquiry, or its pk; ``None``
    when only one is concerned). ``decided_on`` is the calendar day of the decision
    (default: today); the media check uses it to know which measure was in force when an
    article appeared.

    The term is read with the measure lexicon (``procedure.measure_terms``): when it reads
    as another category ("schriftelijke berisping" recorded as an informal correction),
    the measure is kept only with ``term_mismatch_reason``, the person's account of why
    (audited with the measure); it is dropped when the term fits.

    Each recording also adds an ``imposed`` entry to the employee's measure history
    (``MeasureEntry``, from ``decided_on``, resting on ``reason``); a revision adds one
    that corrects the entry the measure as it stood came from (the last recorded imposed
    or changed entry), which is kept. The more severe of the
    category and the term decides whether the hearing must come first.

    Raises:
        ProcedureError: not an assigned HR advisor; wrong state; no (or an unknown) person
            concerned; no term; a term that reads as another category without a reason;
            a punishment or dismissal (by category or by term) before that employee's
            hearing (CAO Rijk ch. 15).
    """
    inquiry = fresh(inquiry)
    check_rule(actor, inquiry, "record_measure")
    if not inquiry.concerns_person:
        raise ProcedureError(_("This inquiry concerns no person; no measure applies."))
    person = person_on(inquiry, person)
    decided_on = decided_on or timezone.localdate()
    term, term_mismatch_reason = checked_measure(
        inquiry, person, category, term, term_mismatch_reason, decided_on
    )
    old = inquiry.measure_of(person)
    # The entry the measure as it stands came from: the last recorded that set it.
    previous = sorted(
        (
            e
            for e in standing(person.measure_entries.all())
            if Stage.takes_effect(e.stage) and Stage.names_a_measure(e.stage)
        ),
        key=lambda e: (e.recorded_at, e.pk),
    )
    MeasureEntry.objects.create(
        inquiry=inquiry,
        person=person,
        stage=Stage.IMPOSED,
        category=category,
        term=term,
        term_mismatch_reason=term_mismatch_reason,
        legal_basis=legal_basis,
        effective_on=decided_on,
        # the history names what each stage rests on, even when no reason was given
        grounds=reason.strip() or "recorded with the measure form (no reason given)",
        corrects=previous[-1] if old is not None and previous else None,
        recorded_by=actor,
    )
    measure, _created = Measure.objects.update_or_create(
        inquiry=inquiry,
        person=person,
        defaults={
            "category": category,
            "term": term,
            "term_mismatch_reason": term_mismatch_reason.strip(),
            "legal_basis": legal_basis,
            "recorded_by": actor,
            "recorded_at": timezone.now(),
            "decided_on": decided_on,
        },
    )
    record_audit(
        actor=actor,
        action="measure.recorded",
        target=inquiry,
        summary=Summary(
            "%(person)s: %(term)s (%(category)s)",
            {
                "person": person.name,
                "term": measure.term,
                "category": MeasureCategory(category),
            },
        ),
        reason=reason,
        on_behalf_of=on_behalf_of(actor, inquiry, *RULES["record_measure"].roles),
        changes={
            "category": [old.category if old else None, category],
            "term": [old.term if old else None, measure.term],
            "term_mismatch_reason": [
                old.term_mismatch_reason if old else None,
                measure.term_mismatch_reason,
            ],
            "legal_basis": [old.legal_basis if old else None, legal_basis],
            "decided_on": [str(old.decided_on) if old else None, str(decided_on)],
        },
    )
    return measure


def checked_measure(
    inquiry: Inquiry,
    person: PersonConcerned,
    category: str,
    term: str,
    term_mismatch_reason: str,
    decided_on: dt.date,
    *,
    hearing_first: bool = True,
) -> tuple[str, str]:
    """The term and the reason for a mismatch as they are kept, after the checks that
    every recorded measure passes (the measure itself and each stage of its history that
    names one). ``hearing_first=False`` for a proposal, which precedes the hearing.

    Raises:
        ProcedureError: an unknown category; no term; a future date; a term that reads as
            another category without a reason; a punishment or dismissal (by category or
            by term) before that employee's hearing (CAO Rijk ch. 15).
    """
    if category not in MeasureCategory.values:
        raise ProcedureError(_("Unknown measure category '%(c)s'.") % {"c": category})
    if not term.strip():
        raise ProcedureError(
            _("Give the exact term of the measure, e.g. 'aangesproken'.")
        )
    if decided_on > timezone.localdate():
        raise ProcedureError(_("The decision date lies in the future."))
    term = term.strip()
    reading = read_term(term)
    if reading.fits(category):
        term_mismatch_reason = ""
    elif not term_mismatch_reason.strip():
        raise ProcedureError(
            _(
                "The term '%(term)s' reads as %(read)s, not as %(category)s: correct the "
                "category or the term, or say why the term does not fit."
            )
            % {
                "term": term,
                "read": ", ".join(
                    str(MeasureCategory(c).label) for c in reading.categories
                ),
                "category": MeasureCategory(category).label,
            }
        )
    hearing = inquiry.hearing_of(person)
    if (
        hearing_first
        and MeasureCategory.needs_hearing(effective_category(category, term))
        and (hearing is None or hearing.held_on > decided_on)
    ):
        raise ProcedureError(str(punishment_after_hearing.message))
    return term, term_mismatch_reason.strip()
