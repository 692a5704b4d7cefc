"""Forms of the core: delegating one's role."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import Role
from .models import User


class ColleagueField(forms.ModelChoiceField):
    """A colleague, shown by name and role: "Anna de Vries (HR advisor)"."""

    def label_from_instance(self, obj: User) -> str:
        return f"{obj.get_full_name() or obj.username} ({obj.get_role_display()})"


class DelegationForm(forms.Form):
    """Delegate your role to a colleague for a period."""

    to_user = ColleagueField(label=_("Colleague"), queryset=User.objects.none())
    starts = forms.DateField(
        label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    ends = forms.DateField(
        label=_("Until (inclusive)"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=300)

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate().isoformat()
        self.fields["starts"].widget.attrs["min"] = today
        self.fields["ends"].widget.attrs["min"] = today
        # ``self.fields`` holds this form's copies of the fields declared above.
        colleague = cast(ColleagueField, self.fields["to_user"])
        colleague.queryset = (
            User.objects.filter(organisation=user.organisation_id, is_active=True)
            .exclude(pk=user.pk)
            .filter(role__in=Role.delegable())
            .order_by("last_name")
        )


class OneTimeCodeForm(forms.Form):
    """The six-digit code of an authenticator app (TOTP)."""

    token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9 ]*",
                "autofocus": True,
            }
        ),
    )
