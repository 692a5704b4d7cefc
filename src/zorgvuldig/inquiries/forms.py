"""Forms of the inquiry pages; they validate input and name the field that is wrong."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zorgvuldig.core.choices import Confidentiality, Role
from zorgvuldig.core.expression_choices import (
    ACCOUNTS_OF_EMPLOYEE as ACCOUNTS,
)
from zorgvuldig.core.expression_choices import (
    ACTIONS_OF_EMPLOYEE as ACTIONS,
)
from zorgvuldig.core.expression_choices import (
    LEVELS,
    TARGET_KINDS,
    target_fields,
)
from zorgvuldig.core.models import User
from zorgvuldig.rulebooks.cases import (
    NEEDS_TARGET,
    TARGETED,
    CaseError,
    DatedLineError,
    normalise_jurisdiction,
    parse_case,
    parse_dated_lines,
)

from .advisors import advisor_kinds
from .choices import HearingResponse, InquiryKind, MeasureCategory, State
from .grouping import grouping_problems, leaders_of
from .tkapi_import import ZaakError, ZaakRecord, read_zaak

#: Longest inquiry text accepted at intake, in characters (a Kamervragen text is a few KB).
MAX_QUESTION_TEXT = 500_000


def _date_field(**kwargs) -> forms.DateField:
    """A date field with the browser's date picker (the value written as YYYY-MM-DD)."""
    return forms.DateField(
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **kwargs
    )


class _PeopleField(forms.ModelMultipleChoiceField):
    """A choice of people of the organisation, each shown as "Name (Role)"."""

    def label_from_instance(self, obj) -> str:
        return f"{obj.get_full_name() or obj.username} ({obj.get_role_display()})"


