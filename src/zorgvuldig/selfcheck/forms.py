"""The employee's self-check form. Nothing entered here is stored or logged.

The fields map one to one onto the case shape of shared/cases/README.md ("Self-check"). They
come in three groups: who you are and your usual situation (which the page's small script
may remember in this browser's ``localStorage``, never on the server), and what you want to
do now (never remembered). The labelled choices (jurisdictions, positions, accounts,
actions, ...) live in :mod:`zorgvuldig.core.expression_choices`, shared with the inquiry's
established conduct.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zorgvuldig.core.expression_choices import (
    ACCOUNTS,
    ACTIONS,
    HATCH_CATEGORIES,
    JURISDICTIONS,
    LEVELS,
    POLITICAL_CATEGORIES,
    TARGET_KINDS,
    target_fields,
)
from zorgvuldig.rulebooks.cases import (
    NEEDS_TARGET,
    TARGETED,
    DatedLineError,
    parse_dated_lines,
)

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

    def clean_target_content(self) -> list[dict]:
        """The target's posts as ``[{text, date}]``; a line may start with its date."""
        try:
            lines = parse_dated_lines(self.cleaned_data["target_content"])
        except DatedLineError as exc:
            raise forms.ValidationError(
                _("Line %(n)s: %(date)s is not a valid date (YYYY-MM-DD)."),
                params={"n": exc.line, "date": exc.raw_date},
                code="bad_date",
            ) from None
        return [{"text": text, "date": day} for text, day in lines]

    def clean(self) -> dict:
        d = super().clean()
        action, since, date = d.get("action"), d.get("since"), d.get("date")
        if action in NEEDS_TARGET and not (
            d.get("target_name") or d.get("target_content")
        ):
            self.add_error(
                "target_name",
                _("Name the page, post or account you want to like, share or follow."),
            )
        if action in ("post", "comment") and not (d.get("text") or "").strip():
            # An empty check would answer "no objection" to nothing at all.
            self.add_error(
                "text",
                _(
                    "Write the text you want to post (or describe the picture or video), "
                    "so that there is something to check."
                ),
            )
        if since and date and since > date:
            self.add_error(
                "since", _("The day you placed it cannot be after the date above.")
            )
        return d

    def to_case(self) -> dict:
        """The check as a case dict in the shape of ``cases/selfcheck/*.yaml``."""
        d = self.cleaned_data
        actor = {
            "jurisdiction": d["jurisdiction"],
            "level": d["level"] or None,
            "spokesperson": d["spokesperson"],
            "hatch_category": d["hatch_category"] or None,
            "political_category": d["political_category"] or None,
            "organisation": d["organisation"] or None,
            "function": d["function"] or None,
            "portfolio": [p.strip() for p in d["portfolio"].split(",") if p.strip()],
            "posted_in": d["posted_in"] or None,
            "account": d["account"],
            "profile_picture_partisan": d["profile_picture_partisan"],
        }
        case: dict = {
            "id": "selfcheck",
            "actor": {k: v for k, v in actor.items() if v is not None},
            "context": {
                "on_duty": d["on_duty"],
                "in_workplace": d["in_workplace"],
                "official_travel": d["official_travel"] or None,
                "date": d["date"].isoformat(),
                "election_period": d["election_period"],
            },
            "action": {"type": d["action"]},
            "text": d["text"] or None,
        }
        content = d.get("target_content") or []
        if d["action"] in TARGETED and (d["target_name"] or content):
            case["action"]["target"] = {
                "kind": d["target_kind"] or self._default_target_kind(d["action"]),
                "name": d["target_name"] or None,
                "content": [
                    {"text": c["text"], "date": c["date"].isoformat()}
                    if c["date"]
                    else c["text"]
                    for c in content
                ],
            }
        if d["since"]:
            case["action"]["since"] = d["since"].isoformat()
        return case

    def jurisdictions(self) -> list[str]:
        """The extra jurisdictions to check besides the actor's own."""
        return [
            j
            for j in self.cleaned_data["also_check"]
            if j != self.cleaned_data["jurisdiction"]
        ]

    @staticmethod
    def _default_target_kind(action: str) -> str:
        # a like or follow is usually of a page; a share or comment of a post
        return "page" if action in ("like", "follow") else "post"
