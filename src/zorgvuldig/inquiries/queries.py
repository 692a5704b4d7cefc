"""Every read of inquiries, with the one access rule for this personnel data.

Rule (DESIGN.md §3, Confidentiality): a user sees an inquiry only when they are assigned to
it. There is no role that sees every case, administrators included: assignment is explicit.
Views never call ``Inquiry.objects.get`` themselves.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from zorgvuldig.core.models import User

from .models import Inquiry


def inquiries_visible_to(user: User) -> QuerySet[Inquiry]:
    """The inquiries ``user`` is assigned to (none for anonymous or inactive users)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Inquiry.objects.none()
    return Inquiry.objects.filter(
        assignees=user,
    )


def get_inquiry_for(user: User, pk: int) -> Inquiry:
    """The inquiry ``pk`` with everything the case page and the conditions read.

    Raises:
        Http404: the inquiry does not exist or ``user`` is not assigned to it (the same
            answer, so that outsiders cannot learn which cases exist).
    """
    try:
        return (
            inquiries_visible_to(user)
            .select_related(
                "organisation", "measure", "hearing", "override", "postponement_notice"
            )
            .prefetch_related(
                "assignees", "advice__advisor", "persons", "questions", "events"
            )
            .get(pk=pk)
        )
    except Inquiry.DoesNotExist:
        raise Http404("No such inquiry.") from None