def _case_workers(organisation) -> QuerySet[User]:
    """The active people of ``organisation`` (or its pk) who may work on a case: those
    with a role that acts on cases (``Role.delegable``), by role and name."""
    return User.objects.filter(
        organisation=organisation, is_active=True, role__in=Role.delegable()
    ).order_by("role", "last_name")


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
    zaak = forms.FileField(
        label=_("Tweede Kamer open-data record of the Zaak (.json, optional)"),
        required=False,
        help_text=_(
            "Number, askers, addressees, submission date and any postponement notice are "
            "taken from the record; the questions from the text above."
        ),
    )

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
        if len(data["text"]) > MAX_QUESTION_TEXT:
            raise forms.ValidationError(
                _(
                    "The text is longer than %(n)d characters; is this really an inquiry?"
                )
                % {"n": MAX_QUESTION_TEXT}
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
    submitted = _date_field(
        label=_("Submitted on"),
        required=False,
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
            "One per line: Name, function, and optionally their user name, so they can read "
            "and respond to what is recorded about them."
        ),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    no_person = forms.BooleanField(
        label=_("No employee is concerned (no hearing and no measure)"),
        required=False,
    )
    assignees = _PeopleField(
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

    def __init__(self, *args, organisation=None, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        source = self.data if self.is_bound else self.initial
        for n in question_numbers(source):
            self.fields[f"question_{n}"] = forms.CharField(
                label=_("Question %(n)d") % {"n": n},
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        self._organisation = organisation
        team = _case_workers(organisation)
        if user is not None:
            team = team.exclude(pk=user.pk)
        self.fields["assignees"].queryset = team

    @staticmethod
    def initial_from(parsed: dict, text: str) -> dict:
        """Initial values from a parsed inquiry (``ParsedInquiry.to_dict()``) and its text."""
        initial = {
            "kind": parsed.get("kind") or InquiryKind.OTHER,
            "subject": _subject(parsed),
            "number": parsed.get("number") or "",
            "reference": parsed.get("reference") or "",
            "submitted": parsed.get("submitted"),
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

    def clean(self) -> dict:
        data = super().clean()
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


def _change_reason() -> forms.CharField:
    """The optional "why" of a change, recorded in the audit trail."""
    return forms.CharField(
        label=_("Reason for this change (optional)"),
        required=False,
        max_length=500,
        help_text=_("Recorded in the audit trail with your name and the time."),
    )


class AnswersForm(forms.Form):
    """The answer to each question of an inquiry (``answer_<n>``), or for a question after
    the first, the earlier question whose answer also answers it (``answered_with_<n>``,
    "Antwoord 2, 3 en 4"; see ``grouping``)."""

    def __init__(self, *args, inquiry=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"] = _change_reason()
        questions = list(inquiry.questions.all())
        leaders = leaders_of(questions)
        for i, q in enumerate(questions):
            self.fields[f"answer_{q.number}"] = forms.CharField(
                label=_("Answer %(n)d") % {"n": q.number},
                required=False,
                initial=q.answer,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            if i == 0:
                continue
            self.fields[f"answered_with_{q.number}"] = forms.TypedChoiceField(
                label=_("Answer question %(n)d together with") % {"n": q.number},
                choices=[("", _("no other question: its own answer"))]
                + [
                    (str(e.number), _("question %(n)d") % {"n": e.number})
                    for e in questions[:i]
                ],
                coerce=int,
                empty_value=None,
                required=False,
                initial=leaders[q.number],
            )

    def clean(self) -> dict:
        data = super().clean()
        texts = self.cleaned_answers()
        leaders = self.cleaned_groups()
        for problem in grouping_problems({n: leaders.get(n) for n in texts}, texts):
            self.add_error(f"answered_with_{problem.number}", problem.message)
        return data

    def cleaned_answers(self) -> dict[int, str]:
        """``{question number: answer text}``."""
        return {
            int(name.removeprefix("answer_")): (value or "").strip()
            for name, value in self.cleaned_data.items()
            if name.startswith("answer_")
        }

    def cleaned_groups(self) -> dict[int, int | None]:
        """``{question number: number of the question it is answered with, or None}`` for
        every question after the first."""
        return {
            int(name.removeprefix("answered_with_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("answered_with_")
        }


class AssignForm(forms.Form):
    """Add people of the organisation to a case."""

    users = _PeopleField(
        label=_("Add people"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, inquiry=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["users"].queryset = (
            _case_workers(inquiry.organisation_id)
            .exclude(pk__in=[u.pk for u in inquiry.assignees.all()])
            # An employee concerned never works on their own case.
            .exclude(pk__in=[p.user_id for p in inquiry.persons.all() if p.user_id])
        )


class FactsForm(forms.Form):
    facts = forms.CharField(
        label=_("Established facts"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "What exactly was posted or liked, when, by whom, in which function."
        ),
    )
    reason = _change_reason()


class AdviceForm(forms.Form):
    kind = forms.SlugField(max_length=32, widget=forms.HiddenInput)
    text = forms.CharField(label=_("Advice"), widget=forms.Textarea(attrs={"rows": 4}))
    reason = _change_reason()


class _PersonStepForm(forms.Form):
    """A form about one person concerned: its ``person`` (pk) travels as a hidden field and
    its field ids carry that pk, so one page can hold a form per employee."""

    person = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, person_pk: int | None = None, **kwargs) -> None:
        self._person_pk = person_pk
        if person_pk is not None:
            kwargs.setdefault("auto_id", f"id_p{person_pk}_%s")
            kwargs.setdefault("initial", {})
            kwargs["initial"].setdefault("person", person_pk)
        super().__init__(*args, **kwargs)

    @property
    def person_pk(self) -> int | None:
        """The person this form is about: from its data, else as it was made for."""
        raw = self.data.get("person") if self.is_bound else None
        try:
            return int(raw)
        except (TypeError, ValueError):
            return self._person_pk


class HearingForm(_PersonStepForm):
    held_on = _date_field(label=_("Held on"))
    present = forms.CharField(label=_("Present"), max_length=500)
    assisted_by = forms.CharField(
        label=_("Employee assisted by"), required=False, max_length=200
    )
    account = forms.CharField(
        label=_("The employee's own account"), widget=forms.Textarea(attrs={"rows": 4})
    )
    reason = _change_reason()


class MeasureForm(_PersonStepForm):
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
    decided_on = _date_field(
        label=_("Decided on"), required=False, help_text=_("Leave empty for today.")
    )
    reason = _change_reason()


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class PostponeForm(forms.Form):
    """The postponement notice (uitstelbericht) with its reasons."""

    reason = forms.CharField(
        label=_("Reasons given to parliament"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The notice tells the Chamber why the answer takes longer."),
    )
    sent_on = _date_field(
        label=_("Notice sent on"),
        required=False,
        help_text=_("Leave empty for today."),
    )


class OverrideForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for keeping these words"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


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


#: Actions whose own words are the conduct.
_WRITTEN = ("post", "comment")
#: Parts of a recorded conduct the form does not show; saving the form keeps them.
_KEPT_ACTOR = (
    "spokesperson",
    "hatch_category",
    "political_category",
    "posted_in",
    "profile_picture_partisan",
    "cover_photo_partisan",
)
_KEPT_CONTEXT = ("on_duty", "in_workplace", "official_travel", "election_period")
#: The longest text accepted for what was posted or what the target says, in characters.
MAX_CONDUCT_TEXT = 20_000


class ConductForm(forms.Form):
    """The established conduct in a few fields; :meth:`to_conduct` gives it in the shape
    the rulebooks read (a self-check case, shared/cases/README.md).

    The jurisdiction and the organisation come from the inquiry's organisation. Parts of a
    recorded conduct that the form does not show (such as a posting abroad) are kept.
    """

    action = forms.ChoiceField(label=_("What did the employee do?"), choices=ACTIONS)
    since = _date_field(
        label=_("Date of the action"),
        required=False,
        help_text=_("For a like or follow: the day it was placed."),
    )
    text = forms.CharField(
        label=_("The text posted"),
        required=False,
        max_length=MAX_CONDUCT_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For a post or comment: the words as they were published."),
    )
    target_kind = forms.ChoiceField(
        label=_("Liked, shared, followed or commented on"),
        choices=[("", "—"), *TARGET_KINDS],
        required=False,
    )
    target_name, target_content = target_fields(MAX_CONDUCT_TEXT)
    account = forms.ChoiceField(label=_("Account used"), choices=ACCOUNTS)
    level = forms.ChoiceField(
        label=_("The employee's position"),
        choices=[("", "—"), *LEVELS],
        required=False,
    )
    function = forms.CharField(
        label=_("The employee's function"), required=False, max_length=200
    )
    portfolio = forms.CharField(
        label=_("Topics the employee works on"),
        required=False,
        max_length=500,
        help_text=_("Separate with commas, e.g. migratie, asiel"),
    )
    judged_on = _date_field(
        label=_("Judged on"),
        help_text=_(
            "The rules in force on this day apply; usually the day the questions came in."
        ),
    )
    reason = _change_reason()

    def __init__(self, *args, inquiry, **kwargs) -> None:
        self.inquiry = inquiry
        kwargs.setdefault("auto_id", "id_conduct_%s")
        if not (args and args[0] is not None) and "data" not in kwargs:
            kwargs.setdefault("initial", self.initial_for(inquiry))
        super().__init__(*args, **kwargs)

    @staticmethod
    def initial_for(inquiry) -> dict[str, Any]:
        """The form's values for ``inquiry``: its recorded conduct, else sensible defaults
        (judged on the day the questions were submitted, the employee's function)."""
        conduct = inquiry.conduct or {}
        if not conduct:
            person = next(iter(inquiry.persons.all()), None)
            return {
                "judged_on": inquiry.submitted or timezone.localdate(),
                "function": person.function if person else "",
            }
        actor, action = conduct.get("actor") or {}, conduct.get("action") or {}
        target = action.get("target") or {}
        lines = []
        for item in target.get("content") or []:
            if isinstance(item, str):
                lines.append(item)
            elif item.get("date"):
                lines.append(f"{item['date']} {item.get('text', '')}")
            else:
                lines.append(item.get("text", ""))
        return {
            "action": action.get("type", ""),
            "since": action.get("since"),
            "text": conduct.get("text") or "",
            "target_kind": target.get("kind", ""),
            "target_name": target.get("name") or "",
            "target_content": "\n".join(lines),
            "account": actor.get("account", ""),
            "level": actor.get("level", ""),
            "function": actor.get("function", ""),
            "portfolio": ", ".join(actor.get("portfolio") or []),
            "judged_on": (conduct.get("context") or {}).get("date"),
        }

    def clean_target_content(self) -> list[dict[str, Any]]:
        """The target's posts as ``[{text, date}]``; a line may start with its date."""
        try:
            lines = parse_dated_lines(self.cleaned_data["target_content"])
        except DatedLineError as exc:
            raise forms.ValidationError(
                _("Line %(n)s: %(date)s is not a valid date (YYYY-MM-DD)."),
                params={"n": exc.line, "date": exc.raw_date},
                code="bad_date",
            ) from None
        return [
            {"text": text, "date": day.isoformat() if day else None}
            for text, day in lines
        ]

    def clean(self) -> dict[str, Any]:
        d = super().clean()
        action = d.get("action")
        if action in NEEDS_TARGET and not (
            d.get("target_name") or d.get("target_content")
        ):
            self.add_error(
                "target_name",
                _("Name the page, post or account that was liked, shared or followed."),
            )
        if action in _WRITTEN and not (d.get("text") or "").strip():
            self.add_error("text", _("Write down the text that was posted."))
        since, judged_on = d.get("since"), d.get("judged_on")
        if since and judged_on and since > judged_on:
            self.add_error(
                "since", _("The action cannot be after the day it is judged on.")
            )
        if self.errors:
            return d
        country = self.inquiry.organisation.country
        try:
            normalise_jurisdiction(country)
        except CaseError:
            raise forms.ValidationError(
                _("There are no rules for the organisation's country (%(country)s)."),
                params={"country": country or "—"},
                code="no_rules",
            ) from None
        try:
            parse_case(self.to_conduct())
        except CaseError as exc:
            raise forms.ValidationError(
                _("The rules cannot read the conduct: %(problem)s"),
                params={"problem": str(exc)},
                code="unreadable",
            ) from None
        return d

    def to_conduct(self) -> dict[str, Any]:
        """The conduct as a self-check case: ``{actor, context, action, text}``."""
        d = self.cleaned_data
        kept = self.inquiry.conduct or {}
        kept_actor, kept_context = kept.get("actor") or {}, kept.get("context") or {}
        actor = {k: kept_actor[k] for k in _KEPT_ACTOR if k in kept_actor}
        actor.update(
            {
                "jurisdiction": self.inquiry.organisation.country,
                "organisation": self.inquiry.organisation.name,
                "account": d["account"],
                "portfolio": [
                    p.strip() for p in d["portfolio"].split(",") if p.strip()
                ],
            }
        )
        if d["level"]:
            actor["level"] = d["level"]
        if d["function"].strip():
            actor["function"] = d["function"].strip()
        context = {k: kept_context[k] for k in _KEPT_CONTEXT if k in kept_context}
        context["date"] = d["judged_on"].isoformat()
        action: dict[str, Any] = {"type": d["action"]}
        if d["since"]:
            action["since"] = d["since"].isoformat()
        content = d.get("target_content") or []
        if d["action"] in TARGETED and (d["target_name"].strip() or content):
            action["target"] = {
                "kind": d["target_kind"]
                or ("page" if d["action"] in ("like", "follow") else "post"),
                "name": d["target_name"].strip() or None,
                "content": [c if c["date"] else c["text"] for c in content],
            }
        return {
            "actor": actor,
            "context": context,
            "action": action,
            "text": d["text"].strip() or None,
        }
