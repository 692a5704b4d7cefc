"""The employee's self-check form. Nothing entered here is stored or logged."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

JURISDICTIONS = [
    ("NL", _("Netherlands")),
    ("US", _("United States")),
    ("UK", _("United Kingdom")),
]
LEVELS = [
    ("staff", _("Staff")),
    ("senior", _("Senior (e.g. head of department)")),
    ("top", _("Top management")),
    ("head_of_mission", _("Head of mission (ambassador)")),
]
ACCOUNTS = [
    ("personal_identifiable", _("Personal, shows my employer or function")),
    ("personal_anonymous", _("Personal, anonymous")),
    ("official", _("Official account of the organisation")),
]
ACTIONS = [
    ("post", _("Post")),
    ("comment", _("Comment")),
    ("like", _("Like")),
    ("share", _("Share")),
    ("follow", _("Follow")),
]


class SelfCheckForm(forms.Form):
    """Actor, context and action of one check, mapped onto the case shape of the contract."""

    jurisdiction = forms.ChoiceField(
        label=_("Where do you work?"), choices=JURISDICTIONS
    )
    level = forms.ChoiceField(label=_("Your position"), choices=LEVELS)
    spokesperson = forms.BooleanField(label=_("I am a spokesperson"), required=False)
    function = forms.CharField(label=_("Your function"), required=False, max_length=200)
    portfolio = forms.CharField(
        label=_("Topics you work on"),
        required=False,
        max_length=500,
        help_text=_("Separate with commas, e.g. migratie, asiel"),
    )
    account = forms.ChoiceField(label=_("Account"), choices=ACCOUNTS)
    on_duty = forms.BooleanField(label=_("During working hours"), required=False)
    election_period = forms.BooleanField(
        label=_("During an election period"), required=False
    )
    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        initial=timezone.localdate,
    )
    action = forms.ChoiceField(label=_("What do you want to do?"), choices=ACTIONS)
    since = forms.DateField(
        label=_("For a like or follow you already have: placed on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    target_name = forms.CharField(
        label=_("Page, post or account you like, share or follow"),
        required=False,
        max_length=300,
    )
    target_content = forms.CharField(
        label=_("What that page or post says"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One post per line, newest first."),
    )
    text = forms.CharField(
        label=_("Your own text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def to_case(self) -> dict:
        """The check as a case dict in the shape of ``cases/selfcheck/*.yaml``."""
        d = self.cleaned_data
        case: dict = {
            "id": "selfcheck",
            "actor": {
                "jurisdiction": d["jurisdiction"],
                "level": d["level"],
                "spokesperson": d["spokesperson"],
                "function": d["function"],
                "portfolio": [
                    p.strip() for p in d["portfolio"].split(",") if p.strip()
                ],
                "account": d["account"],
            },
            "context": {
                "on_duty": d["on_duty"],
                "in_workplace": d["on_duty"],
                "official_travel": None,
                "date": d["date"].isoformat(),
                "election_period": d["election_period"],
            },
            "action": {"type": d["action"]},
            "text": d["text"] or None,
        }
        if d["action"] in {"like", "share", "follow", "comment"} and d["target_name"]:
            case["action"]["target"] = {
                "kind": "page" if d["action"] in {"like", "follow"} else "post",
                "name": d["target_name"],
                "content": [
                    line.strip()
                    for line in d["target_content"].splitlines()
                    if line.strip()
                ],
            }
        if d["since"]:
            case["action"]["since"] = d["since"].isoformat()
        return case
