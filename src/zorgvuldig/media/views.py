"""Media pages: the coverage panel on the case page and the article check form."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _

from zorgvuldig.inquiries.choices import MeasureCategory
from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.inquiries.panels import panel_action

from . import services
from .choices import Verdict
from .forms import ArticleForm
from .queries import may_check_coverage

#: Claims listed per article on the case page; the verdict always weighs them all.
MAX_CLAIMS_SHOWN = 20


def panel_context(request: HttpRequest, inquiry: Inquiry, bound_form=None) -> dict:
    """Context of the coverage panel on the case page."""
    checks = list(inquiry.article_checks.select_related("checked_by"))
    for c in checks:
        c.verdict_label = Verdict.label_of(c.verdict)
        c.claims_total = len(c.result.get("claims", []))
        c.claims = [
            {**cl, "category_label": MeasureCategory(cl["category"]).label}
            for cl in c.result.get("claims", [])[:MAX_CLAIMS_SHOWN]
            if cl.get("category") in MeasureCategory.values
        ]
    return {
        "inquiry": inquiry,
        "checks": checks,
        "form": bound_form or ArticleForm(),
        "can_check": may_check_coverage(request.user, inquiry),
        "measures": inquiry.recorded_measures,
    }


@panel_action("media", ArticleForm, services.MediaError)
def check(request: HttpRequest, inquiry: Inquiry, form: ArticleForm) -> str:
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
