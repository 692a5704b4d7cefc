"""Media pages: the coverage panel on the case page and the article check form."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from zorgvuldig.core.http import AuthenticatedHttpRequest
from zorgvuldig.inquiries.choices import MeasureCategory
from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.inquiries.queries import measure_in_force
from zorgvuldig.inquiries.views.case_form import panel_action

from . import services
from .choices import Verdict
from .forms import ArticleForm
from .models import ArticleCheck
from .queries import may_check_coverage

#: Claims listed per article on the case page; the verdict always weighs them all.
MAX_CLAIMS_SHOWN = 20


@dataclass(frozen=True)
class ShownCheck:
    """An article check as the coverage panel lists it.

    ``claims`` are the first :data:`MAX_CLAIMS_SHOWN` claims of ``check.result`` (dicts in
    the ``media assess`` shape) with a ``category_label`` added; ``claims_total`` counts all.
    """

    check: ArticleCheck
    verdict_label: str
    claims: list[dict[str, Any]]
    claims_total: int


def _shown(check: ArticleCheck) -> ShownCheck:
    claims = check.result.get("claims", [])
    return ShownCheck(
        check=check,
        verdict_label=Verdict.label_of(check.verdict),
        claims=[
            {**cl, "category_label": MeasureCategory(cl["category"]).label}
            for cl in claims[:MAX_CLAIMS_SHOWN]
            if cl.get("category") in MeasureCategory.values
        ],
        claims_total=len(claims),
    )


def panel_context(
    request: AuthenticatedHttpRequest,
    inquiry: Inquiry,
    bound_form: ArticleForm | None = None,
) -> dict[str, Any]:
    """Context of the coverage panel on the case page."""
    user = request.user
    return {
        "inquiry": inquiry,
        "checks": [
            _shown(c) for c in inquiry.article_checks.select_related("checked_by")
        ],
        "form": bound_form or ArticleForm(),
        "can_check": may_check_coverage(user, inquiry),
        # the measure in force today per employee, from the measure history (after an
        # annulment or an end: none), as the check itself reads it
        "measures": [
            m for p in inquiry.persons.all() if (m := measure_in_force(p)) is not None
        ],
    }


@panel_action("media", ArticleForm, services.MediaError)
def check(
    request: AuthenticatedHttpRequest, inquiry: Inquiry, form: ArticleForm
) -> str:
    """Check a pasted or uploaded article against the recorded measure."""
    result = services.check_article(
        actor=request.user,
        inquiry=inquiry,
        content=form.cleaned_data["text"],
        outlet=form.cleaned_data["outlet"],
        url=form.cleaned_data["url"],
        published=form.cleaned_data["published"],
    )
    return _("Article checked: %(v)s.") % {"v": Verdict.label_of(result.verdict)}
