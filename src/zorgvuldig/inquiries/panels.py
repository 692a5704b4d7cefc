"""Panels that other apps add to the case page (``evidence``, ``media``).

``inquiries`` never imports those apps; they register here from their ``AppConfig.ready``.
A panel is a template plus a function that builds its context from the request and the
inquiry (already access-checked). A panel's POST view is written with :func:`panel_action`:
after an invalid or refused submission it shows the case page again with the bound form
(:func:`render_case_page`), so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import Inquiry

#: ``context(request, inquiry, bound_form)``: ``bound_form`` is the panel's own form as the
#: user submitted it when the page is shown again after an error, else ``None``.
PanelContext = Callable[[HttpRequest, Inquiry, Any], dict[str, Any]]


@dataclass(frozen=True)
class Panel:
    """A section of the case page: ``template`` rendered with ``context(request, inquiry)``."""

    key: str
    template: str
    context: PanelContext
    order: int = 100


_registry: dict[str, Panel] = {}


def register_panel(panel: Panel) -> None:
    """Add ``panel`` to the case page (replacing one with the same key)."""
    _registry[panel.key] = panel


def panels() -> list[Panel]:
    """The registered panels in display order."""
    return sorted(_registry.values(), key=lambda p: (p.order, p.key))


def render_case_page(request: HttpRequest, inquiry_pk: int, panel_key: str, form: Any):
    """The case page again, with ``form`` (bound, with its errors) in panel ``panel_key``."""
    from .views import inquiry_detail

    return inquiry_detail(request, inquiry_pk, {f"panel:{panel_key}": form})


def panel_action(
    panel_key: str,
    form_class: type,
    refusals: type[Exception] | tuple[type[Exception], ...],
) -> Callable[[Callable[..., str]], Callable[..., HttpResponse]]:
    """A POST view of panel ``panel_key``: access check, form validation, the action, and
    back to the case page.

    The decorated ``run(request, inquiry, form) -> str`` does the work and returns the
    success message. The form is ``form_class(request.POST, request.FILES)``; when it is
    invalid, or ``run`` raises one of ``refusals`` (whose text is shown), the case page is
    shown again with the form as submitted. The view answers 404 for a case the user may
    not see (``queries.get_inquiry_for``).
    """

    def wrap(run: Callable[..., str]) -> Callable[..., HttpResponse]:
        @require_POST
        def view(request: HttpRequest, inquiry_pk: int) -> HttpResponse:
            from .queries import get_inquiry_for

            inquiry = get_inquiry_for(request.user, inquiry_pk)
            form = form_class(request.POST, request.FILES)
            if not form.is_valid():
                messages.error(request, _("Please correct the fields marked below."))
                return render_case_page(request, inquiry.pk, panel_key, form)
            try:
                note = run(request, inquiry, form)
            except refusals as exc:
                messages.error(request, str(exc))
                return render_case_page(request, inquiry.pk, panel_key, form)
            messages.success(request, note)
            return redirect("inquiries:detail", inquiry_pk=inquiry.pk)

        view.__name__ = run.__name__
        view.__doc__ = run.__doc__
        return view

    return wrap
