"""The employee's self-check form. Nothing entered here is stored or logged.

The fields map one to one onto the case shape of shared/cases/README.md ("Self-check"). They
come in three groups: who you are and your usual situation (which the page's small script
may remember in this browser's ``localStorage``, never on the server), and what you want to
do now (never remembered). The answers to the questions the check asks after a verdict
(:mod:`.questions`) are fields of the same form, shown under the verdict; those about the
person are remembered like "About you", those about the post are not. The labelled
choices (jurisdictions, positions, accounts, actions, ...) live in
:mod:`zorgvuldig.conduct.choices`, and the case is built by
:func:`zorgvuldig.conduct.cases.build_case`: both shared with the inquiry's established
conduct.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zorgvuldig.conduct.cases import (
    act_problems,
    build_case,
    target_fields,
    target_lines,
)
from zorgvuldig.conduct.choices import (
    ACCOUNTS,
    ACTIONS,
    HATCH_CATEGORIES,
    JURISDICTIONS,
    LEVELS,
    POLITICAL_CATEGORIES,
    TARGET_KINDS,
)

from .questions import answer_fields, clean_addressees, told_parts

NOT_APPLICABLE = ("", "—")

#: Fields that apply to one jurisdiction's rules only (the page hides the others with JS).
JURISDICTION_OF_FIELD = {
    "level": "NL",
    "spokesperson": "NL",
    "hatch_category": "US",
    "profile_picture_partisan": "US",
    "political_category": "UK",
}
#: The groups of fields as the page shows them: (id, legend, field names, remembered).
FIELDSETS = [
    (
        "about-you",
        _("About you"),
        [
            "jurisdiction",
            "level",
            "spokesperson",
            "hatch_category",
            "political_category",
            "organisation",
            "function",
            "portfolio",
            "posted_in",
            "account",
            "profile_picture_partisan",
        ],
        True,
    ),
    (
        "situation",
        _("Your situation"),
        ["on_duty", "in_workplace", "election_period", "official_travel", "also_check"],
        True,
    ),
    (
        "what",
        _("What you want to do"),
        [
            "action",
            "date",
            "since",
            "target_kind",
            "target_name",
            "target_content",
            "text",
        ],
        False,
    ),
]


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


#: The longest text the page checks, in characters: far more than any post, and a bound on
#: the work one anonymous request can cause.
MAX_TEXT = 20_000


class SelfCheckForm(forms.Form):
    """Actor, context and action of one check, mapped onto the case shape of the contract."""

    # -- about you ----------------------------------------------------------------
    jurisdiction = forms.ChoiceField(
        label=_("Where do you work?"), choices=JURISDICTIONS
    )
    level = forms.ChoiceField(
        label=_("Your position (Netherlands)"),
        choices=[NOT_APPLICABLE, *LEVELS],
        required=False,
    )
    spokesperson = forms.BooleanField(
        label=_("I am a spokesperson (Netherlands)"), required=False
    )
    hatch_category = forms.ChoiceField(
        label=_("Hatch Act group (United States)"),
        choices=[NOT_APPLICABLE, *HATCH_CATEGORIES],
        required=False,
    )
    political_category = forms.ChoiceField(
        label=_("Political activities group (United Kingdom)"),
        choices=[NOT_APPLICABLE, *POLITICAL_CATEGORIES],
        required=False,
    )
    organisation = forms.CharField(
        label=_("Your organisation"), required=False, max_length=200
    )
    function = forms.CharField(label=_("Your function"), required=False, max_length=200)
    portfolio = forms.CharField(
        label=_("Topics you work on"),
        required=False,
        max_length=500,
        help_text=_("Separate with commas, e.g. migratie, asiel"),
    )
    posted_in = forms.CharField(
        label=_("Country you are posted in, if abroad"),
        required=False,
        max_length=100,
    )
    account = forms.ChoiceField(label=_("Account"), choices=ACCOUNTS)
    profile_picture_partisan = forms.BooleanField(
        label=_("My profile picture shows a party or candidate (United States)"),
        required=False,
    )
    # -- your situation -----------------------------------------------------------
    on_duty = forms.BooleanField(label=_("During working hours"), required=False)
    in_workplace = forms.BooleanField(
        label=_("At the workplace or with work equipment"), required=False
    )
    election_period = forms.BooleanField(
        label=_("During an election period"), required=False
    )
    official_travel = forms.CharField(
        label=_("On official travel to (country)"), required=False, max_length=100
    )
    also_check = forms.MultipleChoiceField(
        label=_("Also check under the rules of"),
        choices=JURISDICTIONS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # -- what you want to do ------------------------------------------------------
    action = forms.ChoiceField(label=_("What do you want to do?"), choices=ACTIONS)
    date = forms.DateField(
        label=_("Date"),
        widget=_date_input(),
        initial=timezone.localdate,
        help_text=_("The rules in force on this day apply. Usually today."),
    )
    since = forms.DateField(
        label=_("For a like or follow you already have: placed on"),
        required=False,
        widget=_date_input(),
    )
    target_kind = forms.ChoiceField(
        label=_("You like, share, follow or comment on"),
        choices=[NOT_APPLICABLE, *TARGET_KINDS],
        required=False,
    )
    target_name, target_content = target_fields(MAX_TEXT)
    text = forms.CharField(
        label=_("Your own text"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    #: What the form says about an act it cannot check (``conduct.cases.act_problems``).
    refusals = {
        "target_name": _(
            "Name the page, post or account you want to like, share or follow."
        ),
        "text": _(
            "Write the text you want to post (or describe the picture or video), "
            "so that there is something to check."
        ),
        "since": _("The day you placed it cannot be after the date above."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # the answers to the questions the check asks (.questions): shown under the
        # verdict, never in the groups above
        self.fields.update(answer_fields())

    def fieldsets(self) -> list[dict]:
        """The bound fields per group, in page order, for the template."""
        return [
            {
                "id": fid,
                "legend": legend,
                "remember": remember,
                "fields": [
                    (self[name], JURISDICTION_OF_FIELD.get(name, "")) for name in names
                ],
            }
            for fid, legend, names, remember in FIELDSETS
        ]

    def clean_target_content(self) -> list[tuple[str, dt.date | None]]:
        """The target's posts as ``[(text, date or None)]``; a line may start with its
        date."""
        return target_lines(self.cleaned_data["target_content"])

    def clean_addressees(self) -> list[str]:
        """The addressees chosen; "none of these" only alone."""
        return clean_addressees(self.cleaned_data["addressees"])

    def clean(self) -> dict[str, Any]:
        super().clean()
        d = self.cleaned_data
        for name in act_problems(d, d.get("date")):
            self.add_error(name, self.refusals[name])
        return d

    def to_case(self) -> dict[str, Any]:
        """The check as a case dict in the shape of ``cases/selfcheck/*.yaml``."""
        d = self.cleaned_data
        actor = {
            "jurisdiction": d["jurisdiction"],
            "spokesperson": d["spokesperson"],
            "hatch_category": d["hatch_category"] or None,
            "political_category": d["political_category"] or None,
            "organisation": d["organisation"] or None,
            "posted_in": d["posted_in"] or None,
            "profile_picture_partisan": d["profile_picture_partisan"],
        }
        context = {
            "on_duty": d["on_duty"],
            "in_workplace": d["in_workplace"],
            "official_travel": d["official_travel"] or None,
            "date": d["date"].isoformat(),
            "election_period": d["election_period"],
        }
        told, _answered = told_parts(d)
        case = build_case(
            d,
            actor={k: v for k, v in actor.items() if v is not None} | told["actor"],
            context=context | told["context"],
        )
        case["action"].update(told["action"])
        return {"id": "selfcheck", **case}

    def answered(self) -> list[str]:
        """The questions answered "none of these" that the case has no value for
        (``actor.exemplary_function``): not to be asked again."""
        return told_parts(self.cleaned_data)[1]

    def jurisdictions(self) -> list[str]:
        """The extra jurisdictions to check besides the actor's own."""
        return [
            j
            for j in self.cleaned_data["also_check"]
            if j != self.cleaned_data["jurisdiction"]
        ]
