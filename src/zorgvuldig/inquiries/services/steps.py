"""What every service of the procedure shares: the refusal, the role and state checks, the
locked reload, firing a transition with its event and audit entry, and voiding the approvals
of the current draft round when the record changes.

Services call these; nothing outside ``services`` does.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from django_fsm import Transition, TransitionNotAllowed, can_proceed

from zorgvuldig.core.choices import Role
from zorgvuldig.core.models import User
from zorgvuldig.core.services import Summary, record_audit
from zorgvuldig.inquiries.choices import State
from zorgvuldig.inquiries.models import Inquiry, PersonConcerned, ProcedureEvent
from zorgvuldig.inquiries.procedure.approval import round_approvals
from zorgvuldig.inquiries.procedure.guards import unmet
from zorgvuldig.inquiries.procedure.permissions import RULES, transition_roles
from zorgvuldig.inquiries.queries import with_case_relations


def on_behalf_of(actor: User, inquiry: Inquiry, *roles: str) -> User | None:
    """For whom ``actor`` acts on ``inquiry``, for its audit entries: the assigned delegator
    whose role (one of ``roles``; any role when none are given) they hold by a delegation in
    force, or ``None`` when they act in their own right."""
    return inquiry.delegator_of(actor, *roles)


class ProcedureError(Exception):
    """A refused step; ``messages`` say what is missing or not allowed."""

    def __init__(self, *messages: str) -> None:
        super().__init__("; ".join(messages))
        self.messages = list(messages)


def role_refusal(roles: Iterable[str]) -> ProcedureError:
    """The refusal of someone who is not an assigned person in one of ``roles``."""
    labels = ", ".join(str(Role(r).label) for r in roles)
    return ProcedureError(
        _("Only an assigned %(roles)s may do this.") % {"roles": labels}
    )


def require_role(user: User, inquiry: Inquiry, *roles: str) -> None:
    if not inquiry.acts_as(user, *roles):
        raise role_refusal(roles)


def check_rule(user: User, inquiry: Inquiry, action: str) -> None:
    """Enforce ``permissions.RULES[action]``: the role, the assignment and the state."""
    rule = RULES[action]
    require_role(user, inquiry, *rule.roles)
    if inquiry.state not in rule.states:
        raise ProcedureError(
            _("%(what)s is not possible in state '%(state)s'.")
            % {"what": rule.what, "state": inquiry.get_state_display()}
        )


def fresh(inquiry: Inquiry) -> Inquiry:
    """Reload ``inquiry`` with the relations the conditions read, locked for update."""
    return with_case_relations(Inquiry.objects.select_for_update(of=("self",))).get(
        pk=inquiry.pk
    )


def transition_for(actor: User, inquiry: Inquiry, name: str) -> Transition:
    """The declared transition ``name`` from the inquiry's current state, for ``actor``.

    Raises:
        ProcedureError: no such transition from this state, or ``actor`` is not an
            assigned person in its role.
    """
    meta = next(
        (
            t
            for t in inquiry.get_all_state_transitions()
            if t.name == name and t.source in (inquiry.state, "*")
        ),
        None,
    )
    if meta is None:
        raise ProcedureError(
            _("This step is not possible in state '%(state)s'.")
            % {"state": inquiry.get_state_display()}
        )
    if not meta.has_perm(inquiry, actor):
        raise role_refusal(transition_roles(meta))
    return meta


def fire(actor: User, inquiry: Inquiry, name: str, reason: str = "") -> Inquiry:
    """Run transition ``name`` for ``actor`` on ``inquiry`` reloaded and locked."""
    return fire_locked(actor, fresh(inquiry), name, reason)


def fire_locked(actor: User, inquiry: Inquiry, name: str, reason: str) -> Inquiry:
    """Run transition ``name`` for ``actor`` on ``inquiry`` as :func:`fresh` loaded it,
    recording the event and an audit entry."""
    meta = transition_for(actor, inquiry, name)
    method = getattr(inquiry, name)
    if not can_proceed(method):
        raise ProcedureError(*unmet(meta.conditions, inquiry))
    before = inquiry.state
    try:
        method()
    except TransitionNotAllowed as exc:  # pragma: no cover - guarded above
        raise ProcedureError(str(exc)) from exc
    inquiry.save()
    ProcedureEvent.objects.create(
        inquiry=inquiry,
        actor=actor,
        transition=name,
        from_state=before,
        to_state=inquiry.state,
        reason=reason,
    )
    record_audit(
        actor=actor,
        action=f"transition.{name}",
        target=inquiry,
        summary=Summary(
            "%(from)s → %(to)s", {"from": State(before), "to": State(inquiry.state)}
        ),
        reason=reason,
        on_behalf_of=on_behalf_of(actor, inquiry, *transition_roles(meta)),
    )
    return inquiry


def void_approvals(actor: User, inquiry: Inquiry, what: str) -> None:
    """A change to a draft under approval starts a new round: earlier layer approvals no
    longer cover what will be sent. ``what`` names the change, an untranslated msgid
    (``gettext_noop("The advice")``) so that the trail shows it in the reader's language."""
    if inquiry.state != State.ANSWER_DRAFTED:
        return
    if not round_approvals(inquiry):
        return
    Inquiry.objects.filter(pk=inquiry.pk).update(draft_round=F("draft_round") + 1)
    record_audit(
        actor=actor,
        action="answer.approvals_voided",
        target=inquiry,
        summary=Summary(
            gettext_noop("%(what)s changed during approval: the layers approve again"),
            {"what": Summary(what)},
        ),
        on_behalf_of=on_behalf_of(actor, inquiry),
    )


def person_on(
    inquiry: Inquiry, person: PersonConcerned | int | None
) -> PersonConcerned:
    """The person concerned ``person`` (an instance or its pk) of ``inquiry``; ``None``
    means the only person concerned.

    Raises:
        ProcedureError: no person is concerned, ``None`` while several are, or a person of
            another inquiry.
    """
    persons = list(inquiry.persons.all())
    if not persons:
        raise ProcedureError(
            _("This inquiry concerns no person; there is no one to hear.")
        )
    if person is None:
        if len(persons) > 1:
            raise ProcedureError(_("Choose the employee this concerns."))
        return persons[0]
    pk = person.pk if isinstance(person, PersonConcerned) else person
    found = next((p for p in persons if p.pk == pk), None)
    if found is None:
        raise ProcedureError(_("That employee is not concerned by this inquiry."))
    return found
