"""Registering an inquiry: a Kamer number, or a text pasted or uploaded; check what was
read, then save. A number the organisation registered before is refused, showing the case
to someone who may see it; a form submitted twice registers once."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zorgvuldig.core.choices import Role
from zorgvuldig.core.http import AuthenticatedHttpRequest
from zorgvuldig.inquiries import forms, queries, services
from zorgvuldig.inquiries.choices import InquiryKind
from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.parliament.notices import notice_facts

#: What the intake page says, in the page's language, for each kind of ParseError.
PARSE_PROBLEMS = {
    "empty": gettext_lazy("The text is empty: paste or upload the questions."),
    "no_questions": gettext_lazy(
        "No questions found. Expected numbered questions ('Vraag 1', '1.', '1.)') after "
        "a sentence like 'Vragen van het lid X (Partij) aan de minister van … "
        "(ingezonden 28 februari 2012).', or questions ending in '?'."
    ),
}
#: What the intake page says, in the page's language, for each kind of document problem
#: (``ReadError`` on the ``file``, codes of ``parliament.formats.FormatError``); the English
#: detail (what was found) follows it.
FORMAT_PROBLEMS = {
    "too_large": gettext_lazy("The file is larger than %(max)d MB."),
    "empty": gettext_lazy("The file holds no text."),
    "encrypted": gettext_lazy(
        "This PDF is protected with a password: remove the password, or paste the text."
    ),
    "no_text_layer": gettext_lazy(
        "No text in this PDF (a scan holds only images); paste the text of the questions."
    ),
    "old_word": gettext_lazy(
        "This is an old Word document (.doc): save it as .docx in Word, or paste the text."
    ),
    "unreadable": gettext_lazy(
        "The file cannot be read. Expected a PDF, a Word document (.docx), text, HTML or "
        "officielebekendmakingen XML."
    ),
    "not_text": gettext_lazy(
        "The file is not a document that can be read. Expected text (UTF-8, UTF-16 or "
        "Windows-1252), PDF, Word (.docx), HTML or XML."
    ),
}
#: What the intake page says when fetching by Kamer number fails, per FetchError code.
FETCH_PROBLEMS = {
    "not_found": gettext_lazy(
        "The Tweede Kamer knows no Zaak with number %(number)s; check the number."
    ),
    "unreachable": gettext_lazy(
        "The Tweede Kamer's open data cannot be reached now; paste or upload the "
        "questions instead, or try again later."
    ),
    "bad_response": gettext_lazy(
        "The Tweede Kamer's open data gave an answer that cannot be read; paste or "
        "upload the questions instead."
    ),
}


def _duplicate(user, existing: Inquiry) -> dict[str, Any]:
    """What the page may show of an inquiry that has the number already: the case itself
    only to someone who may see it (assigned, cleared, not concerned by it)."""
    visible = queries.inquiries_visible_to(user).filter(pk=existing.pk).exists()
    return {"number": existing.number, "inquiry": existing if visible else None}


def _confirm(request: AuthenticatedHttpRequest) -> HttpResponse:
    confirm = forms.ConfirmInquiryForm(
        request.POST, organisation=request.user.organisation, user=request.user
    )
    duplicate = None
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
                intake_token=confirm.cleaned_data["intake_token"],
                assembly=confirm.cleaned_data["assembly"],
            )
        except services.AlreadyRegisteredError as exc:
            # The same form again (back button, double click): no second case.
            messages.info(
                request, _("This form was already submitted; nothing was added.")
            )
            if _duplicate(request.user, exc.existing)["inquiry"]:
                return redirect("inquiries:detail", inquiry_pk=exc.existing.pk)
            return redirect("inquiries:list")
        except services.DuplicateInquiryError as exc:
            duplicate = _duplicate(request.user, exc.existing)
        except services.ProcedureError as exc:
            for m in exc.messages:
                messages.error(request, m)
        else:
            messages.success(request, _("Inquiry registered."))
            return redirect("inquiries:detail", inquiry_pk=inquiry.pk)
    return render(
        request,
        "inquiries/confirm.html",
        {"form": confirm, "warnings": [], "duplicate": duplicate},
    )


def _problem(exc: services.ReadError, number: str) -> str:
    """What the intake page says for ``exc``, in the page's language; for a document, the
    English detail (what was found) follows it."""
    if exc.code == "too_long":
        return _(
            "The text is longer than %(n)d characters; is this really an inquiry?"
        ) % {"n": services.MAX_QUESTION_TEXT}
    if exc.field == "file":
        message = str(FORMAT_PROBLEMS.get(exc.code, FORMAT_PROBLEMS["unreadable"]))
        if exc.code == "too_large":
            message %= {"max": settings.ZORGVULDIG_MAX_UPLOAD_BYTES // 1_048_576}
        return f"{message} ({exc})"
    if exc.field == "kamer_number":
        problem = FETCH_PROBLEMS.get(exc.code, FETCH_PROBLEMS["bad_response"])
        return str(problem) % {"number": number}
    if exc.code == "no_text":
        return _(
            "Zaak %(number)s was found, but its question document cannot be "
            "read (%(why)s). Paste or upload the text of the questions."
        ) % {"number": number, "why": "; ".join(exc.reasons)}
    return str(PARSE_PROBLEMS.get(exc.code, str(exc)))


def _read(
    form: forms.IntakeForm, organisation: Any
) -> tuple[dict[str, Any], str] | None:
    """What step 1 read: ``(parsed, text)``, or ``None`` with the error on the field it
    concerns; deadlines in the terms of the assemblies ``organisation`` answers to."""
    number = form.cleaned_data.get("kamer_number") or ""
    upload = form.cleaned_data.get("file")
    try:
        reading = services.read_inquiry(
            data=upload.read() if upload else None,
            filename=(upload.name or "") if upload else "",
            content_type=(upload.content_type or "") if upload else "",
            text=form.cleaned_data.get("text") or "",
            number=number,
            record=form.cleaned_data.get("zaak"),
            organisation=organisation,
        )
    except services.ReadError as exc:
        form.add_error(exc.field, _problem(exc, number))
        return None
    return reading.parsed, reading.text


def intake(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Register an inquiry: a number, paste or upload; check what was read, then save."""
    if not request.user.has_role(Role.CASE_HANDLER):
        messages.error(request, _("Only a case handler may register an inquiry."))
        return redirect("inquiries:list")
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm(request)

    form = forms.IntakeForm(request.POST or None, request.FILES or None)
    duplicate = None
    if request.method == "POST" and form.is_valid():
        read = _read(form, request.user.organisation)
        if read is not None:
            parsed, text = read
            if parsed["kind"] == "postponement":
                return _postponement_notice(request, form, parsed, text)
            if not parsed["questions"]:  # a letter without questions: no inquiry
                form.add_error("text", PARSE_PROBLEMS["no_questions"])
                return render(request, "inquiries/intake.html", {"form": form})
            existing = services.inquiry_with_number(
                request.user.organisation, parsed.get("number") or ""
            )
            if existing is not None:
                duplicate = _duplicate(request.user, existing)
            else:
                confirm = forms.ConfirmInquiryForm(
                    initial=forms.ConfirmInquiryForm.initial_from(
                        parsed, text, request.user.pk
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
    return render(
        request, "inquiries/intake.html", {"form": form, "duplicate": duplicate}
    )


def _postponement_notice(
    request: AuthenticatedHttpRequest,
    form: forms.IntakeForm,
    parsed: dict[str, Any],
    text: str,
) -> HttpResponse:
    """A postponement notice (uitstelbericht) given at intake: show the case with the same
    Kamer number, among the cases the user may see, with the postponement form filled in
    from the notice (its date and reasons), to be checked and recorded on that case.

    Nothing is saved here; the form posts to the case's own postponement action, which
    checks the user's rights again. A number no visible case holds gets the same answer as
    a number no case holds, so that the page reveals nothing about other cases.
    """
    number = parsed.get("number") or ""
    inquiry = (
        queries.inquiries_visible_to(request.user)
        .filter(number=number, kind=InquiryKind.PARLIAMENTARY_WRITTEN)
        .first()
        if number
        else None
    )
    facts = notice_facts(text)
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
