"""Checking an article against the inquiry's recorded measure, and storing the result.

Public surface for other apps: :func:`check_article` and :class:`MediaError`; the access
check is :func:`zorgvuldig.media.queries.may_check_coverage`.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zorgvuldig.core.models import User
from zorgvuldig.core.services import Summary, record_audit
from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.inquiries.queries import measure_in_force

from .assessment import assess_article
from .choices import Verdict
from .extraction import ArticleError, extract_article
from .models import ArticleCheck
from .queries import CHECK_ROLES, may_check_coverage


class MediaError(Exception):
    """A refused or unreadable article; the message says what is wrong."""


def recorded_measures(inquiry: Inquiry, on: dt.date | None = None) -> list[dict]:
    """The measure in force on the day ``on`` (``None``: today, Europe/Amsterdam) as the
    assessment expects it (empty: nothing in force).

    Read with ``inquiries.queries.measure_in_force`` from the measure history: with
    several employees concerned, the most severe measure in force among them (the
    measure ladder of DESIGN.md §6.3), so that a claim which fits one employee's measure
    is not reported as a misrepresentation; a measure annulled or ended by then leaves
    nothing in force.
    """
    m = measure_in_force(inquiry, on)
    if m is None:
        return []
    return [{"category": m.category, "term": m.term, "date": m.effective_on}]


@transaction.atomic
def check_article(
    *,
    actor: User,
    inquiry: Inquiry,
    content: str,
    outlet: str = "",
    url: str = "",
    published: dt.date | None = None,
    on: dt.date | None = None,
) -> ArticleCheck:
    """Assess an article (HTML, or text whose first line ``# ...`` is the headline).

    Args:
        content: the article as HTML or plain text.
        published: the publication day; the measure in force that day applies (``None``:
            the current measure).
        on: the day the article's claim speaks of, when a person gives one that is not
            the publication day ("in 2012 he was suspended"); the measure in force on
            ``on`` applies instead.

    Raises:
        MediaError: the actor may not check coverage (:func:`may_check_coverage`), or
            no article text could be found.
    """
    if not may_check_coverage(actor, inquiry):
        raise MediaError(
            _(
                "Only an assigned communications officer or case handler may check coverage."
            )
        )
    try:
        headline, body = extract_article(content)
    except ArticleError as exc:
        raise MediaError(str(exc)) from exc
    day = on or published or timezone.localdate()
    assessment = assess_article(
        headline, body, recorded_measures(inquiry, day), day, None
    ).to_dict()
    check = ArticleCheck.objects.create(
        inquiry=inquiry,
        outlet=outlet,
        url=url,
        published=published,
        headline=headline[:1000],
        body=body,
        verdict=assessment["verdict"],
        result=assessment,
        checked_by=actor,
    )
    record_audit(
        actor=actor,
        action="media.checked",
        target=inquiry,
        summary=Summary(
            "%(verdict)s: %(headline)s",
            {
                "verdict": Verdict(assessment["verdict"])
                if assessment["verdict"] in Verdict.values
                else assessment["verdict"],
                "headline": headline[:150],
            },
        ),
        on_behalf_of=inquiry.delegator_of(actor, *CHECK_ROLES),
    )
    return check
