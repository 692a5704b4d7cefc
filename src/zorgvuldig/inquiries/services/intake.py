"""Registering an inquiry and putting together its case team.

No duplicates (issue 10): an organisation registers a parliament number once
(:class:`DuplicateInquiryError` names the case that has it, for the view to show or not), and a
form's one-time ``intake_token`` registers once, however often it is submitted
(:class:`AlreadyRegisteredError`). Every name and text is cleaned of invisible and control
characters first (``parliament.formats.clean_line``/``clean_text``), so none reaches a
Word document or a search.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from zorgvuldig.core.choices import Confidentiality, Role
from zorgvuldig.core.models import Organisation, User
from zorgvuldig.core.services import Summary, record_audit
from zorgvuldig.inquiries.choices import Assembly, InquiryKind
from zorgvuldig.inquiries.models import Inquiry, PersonConcerned, Question
from zorgvuldig.inquiries.procedure.organisation import organisation_terms
from zorgvuldig.inquiries.procedure.permissions import RULES
from zorgvuldig.parliament.formats import clean_line, clean_text
from zorgvuldig.parliament.opendata import FetchedZaak, fetch_zaak
from zorgvuldig.parliament.terms import answer_deadline

from .steps import (
    ProcedureError,
    check_rule,
    fresh,
    on_behalf_of,
)


def normalised_subject(subject: str) -> str:
    """``subject`` as an inquiry stores it: one line without invisible or control
    characters, with a capital, cut to the field's 500 characters."""
    subject = clean_line(subject)
    return (subject[:1].upper() + subject[1:500]).strip()


class DuplicateInquiryError(ProcedureError):
    """The organisation already has an inquiry with this parliament number.

    ``existing`` is that inquiry: the view shows it only to someone who may see it
    (``queries.inquiries_visible_to``) and otherwise only says that one exists.
    """

    def __init__(self, existing: Inquiry) -> None:
        super().__init__(
            _("An inquiry with number %(number)s is already registered.")
            % {"number": existing.number}
        )
        self.existing = existing


class AlreadyRegisteredError(ProcedureError):
    """This intake form was submitted before (back button, double click); ``existing`` is
    the inquiry it registered then."""

    def __init__(self, existing: Inquiry) -> None:
        super().__init__(
            _("This form was already submitted; the inquiry is registered.")
        )
        self.existing = existing


def inquiry_with_number(
    organisation: Organisation | None, number: str
) -> Inquiry | None:
    """The organisation's inquiry with parliament number ``number`` (any case), if any
    (``None`` for no organisation or no number).

    Not an access check: callers decide what the user may see of it.
    """
    number = "".join(number.split()).upper()
    if not number or organisation is None:
        return None
    return (
        Inquiry.objects.filter(organisation=organisation, number__iexact=number)
        .order_by("pk")
        .first()
    )


def read_by_number(number: str, *, with_text: bool = True) -> FetchedZaak:
    """Fetch Zaak ``number`` and its question text from the Tweede Kamer open-data API at
    the administrator's address (``settings.ZORGVULDIG_TK_OPENDATA_URL``); only the
    record when ``with_text`` is false (the case handler gave the text).

    Raises:
        FetchError: see :func:`zorgvuldig.parliament.opendata.fetch_zaak`.
    """
    return fetch_zaak(
        number,
        base_url=settings.ZORGVULDIG_TK_OPENDATA_URL,
        max_bytes=settings.ZORGVULDIG_MAX_UPLOAD_BYTES,
        with_text=with_text,
    )


def _clean_people(people: list[dict[str, str]] | None) -> list[dict[str, str]]:
    return [
        {k: clean_line(str(v)) if isinstance(v, str) else v for k, v in p.items()}
        for p in people or []
    ]


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
    intake_token: str = "",
    assembly: str = "",
) -> Inquiry:
    """Register a new inquiry with its numbered questions.

    Args:
        questions: ``[{"number": int, "text": str, "footnotes": [...]}, ...]``, at least one.
        submitted: the day the questions were submitted (calendar date, Europe/Amsterdam);
            for parliamentary questions the answer deadline is computed from it, in the
            term the organisation sets for ``assembly``.
        assembly: the code of the assembly that put written questions (``""``: the
            organisation's usual one, the first it lists; without a list the Tweede
            Kamer, whose three weeks are the default).
        persons: ``[{"name": ..., "function": ..., "account": username or ""}]``, the
            employees concerned (may be empty); ``account`` links the employee's own login
            so they can read and respond to the record.
        assignees: the people who may see and work on the case; the actor is always added.
        organisation: the actor's organisation; ``None`` (an account without one) is
            refused.
        number: the parliament number; the organisation registers each number once.
        intake_token: the one-time key of the form that sends this (``""`` for none).

    Returns:
        The saved inquiry in state ``registered``.

    Raises:
        ProcedureError: the actor may not register inquiries, has no organisation, there
            are no questions, or the organisation answers to no such assembly.
        DuplicateInquiryError: the organisation has an inquiry with ``number`` already.
        AlreadyRegisteredError: an inquiry was registered with ``intake_token`` before.
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
    questions = [{**q, "text": clean_text(str(q["text"])).strip()} for q in questions]
    if not questions:
        raise ProcedureError(_("An inquiry needs at least one question."))
    # Serialise registrations per organisation (a row lock on PostgreSQL; SQLite
    # serialises writers itself) so that two at once cannot both pass the checks below.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).exists()
    if intake_token:
        earlier = Inquiry.objects.filter(intake_token=intake_token).first()
        if earlier is not None:
            raise AlreadyRegisteredError(earlier)
    number = "".join(clean_line(number).split()).upper()
    existing = inquiry_with_number(organisation, number)
    if existing is not None:
        raise DuplicateInquiryError(existing)
    deadline = None
    if kind == InquiryKind.PARLIAMENTARY_WRITTEN:
        terms = organisation_terms(organisation)
        assembly = assembly or next(iter(terms), Assembly.TWEEDE_KAMER)
        if assembly not in terms:
            raise ProcedureError(
                _("Your organisation has no answer term for %(assembly)s.")
                % {"assembly": Assembly(assembly).label}
                if assembly in Assembly.values
                else _("Unknown assembly %(assembly)r.") % {"assembly": assembly}
            )
        if submitted:
            deadline = answer_deadline(submitted, term=terms[assembly])
    else:
        assembly = ""
    try:
        with transaction.atomic():  # a savepoint: a lost race leaves the rest usable
            inquiry = Inquiry.objects.create(
                organisation=organisation,
                kind=kind,
                subject=normalised_subject(subject),
                number=number,
                reference=clean_line(reference),
                askers=_clean_people(askers),
                addressees=[a for a in map(clean_line, addressees or []) if a],
                submitted=submitted,
                assembly=assembly,
                deadline=deadline,
                source_text=clean_text(source_text),
                confidentiality=confidentiality,
                created_by=actor,
                intake_token=intake_token,
            )
    except IntegrityError:
        earlier = Inquiry.objects.filter(intake_token=intake_token).first()
        if intake_token and earlier is not None:
            raise AlreadyRegisteredError(earlier) from None
        raise
    Question.objects.bulk_create(
        Question(
            inquiry=inquiry,
            number=int(q["number"]),
            text=q["text"],
            footnotes=list(q.get("footnotes") or []),
        )
        for q in questions
    )
    persons = [p for p in _clean_people([dict(p) for p in persons]) if p.get("name")]
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
