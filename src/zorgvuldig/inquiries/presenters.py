"""What the case page shows of the procedure: the states, the next possible steps with what
blocks them, the milestones with their status, and the approval layers of the current draft.

Read-only views of an inquiry loaded by ``queries.get_inquiry_for``; the rules themselves live
in ``procedure/`` (guards, approval policy, milestones).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zorgvuldig.core.choices import Role

from .choices import State
from .models import Inquiry
from .procedure.advisors import missing_advisors
from .procedure.approval import approval_layers, approval_refusal, round_approvals
from .procedure.guards import gates_before_layers, has_other_advice, unmet
from .procedure.milestones import milestone_config, milestones
from .procedure.organisation import organisation_calendar, procedure_settings
from .procedure.permissions import transition_roles
from .procedure.steps import FORM_TRANSITIONS, STEP_LABELS


@dataclass(frozen=True)
class Step:
    """A transition possible from the current state, as one user sees it."""

    name: str
    label: str
    roles: list[str]
    allowed_for_user: bool
    missing: list[str]


def step_overview(inquiry: Inquiry, user) -> dict:
    """The states (with the current one marked), the next steps with what blocks them, and
    the return for rework that brought the case back, if that was its last step:
    ``{"states": [...], "next": [Step], "returned": ProcedureEvent | None}``."""
    generic = str(has_other_advice.message)
    steps = []
    for t in inquiry.get_all_state_transitions():
        if t.source not in (inquiry.state, "*") or t.name in FORM_TRANSITIONS:
            continue
        roles = list(transition_roles(t))
        allowed = bool(t.has_perm(inquiry, user))
        if t.name == "approve":
            # The button approves the next layer (the layers still to come do not block
            # it); the gates of the person (four eyes, their layer) show before it is
            # pressed.
            missing = unmet(gates_before_layers(t.conditions), inquiry)
            refusal = approval_refusal(user, inquiry) if allowed else None
            missing = [*missing, refusal] if refusal else missing
        else:
            missing = unmet(t.conditions, inquiry)
        if generic in missing:  # name the advisors still to advise
            missing[missing.index(generic)] = str(
                _("Advice still missing: %(advisors)s.")
                % {"advisors": ", ".join(missing_advisors(inquiry))}
            )
        steps.append(
            Step(
                name=t.name,
                label=str(STEP_LABELS.get(t.name, t.name)),
                roles=[str(Role(r).label) for r in roles],
                allowed_for_user=allowed,
                missing=missing,
            )
        )
    order = list(State.values)
    current = order.index(inquiry.state)
    skipped = {State.MEASURE_DECIDED} if not inquiry.concerns_person else set()
    states = [
        {
            "value": s,
            "label": State(s).label,
            "done": i < current and s not in skipped,
            "current": i == current,
            "skipped": s in skipped,
        }
        for i, s in enumerate(order)
    ]
    steps.sort(
        key=lambda s: list(STEP_LABELS).index(s.name) if s.name in STEP_LABELS else 99
    )
    events = sorted(inquiry.events.all(), key=lambda e: (e.at, e.pk))
    returned = (
        events[-1] if events and events[-1].transition == "return_for_rework" else None
    )
    return {"states": states, "next": steps, "returned": returned}


MILESTONE_LABELS = {
    "facts": _("Facts established"),
    "hearing": _("Employee heard"),
    "advice": _("Advice complete"),
    "draft": _("Answer drafted"),
    "approval": _("Answer approved"),
    "answer": _("Answer sent"),
}
#: Which milestone a transition marks as reached.
_MILESTONE_EVENTS = {
    "establish_facts": "facts",
    "complete_advice": "advice",
    "draft_answer": "draft",
    "approve": "approval",
    "send": "answer",
}


@dataclass(frozen=True)
class MilestoneRow:
    """A milestone as the case page shows it. ``status``: done, late, overdue, at_risk, open."""

    step: str
    label: str
    target: dt.date
    fatal: dt.date
    reached: dt.date | None
    status: str


def milestone_overview(
    inquiry: Inquiry, today: dt.date | None = None
) -> list[MilestoneRow]:
    """The inquiry's milestones (target and fatal day) with when each was reached.

    Terms come from the organisation's ``procedure_settings["milestones"]`` over the
    defaults in :mod:`.procedure.milestones`; an invalid setting falls back to the defaults,
    so a typo in the settings never hides a deadline. The hearing milestone is left out
    when no person is concerned.
    """
    today = today or timezone.localdate()
    try:
        config = milestone_config(
            procedure_settings(inquiry.organisation).get("milestones")
        )
    except (ValueError, AttributeError, TypeError):
        config = None
    calendar = organisation_calendar(inquiry.organisation)
    registered = timezone.localtime(inquiry.created_at).date()
    reached: dict[str, dt.date] = {}
    for event in inquiry.events.all():
        step = _MILESTONE_EVENTS.get(event.transition)
        if step is not None:
            reached[step] = timezone.localtime(event.at).date()
    heard = [inquiry.hearing_of(p) for p in inquiry.persons.all()]
    if heard and all(h is not None for h in heard):  # the last of them was heard then
        reached["hearing"] = max(h.held_on for h in heard if h is not None)
    rows = []
    for m in milestones(registered, inquiry.deadline, config, calendar):
        if m.step == "hearing" and not inquiry.concerns_person:
            continue
        done = reached.get(m.step)
        if done is not None:
            status = "late" if done > m.fatal else "done"
        elif today > m.fatal:
            status = "overdue"
        elif today > m.target:
            status = "at_risk"
        else:
            status = "open"
        rows.append(
            MilestoneRow(
                m.step, str(MILESTONE_LABELS[m.step]), m.target, m.fatal, done, status
            )
        )
    return rows


def approval_overview(inquiry: Inquiry) -> list[dict]:
    """The approval layers of the current draft round: ``[{"layer", "approval"}]`` in order,
    ``approval`` being the ``ApprovalStep`` or ``None`` while pending (``[]``: no layers)."""
    done = {a.layer: a for a in round_approvals(inquiry)}
    return [
        {"layer": layer, "approval": done.get(layer)}
        for layer in approval_layers(inquiry)
    ]
