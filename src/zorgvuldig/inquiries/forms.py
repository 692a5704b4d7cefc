"""Forms of the inquiry pages; they validate input and name the field that is wrong."""

from __future__ import annotations

import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .choices import AdviceKind, HearingResponse, InquiryKind, MeasureCategory


class IntakeForm(forms.Form):
    """Step 1 of intake: the question text, pasted or uploaded."""

    text = forms.CharField(
        label=_("Paste the questions"),
        widget=forms.Textarea(attrs={"rows": 14}),
        required=False,
    )
    file = forms.FileField(
        label=_("or upload a text file (.txt)"),
        required=False,
    )

    def clean(self) -> dict:
        data = super().clean()
        upload = data.get("file")
        if upload:
            if upload.size > settings.ZORGVULDIG_MAX_UPLOAD_BYTES:
                raise forms.ValidationError(
                    _("The file is larger than %(max)d MB.")
                    % {"max": settings.ZORGVULDIG_MAX_UPLOAD_BYTES // (1024 * 1024)}
                )
            raw = upload.read()
            try:
                data["text"] = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                self.add_error(
                    "file",
                    _("The file is not a UTF-8 text file; paste its text instead."),
                )
                return data
        if not (data.get("text") or "").strip():
            raise forms.ValidationError(
                _("Paste the text of the questions or upload it.")
            )
        return data


_ASKER = re.compile(r"^\s*(?P<name>[^()]+?)\s*(?:\((?P<party>[^)]*)\))?\s*$")


class ConfirmInquiryForm(forms.Form):
    """Step 2 of intake: what the parser read, shown for correction before saving.

    Questions come as one textarea per question (``question_<n>``), added by the view.
    """

    kind = forms.ChoiceField(label=_("Kind"), choices=InquiryKind.choices)
    subject = forms.CharField(label=_("Subject"), max_length=500)
    number = forms.CharField(
        label=_("Parliament number"), required=False, max_length=32
    )
    reference = forms.CharField(
        label=_("Sender's reference"), required=False, max_length=64
    )
    submitted = forms.DateField(
        label=_("Submitted on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_(
            "Leave empty if the text gives no date; the deadline follows from it."
        ),
    )
    askers = forms.CharField(
        label=_("Askers"),
        required=False,
        help_text=_("One per line: Name (Party)"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    addressees = forms.CharField(
        label=_("Addressed to"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    persons = forms.CharField(
        label=_("Employees concerned"),
        required=False,
        help_text=_(
            "One per line: Name, function. Leave empty if no person is concerned."
        ),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    source_text = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, question_numbers: list[int] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for n in question_numbers:
            self.fields[f"question_{n}"] = forms.CharField(
                label=_("Question %(n)d") % {"n": n},
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def cleaned_questions(self) -> list[dict]:
        """``[{"number", "text"}]`` in number order."""
        out = []
        for name, value in self.cleaned_data.items():
            if name.startswith("question_"):
                out.append(
                    {"number": int(name.removeprefix("question_")), "text": value}
                )
        return sorted(out, key=lambda q: q["number"])

    def cleaned_askers(self) -> list[dict]:
        """``[{"name", "party"}]`` from the askers lines."""
        out = []
        for line in self.cleaned_data.get("askers", "").splitlines():
            m = _ASKER.match(line)
            if m and m["name"].strip():
                out.append(
                    {"name": m["name"].strip(), "party": (m["party"] or "").strip()}
                )
        return out

    def cleaned_persons(self) -> list[dict]:
        """``[{"name", "function"}]`` from the persons lines."""
        out = []
        for line in self.cleaned_data.get("persons", "").splitlines():
            name, _sep, function = line.partition(",")
            if name.strip():
                out.append({"name": name.strip(), "function": function.strip()})
        return out


class FactsForm(forms.Form):
    facts = forms.CharField(
        label=_("Established facts"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "What exactly was posted or liked, when, by whom, in which function."
        ),
    )


class AdviceForm(forms.Form):
    kind = forms.ChoiceField(choices=AdviceKind.choices, widget=forms.HiddenInput)
    text = forms.CharField(label=_("Advice"), widget=forms.Textarea(attrs={"rows": 4}))


class HearingForm(forms.Form):
    held_on = forms.DateField(
        label=_("Held on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    present = forms.CharField(label=_("Present"), max_length=500)
    assisted_by = forms.CharField(
        label=_("Employee assisted by"), required=False, max_length=200
    )
    account = forms.CharField(
        label=_("The employee's own account"), widget=forms.Textarea(attrs={"rows": 4})
    )
    response = forms.ChoiceField(
        label=_("Employee's response to the record"), choices=HearingResponse.choices
    )


class MeasureForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=MeasureCategory.choices)
    term = forms.CharField(
        label=_("Exact term"),
        max_length=200,
        help_text=_(
            "The words of the decision, e.g. 'aangesproken' or 'schriftelijke berisping'."
        ),
    )
    legal_basis = forms.CharField(
        label=_("Legal basis"), required=False, max_length=300
    )
    decided_on = forms.DateField(
        label=_("Decided on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for today."),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class OverrideForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for keeping these words"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
