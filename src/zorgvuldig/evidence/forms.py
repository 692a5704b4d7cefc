"""Forms of the evidence app."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy


class EvidenceForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File"))
    description = forms.CharField(
        label=gettext_lazy("Description"), required=False, max_length=500
    )
