"""Pages of the inquiry procedure. Thin: parse input, check access, call one service, render."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zorgvuldig.core.choices import Role
from zorgvuldig.core.services import audit_trail_for

from . import forms, services
from .answer_check import open_findings
from .choices import AdviceKind, State
from .documents import answer_docx
from .panels import panels
from .parsing import ParseError, parse_inquiry
from .procedure import step_overview
from .queries import get_inquiry_for, inquiries_visible_to


def inquiry_list(request: HttpRequest) -> HttpResponse:
    """The cases the user is assigned to, by due date."""
    inquiries = inquiries_visible_to(request.user).select_related("organisation")
    return render(request, "inquiries/list.html", {"inquiries": inquiries})


def intake(request: HttpRequest) -> HttpResponse:
    """Register an inquiry: paste or upload, check what was read, then save."""
    if not request.user.has_role(Role.CASE_HANDLER):
        messages.error(request, _("Only a case handler may register an inquiry."))
        return redirect("inquiries:list")
    if request.method == "POST" and "confirm" in request.POST:
        numbers = sorted(
            int(k.removeprefix("question_"))
            for k in request.POST
            if k.startswith("question_") and k.removeprefix("question_").isdigit()
        )
        form = forms.ConfirmInquiryForm(request.POST, question_numbers=numbers)
        if form.is_valid():
            try:
                inquiry = services.register_inquiry(
                    actor=request.user,
                    organisation=request.user.organisation,
                    kind=form.cleaned_data["kind"],
                    subject=form.cleaned_data["subject"],
                    number=form.cleaned_data["number"],
                    reference=form.cleaned_data["reference"],
                    submitted=form.cleaned_data["submitted"],
                    askers=form.cleaned_askers(),
                    addressees=[
                        a.strip()
                        for a in form.cleaned_data["addressees"].splitlines()
                        if a.strip()
                    ],
                    questions=form.cleaned_questions(),
                    persons=form.cleaned_persons(),
                    source_text=form.cleaned_data["source_text"],
                )
            except services.ProcedureError as exc:
                for m in exc.messages:
                    messages.error(request, m)
            else:
                messages.success(request, _("Inquiry registered."))
                return redirect("inquiries:detail", inquiry_pk=inquiry.pk)
        return render(request, "inquiries/confirm.html", {"form": form, "warnings": []})

    form = forms.IntakeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            parsed = parse_inquiry(form.cleaned_data["text"]).to_dict()
        except ParseError as exc:
            form.add_error("text", str(exc))
        else:
            confirm = forms.ConfirmInquiryForm(
                initial=_confirm_initial(parsed, form.cleaned_data["text"]),
                question_numbers=[q["number"] for q in parsed["questions"]],
            )
            return render(
                request,
                "inquiries/confirm.html",
                {
                    "form": confirm,
                    "warnings": parsed.get("warnings", []),
                    "parsed": parsed,
                },
            )
    return render(request, "inquiries/intake.html", {"form": form})


def _confirm_initial(parsed: dict, text: str) -> dict:
    initial = {
        "kind": parsed.get("kind") or "other",
        "subject": parsed.get("subject") or "",
        "number": parsed.get("number") or "",
        "reference": parsed.get("reference") or "",
        "submitted": parsed.get("submitted"),
        "askers": "\n".join(
            f"{a['name']} ({a['party']})" if a.get("party") else a["name"]
            for a in parsed.get("askers", [])
        ),
        "addressees": "\n".join(parsed.get("addressees") or []),
        "source_text": text,
    }
    for q in parsed["questions"]:
        initial[f"question_{q['number']}"] = q["text"]
    return initial


def inquiry_detail(
    request: HttpRequest, inquiry_pk: int, **bound: object
) -> HttpResponse:
    """The case page: procedure, facts, advice, hearing, measure, answer, panels, audit."""
    inquiry = get_inquiry_for(request.user, inquiry_pk)
    user = request.user
    findings = open_findings(inquiry)
    by_question: dict[int, list] = {}
    for f in findings:
        by_question.setdefault(f.question, []).append(f)
    hr, legal = inquiry.advice_of(AdviceKind.HR), inquiry.advice_of(AdviceKind.LEGAL)
    context = {
        "inquiry": inquiry,
        "steps": step_overview(inquiry, user),
        "questions": [
            (q, _highlight(q.answer, by_question.get(q.number, [])))
            for q in inquiry.questions.all()
        ],
        "findings": findings,
        "hr_advice": hr,
        "legal_advice": legal,
        "facts_form": bound.get("facts_form")
        or forms.FactsForm(initial={"facts": inquiry.facts}),
        "hr_form": bound.get("hr_form")
        or forms.AdviceForm(
            initial={"kind": AdviceKind.HR, "text": hr.text if hr else ""}
        ),
        "legal_form": bound.get("legal_form")
        or forms.AdviceForm(
            initial={"kind": AdviceKind.LEGAL, "text": legal.text if legal else ""}
        ),
        "hearing_form": bound.get("hearing_form") or forms.HearingForm(),
        "measure_form": bound.get("measure_form") or forms.MeasureForm(),
        "override_form": bound.get("override_form") or forms.OverrideForm(),
        "panels": [(p.template, p.context(request, inquiry)) for p in panels()],
        "audit": audit_trail_for(inquiry)[:200],
        "events": inquiry.events.select_related("actor"),
        "can": {
            "facts": user.has_role(Role.CASE_HANDLER)
            and inquiry.state == State.REGISTERED,
            "hr": user.has_role(Role.HR_ADVISOR),
            "legal": user.has_role(Role.LEGAL_ADVISOR),
            "answers": user.has_role(Role.CASE_HANDLER)
            and inquiry.state not in (State.REGISTERED, State.APPROVED, State.SENT),
            "override": user.has_role(Role.APPROVER, Role.CASE_HANDLER),
        },
        "is_closed": inquiry.state in (State.APPROVED, State.SENT),
        "today": dt.date.today(),  # noqa: DTZ011 - a calendar day for display
    }
    return render(request, "inquiries/detail.html", context)


def _highlight(text: str, findings: list) -> list[tuple[str, object]]:
    """Split ``text`` into ``(piece, finding-or-None)`` so findings show in place."""
    pieces, pos = [], 0
    for f in sorted(findings, key=lambda f: f.start):
        if f.start < pos:
            continue
        pieces.append((text[pos : f.start], None))
        pieces.append((text[f.start : f.end], f))
        pos = f.end
    pieces.append((text[pos:], None))
    return pieces


def _case_action(
    form_class: type | None, form_key: str | None = None
) -> Callable[[Callable], Callable]:
    """A POST view on one case: access check, form validation, service call, redirect.

    On a refusal or an invalid form the case page is shown again with the input kept.
    """

    def wrap(run: Callable) -> Callable:
        @require_POST
        def view(
            request: HttpRequest, inquiry_pk: int, **kwargs: object
        ) -> HttpResponse:
            inquiry = get_inquiry_for(request.user, inquiry_pk)
            form = form_class(request.POST) if form_class else None
            if form is not None and not form.is_valid():
                messages.error(request, _("Please correct the fields marked below."))
                return inquiry_detail(request, inquiry_pk, **{form_key or "": form})
            try:
                note = run(request, inquiry, form, **kwargs)
            except services.ProcedureError as exc:
                for m in exc.messages:
                    messages.error(request, m)
                if form is not None and form_key:
                    return inquiry_detail(request, inquiry_pk, **{form_key: form})
            else:
                if note:
                    messages.success(request, note)
            return redirect(reverse("inquiries:detail", args=[inquiry.pk]))

        view.__name__ = run.__name__
        view.__doc__ = run.__doc__
        return view

    return wrap


@_case_action(forms.FactsForm, "facts_form")
def save_facts(request, inquiry, form):
    """Record the facts."""
    services.record_facts(
        actor=request.user, inquiry=inquiry, facts=form.cleaned_data["facts"]
    )
    return _("Facts saved.")


@_case_action(forms.AdviceForm)
def save_advice(request, inquiry, form):
    """Give HR or Legal advice."""
    services.record_advice(
        actor=request.user,
        inquiry=inquiry,
        kind=form.cleaned_data["kind"],
        text=form.cleaned_data["text"],
    )
    return _("Advice saved.")


@_case_action(forms.HearingForm, "hearing_form")
def save_hearing(request, inquiry, form):
    """Record the hearing of the employee."""
    services.record_hearing(actor=request.user, inquiry=inquiry, **form.cleaned_data)
    return _("Hearing recorded.")


@_case_action(forms.MeasureForm, "measure_form")
def save_measure(request, inquiry, form):
    """Record the measure."""
    services.record_measure(actor=request.user, inquiry=inquiry, **form.cleaned_data)
    return _("Measure recorded.")


@_case_action(None)
def save_answers(request, inquiry, form):
    """Save the answer per question (fields ``answer_<n>``)."""
    answers = {
        int(k.removeprefix("answer_")): v.strip()
        for k, v in request.POST.items()
        if k.startswith("answer_") and k.removeprefix("answer_").isdigit()
    }
    services.save_answers(actor=request.user, inquiry=inquiry, answers=answers)
    return _("Answer saved.")


@_case_action(forms.OverrideForm, "override_form")
def override_check(request, inquiry, form):
    """Keep flagged words with a recorded reason."""
    services.override_answer_check(
        actor=request.user, inquiry=inquiry, reason=form.cleaned_data["reason"]
    )
    return _("Override recorded.")


_TRANSITIONS = {
    "establish_facts": services.establish_facts,
    "complete_advice": services.complete_advice,
    "decide_measure": services.decide_measure,
    "draft_answer": services.submit_draft_answer,
    "return_to_measure": services.return_for_rework,
    "approve": services.approve_answer,
    "send": services.send_answer,
}


@_case_action(forms.ReasonForm)
def fire_transition(request, inquiry, form, name):
    """Move the case on by one step of the procedure."""
    service = _TRANSITIONS.get(name)
    if service is None:
        raise services.ProcedureError(_("Unknown step."))
    after = service(
        actor=request.user, inquiry=inquiry, reason=form.cleaned_data["reason"]
    )
    return _("The case is now: %(state)s.") % {"state": after.get_state_display()}


def download_answer(request: HttpRequest, inquiry_pk: int) -> HttpResponse:
    """The approved answer as a Word document in the Vraag/Antwoord layout."""
    inquiry = get_inquiry_for(request.user, inquiry_pk)
    if inquiry.state not in (State.APPROVED, State.SENT):
        messages.error(request, _("The answer can be downloaded once it is approved."))
        return redirect("inquiries:detail", inquiry_pk=inquiry.pk)
    response = HttpResponse(
        answer_docx(inquiry),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    name = f"antwoord-{inquiry.number or inquiry.pk}.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
