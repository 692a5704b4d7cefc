"""Checking an article against the inquiry's recorded measure, and storing the result.

Public surface for other apps: :func:`check_article` and :class:`MediaError`; the access
check is :func:`zorgvuldig.media.queries.may_check_coverage`.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from zorgvuldig.core.models import User
from zorgvuldig.core.services import Summary, record_audit
from zorgvuldig.inquiries.choices import MeasureCategory
from zorgvuldig.inquiries.models import Inquiry

from .assessment import assess_article
from .choices import Verdict
from .extraction import ArticleError, extract_article
from .models import ArticleCheck
from .queries import CHECK_ROLES, may_check_coverage


class MediaError(Exception):
    """A refused or unreadable article; the message says what is wrong."""


def recorded_measures(inquiry: Inquiry) -> list[dict]:
    """The inquiry's recorded measures as the assessment expects them (empty: none).

    With several employees concerned, each has their own measure; an article is judged
    against the most severe of them (the measure ladder of DESIGN.md §6.3), so that a claim
    which fits one employee's measure is not reported as a misrepresentation.
    """
    measures = inquiry.measures.all()
    if not measures:
        return []
    m = max(measures, key=lambda m: MeasureCategory.severity(m.category))
    return [{"category": m.category, "term": m.term, "date": m.decided_on}]


@transaction.atomic
def check_article(
    *,
    actor: User,
    inquiry: Inquiry,
    content: str,
    outlet: str = "",
    url: str = "",
    published: dt.date | None = None,
) -> ArticleCheck:
    """Assess an article (HTML, or text whose first line ``# ...`` is the headline).

    Args:
        content: the article as HTML or plain text.
        published: the publication day; the measure in force that day applies (``None``:
            the current measure).

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
    assessment = assess_article(
        headline, body, recorded_measures(inquiry), published, None
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
