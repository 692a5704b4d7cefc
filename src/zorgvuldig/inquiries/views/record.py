"""The employee's own page: what is recorded about them, and their response to it."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from zorgvuldig.core.http import AuthenticatedHttpRequest
from zorgvuldig.inquiries import forms, services
from zorgvuldig.inquiries.choices import State
from zorgvuldig.inquiries.panels import panels
from zorgvuldig.inquiries.queries import get_record_about


def record_about_me(request: AuthenticatedHttpRequest, inquiry_pk: int) -> HttpResponse:
    """The employee's view of what is recorded about them, and their response to it."""
    inquiry = get_record_about(request.user, inquiry_pk)
    me = next(p for p in inquiry.persons.all() if p.user_id == request.user.pk)
    form = forms.RecordResponseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.respond_to_record(
                actor=request.user,
                inquiry=inquiry,
                response=form.cleaned_data["response"],
                comment=form.cleaned_data["comment"],
            )
        except services.ProcedureError as exc:
            for m in exc.messages:
                messages.error(request, m)
        else:
            messages.success(request, _("Your response has been added to the record."))
            return redirect("inquiries:record_about_me", inquiry_pk=inquiry.pk)
    services.record_own_record_read(actor=request.user, inquiry=inquiry)
    return render(
        request,
        "inquiries/record_about_me.html",
        {
            "inquiry": inquiry,
            "form": form,
            "facts_shown": inquiry.state != State.REGISTERED,
            # The facts are written per case: with several employees they describe the
            # others too, so HR goes through them with each employee instead.
            "facts_shared": len(inquiry.persons.all()) > 1,
            # Each employee concerned sees only their own hearing and measure.
            "hearing": inquiry.hearing_of(me),
            "can_respond": inquiry.state not in (State.APPROVED, State.SENT),
            "measure": inquiry.measure_of(me),
            # What other apps show the employee of their own record (their exports).
            "panels": [
                (p.template, p.context(request, inquiry, None))
                for p in panels("record")
            ],
        },
    )
