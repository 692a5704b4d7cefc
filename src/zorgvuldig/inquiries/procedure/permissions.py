"""Who may record what on a case, and in which states: the one table for services and pages.

Transitions carry their own role permissions (``models/inquiry.py``, each a
:class:`RoleOnCase`); this table covers the recorded steps between them. Services enforce it
(``services.steps.check_rule``); the case page uses :func:`permitted` to show only the forms a
user may submit. Being assigned to the case is always required as well.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from django.utils.translation import gettext_lazy as _

from zorgvuldig.core.choices import Role
from zorgvuldig.inquiries.choices import State

if TYPE_CHECKING:
    from django.db import models

    from django_fsm import Transition
    from django_stubs_ext import StrOrPromise

    from zorgvuldig.inquiries.models import Inquiry

#: States in which the answer is still being worked on (after the facts, before approval).
OPEN_STATES = (
    State.FACTS_ESTABLISHED,
    State.ADVICE_COMPLETE,
    State.MEASURE_DECIDED,
    State.ANSWER_DRAFTED,
)


@dataclass(frozen=True)
class Rule:
    """An action allowed to ``roles`` while the inquiry is in one of ``states``."""

    roles: tuple[str, ...]
    states: tuple[str, ...]
    what: StrOrPromise  # for messages: "Recording the hearing is not possible in state ..."


RULES: dict[str, Rule] = {
    "record_facts": Rule(
        (Role.CASE_HANDLER,), (State.REGISTERED,), _("Changing the facts")
    ),
    "revise_facts": Rule((Role.CASE_HANDLER,), OPEN_STATES, _("Revising the facts")),
    # The established conduct in the shape the rulebooks read: part of the facts, so it
    # may be recorded and corrected whenever the facts may (services.record_conduct).
    "record_conduct": Rule(
        (Role.CASE_HANDLER,),
        (State.REGISTERED, *OPEN_STATES),
        _("Recording the established conduct"),
    ),
    # Advice: HR by the HR advisor, Legal by the legal advisor, an organisation's own
    # advisors by the role their settings name (``advisors.py``); see :func:`may_advise`.
    "record_advice": Rule(
        (Role.HR_ADVISOR, Role.LEGAL_ADVISOR, Role.ADVISOR, Role.COMMUNICATIONS),
        OPEN_STATES,
        _("Giving advice"),
    ),
    "record_hearing": Rule((Role.HR_ADVISOR,), OPEN_STATES, _("Recording the hearing")),
    "record_measure": Rule(
        (Role.HR_ADVISOR,),
        (State.FACTS_ESTABLISHED, State.ADVICE_COMPLETE, State.MEASURE_DECIDED),
        _("Recording the measure"),
    ),
    # The measure's later stages (objection, appeal, annulment, end) come after the answer
    # is sent, often months later: the same role as recording the measure, any state
    # once the facts are established.
    "record_measure_history": Rule(
        (Role.HR_ADVISOR,),
        tuple(s for s in State.values if s != State.REGISTERED),
        _("Adding to the measure history"),
    ),
    "save_answers": Rule((Role.CASE_HANDLER,), OPEN_STATES, _("Writing the answer")),
    "override_answer_check": Rule(
        (Role.APPROVER,), OPEN_STATES, _("Overriding the answer check")
    ),
    "postpone_answer": Rule(
        (Role.CASE_HANDLER,),
        tuple(s for s in State.values if s not in (State.APPROVED, State.SENT)),
        _("Postponing the answer"),
    ),
    "assign": Rule(
        (Role.CASE_HANDLER,),
        tuple(s for s in State.values if s != State.SENT),
        _("Assigning people"),
    ),
}


@dataclass(frozen=True, eq=False)
class RoleOnCase:
    """The permission of a transition: the user acts in one of ``roles`` on the inquiry
    (assigned, or by a delegation in force; see ``Inquiry.acts_as``)."""

    roles: tuple[str, ...]

    def __call__(self, instance: models.Model, user: object) -> bool:
        # django-fsm passes the model instance whose transition it is, always an Inquiry
        # here; its type for permissions says only Model.
        inquiry = cast("Inquiry", instance)
        return bool(
            getattr(user, "is_authenticated", False)
            and inquiry.acts_as(user, *self.roles)
        )


def transition_roles(transition: Transition) -> tuple[str, ...]:
    """The roles that may fire ``transition``: those of its :class:`RoleOnCase` permission,
    ``()`` when it has another kind or none."""
    permission = transition.permission
    return permission.roles if isinstance(permission, RoleOnCase) else ()


def may(user, inquiry, action: str) -> bool:
    """Whether ``user`` may do ``action`` (a key of ``RULES``) on ``inquiry`` now."""
    rule = RULES[action]
    return inquiry.state in rule.states and inquiry.acts_as(user, *rule.roles)


def may_advise(user, inquiry, kind) -> bool:
    """Whether ``user`` may give the advice of ``kind`` (an ``advisors.AdvisorKind``) now:
    in an open state, acting in the role that gives that advice."""
    return inquiry.state in RULES["record_advice"].states and inquiry.acts_as(
        user, kind.role
    )


def permitted(user, inquiry) -> dict[str, bool]:
    """``{action: allowed}`` for every action of ``RULES``."""
    return {action: may(user, inquiry, action) for action in RULES}
