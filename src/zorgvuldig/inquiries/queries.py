"""Every read of inquiries, with the one access rule for this personnel data.

Rule (DESIGN.md §3, Confidentiality): a user sees an inquiry only when they are assigned to
it (or acts for someone who is, by a delegation in force), cleared for its
confidentiality level (ZGW vertrouwelijkheidaanduiding), and not an employee it concerns
(who reads only their own record, through :func:`get_record_about`). There is no
role that sees every case, administrators included: assignment is explicit, and an
administrator sees no case even when assigned (they manage accounts, not cases; issue 11).
Views never call ``Inquiry.objects.get`` themselves.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, TypeAlias, TypedDict

from django.db.models import BooleanField, Case, F, Prefetch, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from zorgvuldig.core.choices import Confidentiality, Role
from zorgvuldig.core.models import User

from .choices import State
from .measure_timeline import measure_in_force, standing
from .models import (
    Advice,
    ApprovalStep,
    Inquiry,
    Measure,
    MeasureEntry,
    PersonConcerned,
    ProcedureEvent,
    Question,
)

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

__all__ = ["measure_in_force"]  # the measure history's one read, kept beside its rules


class DashboardAttributes(TypedDict):
    """What :func:`dashboard` adds to each inquiry it returns."""

    overdue: bool  # annotated: answer deadline passed, not sent
    handlers: list[User]  # prefetched: the assigned case handlers, by last name


#: One row of the dashboard: an inquiry with :class:`DashboardAttributes`.
DashboardRow: TypeAlias = "WithAnnotations[Inquiry, DashboardAttributes]"


def inquiries_visible_to(user: User) -> QuerySet[Inquiry]:
    """The inquiries ``user`` is assigned to (none for anonymous or inactive users), never
    one that concerns ``user`` themselves (they read that through :func:`get_record_about`,
    which shows only their own hearing and measure)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Inquiry.objects.none()
    if user.role == Role.ADMINISTRATOR:
        # Manages accounts and settings, never cases, even if once assigned (issue 11).
        return Inquiry.objects.none()
    assigned = Inquiry.assignees.through.objects.filter(user_id__in=user.acting_for())
    about_them = PersonConcerned.objects.filter(user_id=user.pk)
    return Inquiry.objects.filter(
        pk__in=assigned.values("inquiry_id"),
        confidentiality__in=Confidentiality.up_to(user.clearance),
    ).exclude(pk__in=about_them.values("inquiry_id"))


def with_case_relations(inquiries: QuerySet[Inquiry]) -> QuerySet[Inquiry]:
    """``inquiries`` with every relation the case page, the guards and the services read,
    joined or prefetched: the one list, for pages (:func:`get_inquiry_for`) and for the
    services' locked reload (``services.steps.fresh``)."""
    return inquiries.select_related(
        "organisation", "override", "postponement_notice"
    ).prefetch_related(
        "assignees",
        # A person's or a question's default order starts with the inquiry, which would
        # join the inquiries table only to sort rows of this one inquiry.
        Prefetch(
            "persons",
            queryset=PersonConcerned.objects.order_by("pk").prefetch_related(
                Prefetch(
                    "measure_entries",
                    queryset=MeasureEntry.objects.select_related("recorded_by"),
                )
            ),
        ),
        Prefetch("questions", queryset=Question.objects.order_by("number")),
        "hearings",
        # Joined rather than prefetched: one query per relation instead of two.
        Prefetch("advice", queryset=Advice.objects.select_related("advisor")),
        Prefetch("measures", queryset=Measure.objects.select_related("person")),
        Prefetch("approvals", queryset=ApprovalStep.objects.select_related("by")),
        Prefetch("events", queryset=ProcedureEvent.objects.select_related("actor")),
    )


def correctable(person: PersonConcerned) -> list[MeasureEntry]:
    """The entries of ``person``'s measure history that no entry corrects yet."""
    return standing(person.measure_entries.all())


def get_inquiry_for(user: User, pk: int) -> Inquiry:
    """The inquiry ``pk`` with everything the case page and the conditions read.

    Raises:
        Http404: the inquiry does not exist or ``user`` is not assigned to it (the same
            answer, so that outsiders cannot learn which cases exist).
    """
    try:
        return with_case_relations(inquiries_visible_to(user)).get(pk=pk)
    except Inquiry.DoesNotExist:
        raise Http404("No such inquiry.") from None


def dashboard(
    user: User,
    *,
    state: str = "",
    kind: str = "",
    assignee: int | None = None,
    overdue_only: bool = False,
    today: dt.date | None = None,
) -> QuerySet[DashboardRow]:
    """The case handler's dashboard: open cases by due date, so the overdue ones come first.

    Sent cases are left out unless ``state`` asks for them. Each row carries ``overdue``
    (answer deadline passed, not sent) and ``handlers`` (the assigned case handlers,
    prefetched). The order (deadline, then id; no deadline last) follows an index, so one page
    costs the same with a hundred or a hundred thousand cases.

    Args:
        state, kind: filter on a ``State`` / ``InquiryKind`` value ("" for all open ones).
        assignee: only cases this user (id) is assigned to.
        overdue_only: only overdue cases.
        today: the calendar day that counts (default: today, Europe/Amsterdam).
    """
    today = today or timezone.localdate()
    rows = inquiries_visible_to(user)
    rows = rows.filter(state=state) if state else rows.exclude(state=State.SENT)
    if kind:
        rows = rows.filter(kind=kind)
    if assignee:
        rows = rows.filter(
            pk__in=Inquiry.assignees.through.objects.filter(user_id=assignee).values(
                "inquiry_id"
            )
        )
    if overdue_only:
        rows = rows.filter(deadline__lt=today).exclude(state=State.SENT)
    rows = rows.annotate(
        overdue=Case(
            When(Q(deadline__lt=today) & ~Q(state=State.SENT), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )
    return rows.order_by(F("deadline").asc(nulls_last=True), "pk").prefetch_related(
        Prefetch(
            "assignees",
            queryset=User.objects.filter(role=Role.CASE_HANDLER).order_by("last_name"),
            to_attr="handlers",
        )
    )


def records_about(user: User) -> QuerySet[Inquiry]:
    """The inquiries that concern ``user`` as the employee (their own account is linked)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Inquiry.objects.none()
    return Inquiry.objects.filter(persons__user=user).distinct()


def get_record_about(user: User, pk: int) -> Inquiry:
    """The inquiry ``pk`` as the employee it concerns may read it (facts, hearing, measure).

    Raises:
        Http404: the inquiry does not exist or does not concern ``user``.
    """
    try:
        return (
            records_about(user)
            .select_related("organisation")
            .prefetch_related("persons", "hearings", "measures")
            .get(pk=pk)
        )
    except Inquiry.DoesNotExist:
        raise Http404("No such inquiry.") from None
