"""Media pages: the coverage panel on the case page and the article check form."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zorgvuldig.inquiries.choices import MeasureCategory
from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.inquiries.panels import render_case_page
from zorgvuldig.inquiries.queries import get_inquiry_for

from . import services
from .choices import Verdict
from .forms import ArticleForm

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
        "can_check": request.user.has_role(*services.CHECK_ROLES),
        "measures": inquiry.recorded_measures,
    }


@require_POST
def check(request: HttpRequest, inquiry_pk: int) -> HttpResponse:
    """Check a pasted or uploaded article against the recorded measure."""
    inquiry = get_inquiry_for(request.user, inquiry_pk)
    form = ArticleForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Please correct the fields marked below."))
        return render_case_page(request, inquiry.pk, "media", form)
    try:
        result = services.check_article(
            actor=request.user,
            inquiry=inquiry,
            content=form.cleaned_data["text"],
            outlet=form.cleaned_data["outlet"],
            url=form.cleaned_data["url"],
            published=form.cleaned_data["published"],
        )
    except services.MediaError as exc:
        messages.error(request, str(exc))
        return render_case_page(request, inquiry.pk, "media", form)
    messages.success(
        request, _("Article checked: %(v)s.") % {"v": Verdict.label_of(result.verdict)}
    )
    return redirect("inquiries:detail", inquiry_pk=inquiry.pk)
