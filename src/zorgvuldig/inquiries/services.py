"""Every write of the inquiry procedure, one function per use case.

Views, the CLI, the demo loader and tests all call these, so there is one correct way to change
an inquiry. Each runs in a transaction, checks the acting user's role and assignment, and writes
an audit entry (and a ``ProcedureEvent`` for transitions). Refusals raise ``ProcedureError``
with messages a person can act on; nothing is half-written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from django_fsm import TransitionNotAllowed, can_proceed

from zorgvuldig.core.choices import Confidentiality, Role
from zorgvuldig.core.models import Organisation, User
from zorgvuldig.core.services import PerLanguage, Summary, record_audit
from zorgvuldig.rulebooks.cases import CaseError

from . import conditions
from . import conduct as conduct_check
from .advisors import advisor_kind
from .answer_check import findings_digest, open_findings
from .choices import HearingResponse, InquiryKind, MeasureCategory, State
from .deadlines import answer_deadline
from .grouping import grouping_problems, leaders_of
from .models import (
    Advice,
    AnswerOverride,
    ApprovalStep,
    Hearing,
    Inquiry,
    Measure,
    PersonConcerned,
    Postponement,
    ProcedureEvent,
    Question,
)
from .permissions import RULES, may_advise


def _on_behalf_of(actor: User, inquiry: Inquiry, *roles: str) -> User | None:
    """For whom ``actor`` acts on ``inquiry``, for its audit entries: the assigned delegator
    whose role (one of ``roles``; any role when none are given) they hold by a delegation in
    force, or ``None`` when they act in their own right."""
    return actor.delegator_for(roles or None, [u.pk for u in inquiry.assignees.all()])


class ProcedureError(Exception):
    """A refused step; ``messages`` say what is missing or not allowed."""

    def __init__(self, *messages: str) -> None:
        super().__init__("; ".join(messages))
        self.messages = list(messages)


def _role_refusal(roles: Iterable[str]) -> ProcedureError:
    """The refusal of someone who is not an assigned person in one of ``roles``."""
    labels = ", ".join(str(Role(r).label) for r in roles)
    return ProcedureError(
        _("Only an assigned %(roles)s may do this.") % {"roles": labels}
    )


def _require(user: User, inquiry: Inquiry, *roles: str) -> None:
    if not inquiry.acts_as(user, *roles):
        raise _role_refusal(roles)


def _check(user: User, inquiry: Inquiry, action: str) -> None:
    """Enforce ``permissions.RULES[action]``: the role, the assignment and the state."""
    rule = RULES[action]
    _require(user, inquiry, *rule.roles)
    if inquiry.state not in rule.states:
        raise ProcedureError(
            _("%(what)s is not possible in state '%(state)s'.")
            % {"what": rule.what, "state": inquiry.get_state_display()}
        )


def _fresh(inquiry: Inquiry) -> Inquiry:
    """Reload ``inquiry`` with the relations the conditions read, locked for update."""
    return (
        Inquiry.objects.select_for_update(of=("self",))
        .prefetch_related(
            "assignees",
            "advice",
            "persons",
            "hearings",
            "measures__person",
            "questions",
            "approvals",
        )
        .select_related("organisation", "override", "postponement_notice")
        .get(pk=inquiry.pk)
    )


def normalised_subject(subject: str) -> str:
    """``subject`` as an inquiry stores it: with a capital, cut to the field's 500
    characters, without surrounding white space."""
    return (subject[:1].upper() + subject[1:500]).strip()


@transaction.atomic
def register_inquiry(
    *,
    actor: User,
    organisation: Organisation,
    kind: str,
    subject: str,
    questions: Iterable[Mapping[str, Any]],
    submitted: dt.date | None = None,
    number: str = "",
    reference: str = "",
    askers: list[dict[str, str]] | None = None,
    addressees: list[str] | None = None,
    source_text: str = "",
    persons: Iterable[Mapping[str, str]] = (),
    assignees: Iterable[User] = (),
    confidentiality: str = Confidentiality.ZAAKVERTROUWELIJK,
) -> Inquiry:
    """Register a new inquiry with its numbered questions.

    Args:
        questions: ``[{"number": int, "text": str, "footnotes": [...]}, ...]``, at least one.
        submitted: the day the questions were submitted (calendar date, Europe/Amsterdam);
            for parliamentary questions the answer deadline is computed from it.
        persons: ``[{"name": ..., "function": ..., "account": username or ""}]``, the
            employees concerned (may be empty); ``account`` links the employee's own login
            so they can read and respond to the record.
        assignees: the people who may see and work on the case; the actor is always added.

    Returns:
        The saved inquiry in state ``registered``.

    Raises:
        ProcedureError: the actor may not register inquiries, or there are no questions.
    """
    if not actor.has_role(Role.CASE_HANDLER):
        raise ProcedureError(_("Only a case handler may register an inquiry."))
    if organisation is None:
        raise ProcedureError(
            _(
                "Your account belongs to no organisation; ask an administrator to set it."
            )
        )
    if confidentiality not in Confidentiality.up_to(actor.clearance):
        raise ProcedureError(_("You cannot register a case above your own clearance."))
    questions = list(questions)
    if not questions:
        raise ProcedureError(_("An inquiry needs at least one question."))
    deadline = None
    if submitted and kind == InquiryKind.PARLIAMENTARY_WRITTEN:
        deadline = answer_deadline(submitted)
    inquiry = Inquiry.objects.create(
        organisation=organisation,
        kind=kind,
        subject=normalised_subject(subject),
        number=number,
        reference=reference,
        askers=askers or [],
        addressees=addressees or [],
        submitted=submitted,
        deadline=deadline,
        source_text=source_text,
        confidentiality=confidentiality,
        created_by=actor,
    )
    Question.objects.bulk_create(
        Question(
            inquiry=inquiry,
            number=int(q["number"]),
            text=q["text"],
            footnotes=list(q.get("footnotes") or []),
        )
        for q in questions
    )
    persons = [p for p in persons if p.get("name", "").strip()]
    accounts = {
        u.username: u
        for u in User.objects.filter(
            organisation=organisation,
            username__in=[p["account"] for p in persons if p.get("account")],
        )
    }
    unknown = [
        p["account"]
        for p in persons
        if p.get("account") and p["account"] not in accounts
    ]
    if unknown:
        raise ProcedureError(
            _("No account %(names)s in your organisation.")
            % {"names": ", ".join(unknown)}
        )
    assignees = list(assignees)
    _refuse_concerned_on_team({u.pk for u in accounts.values()}, [actor, *assignees])
    PersonConcerned.objects.bulk_create(
        PersonConcerned(
            inquiry=inquiry,
            name=p["name"],
            function=p.get("function", ""),
            user=accounts.get(p.get("account") or ""),
        )
        for p in persons
    )
    inquiry.assignees.add(actor, *assignees)
    record_audit(
        actor=actor,
        action="inquiry.registered",
        target=inquiry,
        summary=Summary(
            gettext_noop("Registered with %(n)d questions"), {"n": len(questions)}
        ),
        on_behalf_of=_on_behalf_of(actor, inquiry, Role.CASE_HANDLER),
    )
    return inquiry


def _refuse_concerned_on_team(concerned: set[int], team: Iterable[User]) -> None:
    """An employee concerned never works on their own case (they would read the other
    employees' hearings and could record their own): refuse them as assignees.

    Raises:
        ProcedureError: naming the people concerned among ``team``.
    """
    clash = [u for u in team if u.pk in concerned]
    if clash:
        raise ProcedureError(
            _(
                "%(names)s is concerned by this inquiry and cannot work on it; their "
                "own account only reads and answers what is recorded about them."
            )
            % {"names": ", ".join(u.get_full_name() or u.username for u in clash)}
        )


@transaction.atomic
def assign_to_case(
    *, actor: User, inquiry: Inquiry, users: Iterable[User]
) -> list[User]:
    """Give ``users`` (of the inquiry's organisation) access to the case.

    Returns:
        The users newly assigned (those already assigned are left alone).

    Raises:
        ProcedureError: the actor is not an assigned case handler, or a user belongs to
            another organisation.
    """
    inquiry = _fresh(inquiry)
    _check(actor, inquiry, "assign")
    users = list(users)
    foreign = [u for u in users if u.organisation_id != inquiry.organisation_id]
    if foreign:
        raise ProcedureError(
            _("%(names)s belong to another organisation.")
            % {"names": ", ".join(u.get_full_name() or u.username for u in foreign)}
        )
    _refuse_concerned_on_team(
        {p.user_id for p in inquiry.persons.all() if p.user_id}, users
    )
    new = [u for u in users if not inquiry.is_assigned(u)]
    if new:
        inquiry.assignees.add(*new)
        record_audit(
            actor=actor,
            action="case.assigned",
            target=inquiry,
            summary=Summary(
                "%(people)s",
                {
                    "people": [
                        Summary(
                            "%(name)s (%(role)s)",
                            {
                                "name": u.get_full_name() or u.username,
                                "role": Role(u.role),
                            },
                        )
                        for u in new
                    ]
                },
            ),
            on_behalf_of=_on_behalf_of(actor, inquiry, *RULES["assign"].roles),
        )
    return new


@transaction.atomic
def record_facts(
    *, actor: User, inquiry: Inquiry, facts: str, reason: str = ""
) -> None:
    """Write down the established facts (before they are declared established).

    Raises:
        ProcedureError: not a case handler on this case, or the facts are already established.
    """
    inquiry = _fresh(inquiry)
    _check(actor, inquiry, "record_facts")
    old = inquiry.facts
    Inquiry.objects.filter(pk=inquiry.pk).update(facts=facts)
    record_audit(
        actor=actor,
        action="facts.recorded",
        target=inquiry,
        reason=reason,
        on_behalf_of=_on_behalf_of(actor, inquiry, *RULES["record_facts"].roles),
        changes={"facts": [old, facts]},
    )


@transaction.atomic
def record_conduct(
    *, actor: User, inquiry: Inquiry, conduct: Mapping[str, Any], reason: str = ""
) -> Inquiry:
    """Record (or correct) the established conduct in the shape the rulebooks read.

    The conduct is part of the facts, so the case handler records it whenever the facts may
    be recorded or revised. A change after the facts were established raises the record
    version: advice given on the earlier conduct is outdated until its advisor confirms it.

    Args:
        conduct: a self-check case, ``{"actor", "context", "action", "text"}``
            (shared/cases/README.md, "Self-check"; see ``conduct.normalised``).

    Returns:
        The inquiry as saved (unchanged conduct changes and records nothing).

    Raises:
        ProcedureError: not an assigned case handler, the answer is already approved, or a
            field the rulebooks cannot read (the message names it).
    """
    inquiry = _fresh(inquiry)
    _check(actor, inquiry, "record_conduct")
    try:
        new = conduct_check.normalised(conduct)
    except CaseError as exc:
        raise ProcedureError(
            _("The rules cannot read the conduct: %(problem)s") % {"problem": exc}
        ) from None
    old = inquiry.conduct
    if new == old:
        return inquiry
    outdates_advice = inquiry.state != State.REGISTERED
    fields: dict[str, Any] = {"conduct": new}
    if outdates_advice:
        fields["record_version"] = F("record_version") + 1
        _void_approvals(actor, inquiry, gettext_noop("The established conduct"))
    Inquiry.objects.filter(pk=inquiry.pk).update(**fields)
    record_audit(
        actor=actor,
        action="conduct.recorded",
        target=inquiry,
        summary=Summary(gettext_noop("Earlier advice must be confirmed"))
        if outdates_advice
        else "",
        reason=reason,
        on_behalf_of=_on_behalf_of(actor, inquiry, *RULES["record_conduct"].roles),
        changes={"conduct": [old, new]},
    )
    return Inquiry.objects.get(pk=inquiry.pk)


def _transition(actor: User, inquiry: Inquiry, name: str):
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
        raise _role_refusal(meta.permission.roles)
    return meta


def _fire(actor: User, inquiry: Inquiry, name: str, reason: str = "") -> Inquiry:
    """Run transition ``name`` for ``actor`` on ``inquiry`` reloaded and locked."""
    return _fire_locked(actor, _fresh(inquiry), name, reason)


def _fire_locked(actor: User, inquiry: Inquiry, name: str, reason: str) -> Inquiry:
    """Run transition ``name`` for ``actor`` on ``inquiry`` as :func:`_fresh` loaded it,
    recording the event and an audit entry."""
    meta = _transition(actor, inquiry, name)
    method = getattr(inquiry, name)
    if not can_proceed(method):
        raise ProcedureError(*conditions.unmet(meta.conditions, inquiry))
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
        on_behalf_of=_on_behalf_of(actor, inquiry, *meta.permission.roles),
    )
    return inquiry


@transaction.atomic
def establish_facts(*, actor: User, inquiry: Inquiry, reason: str = "") -> Inquiry:
    """Declare the recorded facts established (registered → facts established)."""
    return _fire(actor, inquiry, "establish_facts", reason)


@transaction.atomic
def revise_facts(*, actor: User, inquiry: Inquiry, facts: str, reason: str) -> Inquiry:
    """Correct the established facts after the fact (a transition of its own).

    The procedure returns to "facts established" and every piece of advice given on the old
    facts is outdated until its advisor confirms it (``record_advice`` again).

    Raises:
        ProcedureError: no reason, empty or unchanged facts, or a refused transition.
    """
    if not reason.strip():
        raise ProcedureError(_("Say why the facts change."))
    if not facts.strip():
        raise ProcedureError(_("The established facts must be written down."))
    current = _fresh(inquiry)
    if facts == current.facts:
        raise ProcedureError(_("The facts are unchanged."))
    old = current.facts
    Inquiry.objects.filter(pk=current.pk).update(
        facts=facts, record_version=F("record_version") + 1
    )
    after = _fire(actor, current, "revise_facts", reason)
    record_audit(
        actor=actor,
        action="facts.revised",
        target=after,
        summary=Summary(gettext_noop("Earlier advice must be confirmed")),
        reason=reason,
        on_behalf_of=_on_behalf_of(actor, after, *RULES["revise_facts"].roles),
        changes={"facts": [old, facts]},
    )
    return after


@transaction.atomic
def postpone_answer(
    *, actor: User, inquiry: Inquiry, reason: str, sent_on: dt.date | None = None
) -> Postponement:
    """Record the postponement notice (uitstelbericht): the answer is due six weeks after
    submission instead of three (DESIGN.md §6.2).

    Raises:
        ProcedureError: not an assigned case handler; not written parliamentary questions
            with a submission date; already postponed; already sent; no reason.
    """
    inquiry = _fresh(inquiry)
    _check(actor, inquiry, "postpone_answer")
    if inquiry.kind != InquiryKind.PARLIAMENTARY_WRITTEN or inquiry.submitted is None:
        raise ProcedureError(
            _(
                "Only written parliamentary questions with a submission date are postponed."
            )
        )
    if inquiry.postponement is not None:
        raise ProcedureError(_("The answer has already been postponed once."))
    if not reason.strip():
        raise ProcedureError(_("A postponement notice states its reasons."))
    if sent_on and not inquiry.submitted <= sent_on <= timezone.localdate():
        raise ProcedureError(
            _("The notice is sent between the submission of the questions and today.")
        )
    notice = Postponement.objects.create(
        inquiry=inquiry,
        reason=reason,
        sent_on=sent_on or timezone.localdate(),
        recorded_by=actor,
    )
    old = inquiry.deadline
    new = answer_deadline(inquiry.submitted, postponed=True)
    Inquiry.objects.filter(pk=inquiry.pk).update(deadline=new)
    record_audit(
        actor=actor,
        action="answer.postponed",
        target=inquiry,
        summary=Summary(
            gettext_noop("Postponement notice: answer due %(day)s"), {"day": new}
        ),
        reason=reason,
        on_behalf_of=_on_behalf_of(actor, inquiry, *RULES["postpone_answer"].roles),
        changes={"deadline": [str(old), str(new)]},
    )
    return notice


@transaction.atomic
def complete_advice(*, actor: User, inquiry: Inquiry, reason: str = "") -> Inquiry:
    """Close the advice round once HR and Legal have advised."""
    return _fire(actor, inquiry, "complete_advice", reason)


@transaction.atomic
def decide_measure(*, actor: User, inquiry: Inquiry, reason: str = "") -> Inquiry:
    """Declare the recorded measure decided."""
    return _fire(actor, inquiry, "decide_measure", reason)


@transaction.atomic
def submit_draft_answer(*, actor: User, inquiry: Inquiry, reason: str = "") -> Inquiry:
    """Submit the answer, every question answered, for approval (a new draft round: the
    approval layers approve it afresh)."""
    after = _fire(actor, inquiry, "draft_answer", reason)
    Inquiry.objects.filter(pk=after.pk).update(draft_round=F("draft_round") + 1)
    after.refresh_from_db(fields=["draft_round"])
    return after


@transaction.atomic
def return_for_rework(*, actor: User, inquiry: Inquiry, reason: str) -> Inquiry:
    """Send the draft back for rework (approver); a reason is required.

    It returns to "measure decided" when a person is concerned, else to "advice complete".
    """
    if not reason.strip():
        raise ProcedureError(_("Say why the draft goes back."))
    return _fire(actor, inquiry, "return_for_rework", reason)


@transaction.atomic
def approve_answer(*, actor: User, inquiry: Inquiry, reason: str = "") -> Inquiry:
    """Approve the drafted answer for the next approval layer; the last layer's approval
    approves the answer (all gates of ``Inquiry.approve`` must hold).

    With layers configured (``procedure_settings["approval_layers"]``, e.g. ``["director",
    "secretary-general"]``) each approves the current draft round in turn; an approver with
    an ``approval_layer`` may approve only that layer (or one delegated to them).
    Without layers, one approval approves.

    Raises:
        ProcedureError: the role, assignment, layer or any gate of the procedure refuses.
    """
    inquiry = _fresh(inquiry)
    meta = _transition(actor, inquiry, "approve")
    refusal = conditions.approval_refusal(actor, inquiry)
    if refusal is not None:
        raise ProcedureError(refusal)
    layer = conditions.pending_layer(inquiry)
    if layer is None:
        return _fire_locked(actor, inquiry, "approve", reason)
    gates = [c for c in meta.conditions if c is not conditions.all_layers_approved]
    missing = conditions.unmet(gates, inquiry)
    if missing:
        raise ProcedureError(*missing)
    ApprovalStep.objects.create(
        inquiry=inquiry,
        draft_round=inquiry.draft_round,
        layer=layer,
        by=actor,
        comments=reason,
    )
    record_audit(
        actor=actor,
        action="answer.layer_approved",
        target=inquiry,
        summary=Summary(gettext_noop("Approved for %(layer)s"), {"layer": layer}),
        reason=reason,
        on_behalf_of=_on_behalf_of(actor, inquiry, *meta.permission.roles),
    )
    inquiry = _fresh(inquiry)
    if conditions.pending_layer(inquiry) is None:
        return _fire_locked(actor, inquiry, "approve", reason)
    return inquiry


def _void_approvals(actor: User, inquiry: Inquiry, what: str) -> None:
    """A change to a draft under approval starts a new round: earlier layer approvals no
    longer cover what will be sent. ``what`` names the change, an untranslated msgid
    (``gettext_noop("The advice")``) so that the trail shows it in the reader's language."""
    if inquiry.state != State.ANSWER_DRAFTED:
        return
    if not conditions.round_approvals(inquiry):
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
        on_behalf_of=_on_behalf_of(actor, inquiry),
    )


@transaction.atomic
def send_answer(*, actor: User, inquiry: Inquiry, reason: str = "") -> Inquiry:
    """Record that the approved answer was sent."""
    return _fire(actor, inquiry, "send", reason)


@transaction.atomic
def record_advice(
    *, actor: User, inquiry: Inquiry, kind: str, text: str, reason: str = ""
) -> Advice:
    """Give or revise advice of ``kind``: ``hr``, ``legal`` or the code of an advisor the
    organisation requires (``advisors.py``), by an assigned person in that advisor's role.

    Separation of duties: one person gives one kind of advice per inquiry, so that HR and
    Legal stay two views even when someone holds a second role by delegation.

    Raises:
        ProcedureError: unknown kind, wrong role, another kind of advice already given by
            the same person, empty text, or a state outside facts → drafted.
    """
    inquiry = _fresh(inquiry)
    advisor = advisor_kind(inquiry.organisation, kind)
    if advisor is None:
        raise ProcedureError(_("Unknown kind of advice '%(k)s'.") % {"k": kind})
    if not may_advise(actor, inquiry, advisor):
        if inquiry.state not in RULES["record_advice"].states:
            _check(actor, inquiry, "record_advice")  # names the state
        raise ProcedureError(
            _("Only an assigned %(role)s may give the %(advice)s.")
            % {"role": Role(advisor.role).label, "advice": advisor.label}
        )
    other = next(
        (
            a
            for a in inquiry.advice.all()
            if a.advisor_id == actor.pk and a.kind != kind
        ),
        None,
    )
    if other is not None:
        given = advisor_kind(inquiry.organisation, other.kind)
        raise ProcedureError(
            _(
                "You already gave the %(other)s on this case; another person gives the "
                "%(advice)s (separation of duties)."
            )
            % {"other": given.label if given else other.kind, "advice": advisor.label}
        )
    if not text.strip():
        raise ProcedureError(_("The advice text is empty."))
    existing = inquiry.advice_of(kind)
    old = existing.text if existing else ""
    if old != text:
        _void_approvals(actor, inquiry, gettext_noop("The advice"))
    advice, _created = Advice.objects.update_or_create(
        inquiry=inquiry,
        kind=kind,
        defaults={
            "text": text,
            "advisor": actor,
            "given_at": timezone.now(),
            "on_record_version": inquiry.record_version,
        },
    )
    record_audit(
        actor=actor,
        action="advice.recorded",
        target=inquiry,
        summary=Summary(
            "%(kind)s",
            {"kind": PerLanguage({"nl": advisor.label_nl, "en": advisor.label_en})},
        ),
        reason=reason,
        on_behalf_of=_on_behalf_of(actor, inquiry, advisor.role),
        changes={"text": [old, text]},
    )
    return advice


def _person_on(
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


@transaction.atomic
def record_hearing(
    *,
    actor: User,
    inquiry: Inquiry,
    held_on: dt.date,
    present: str,
    account: str,
    assisted_by: str = "",
    person: PersonConcerned | int | None = None,
    reason: str = "",
) -> Hearing:
    """Record (or correct) the hearing of one employee concerned; possible any time after
    the facts.

    ``person`` is the employee heard (a person concerned of this inquiry, or its pk);
    ``None`` when only one person is concerned. Only the employee confirms or objects to the
    record (``respond_to_record``); recording it again resets their response, because they
    have not seen the new version.

    Raises:
        ProcedureError: not an assigned HR advisor, no (or an unknown) person concerned,
            a date in the future, or wrong state.
    """
    inquiry = _fresh(inquiry)
    _check(actor, inquiry, "record_hearing")
    person = _person_on(inquiry, person)
    if held_on > timezone.localdate():
        raise ProcedureError(_("The hearing date lies in the future."))
    old = inquiry.hearing_of(person)
    values = {
        "held_on": held_on,
        "present": present,
        "account": account,
        "assisted_by": assisted_by,
        "response": HearingResponse.PENDING,
        "employee_comment": "",
        "responded_at": None,
        "recorded_by": actor,
        "recorded_at": timezone.now(),
    }
    hearing, _created = Hearing.objects.update_or_create(
        inquiry=inquiry, person=person, defaults=values
    )
    # The hearing is part of the record advice rests on: advice given before is outdated,
    # and so are approvals of a draft under way.
    _void_approvals(actor, inquiry, gettext_noop("The hearing"))
    Inquiry.objects.filter(pk=inquiry.pk).update(record_version=F("record_version") + 1)
    record_audit(
        actor=actor,
        action="hearing.recorded",
        reason=reason,
        target=inquiry,
        summary=Summary(
            gettext_noop("Hearing of %(person)s on %(day)s recorded"),
            {"person": person.name, "day": held_on},
        ),
        on_behalf_of=_on_behalf_of(actor, inquiry, *RULES["record_hearing"].roles),
        changes={
            k: [str(getattr(old, k)) if old else None, str(v)]
            for k, v in values.items()
            if k not in ("recorded_by", "recorded_at", "responded_at")
        },
    )
    return hearing


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
) -> Measure:
    """Record (or revise) the measure towards one employee concerned, in its category and
    exact term (DESIGN.md §6.3).

    ``person`` is that employee (a person concerned of this inquiry, or its pk; ``None``
    when only one is concerned). ``decided_on`` is the calendar day of the decision
    (default: today); the media check uses it to know which measure was in force when an
    article appeared.

    Raises:
        ProcedureError: not an assigned HR advisor; wrong state; no (or an unknown) person
            concerned; no term; a punishment or dismissal before that employee's hearing
            (CAO Rijk ch. 15).
    """
    inquiry = _fresh(inquiry)
    _check(actor, inquiry, "record_measure")
    if not inquiry.concerns_person:
        raise ProcedureError(_("This inquiry concerns no person; no measure applies."))
    person = _person_on(inquiry, person)
    if category not in MeasureCategory.values:
        raise ProcedureError(_("Unknown measure category '%(c)s'.") % {"c": category})
    if not term.strip():
        raise ProcedureError(
            _("Give the exact term of the measure, e.g. 'aangesproken'.")
        )
    decided_on = decided_on or timezone.localdate()
    if decided_on > timezone.localdate():
        raise ProcedureError(_("The decision date lies in the future."))
    hearing = inquiry.hearing_of(person)
    if MeasureCategory.needs_hearing(category) and (
        hearing is None or hearing.held_on > decided_on
    ):
        raise ProcedureError(str(conditions.punishment_after_hearing.message))  # type: ignore[attr-defined]
    old = inquiry.measure_of(person)
    measure, _created = Measure.objects.update_or_create(
        inquiry=inquiry,
        person=person,
        defaults={
            "category": category,
            "term": term.strip(),
            "legal_basis": legal_basis,
            "recorded_by": actor,
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
        on_behalf_of=_on_behalf_of(actor, inquiry, *RULES["record_measure"].roles),
        changes={
            "category": [old.category if old else None, category],
            "term": [old.term if old else None, measure.term],
            "legal_basis": [old.legal_basis if old else None, legal_basis],
            "decided_on": [str(old.decided_on) if old else None, str(decided_on)],
        },
    )
    return measure


@transaction.atomic
def respond_to_record(
    *, actor: User, inquiry: Inquiry, response: str, comment: str = ""
) -> Hearing:
    """The employee confirms or objects to the record of their hearing, with comments.

    The response becomes part of the record: advice given before it is outdated (the
    advisors must confirm it), as after any change to the hearing.

    Raises:
        ProcedureError: the actor is not the employee concerned, there is no hearing yet,
            the answer was already approved or sent, an objection without comments, or an
            unknown response.
    """
    inquiry = _fresh(inquiry)
    person = next((p for p in inquiry.persons.all() if p.user_id == actor.pk), None)
    if person is None:
        raise ProcedureError(
            _("Only the employee concerned may respond to this record.")
        )
    hearing = inquiry.hearing_of(person)
    if hearing is None:
        raise ProcedureError(_("There is no record of a hearing to respond to yet."))
    if inquiry.state in (State.APPROVED, State.SENT):
        # After approval no advice can be confirmed again, so a response that outdates it
        # would leave the case unable to be sent; HR takes it up instead.
        raise ProcedureError(
            _("The answer has been approved; contact HR about the record.")
            if inquiry.state == State.APPROVED
            else _("The answer has been sent; contact HR about the record.")
        )
    if response not in (HearingResponse.CONFIRMED, HearingResponse.OBJECTED):
        raise ProcedureError(
            _("Choose whether you confirm the record or object to it.")
        )
    if response == HearingResponse.OBJECTED and not comment.strip():
        raise ProcedureError(_("Say what is wrong in the record."))
    old = (hearing.response, hearing.employee_comment)
    hearing.response = response
    hearing.employee_comment = comment
    hearing.responded_at = timezone.now()
    hearing.save(update_fields=["response", "employee_comment", "responded_at"])
    _void_approvals(actor, inquiry, gettext_noop("The employee's response"))
    Inquiry.objects.filter(pk=inquiry.pk).update(record_version=F("record_version") + 1)
    record_audit(
        actor=actor,
        action="hearing.responded",
        target=inquiry,
        # The employee answers for themselves, never on someone's behalf.
        summary=Summary("%(response)s", {"response": HearingResponse(response)}),
        reason=comment,
        changes={"response": [old[0], response], "employee_comment": [old[1], comment]},
    )
    return hearing


@transaction.atomic
def save_answers(
    *,
    actor: User,
    inquiry: Inquiry,
    answers: Mapping[int, str],
    reason: str = "",
    groups: Mapping[int, int | None] | None = None,
) -> None:
    """Write the answer per question (``{question number: text}``) and, optionally, which
    questions are answered together (``groups``: ``{question number: number of the earlier
    question whose answer also answers it, or None}``; questions left out keep their group).

    A grouped question has no text of its own: its group's answer ("Antwoord 2, 3 en 4") is
    the text of the group's first question (``grouping``).

    Raises:
        ProcedureError: not an assigned case handler, wrong state, an unknown number, or a
            grouping that is not allowed (a chain, a later or empty leader, a grouped
            question with its own text).
    """
    inquiry = _fresh(inquiry)
    _check(actor, inquiry, "save_answers")
    groups = groups or {}
    by_number = {q.number: q for q in inquiry.questions.all()}
    unknown = sorted((set(answers) | set(groups)) - set(by_number))
    if unknown:
        raise ProcedureError(
            _("No question numbered %(n)s.") % {"n": ", ".join(map(str, unknown))}
        )
    old_leaders = leaders_of(list(by_number.values()))
    leaders = {**old_leaders, **groups}
    texts = {n: answers.get(n, q.answer) for n, q in by_number.items()}
    problems = grouping_problems(leaders, texts)
    if problems:
        raise ProcedureError(
            *(
                _("Question %(n)d: %(problem)s") % {"n": p.number, "problem": p.message}
                for p in problems
            )
        )
    changes = {}
    for number, text in answers.items():
        q = by_number[number]
        if q.answer != text:
            changes[f"answer {number}"] = [q.answer, text]
            q.answer = text
            q.save(update_fields=["answer"])
    for number, leader in groups.items():
        if leader != old_leaders[number]:
            changes[f"answered_with {number}"] = [old_leaders[number], leader]
            q = by_number[number]
            q.answered_with = by_number[leader] if leader is not None else None
            q.save(update_fields=["answered_with"])
    if changes:
        _void_approvals(actor, inquiry, gettext_noop("The answer"))
        record_audit(
            actor=actor,
            action="answer.changed",
            target=inquiry,
            reason=reason,
            on_behalf_of=_on_behalf_of(actor, inquiry, *RULES["save_answers"].roles),
            changes=changes,
        )


@transaction.atomic
def override_answer_check(
    *, actor: User, inquiry: Inquiry, reason: str
) -> AnswerOverride:
    """Accept the current answer-check findings, with a recorded reason.

    Only the findings as they stand are covered; a later change that alters them needs a new
    override.

    Only the approver may do this: the person who drafted the words does not waive the check
    on them.

    Raises:
        ProcedureError: not an assigned approver; not in an open state; no reason; nothing
            to override.
    """
    inquiry = _fresh(inquiry)
    _check(actor, inquiry, "override_answer_check")
    if not reason.strip():
        raise ProcedureError(_("Give the reason for keeping these words."))
    findings = open_findings(inquiry)
    if not findings:
        raise ProcedureError(_("The answer check has no findings to override."))
    override, _created = AnswerOverride.objects.update_or_create(
        inquiry=inquiry,
        defaults={
            "reason": reason,
            "digest": findings_digest(findings),
            "by": actor,
            "at": timezone.now(),
        },
    )
    record_audit(
        actor=actor,
        action="answer_check.overridden",
        target=inquiry,
        summary=", ".join(f.text for f in findings)[:200],  # quoted words: data
        reason=reason,
        on_behalf_of=_on_behalf_of(
            actor, inquiry, *RULES["override_answer_check"].roles
        ),
    )
    return override


def record_document_read(*, actor: User, inquiry: Inquiry, document: str) -> None:
    """Audit the reading of a document of a confidential case (``vertrouwelijk`` and up).

    Args:
        document: what was read, e.g. ``"answer.docx"``.
    """
    if Confidentiality.is_confidential(inquiry.confidentiality):
        record_audit(
            actor=actor,
            action="document.read",
            target=inquiry,
            summary=Summary(
                "%(document)s (%(level)s)",
                {
                    "document": document,
                    "level": Confidentiality(inquiry.confidentiality),
                },
            ),
            on_behalf_of=_on_behalf_of(actor, inquiry),
        )
