"""Every read of evidence, and the one check of who may add it.

The case itself is access-checked by ``inquiries.queries.get_inquiry_for``; these functions
take an inquiry the user may already see and decide what of its evidence they see or may do.
The panel on the case page and :func:`zorgvuldig.evidence.services.add_evidence` both ask
:func:`may_add_evidence`, so the upload form is shown to exactly the people the service
accepts.
"""

from __future__ import annotations

from django.db.models import Count, F, Q, QuerySet

from zorgvuldig.core.choices import Confidentiality, Role
from zorgvuldig.core.models import User
from zorgvuldig.inquiries.models import Inquiry

from .capture_job import UrlCapture
from .models import CustodyEntry, EvidenceItem, ItemArtefact, TimelineEvent

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


#: How much of a text part the item page shows (bytes); the rest is in the download.
PREVIEW_BYTES = 64 * 1024
#: Parts whose text the item page shows: a note, a capture's main text, a text upload.
TEXT_TYPES = ("text/plain",)


def panel_items(user: User, inquiry: Inquiry) -> QuerySet[EvidenceItem]:
    """:func:`visible_items` with each item's automatic timestamp request and its number of
    tokens (``token_count``), for the evidence panel (one query)."""
    return (
        visible_items(user, inquiry)
        .select_related("timestamping")
        .annotate(token_count=Count("timestamps"))
    )


def item_custody(item: EvidenceItem) -> QuerySet[CustodyEntry]:
    """The custody entries about ``item``, oldest first."""
    return item.custody.order_by("seq")


def text_preview(part: ItemArtefact) -> tuple[str, bool] | None:
    """The start of a text part (at most :data:`PREVIEW_BYTES`, read in one bounded read)
    as ``(text, cut)``, ``cut`` when the part is longer; ``None`` for a part that is not
    text or whose file is missing. Undecodable bytes show as U+FFFD."""
    if not part.content_type.startswith(TEXT_TYPES) and part.role not in {
        "note",
        "text",
    }:
        return None
    try:
        with part.artefact.file.open("rb") as fh:
            data = fh.read(PREVIEW_BYTES + 1)
    except FileNotFoundError:
        return None
    cut = len(data) > PREVIEW_BYTES
    return data[:PREVIEW_BYTES].decode("utf-8", errors="replace"), cut
