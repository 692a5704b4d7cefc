"""What the case page shows of the procedure: the states and the next possible steps."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from zorgvuldig.core.choices import Role

from .choices import State
from .conditions import unmet
from .models import Inquiry

#: Button labels of the transitions, in procedure order.
STEP_LABELS = {
    "establish_facts": _("Facts are established"),
    "complete_advice": _("Advice is complete"),
    "decide_measure": _("Measure is decided"),
    "draft_answer": _("Submit answer for approval"),
    "return_for_rework": _("Return for rework"),
    "approve": _("Approve answer"),
    "send": _("Answer sent"),
}


@dataclass(frozen=True)
class Step:
    """A transition possible from the current state, as one user sees it."""

    name: str
    label: str
    roles: list[str]
    allowed_for_user: bool
    missing: list[str]


def step_overview(inquiry: Inquiry, user) -> dict:
    """The states (with the current one marked) and the next steps with what blocks them."""
    steps = []
    for t in inquiry.get_all_state_transitions():
        if t.source not in (inquiry.state, "*"):
            continue
        roles = list(getattr(t.permission, "roles", ()))
        steps.append(
            Step(
                name=t.name,
                label=str(STEP_LABELS.get(t.name, t.name)),
                roles=[str(Role(r).label) for r in roles],
                allowed_for_user=bool(t.has_perm(inquiry, user)),
                missing=unmet(t.conditions, inquiry),
            )
        )
    order = list(State.values)
    current = order.index(inquiry.state)
    states = [
        {
            "value": s,
            "label": State(s).label,
            "done": i < current,
            "current": i == current,
        }
        for i, s in enumerate(order)
    ]
    steps.sort(
        key=lambda s: list(STEP_LABELS).index(s.name) if s.name in STEP_LABELS else 99
    )
    return {"states": states, "next": steps}
