"""Every read of evidence, and the one check of who may add it.

The case itself is access-checked by ``inquiries.queries.get_inquiry_for``; these functions
take an inquiry the user may already see and decide what of its evidence they see or may do.
The panel on the case page and :func:`zorgvuldig.evidence.services.add_evidence` both ask
:func:`may_add_evidence`, so the upload form is shown to exactly the people the service
accepts.
"""

from __future__ import annotations

from django.db.models import F, Q, QuerySet

from zorgvuldig.core.choices import Confidentiality, Role
from zorgvuldig.core.models import User
from zorgvuldig.inquiries.models import Inquiry

from .capture_job import UrlCapture
from .models import EvidenceItem, TimelineEvent

#: Roles that may add evidence to a case they are assigned to.
UPLOAD_ROLES = (Role.CASE_HANDLER, Role.HR_ADVISOR, Role.LEGAL_ADVISOR)


def may_add_evidence(user: User, inquiry: Inquiry) -> bool:
    """Whether ``user`` may add evidence to ``inquiry``: an assigned case handler, HR
    advisor or legal advisor, or someone acting for one by a delegation in force; never an
    employee the inquiry concerns (``Inquiry.acts_as``)."""
    return inquiry.acts_as(user, *UPLOAD_ROLES)


def visible_items(user: User, inquiry: Inquiry) -> QuerySet[EvidenceItem]:
    """The evidence of ``inquiry`` that ``user`` is cleared to see, oldest first, with the
    uploader loaded."""
    return inquiry.evidence.filter(
        confidentiality__in=Confidentiality.up_to(user.clearance)
    ).select_related("uploaded_by")


def visible_events(user: User, inquiry: Inquiry) -> QuerySet[TimelineEvent]:
    """The timeline events of ``inquiry`` whose evidence ``user`` is cleared to see (events
    without evidence, such as a recorded post of the target, are shown to all who see the
    case), oldest first, untimed last."""
    return (
        inquiry.timeline_events.filter(
            Q(evidence__isnull=True)
            | Q(evidence__confidentiality__in=Confidentiality.up_to(user.clearance))
        )
        .select_related("evidence")
        .order_by(F("when").asc(nulls_last=True), "pk")
    )


def own_events(user: User, inquiry: Inquiry) -> QuerySet[TimelineEvent]:
    """What the case holds of ``user``'s own actions (for their record page; ``inquiry``
    as :func:`zorgvuldig.inquiries.queries.get_record_about` gave it): what they supplied
    themselves, and, when the case concerns them alone, every action on its timeline."""
    events = inquiry.timeline_events.filter(side=TimelineEvent.Side.EMPLOYEE)
    if len(inquiry.persons.all()) > 1:
        events = events.filter(added_by=user)
    return events.select_related("evidence").order_by(
        F("when").asc(nulls_last=True), "pk"
    )


def visible_captures(user: User, inquiry: Inquiry) -> QuerySet[UrlCapture]:
    """The URL captures of ``inquiry`` that ``user`` is cleared to see, oldest first."""
    return UrlCapture.objects.filter(
        inquiry=inquiry,
        confidentiality__in=Confidentiality.up_to(user.clearance),
    ).select_related("requested_by", "warc_item", "text_item")
