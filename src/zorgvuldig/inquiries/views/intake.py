"""Registering an inquiry: paste or upload, check what was read, then save."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zorgvuldig.core.choices import Role
from zorgvuldig.core.http import AuthenticatedHttpRequest
from zorgvuldig.inquiries import forms, services
from zorgvuldig.inquiries.choices import InquiryKind
from zorgvuldig.inquiries.queries import inquiries_visible_to
from zorgvuldig.parliament.notices import notice_facts
from zorgvuldig.parliament.parsing import ParseError, merge_zaak, parse_inquiry

#: What the intake page says, in the page's language, for each kind of ParseError.
PARSE_PROBLEMS = {
    "empty": gettext_lazy("The text is empty: paste or upload the questions."),
    "no_questions": gettext_lazy(
        "No questions found. Expected numbered questions ('Vraag 1', '1.', '1.)') after "
        "a sentence like 'Vragen van het lid X (Partij) aan de minister van … "
        "(ingezonden 28 februari 2012).', or questions ending in '?'."
    ),
}


def intake(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Register an inquiry: paste or upload, check what was read, then save."""
    if not request.user.has_role(Role.CASE_HANDLER):
        messages.error(request, _("Only a case handler may register an inquiry."))
        return redirect("inquiries:list")
    if request.method == "POST" and "confirm" in request.POST:
        confirm = forms.ConfirmInquiryForm(
            request.POST, organisation=request.user.organisation, user=request.user
        )
        if confirm.is_valid():
            try:
                inquiry = services.register_inquiry(
                    actor=request.user,
                    organisation=request.user.organisation,
                    kind=confirm.cleaned_data["kind"],
                    subject=confirm.cleaned_data["subject"],
                    number=confirm.cleaned_data["number"],
                    reference=confirm.cleaned_data["reference"],
                    submitted=confirm.cleaned_data["submitted"],
                    askers=confirm.cleaned_askers(),
                    addressees=confirm.cleaned_addressees(),
                    questions=confirm.cleaned_questions(),
                    persons=confirm.cleaned_persons(),
                    assignees=confirm.cleaned_data["assignees"],
                    confidentiality=confirm.cleaned_data["confidentiality"],
                    source_text=confirm.cleaned_data["source_text"],
                )
            except services.ProcedureError as exc:
                for m in exc.messages:
                    messages.error(request, m)
            else:
                messages.success(request, _("Inquiry registered."))
                return redirect("inquiries:detail", inquiry_pk=inquiry.pk)
        return render(
            request, "inquiries/confirm.html", {"form": confirm, "warnings": []}
        )

    form = forms.IntakeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            parsed = parse_inquiry(form.cleaned_data["text"]).to_dict()
        except ParseError as exc:
            form.add_error("text", PARSE_PROBLEMS.get(exc.code, str(exc)))
        else:
            if parsed["kind"] == "postponement":
                return _postponement_notice(request, form, parsed)
            if not parsed["questions"]:  # a letter without questions: no inquiry
                form.add_error("text", PARSE_PROBLEMS["no_questions"])
                return render(request, "inquiries/intake.html", {"form": form})
            if form.cleaned_data.get("zaak"):
                parsed = merge_zaak(parsed, form.cleaned_data["zaak"])
            confirm = forms.ConfirmInquiryForm(
                initial=forms.ConfirmInquiryForm.initial_from(
                    parsed, form.cleaned_data["text"]
                ),
                organisation=request.user.organisation,
                user=request.user,
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


def _postponement_notice(
    request: AuthenticatedHttpRequest, form: forms.IntakeForm, parsed: dict[str, object]
) -> HttpResponse:
    """A pasted postponement notice (uitstelbericht): show the case with the same Kamer
    number, among the cases the user may see, with the postponement form filled in from
    the notice (its date and reasons), to be checked and recorded on that case.

    Nothing is saved here; the form posts to the case's own postponement action, which
    checks the user's rights again. A number no visible case holds gets the same answer as
    a number no case holds, so that the page reveals nothing about other cases.
    """
    number = parsed.get("number") or ""
    inquiry = (
        inquiries_visible_to(request.user)
        .filter(number=number, kind=InquiryKind.PARLIAMENTARY_WRITTEN)
        .first()
        if number
        else None
    )
    facts = notice_facts(form.cleaned_data["text"])
    postpone_form = forms.PostponeForm(
        initial={"reason": facts.reason, "sent_on": facts.sent_on}
    )
    return render(
        request,
        "inquiries/postponement_notice.html",
        {
            "form": form,
            "number": number,
            "inquiry": inquiry,
            "postpone_form": postpone_form,
        },
    )
