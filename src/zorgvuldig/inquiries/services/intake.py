"""Registering an inquiry and putting together its case team."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from zorgvuldig.core.choices import Confidentiality, Role
from zorgvuldig.core.models import Organisation, User
from zorgvuldig.core.services import Summary, record_audit
from zorgvuldig.inquiries.choices import InquiryKind
from zorgvuldig.inquiries.models import Inquiry, PersonConcerned, Question
from zorgvuldig.inquiries.procedure.permissions import RULES
from zorgvuldig.parliament.terms import answer_deadline

from .steps import (
    ProcedureError,
    check_rule,
    fresh,
    on_behalf_of,
)


def normalised_subject(subject: str) -> str:
    """``subject`` as an inquiry stores it: with a capital, cut to the field's 500
    characters, without surrounding white space."""
    return (subject[:1].upper() + subject[1:500]).strip()


@transaction.atomic
def register_inquiry(
    *,
    actor: User,
    organisation: Organisation | None,
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
        organisation: the actor's organisation; ``None`` (an account without one) is
            refused.

    Returns:
        The saved inquiry in state ``registered``.

    Raises:
        ProcedureError: the actor may not register inquiries, has no organisation, or there
            are no questions.
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
        on_behalf_of=on_behalf_of(actor, inquiry, Role.CASE_HANDLER),
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
    inquiry = fresh(inquiry)
    check_rule(actor, inquiry, "assign")
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
            on_behalf_of=on_behalf_of(actor, inquiry, *RULES["assign"].roles),
        )
    return new
