"""The established conduct, recorded in the self-check's case shape (shared
``cases/README.md``, "Self-check") so that the rulebooks can judge it.
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
    ACCOUNTS_OF_EMPLOYEE as ACCOUNTS,
)
from zorgvuldig.conduct.choices import (
    ACTIONS_OF_EMPLOYEE as ACTIONS,
)
from zorgvuldig.conduct.choices import LEVELS, TARGET_KINDS
from zorgvuldig.rulebooks.cases import (
    CaseError,
    normalise_jurisdiction,
    parse_case,
)

from .fields import change_reason, date_field, loaded_version

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
    since = date_field(
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
    judged_on = date_field(
        label=_("Judged on"),
        help_text=_(
            "The rules in force on this day apply; usually the day the questions came in."
        ),
    )
    reason = change_reason()
    loaded_version = loaded_version()

    #: What the form says about an act it cannot judge (``conduct.cases.act_problems``).
    refusals = {
        "target_name": _(
            "Name the page, post or account that was liked, shared or followed."
        ),
        "text": _("Write down the text that was posted."),
        "since": _("The action cannot be after the day it is judged on."),
    }

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

    def clean_target_content(self) -> list[tuple[str, dt.date | None]]:
        """The target's posts as ``[(text, date or None)]``; a line may start with its
        date."""
        return target_lines(self.cleaned_data["target_content"])

    def clean(self) -> dict[str, Any]:
        super().clean()
        d = self.cleaned_data
        for name in act_problems(d, d.get("judged_on")):
            self.add_error(name, self.refusals[name])
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
        actor["jurisdiction"] = self.inquiry.organisation.country
        actor["organisation"] = self.inquiry.organisation.name
        context = {k: kept_context[k] for k in _KEPT_CONTEXT if k in kept_context}
        context["date"] = d["judged_on"].isoformat()
        return build_case(d, actor=actor, context=context)
