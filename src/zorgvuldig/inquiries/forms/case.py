"""The forms of the case page: facts, advice, hearing, measure, answers, people, steps."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from zorgvuldig.inquiries.answers.grouping import grouping_problems, leaders_of
from zorgvuldig.inquiries.choices import MeasureCategory, MeasureStage

from .fields import (
    PeopleField,
    case_workers,
    change_reason,
    date_field,
    loaded_version,
)


class AnswersForm(forms.Form):
    """The answer to each question of an inquiry (``answer_<n>``), or for a question after
    the first, the earlier question whose answer also answers it (``answered_with_<n>``,
    "Antwoord 2, 3 en 4"; see ``grouping``)."""

    def __init__(self, *args, inquiry=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"] = change_reason()
        self.fields["loaded_version"] = loaded_version()
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

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
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

    users = PeopleField(
        label=_("Add people"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, inquiry=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # ``self.fields`` holds this form's copies of the fields declared above.
        cast(PeopleField, self.fields["users"]).queryset = (
            case_workers(inquiry.organisation_id)
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
    reason = change_reason()
    loaded_version = loaded_version()


class AdviceForm(forms.Form):
    """The advice of one advisor; ``on_record_version`` is the record version (facts and
    hearing) of the page it was written on, so that advice written on a page opened
    before the facts changed is outdated at once."""

    kind = forms.SlugField(max_length=32, widget=forms.HiddenInput)
    text = forms.CharField(label=_("Advice"), widget=forms.Textarea(attrs={"rows": 4}))
    reason = change_reason()
    loaded_version = loaded_version()
    on_record_version = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=1
    )


class _PersonStepForm(forms.Form):
    """A form about one person concerned: its ``person`` (pk) travels as a hidden field and
    its field ids carry that pk, so one page can hold a form per employee."""

    person = forms.IntegerField(widget=forms.HiddenInput, required=False)
    loaded_version = loaded_version()

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
        if raw is None:
            return self._person_pk
        try:
            return int(raw)
        except (TypeError, ValueError):
            return self._person_pk

    def values(self) -> dict[str, Any]:
        """The cleaned data the service takes (without the loaded version)."""
        return {k: v for k, v in self.cleaned_data.items() if k != "loaded_version"}


class HearingForm(_PersonStepForm):
    held_on = date_field(label=_("Held on"))
    present = forms.CharField(label=_("Present"), max_length=500)
    assisted_by = forms.CharField(
        label=_("Employee assisted by"), required=False, max_length=200
    )
    account = forms.CharField(
        label=_("The employee's own account"), widget=forms.Textarea(attrs={"rows": 4})
    )
    reason = change_reason()


class MeasureForm(_PersonStepForm):
    category = forms.ChoiceField(label=_("Category"), choices=MeasureCategory.choices)
    term = forms.CharField(
        label=_("Exact term"),
        max_length=200,
        help_text=_(
            "The words of the decision, e.g. 'aangesproken' or 'schriftelijke berisping'."
        ),
    )
    term_mismatch_reason = forms.CharField(
        label=_("Why the term does not fit the category"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Only when the term reads as another category (e.g. 'schriftelijke "
            "berisping' is a disciplinary punishment); recorded in the audit trail."
        ),
    )
    legal_basis = forms.CharField(
        label=_("Legal basis"), required=False, max_length=300
    )
    decided_on = date_field(
        label=_("Decided on"), required=False, help_text=_("Leave empty for today.")
    )
    reason = change_reason()


class MeasureEntryForm(_PersonStepForm):
    """One stage of an employee's measure history (``services.add_measure_entry``).

    ``entries`` are the employee's entries that may still be corrected, offered in
    ``corrects``."""

    stage = forms.ChoiceField(label=_("Stage"), choices=MeasureStage.choices)
    effective_on = date_field(
        label=_("In effect from"),
        help_text=_("The day the decision or ruling took effect (Dutch time)."),
    )
    grounds = forms.CharField(
        label=_("Decision or ruling"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "What this stage rests on, e.g. 'besluit op bezwaar van 4 mei 2012' or "
            "'Rb. Den Haag 3 juni 2013, ECLI:…'."
        ),
    )
    category = forms.ChoiceField(
        label=_("Category"),
        choices=[("", _("none named (annulled or ended)")), *MeasureCategory.choices],
        required=False,
    )
    term = forms.CharField(
        label=_("Exact term"),
        max_length=200,
        required=False,
        help_text=_("Leave empty for an annulment or an end."),
    )
    term_mismatch_reason = forms.CharField(
        label=_("Why the term does not fit the category"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    legal_basis = forms.CharField(
        label=_("Legal basis"), required=False, max_length=300
    )
    corrects = forms.TypedChoiceField(
        label=_("Corrects an earlier entry"),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("The earlier entry stays in the history, marked as corrected."),
    )
    reason = change_reason()

    def __init__(self, *args, entries=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.offer(entries)

    def offer(self, entries) -> None:
        """Offer ``entries`` (the employee's uncorrected entries) in ``corrects``."""
        cast(forms.ChoiceField, self.fields["corrects"]).choices = [
            ("", _("nothing: a new stage")),
            *[
                (e.pk, f"{e.effective_on:%Y-%m-%d} {e.get_stage_display()} {e.term}")
                for e in entries
            ],
        ]


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
    sent_on = date_field(
        label=_("Notice sent on"),
        required=False,
        help_text=_("Leave empty for today."),
    )
    due_on = date_field(
        label=_("Answer promised by"),
        required=False,
        help_text=_(
            "The day the notice names, where the assembly's rules let the notice set the "
            "term (councils). Leave empty to apply the assembly's term."
        ),
    )


class OverrideForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for keeping these words"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
