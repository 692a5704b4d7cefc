"""Forms of the evidence app."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from zorgvuldig.core.choices import Confidentiality


class _ConfidentialityForm(forms.Form):
    """A form that files what it adds at a confidentiality level (default: the case's)."""

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


class EvidenceForm(_ConfidentialityForm):
    field_order = ("file", "description", "confidentiality")
    file = forms.FileField(label=gettext_lazy("File"))
    description = forms.CharField(
        label=gettext_lazy("Description"), required=False, max_length=500
    )


class ExportForm(forms.Form):
    """A platform export (the ZIP as downloaded) and what of it the case keeps."""

    file = forms.FileField(
        label=gettext_lazy("Export (ZIP from Facebook or X)"),
        help_text=gettext_lazy(
            "Facebook: “Download your information”, JSON or HTML format. "
            "X: “Download an archive of your data”."
        ),
    )
    terms = forms.CharField(
        label=gettext_lazy("Keep the entries that mention"),
        max_length=500,
        help_text=gettext_lazy(
            "Names of pages or accounts, separated by commas. Only these entries "
            "are kept; the export itself is not stored."
        ),
    )

    def clean_terms(self) -> list[str]:
        """The terms as a list, empty ones dropped."""
        return [t.strip() for t in self.cleaned_data["terms"].split(",") if t.strip()]


class CaptureForm(_ConfidentialityForm):
    """An address the case names, to capture as evidence. Any text is accepted here: the
    address guard says why an address is refused, on the case page. Its ids differ from
    the upload form's, which shares the panel."""

    field_order = ("url", "description", "confidentiality")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "id_capture_%s")
        super().__init__(*args, **kwargs)

    url = forms.CharField(label=gettext_lazy("Web address"), max_length=2000)
    description = forms.CharField(
        label=gettext_lazy("Why this page"), required=False, max_length=500
    )
