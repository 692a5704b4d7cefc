"""The interface languages: Dutch, and English for readers who ask for it."""

from __future__ import annotations

from django.utils.translation import get_language


def ui_language() -> str:
    """``"nl"`` or ``"en"``: the language of the page being made (Dutch unless English is
    active), for texts that are kept in both rather than in the translation catalogue (the
    rulebooks' explanations, an organisation's own labels)."""
    return "en" if (get_language() or "nl").startswith("en") else "nl"
