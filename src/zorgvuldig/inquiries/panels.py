"""Panels that other apps add to the case page (``evidence``, ``media``): the registry.

``inquiries`` never imports those apps; they register here from their ``AppConfig.ready``.
A panel is a template plus a function that builds its context from the request and the
inquiry (already access-checked). A panel's POST view is written with
``inquiries.views.case_form.panel_action``, the wrapper of every form of the case page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from zorgvuldig.core.http import AuthenticatedHttpRequest

from .models import Inquiry

#: ``context(request, inquiry, bound_form)``: ``bound_form`` is the panel's own form as the
#: user submitted it when the page is shown again after an error, else ``None``.
PanelContext = Callable[[AuthenticatedHttpRequest, Inquiry, Any], dict[str, Any]]


@dataclass(frozen=True)
class Panel:
    """A section of the case page: ``template`` rendered with ``context(request, inquiry)``."""

    key: str
    template: str
    context: PanelContext
    order: int = 100
    #: ``"end"``: after the case page's own sections; ``"facts"``: right after the facts,
    #: before the advice (what advisors must see first); ``"record"``: on the employee's
    #: own record page, where ``context`` gets the inquiry as ``get_record_about`` gave it.
    placement: str = "end"


_registry: dict[str, Panel] = {}


def register_panel(panel: Panel) -> None:
    """Add ``panel`` to the case page (replacing one with the same key)."""
    _registry[panel.key] = panel


def panels(placement: str = "end") -> list[Panel]:
    """The registered panels of ``placement`` in display order."""
    return sorted(
        (p for p in _registry.values() if p.placement == placement),
        key=lambda p: (p.order, p.key),
    )
