"""The dashboard's filters."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zorgvuldig.inquiries.choices import InquiryKind, State


class DashboardFilterForm(forms.Form):
    """Filters of the case list (GET parameters); invalid values are ignored, not fatal."""

    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("All states")), *State.choices],
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *InquiryKind.choices],
    )
    mine = forms.BooleanField(label=_("Only mine"), required=False)
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)

    def filters(self, user) -> dict:
        """Keyword arguments for ``queries.dashboard``: the valid filters apply, an
        invalid one (e.g. an unknown state in a hand-edited URL) is left out and shown as
        an error on its field."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "state": data.get("state", ""),
            "kind": data.get("kind", ""),
            "assignee": user.pk if data.get("mine") else None,
            "overdue_only": bool(data.get("overdue")),
        }
