"""The one wrapper of every form posted on the case page, the case's own and the panels'
that other apps add (``evidence``, ``media``): access check, the version check, validation,
the action, and back to the case page; after an invalid or refused submission the case page
is shown again with the form as submitted.

The version check (ADR 0005): a form that overwrites a part of the case (its ``part``)
carries the part's version as the page was loaded (``loaded_version``); when the part has
been saved since, the save is refused with what changed in between (``versions.conflict``)
and the page keeps what the person typed, now carrying the new version so that their
merged text can be saved. Check and save run in one transaction with the case locked, so
two saves cannot both pass the check.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zorgvuldig.core.http import AuthenticatedHttpRequest
from zorgvuldig.inquiries import services, versions
from zorgvuldig.inquiries.forms.fields import LOADED_VERSION
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


class _ShowAgainError(Exception):
    """Leave the transaction (rolling back) and show the case page with ``bound``."""

    def __init__(self, bound: dict[str, Any]) -> None:
        super().__init__()
        self.bound = bound


def case_action(
    make_form: Callable[[AuthenticatedHttpRequest, Inquiry], Any],
    key: str | Callable[[Any], str],
    refusals: type[Exception] | tuple[type[Exception], ...] = services.ProcedureError,
    part: str | Callable[[Any], str] | None = None,
) -> Callable[[Callable[..., str | tuple[int, str]]], Callable[..., HttpResponse]]:
    """A POST view on one case: access check, version check, form validation, service
    call, redirect.

    ``make_form(request, inquiry)`` builds the bound form; ``key`` names it in the case page
    context (or computes the name from the form). ``part`` names the part of the case the
    form overwrites (``versions``; or computes it from the form); ``None`` for forms that
    only add (evidence, articles, people) or fire a step, which django-fsm's optimistic
    locking guards. The decorated ``run(request, inquiry, form, **kwargs)`` does the work
    and returns the success message, or ``(level, message)`` for a save with a caveat. On
    a version conflict, an invalid form, or when ``run`` raises one of ``refusals`` (their
    ``messages``, or their text, are shown), the case page is shown again with the form as
    submitted, so nothing typed is lost. The view answers 404 for a case the user may not
    see (``queries.get_inquiry_for``).
    """

    def wrap(run: Callable) -> Callable:
        @require_POST
        def view(
            request: AuthenticatedHttpRequest, inquiry_pk: int, **kwargs: object
        ) -> HttpResponse:
            get_inquiry_for(request.user, inquiry_pk)  # 404 before any lock
            form: Any = None
            name = ""
            try:
                with transaction.atomic():
                    # Locked, then read again: the version checked is the one saved over.
                    Inquiry.objects.select_for_update().filter(pk=inquiry_pk).exists()
                    inquiry = get_inquiry_for(request.user, inquiry_pk)
                    form = make_form(request, inquiry)
                    name = key(form) if callable(key) else key
                    stale = _conflict(request, inquiry, form, part)
                    if stale is not None:
                        raise _ShowAgainError({name: form, "conflict": stale})
                    if not form.is_valid():
                        messages.error(
                            request, _("Please correct the fields marked below.")
                        )
                        raise _ShowAgainError({name: form})
                    note = run(request, inquiry, form, **kwargs)
            except _ShowAgainError as shown:
                return inquiry_detail(request, inquiry_pk, shown.bound)
            except refusals as exc:
                for m in getattr(exc, "messages", None) or [str(exc)]:
                    messages.error(request, m)
                    # Also on the form itself: a folded section with errors opens, so
                    # the refusal is read next to what was typed.
                    form.add_error(None, m)
                return inquiry_detail(request, inquiry_pk, {name: form})
            if isinstance(note, tuple):  # (level, message): a save with a caveat
                messages.add_message(request, *note)
            else:
                messages.success(request, note)
            return redirect(reverse("inquiries:detail", args=[inquiry_pk]))

        view.__name__ = run.__name__
        view.__doc__ = run.__doc__
        return view

    return wrap


def _conflict(
    request: AuthenticatedHttpRequest,
    inquiry: Inquiry,
    form: Any,
    part: str | Callable[[Any], str] | None,
) -> versions.Conflict | None:
    """The conflict of a save against a newer version of ``part``, or ``None``.

    A form posted without a loaded version (an older page, a script) is not checked. On a
    conflict the form's data is given the current version, so that the page shown again
    saves the person's merged text over what they have now seen; the refusal is added to
    the form and to the page's messages.
    """
    if part is None:
        return None
    name = part(form) if callable(part) else part
    loaded = str(form.data.get(LOADED_VERSION) or "")
    if not loaded:
        return None
    current = versions.fingerprint(inquiry, name)
    if loaded == current:
        return None
    labels = {n: f.label or n for n, f in form.fields.items()}
    found = versions.conflict(inquiry, name, form.data, labels)
    form.data = form.data.copy()
    form.data[LOADED_VERSION] = current
    message = _(
        "Not saved: %(part)s changed after you opened this page. Your text is kept "
        "below; compare it with the saved version and save again."
    ) % {"part": found.label}
    messages.error(request, message)
    form.add_error(None, message)
    return found


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
