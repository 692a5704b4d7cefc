"""Adding a stage to the dated history of an employee's measure (issue 13)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from zorgvuldig.core.models import User
from zorgvuldig.core.services import Summary, record_audit
from zorgvuldig.inquiries.choices import MeasureStage as Stage
from zorgvuldig.inquiries.measure_timeline import in_force, standing
from zorgvuldig.inquiries.models import Inquiry, Measure, MeasureEntry, PersonConcerned
from zorgvuldig.inquiries.procedure.permissions import RULES

from .measure import checked_measure
from .steps import ProcedureError, check_rule, fresh, on_behalf_of, person_on


@transaction.atomic
def add_measure_entry(
    *,
    actor: User,
    inquiry: Inquiry,
    stage: str,
    effective_on: dt.date,
    grounds: str,
    person: PersonConcerned | int | None = None,
    category: str = "",
    term: str = "",
    term_mismatch_reason: str = "",
    legal_basis: str = "",
    corrects: MeasureEntry | int | None = None,
    reason: str = "",
) -> MeasureEntry:
    """Add one stage to the measure history of one employee concerned.

    Args:
        stage: a ``MeasureStage``: proposed, imposed, changed on objection or appeal
            (these name the measure: ``category`` and exact ``term``, checked as
            ``record_measure`` checks them), annulled or ended (no measure named).
        effective_on: the calendar day (Europe/Amsterdam) the stage took effect; not in
            the future.
        grounds: the decision or ruling it rests on (required).
        corrects: an entry of the same employee that this one corrects (it is kept but
            no longer counts); it must not have been corrected already.
        reason: why it is recorded now, for the audit trail.
    Returns:
        the new entry. An imposed or changed measure also becomes the employee's
        recorded measure (``Measure``), which the procedure's guards read.
    Raises:
        ProcedureError: not an assigned HR advisor (the role that records the measure);
            the facts not yet established; an unknown stage; no grounds; a change,
            annulment or end with nothing imposed on or before that day; a correction
            of another employee's entry or of one already corrected; and every refusal
            of ``record_measure`` for the measure named.
    """
    inquiry = fresh(inquiry)
    check_rule(actor, inquiry, "record_measure_history")
    if not inquiry.concerns_person:
        raise ProcedureError(_("This inquiry concerns no person; no measure applies."))
    person = person_on(inquiry, person)
    if stage not in Stage.values:
        raise ProcedureError(_("Unknown stage '%(s)s'.") % {"s": stage})
    if not grounds.strip():
        raise ProcedureError(_("Name the decision or ruling this stage rests on."))
    if effective_on > timezone.localdate():
        raise ProcedureError(_("The date it took effect lies in the future."))
    history = list(person.measure_entries.all())
    corrected = _corrected(history, corrects)
    kept = [e for e in standing(history) if e is not corrected]
    follows = stage in (Stage.CHANGED_ON_OBJECTION, Stage.CHANGED_ON_APPEAL) or (
        not Stage.names_a_measure(stage)
    )
    if follows and not any(
        e.stage != Stage.PROPOSED
        and Stage.names_a_measure(e.stage)
        and e.effective_on <= effective_on
        for e in kept
    ):
        raise ProcedureError(
            _("Nothing was imposed on or before that day to change or end.")
        )
    if Stage.names_a_measure(stage):
        term, term_mismatch_reason = checked_measure(
            inquiry,
            person,
            category,
            term,
            term_mismatch_reason,
            effective_on,
            hearing_first=stage != Stage.PROPOSED,
        )
    else:
        category = term = term_mismatch_reason = legal_basis = ""
    entry = MeasureEntry.objects.create(
        inquiry=inquiry,
        person=person,
        stage=stage,
        category=category,
        term=term,
        term_mismatch_reason=term_mismatch_reason,
        legal_basis=legal_basis,
        effective_on=effective_on,
        grounds=grounds.strip(),
        corrects=corrected,
        recorded_by=actor,
    )
    # The recorded measure (read by the procedure's guards and the measure form) follows
    # the history only when the new entry is what is in force today: a late or correcting
    # entry about an earlier stage must not overwrite a later measure.
    today = in_force(MeasureEntry.objects.filter(person=person), timezone.localdate())
    if today is not None and today.pk == entry.pk:
        Measure.objects.update_or_create(
            inquiry=inquiry,
            person=person,
            defaults={
                "category": category,
                "term": term,
                "term_mismatch_reason": term_mismatch_reason,
                "legal_basis": legal_basis,
                "recorded_by": actor,
                "recorded_at": entry.recorded_at,
                "decided_on": effective_on,
            },
        )
    record_audit(
        actor=actor,
        action="measure.history_added",
        target=inquiry,
        summary=Summary(
            gettext_noop("%(person)s: %(stage)s from %(date)s %(term)s"),
            {
                "person": person.name,
                "stage": Stage(stage),
                "date": effective_on,
                "term": f"({term})" if term else "",
            },
        ),
        reason=reason,
        on_behalf_of=on_behalf_of(
            actor, inquiry, *RULES["record_measure_history"].roles
        ),
        changes={
            "stage": [None, stage],
            "category": [None, category],
            "term": [None, term],
            "effective_on": [None, effective_on.isoformat()],
            "grounds": [None, entry.grounds],
            "corrects": [None, corrected.pk if corrected else None],
        },
    )
    return entry


def _corrected(
    history: list[MeasureEntry], corrects: MeasureEntry | int | None
) -> MeasureEntry | None:
    """The entry of ``history`` that ``corrects`` names, or ``None``.

    Raises:
        ProcedureError: not an entry of this employee, or one already corrected.
    """
    if corrects is None:
        return None
    pk = corrects.pk if isinstance(corrects, MeasureEntry) else corrects
    found = next((e for e in history if e.pk == pk), None)
    if found is None:
        raise ProcedureError(_("That entry is not in this employee's measure history."))
    if any(e.corrects_id == pk for e in history):
        raise ProcedureError(_("That entry has been corrected already."))
    return found
