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


def _local_time_field(label: Any, help_text: Any) -> forms.DateTimeField:
    """A date and time typed in the organisation's local time (the browser's picker);
    Django makes it aware in the current time zone, the services store it in UTC."""
    return forms.DateTimeField(
        label=label,
        required=False,
        help_text=help_text,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"],
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
    )


class SeenForm(_ConfidentialityForm):
    """A note of what was seen: who saw what, where and when."""

    field_order = ("seen_by", "where", "seen_at", "text", "confidentiality")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "id_seen_%s")
        super().__init__(*args, **kwargs)

    seen_by = forms.CharField(label=gettext_lazy("Seen by"), max_length=200)
    where = forms.CharField(
        label=gettext_lazy("Where"),
        required=False,
        max_length=2000,
        help_text=gettext_lazy("The web address, or where else it was seen."),
    )
    seen_at = _local_time_field(
        gettext_lazy("When"),
        gettext_lazy(
            "Local time; stored in UTC. With a time, the note joins the timeline."
        ),
    )
    text = forms.CharField(
        label=gettext_lazy("What was seen"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class TargetPostForm(_ConfidentialityForm):
    """The target's post: the contested content as it was published."""

    field_order = ("account", "url", "published_at", "text", "confidentiality")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "id_post_%s")
        super().__init__(*args, **kwargs)

    account = forms.CharField(label=gettext_lazy("Author or page"), max_length=200)
    url = forms.URLField(
        label=gettext_lazy("Address"),
        required=False,
        max_length=500,
        assume_scheme="https",
    )
    published_at = _local_time_field(
        gettext_lazy("Published at"),
        gettext_lazy("Local time; stored in UTC. Leave empty when it is not known."),
    )
    text = forms.CharField(
        label=gettext_lazy("Text of the post"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FactAnswerForm(forms.Form):
    """The answer to one fact question, resting on evidence items of the case.

    ``based_on`` carries the answer shown when the page was loaded (empty: none); the
    service refuses a save over a newer one (ADR 0005). Made with the case's evidence the
    user may see (``items``, a queryset) and, on the case page, its ``choices`` read once
    for all seven questions (``[(pk, label)]``, see :func:`item_choices`)."""

    question = forms.CharField(widget=forms.HiddenInput, max_length=20)
    based_on = forms.IntegerField(widget=forms.HiddenInput, required=False)
    text = forms.CharField(
        label=gettext_lazy("Answer"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    evidence = forms.MultipleChoiceField(
        label=gettext_lazy("Resting on the evidence"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self,
        *args: Any,
        items: Any,
        choices: list[tuple[int, str]] | None = None,
        question: str = "",
        **kwargs: Any,
    ) -> None:
        question = question or str((args[0] if args else {}).get("question", ""))
        kwargs.setdefault("auto_id", f"id_fact_{question}_%s")
        super().__init__(*args, **kwargs)
        self.items = items
        field = self.fields["evidence"]
        assert isinstance(field, forms.MultipleChoiceField)  # noqa: S101
        field.choices = item_choices(items) if choices is None else choices

    def clean_evidence(self) -> list[Any]:
        """The chosen items, from the case's items the user may see."""
        pks = [int(pk) for pk in self.cleaned_data["evidence"]]
        return list(self.items.filter(pk__in=pks)) if pks else []


def item_choices(items: Any) -> list[tuple[int, str]]:
    """``[(pk, "#pk description")]`` of evidence ``items``, read once."""
    return [
        (item.pk, f"#{item.pk} {item.description or item.original_name}"[:90])
        for item in items
    ]
