"""The facts timeline panel (right after the facts, before the advice), the import of a
platform export by the case's staff, and the employee's own export on their record page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zorgvuldig.core.http import AuthenticatedHttpRequest
from zorgvuldig.inquiries.forms import ConductForm
from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.inquiries.queries import get_inquiry_for, get_record_about
from zorgvuldig.inquiries.versions import fingerprint
from zorgvuldig.inquiries.views.case import inquiry_detail
from zorgvuldig.inquiries.views.case_form import case_action, panel_action

from . import fact_finding, platform_exports, timeline
from .conduct_from_timeline import conduct_initial
from .forms import (
    ExportForm,
    FactAnswerForm,
    SeenForm,
    TargetPostForm,
    item_choices,
)
from .models import TimelineEvent
from .queries import may_add_evidence, own_events, visible_events, visible_items


def facts_panel_context(
    request: AuthenticatedHttpRequest, inquiry: Inquiry, bound_form: Any = None
) -> dict[str, Any]:
    """Context of the facts timeline panel of the case page: the timeline, what it says
    per action, the recorded answers to the fact questions with their forms, and the forms
    to add to it (``bound_form`` is whichever of them was submitted)."""
    user = request.user
    events = list(visible_events(user, inquiry))
    statements = [h.account for h in inquiry.hearings.all() if h.account]
    items = visible_items(user, inquiry)
    choices = item_choices(items)  # one query for the seven forms
    answered = []
    for row in fact_finding.answers_of(inquiry):
        code = row.question.value
        form = bound_form
        if not (isinstance(form, FactAnswerForm) and form.data.get("question") == code):
            form = FactAnswerForm(
                items=items,
                choices=choices,
                question=code,
                initial={
                    "question": code,
                    "based_on": row.current.pk if row.current else None,
                    "text": row.current.text if row.current else "",
                    "evidence": [e.pk for e in row.current.evidence.all()]
                    if row.current
                    else [],
                },
            )
        answered.append((row, form))

    def fresh(form_class: type) -> Any:
        return bound_form if isinstance(bound_form, form_class) else None

    return {
        "inquiry": inquiry,
        "rows": timeline.timeline(inquiry, events),
        "actions": [e for e in events if e.side == TimelineEvent.Side.EMPLOYEE],
        "facts": timeline.fact_answers(inquiry, events, statements),
        "answered": answered,
        "form": fresh(ExportForm)
        or ExportForm(
            initial={"terms": ", ".join(platform_exports.case_terms(inquiry))}
        ),
        "seen_form": fresh(SeenForm)
        or SeenForm(initial={"seen_by": user.get_full_name() or user.get_username()}),
        "post_form": fresh(TargetPostForm) or TargetPostForm(),
        "can_import": may_add_evidence(user, inquiry),
        # the items this person may see: links to others are not shown, only counted
        "visible_ids": {pk for pk, _label in choices},
    }


@panel_action("timeline", SeenForm, fact_finding.services.EvidenceError)
def record_seen(
    request: AuthenticatedHttpRequest, inquiry: Inquiry, form: SeenForm
) -> str:
    """Record a note of what was seen (on the timeline when it has a time)."""
    d = form.cleaned_data
    item, event = fact_finding.record_seen(
        actor=request.user,
        inquiry=inquiry,
        text=d["text"],
        seen_by=d["seen_by"],
        where=d["where"],
        seen_at=d["seen_at"],
        confidentiality=d["confidentiality"],
    )
    if event is None:
        return _(
            "Note stored as evidence #%(n)s (no time given: not on the timeline)."
        ) % {"n": item.pk}
    return _("Note stored as evidence #%(n)s and put on the timeline.") % {"n": item.pk}


@panel_action("timeline", TargetPostForm, fact_finding.services.EvidenceError)
def record_post(
    request: AuthenticatedHttpRequest, inquiry: Inquiry, form: TargetPostForm
) -> str:
    """Record the target's post (the contested content) as evidence on the timeline."""
    d = form.cleaned_data
    item, _event = fact_finding.record_contested_post(
        actor=request.user,
        inquiry=inquiry,
        text=d["text"],
        account=d["account"],
        url=d["url"],
        published_at=d["published_at"],
        confidentiality=d["confidentiality"],
    )
    return _("The post is stored as evidence #%(n)s and on the timeline.") % {
        "n": item.pk
    }


@case_action(
    lambda request, inquiry: FactAnswerForm(
        request.POST, items=visible_items(request.user, inquiry)
    ),
    "panel:timeline",
    fact_finding.services.EvidenceError,
)
def answer_fact(
    request: AuthenticatedHttpRequest, inquiry: Inquiry, form: FactAnswerForm
) -> str:
    """Record the answer to one fact question; refused, with the text kept, when someone
    else answered it after the page was loaded."""
    d = form.cleaned_data
    try:
        fact_finding.answer_fact_question(
            actor=request.user,
            inquiry=inquiry,
            question=d["question"],
            text=d["text"],
            evidence=list(d["evidence"]),
            based_on=d["based_on"],
        )
    except fact_finding.StaleAnswerError as stale:
        # The page shown again carries the newer answer's version, so that the person's
        # merged text saves on the next submit.
        data = request.POST.copy()
        data["based_on"] = str(stale.current.pk) if stale.current else ""
        form.data = data
        raise
    return _("Answer saved.")


def conduct_from_timeline(
    request: AuthenticatedHttpRequest, inquiry_pk: int
) -> HttpResponse:
    """The case page with the conduct form pre-filled from the employee's action
    ``?event=<pk>`` on the timeline, to check and save; without ``event`` the case page
    as it is. Nothing is saved (GET only; the access check comes first, so that a case
    the user may not see is 404 whatever the method)."""
    inquiry = get_inquiry_for(request.user, inquiry_pk)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    raw = request.GET.get("event", "")
    if not raw:
        return inquiry_detail(request, inquiry_pk)
    events = list(visible_events(request.user, inquiry))
    action = next(
        (
            e
            for e in events
            if str(e.pk) == raw and e.side == TimelineEvent.Side.EMPLOYEE
        ),
        None,
    )
    if action is None:
        raise Http404
    form = ConductForm(
        inquiry=inquiry,
        initial=conduct_initial(ConductForm.initial_for(inquiry), action, events)
        | {"loaded_version": fingerprint(inquiry, "conduct")},
    )
    messages.info(
        request,
        _(
            "The conduct form below is filled from the timeline. Check it, complete "
            "it and save it; nothing is saved until you do."
        ),
    )
    return inquiry_detail(
        request, inquiry_pk, {"conduct_form": form, "conduct_prefilled": True}
    )


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
