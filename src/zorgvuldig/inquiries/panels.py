"""Panels that other apps add to the case page (``evidence``, ``media``).

``inquiries`` never imports those apps; they register here from their ``AppConfig.ready``.
A panel is a template plus a function that builds its context from the request and the
inquiry (already access-checked). After an invalid submission a panel's view shows the case
page again with its bound form through :func:`render_case_page`, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

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
