"""The employee's response to what is recorded about them."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zorgvuldig.inquiries.choices import HearingResponse


class RecordResponseForm(forms.Form):
    """The employee's response to the record of their hearing."""

    response = forms.ChoiceField(
        label=_("Your response"),
        choices=[
            (HearingResponse.CONFIRMED, _("I confirm the record")),
            (HearingResponse.OBJECTED, _("I object to the record")),
        ],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Your comments"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you object: what is wrong or missing?"),
    )
