"""Forms of the evidence app."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from zorgvuldig.core.choices import Confidentiality


class EvidenceForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File"))
    description = forms.CharField(
        label=gettext_lazy("Description"), required=False, max_length=500
    )
    confidentiality = forms.ChoiceField(
        label=gettext_lazy("Confidentiality"),
        choices=Confidentiality.choices,
        initial=Confidentiality.ZAAKVERTROUWELIJK,
        required=False,
    )

    def clean_confidentiality(self) -> str:
        """The chosen level, or case-confidential when none was given."""
        return (
            self.cleaned_data.get("confidentiality")
            or Confidentiality.ZAAKVERTROUWELIJK
        )


class CaptureForm(forms.Form):
    """An address the case names, to capture as evidence. Any text is accepted here: the
    address guard says why an address is refused, on the case page. Its ids differ from
    the upload form's, which shares the panel."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "id_capture_%s")
        super().__init__(*args, **kwargs)

    url = forms.CharField(label=gettext_lazy("Web address"), max_length=2000)
    description = forms.CharField(
        label=gettext_lazy("Why this page"), required=False, max_length=500
    )
    confidentiality = forms.ChoiceField(
        label=gettext_lazy("Confidentiality"),
        choices=Confidentiality.choices,
        initial=Confidentiality.ZAAKVERTROUWELIJK,
        required=False,
    )

    def clean_confidentiality(self) -> str:
        """The chosen level, or case-confidential when none was given."""
        return (
            self.cleaned_data.get("confidentiality")
            or Confidentiality.ZAAKVERTROUWELIJK
        )
