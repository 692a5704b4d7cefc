"""Registering an inquiry: the text pasted or uploaded (with an optional Tweede Kamer
open-data record), then the confirmation of what was read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Any, cast

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from zorgvuldig.core.choices import Confidentiality, Role
from zorgvuldig.inquiries.choices import Assembly, InquiryKind
from zorgvuldig.inquiries.procedure.advisors import advisor_kinds
from zorgvuldig.inquiries.procedure.organisation import organisation_terms
from zorgvuldig.parliament.formats import clean_text
from zorgvuldig.parliament.opendata import FetchError, normalise_number
from zorgvuldig.parliament.reading import MAX_QUESTION_TEXT
from zorgvuldig.parliament.tkapi import ZaakError, ZaakRecord, read_zaak

from .fields import PeopleField, case_workers, date_field


class IntakeForm(forms.Form):
    """Step 1 of intake: a Kamer number to fetch, or the question text pasted or uploaded.

    With a number alone, the questions come from the Tweede Kamer's question document;
    with a number and a text, the record gives number, askers and dates and the text the
    questions. The form checks that something was given; the view reads it with
    ``services.read_inquiry`` (uploads in PDF, .docx, text in UTF-8, UTF-16 or
    Windows-1252, HTML, officielebekendmakingen XML) and puts its errors on the field
    they concern.
    """

    kamer_number = forms.CharField(
        label=_("Kamer number"),
        required=False,
        max_length=32,
        help_text=_(
            "E.g. 2021Z06403: askers, addressees, dates and the questions are fetched "
            "from the Tweede Kamer's open data."
        ),
    )
    text = forms.CharField(
        label=_("Paste the questions"),
        widget=forms.Textarea(attrs={"rows": 14}),
        required=False,
    )
    file = forms.FileField(
        label=_(
            "or upload the document (PDF, Word .docx, text, HTML or "
            "officielebekendmakingen XML)"
        ),
        required=False,
    )
    zaak = forms.FileField(
        label=_("Tweede Kamer open-data record of the Zaak (.json, optional)"),
        required=False,
        help_text=_(
            "Number, askers, addressees, submission date and any postponement notice are "
            "taken from the record; the questions from the text above."
        ),
    )

    def clean_kamer_number(self) -> str:
        raw = self.cleaned_data.get("kamer_number") or ""
        if not raw.strip():
            return ""
        try:
            return normalise_number(raw)
        except FetchError:
            raise forms.ValidationError(
                _("Expected a Kamer number like 2021Z06403 (year, Z, five digits).")
            ) from None

    def clean_zaak(self) -> ZaakRecord | None:
        upload = self.cleaned_data.get("zaak")
        if not upload:
            return None
        if upload.size > MAX_QUESTION_TEXT:
            raise forms.ValidationError(_("The record is too large for a single Zaak."))
        try:
            return read_zaak(upload.read().decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise forms.ValidationError(_("The record is not UTF-8 JSON.")) from None
        except ZaakError as exc:
            raise forms.ValidationError(
                _("The record cannot be read: %(problem)s") % {"problem": exc}
            ) from None

    def clean_file(self) -> Any:
        """The upload, refused unread when over ``ZORGVULDIG_MAX_UPLOAD_BYTES``; it is read
        by ``services.read_inquiry`` in the view."""
        upload = self.cleaned_data.get("file")
        limit = settings.ZORGVULDIG_MAX_UPLOAD_BYTES
        if upload and upload.size > limit:
            raise forms.ValidationError(
                _("The file is larger than %(max)d MB.") % {"max": limit // 1_048_576}
            )
        return upload

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        given = (
            "file" in self.errors
            or data.get("file")
            or clean_text(data.get("text") or "").strip()
            or data.get("kamer_number")
        )
        if not given:
            raise forms.ValidationError(
                _(
                    "Paste the text of the questions or upload it, or enter a Kamer number."
                )
            )
        return data


_ASKER = re.compile(r"^\s*(?P<name>[^()]+?)\s*(?:\((?P<party>[^)]*)\))?\s*$")
_QUESTION_FIELD = re.compile(r"question_([1-9][0-9]{0,2})")
_NUMBER = re.compile(r"^[0-9]{4}[A-Z][0-9]{4,6}$")


def question_numbers(data: Mapping[str, Any]) -> list[int]:
    """The question numbers present as ``question_<n>`` fields (1 to 999), sorted."""
    return sorted(
        int(m.group(1)) for k in data if (m := _QUESTION_FIELD.fullmatch(k)) is not None
    )


def _subject(parsed: dict) -> str:
    """The parsed subject with a capital, or for a text without one (a memo) its reference."""
    subject = (parsed.get("subject") or "").strip()
    if not subject and parsed.get("reference"):
        kind = parsed.get("kind") or InquiryKind.OTHER
        label = InquiryKind(kind).label if kind in InquiryKind.values else ""
        subject = f"{label} {parsed['reference']}".strip()
    return subject[:1].upper() + subject[1:]


def assembly_codes(organisation: Any) -> list[str]:
    """The assemblies ``organisation`` answers to, its usual one first (every known one
    for no organisation)."""
    if organisation is None:
        return list(Assembly.values)
    return [c for c in organisation_terms(organisation) if c in Assembly.values]


class ConfirmInquiryForm(forms.Form):
    """Step 2 of intake: what the parser read, shown for correction before saving.

    Questions come as one textarea per question (``question_<n>``); the people who will work
    on the case are chosen from the organisation (HR, Legal and an approver are required,
    since the procedure cannot finish without them).
    """

    kind = forms.ChoiceField(label=_("Kind"), choices=InquiryKind.choices)
    subject = forms.CharField(label=_("Subject"), max_length=500)
    number = forms.CharField(
        label=_("Parliament number"),
        required=False,
        max_length=32,
        help_text=_("As the Tweede Kamer writes it, e.g. 2012Z03360."),
    )
    reference = forms.CharField(
        label=_("Sender's reference"), required=False, max_length=64
    )
    submitted = date_field(
        label=_("Submitted on"),
        required=False,
        help_text=_(
            "Leave empty if the text gives no date; the deadline follows from it."
        ),
    )
    assembly = forms.ChoiceField(
        label=_("Assembly"),
        required=False,
        help_text=_(
            "Who put written questions: its answer term sets the deadline (the Tweede "
            "Kamer's three weeks when none is chosen)."
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
            "One per line: Name, function, and optionally their user name, so they can read "
            "and respond to what is recorded about them."
        ),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    no_person = forms.BooleanField(
        label=_("No employee is concerned (no hearing and no measure)"),
        required=False,
    )
    assignees = PeopleField(
        label=_("People who work on this case"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only they (and you) will see the case."),
    )
    confidentiality = forms.ChoiceField(
        label=_("Confidentiality"),
        choices=Confidentiality.choices,
        initial=Confidentiality.ZAAKVERTROUWELIJK,
        required=False,
        help_text=_("Only assigned people cleared for this level will see the case."),
    )
    source_text = forms.CharField(widget=forms.HiddenInput, required=False)
    #: The form's one-time key: submitting the same form twice registers one inquiry.
    intake_token = forms.CharField(
        widget=forms.HiddenInput, required=False, max_length=64
    )

    def __init__(self, *args, organisation=None, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        source = self.data if self.is_bound else self.initial
        for n in question_numbers(source):
            self.fields[f"question_{n}"] = forms.CharField(
                label=_("Question %(n)d") % {"n": n},
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        self._organisation = organisation
        codes = assembly_codes(organisation)
        cast(forms.ChoiceField, self.fields["assembly"]).choices = [
            ("", "—"),
            *((code, Assembly(code).label) for code in codes),
        ]
        if not self.is_bound and codes and self.initial.get("assembly") not in codes:
            self.initial["assembly"] = codes[0]  # the text names none of them
        team = case_workers(organisation)
        if user is not None:
            team = team.exclude(pk=user.pk)
        # ``self.fields`` holds this form's copies of the fields declared above.
        cast(PeopleField, self.fields["assignees"]).queryset = team

    @staticmethod
    def initial_from(parsed: dict, text: str, reader: object = "") -> dict:
        """Initial values from a parsed inquiry (``ParsedInquiry.to_dict()``) and its text.

        The ``intake_token`` is derived from ``reader`` (who read it: the user's key) and
        the text, so that the same text read again by the same person gets the same
        token: the back button, which under ``Cache-Control: no-store`` re-reads the text,
        and a second confirmation then register nothing new.
        """
        token = salted_hmac("zorgvuldig.intake", f"{reader}\n{text}").hexdigest()[:48]
        initial = {
            "intake_token": token,
            "kind": parsed.get("kind") or InquiryKind.OTHER,
            "subject": _subject(parsed),
            "number": parsed.get("number") or "",
            "reference": parsed.get("reference") or "",
            "submitted": parsed.get("submitted"),
            "assembly": parsed.get("assembly") or "",
            "askers": "\n".join(
                f"{a['name']} ({a['party']})" if a.get("party") else a["name"]
                for a in parsed.get("askers", [])
            ),
            "addressees": "\n".join(parsed.get("addressees") or []),
            "no_person": parsed.get("kind") == InquiryKind.WORKS_COUNCIL,
            "source_text": text,
        }
        for q in parsed["questions"]:
            initial[f"question_{q['number']}"] = q["text"]
        return initial

    def clean_confidentiality(self) -> str:
        """The chosen level, or case-confidential when none was given."""
        return (
            self.cleaned_data.get("confidentiality")
            or Confidentiality.ZAAKVERTROUWELIJK
        )

    def clean_submitted(self):
        day = self.cleaned_data.get("submitted")
        if day and day.year < 1800:
            raise forms.ValidationError(
                _("Expected a submission date between 1800 and 2200.")
            )
        if day and day > timezone.localdate():
            # The answer deadline is counted from it: a future date would hide a late case.
            raise forms.ValidationError(
                _("The submission date lies in the future; check the date.")
            )
        return day

    def clean_number(self) -> str:
        number = self.cleaned_data["number"].strip().upper()
        if number and not _NUMBER.match(number):
            raise forms.ValidationError(
                _("Expected a number like 2012Z03360 (year, letter, digits).")
            )
        return number

    def clean_assignees(self):
        chosen = self.cleaned_data["assignees"]
        have = Counter(u.role for u in chosen)
        # A person per kind of advice (one person gives one kind per case: HR and Legal,
        # and each advisor the organisation requires besides, see advisors.py), and an
        # approver, so that no step waits for nobody.
        needed = Counter({Role.APPROVER: 1})
        needed.update(k.role for k in advisor_kinds(self._organisation))
        missing = [
            str(
                _("%(role)s (%(n)d people)") % {"role": Role(r).label, "n": n}
                if n > 1
                else Role(r).label
            )
            for r, n in needed.items()
            if have[r] < n
        ]
        if missing:
            raise forms.ValidationError(
                _("Choose at least one of each: %(roles)s.")
                % {"roles": ", ".join(missing)}
            )
        return chosen

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not question_numbers(self.data):
            raise forms.ValidationError(_("The inquiry has no questions."))
        has_persons = bool(self.cleaned_persons()) if "persons" in data else False
        if not has_persons and not data.get("no_person"):
            self.add_error(
                "persons",
                _(
                    "Name the employee(s) concerned, or tick 'No employee is concerned'."
                ),
            )
        if has_persons and data.get("no_person"):
            self.add_error("no_person", _("You named employees: untick this box."))
        return data

    def cleaned_questions(self) -> list[dict]:
        """``[{"number", "text"}]`` in number order."""
        return [
            {"number": n, "text": self.cleaned_data[f"question_{n}"]}
            for n in question_numbers(self.cleaned_data)
        ]

    def cleaned_addressees(self) -> list[str]:
        """The addressees, one per line."""
        return [
            a.strip() for a in self.cleaned_data["addressees"].splitlines() if a.strip()
        ]

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
        """``[{"name", "function", "account"}]`` from the lines "Name, function, account"."""
        out = []
        for line in self.cleaned_data.get("persons", "").splitlines():
            parts = [p.strip() for p in line.split(",")]
            if parts[0]:
                out.append(
                    {
                        "name": parts[0],
                        "function": parts[1] if len(parts) > 1 else "",
                        "account": parts[2] if len(parts) > 2 else "",
                    }
                )
        return out
