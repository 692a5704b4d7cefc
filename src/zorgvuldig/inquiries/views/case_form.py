"""The one wrapper of every form posted on the case page, the case's own and the panels'
that other apps add (``evidence``, ``media``): access check, validation, the action, and back
to the case page; after an invalid or refused submission the case page is shown again with
the form as submitted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zorgvuldig.core.http import AuthenticatedHttpRequest
from zorgvuldig.inquiries import services
from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.inquiries.queries import get_inquiry_for

from .case import inquiry_detail
from .parameters import positive_int


def person_form(form_class: type) -> Callable[[AuthenticatedHttpRequest, Inquiry], Any]:
    """``make_form`` of :func:`case_action` for a form about one person concerned: the
    person posted, or the only one."""

    def make(request: AuthenticatedHttpRequest, inquiry: Inquiry):
        raw = str(request.POST.get("person") or "")
        persons = list(inquiry.persons.all())
        only = persons[0].pk if len(persons) == 1 else None
        return form_class(request.POST, person_pk=positive_int(raw) or only)

    return make


def case_action(
    make_form: Callable[[AuthenticatedHttpRequest, Inquiry], Any],
    key: str | Callable[[Any], str],
    refusals: type[Exception] | tuple[type[Exception], ...] = services.ProcedureError,
) -> Callable[[Callable[..., str]], Callable[..., HttpResponse]]:
    """A POST view on one case: access check, form validation, service call, redirect.

    ``make_form(request, inquiry)`` builds the bound form; ``key`` names it in the case page
    context (or computes the name from the form). The decorated ``run(request, inquiry,
    form, **kwargs) -> str`` does the work and returns the success message. On an invalid
    form, or when ``run`` raises one of ``refusals`` (their ``messages``, or their text, are
    shown), the case page is shown again with the form as submitted, so nothing typed is
    lost. The view answers 404 for a case the user may not see
    (``queries.get_inquiry_for``).
    """

    def wrap(run: Callable) -> Callable:
        @require_POST
        def view(
            request: AuthenticatedHttpRequest, inquiry_pk: int, **kwargs: object
        ) -> HttpResponse:
            inquiry = get_inquiry_for(request.user, inquiry_pk)
            form = make_form(request, inquiry)
            name = key(form) if callable(key) else key
            if not form.is_valid():
                messages.error(request, _("Please correct the fields marked below."))
                return inquiry_detail(request, inquiry.pk, {name: form})
            try:
                note = run(request, inquiry, form, **kwargs)
            except refusals as exc:
                for m in getattr(exc, "messages", None) or [str(exc)]:
                    messages.error(request, m)
                    # Also on the form itself: a folded section with errors opens, so
                    # the refusal is read next to what was typed.
                    form.add_error(None, m)
                return inquiry_detail(request, inquiry.pk, {name: form})
            messages.success(request, note)
            return redirect(reverse("inquiries:detail", args=[inquiry.pk]))

        view.__name__ = run.__name__
        view.__doc__ = run.__doc__
        return view

    return wrap


def posted(form_class: type) -> Callable:
    """``make_form`` of :func:`case_action` for a form that reads only the POST data."""
    return lambda request, inquiry: form_class(request.POST)


def posted_for_case(form_class: type) -> Callable:
    """``make_form`` of :func:`case_action` for a form whose fields or checks come from
    the case (made with ``inquiry=``)."""
    return lambda request, inquiry: form_class(request.POST, inquiry=inquiry)


def panel_action(
    panel_key: str,
    form_class: type,
    refusals: type[Exception] | tuple[type[Exception], ...],
) -> Callable[[Callable[..., str]], Callable[..., HttpResponse]]:
    """:func:`case_action` for the form of panel ``panel_key`` (``panels.register_panel``),
    made as ``form_class(request.POST, request.FILES)``; ``refusals`` are the panel's app's
    own exceptions."""
    return case_action(
        lambda request, inquiry: form_class(request.POST, request.FILES),
        f"panel:{panel_key}",
        refusals,
    )
