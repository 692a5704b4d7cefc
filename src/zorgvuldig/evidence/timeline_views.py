"""The facts timeline panel (right after the facts, before the advice), the import of a
platform export by the case's staff, and the employee's own export on their record page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zorgvuldig.core.http import AuthenticatedHttpRequest
from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.inquiries.queries import get_record_about
from zorgvuldig.inquiries.views.case_form import panel_action

from . import platform_exports, timeline
from .forms import ExportForm
from .queries import may_add_evidence, own_events, visible_events


def facts_panel_context(
    request: AuthenticatedHttpRequest,
    inquiry: Inquiry,
    bound_form: ExportForm | None = None,
) -> dict[str, Any]:
    """Context of the facts timeline panel of the case page."""
    events = list(visible_events(request.user, inquiry))
    statements = [h.account for h in inquiry.hearings.all() if h.account]
    return {
        "inquiry": inquiry,
        "rows": timeline.timeline(inquiry, events),
        "facts": timeline.fact_answers(inquiry, events, statements),
        "form": bound_form
        or ExportForm(
            initial={"terms": ", ".join(platform_exports.case_terms(inquiry))}
        ),
        "can_import": may_add_evidence(request.user, inquiry),
    }


@panel_action("timeline", ExportForm, platform_exports.ExportRefused)
def import_export(
    request: AuthenticatedHttpRequest, inquiry: Inquiry, form: ExportForm
) -> str:
    """Import a platform export into the case (only the entries that mention the terms)."""
    done = platform_exports.import_export(
        actor=request.user,
        inquiry=inquiry,
        upload=form.cleaned_data["file"],
        terms=form.cleaned_data["terms"],
    )
    return (
        _("Kept %(n)d entries (export SHA-256 %(sha)s).")
        % {
            "n": len(done.events),
            "sha": done.reading.sha256,
        }
        + " "
        + platform_exports.report(done.reading)
    )


def record_panel_context(
    request: AuthenticatedHttpRequest, inquiry: Inquiry, bound_form: Any = None
) -> dict[str, Any]:
    """Context of the employee's own export panel on their record page."""
    return {
        "inquiry": inquiry,
        "events": own_events(request.user, inquiry),
        "form": ExportForm(
            initial={"terms": ", ".join(platform_exports.case_terms(inquiry))}
        ),
    }


@require_POST
def import_own_export(
    request: AuthenticatedHttpRequest, inquiry_pk: int
) -> HttpResponse:
    """The employee supplies their own export from their record page."""
    inquiry = get_record_about(request.user, inquiry_pk)
    form = ExportForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    else:
        try:
            done = platform_exports.import_export(
                actor=request.user,
                inquiry=inquiry,
                upload=form.cleaned_data["file"],
                terms=form.cleaned_data["terms"],
            )
        except platform_exports.ExportRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("The case now holds %(n)d entries of your export.")
                % {"n": len(done.events)}
                + " "
                + platform_exports.report(done.reading),
            )
    return redirect("inquiries:record_about_me", inquiry_pk=inquiry.pk)
