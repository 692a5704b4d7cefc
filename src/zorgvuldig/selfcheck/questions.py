"""The questions to the employee as the self-check page and the API put them.

Which questions decide a verdict is worked out by the pure
:mod:`zorgvuldig.rulebooks.questions`; here they get their words in Dutch and English,
the form fields that carry the answers (one per told field, named as in the contract:
``supervises``, ``own_area``, ...), and what the page shows of them: the questions still
open with what the text suggests, and the answers already given, which the employee can
change. A suggestion is shown as one ("suggested from your text — confirm"); nothing is
selected for the employee, so only their own answer enters the check.

The answers about the person (:data:`PERSON`) are remembered in the browser with the other
details when the employee allows it; the answers about one post are not. Nothing here is
stored or logged.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from zorgvuldig.rulebooks.questions import PERSON as ABOUT_PERSON
from zorgvuldig.rulebooks.questions import TOLD, TOLD_BY_PATH

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

#: The id of the self-check form: the answer fields sit under the verdict, outside the
#: form element, and belong to it through their ``form`` attribute (no script needed).
FORM_ID = "selfcheck-form"
#: The answer "none of these" to a question the contract has no value for: an exemplary
#: function (the case leaves it out) or addressees (an empty list). Where the contract has
#: a value ``none`` (``work_information``), that value is the answer.
NONE = "none"
_YES_NO = [("yes", _("Yes")), ("no", _("No"))]
_DONT_KNOW = ("", _("Don't know"))


@dataclass(frozen=True)
class Wording:
    """A question's words: the question, a short name for summaries, and its answers."""

    text: StrOrPromise
    short: StrOrPromise
    answers: Sequence[tuple[str, StrOrPromise]]


WORDING: dict[str, Wording] = {
    "supervises": Wording(
        _("Do people report to you: do you supervise anyone?"),
        _("Supervises people"),
        _YES_NO,
    ),
    "exemplary_function": Wording(
        _("Do you work in one of these functions?"),
        _("Function"),
        [
            ("police", _("Police")),
            ("judiciary", _("Judiciary or public prosecution")),
            ("security", _("Security or intelligence services")),
            ("inspectorate", _("An inspectorate")),
            ("diplomatic", _("Diplomatic service")),
            (NONE, _("None of these")),
        ],
    ),
    "account_shows": Wording(
        _(
            "Does your profile show your employer or title, or do you use the account "
            "for work?"
        ),
        _("Account shows"),
        [
            ("nothing", _("Neither")),
            ("employer", _("My employer")),
            ("title", _("My title or function")),
            ("official_use", _("I use it for work")),
        ],
    ),
    "earlier_warnings": Wording(
        _("Have you been spoken to or warned about posts before?"),
        _("Warned before"),
        _YES_NO,
    ),
    "own_area": Wording(
        _(
            "Does it touch your own work area, your organisation's policy or decisions, "
            "your colleagues, or people you deal with at work?"
        ),
        _("Own work area"),
        _YES_NO,
    ),
    "work_information": Wording(
        _("Do you know any of it through your work, and is it public yet?"),
        _("Known through work"),
        [
            ("none", _("I do not know it through my work")),
            ("public", _("I know it through my work; it is public")),
            ("not_public", _("I know it through my work; it is not public yet")),
        ],
    ),
    "addressees": Wording(
        _("Whom does it address or tag?"),
        _("Addressed to"),
        [
            ("subordinates", _("People I supervise")),
            ("team", _("My team")),
            ("colleagues", _("Colleagues")),
            ("journalist", _("A journalist")),
            (NONE, _("None of these")),
        ],
    ),
    "series": Wording(
        _("Is it one of a series of such posts?"), _("One of a series"), _YES_NO
    ),
    "internal_route": Wording(
        _(
            "Have you raised it inside your organisation, or with an integrity or "
            "whistleblowing channel, first?"
        ),
        _("Raised inside first"),
        _YES_NO,
    ),
    "reacts_to_political_event": Wording(
        _(
            "Is it a reaction to an election, a cabinet formation or a party's decision?"
        ),
        _("Reacts to a political event"),
        _YES_NO,
    ),
    "nonpartisan_election": Wording(
        _("Is the election nonpartisan (no candidate stands for a political party)?"),
        _("Nonpartisan election"),
        _YES_NO,
    ),
    "invites_giving": Wording(
        _(
            "Does it invite others to give money to a party, candidate or group? "
            "(Accepting an invitation or saying thank you does not.)"
        ),
        _("Invites giving"),
        _YES_NO,
    ),
    "links_campaign": Wording(
        _("Does it link to a campaign, party or candidate page or material?"),
        _("Links to a campaign"),
        _YES_NO,
    ),
}
#: The form field of each told field (the field's name) and back.
NAME_OF = {t.path: t.name for t in TOLD}
TOLD_OF = {t.name: t for t in TOLD}
#: The answers about the person, remembered in the browser like the other details.
PERSON = [t.name for t in TOLD if t.about == ABOUT_PERSON]

#: What a suggestion came from, as the page says it.
BASIS = {
    "portfolio_topic": _("a topic you work on"),
    "portfolio_relatedness": _("close in meaning to a topic you work on"),
    "nonpublic_information": _("words about information that is not public"),
    "address_form": _("it speaks to them"),
    "addressee": _("it speaks to them"),
    "mention": _("it tags someone"),
    "link": _("it holds a link"),
    "campaign_link": _("it holds a link"),
    "account": _("the account you chose above"),
}


def question_text(name: str) -> str:
    """The question of the told field ``name`` in the active language."""
    return str(WORDING[name].text)


def answer_fields() -> dict[str, forms.Field]:
    """One optional form field per told field, in the contract's order: radios (yes, no,
    a value; "don't know" leaves it open) or, for the addressees, checkboxes."""
    fields: dict[str, forms.Field] = {}
    for told in TOLD:
        wording = WORDING[told.name]
        attrs = {"form": FORM_ID}
        if told.kind == "multiple":
            fields[told.name] = forms.MultipleChoiceField(
                label=wording.text,
                choices=wording.answers,
                required=False,
                widget=forms.CheckboxSelectMultiple(attrs=attrs),
            )
        else:
            fields[told.name] = forms.ChoiceField(
                label=wording.text,
                choices=[*wording.answers, _DONT_KNOW],
                required=False,
                widget=forms.RadioSelect(attrs=attrs),
            )
    return fields


def clean_addressees(values: list[str]) -> list[str]:
    """The addressees chosen; "none of these" only alone.

    Raises:
        forms.ValidationError: "none of these" chosen with someone else.
    """
    if NONE in values and len(values) > 1:
        raise forms.ValidationError(
            _("Choose “None of these” alone, or only the people it addresses."),
            code="none_and_others",
        )
    return values


def told_parts(cleaned: dict[str, Any]) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The answers in a form's cleaned data, per section of the case.

    Returns:
        ``({"actor": {...}, "context": {...}, "action": {...}}, answered)``: the values
        the case takes (``True``/``False``, a value, a list of addressees: ``[]`` for
        "none of these"), and the fields (``section.name``) answered "none of these"
        that the case has no value for. A field left open is in neither.
    """
    parts: dict[str, dict[str, Any]] = {"actor": {}, "context": {}, "action": {}}
    answered: list[str] = []
    for told in TOLD:
        value = cleaned.get(told.name)
        if not value:
            continue
        if told.kind == "bool":
            parts[told.section][told.name] = value == "yes"
        elif told.kind == "multiple":
            parts[told.section][told.name] = [v for v in value if v != NONE]
        elif value == NONE and NONE not in told.answers:
            answered.append(told.path)
        else:
            parts[told.section][told.name] = value
    return parts, answered


def _form_value(told_kind: str, value: Any) -> list[str]:
    """A suggested answer as the form's values (``True`` -> ``["yes"]``)."""
    if value is None:
        return []
    if told_kind == "bool":
        return ["yes" if value else "no"]
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [str(value)]


def suggestion_for_page(told_kind: str, name: str, suggestion: dict[str, Any]) -> dict:
    """A suggestion as the page shows it: the values to mark, their labels, the words and
    what they are (``BASIS``), and whether it came from the text or the details."""
    values = _form_value(told_kind, suggestion["value"])
    labels = dict(WORDING[name].answers)
    return {
        **suggestion,
        "values": values,
        "labels": [str(labels[v]) for v in values if v in labels],
        "basis_label": str(BASIS.get(suggestion["basis"], "")),
        "from_details": suggestion["where"] in ("actor", "context"),
    }


def for_api(question: dict[str, Any]) -> dict[str, Any]:
    """A question of :func:`~zorgvuldig.rulebooks.questions.check_with_questions` with
    its words in the active language (``text``) added."""
    told = TOLD_BY_PATH[question["field"]]
    return {**question, "text": question_text(told.name)}


def present(form: forms.Form, questions: list[dict[str, Any]]) -> dict[str, Any]:
    """What the page shows of the questions, after a check or a refused form.

    Args:
        form: the bound self-check form.
        questions: the decisive questions of the check (``[]`` when there was none).
    Returns:
        ``{"asked": [...], "answered": [...], "remembered": [...]}``: the questions still
        open, each ``{name, field, about, suggestion}``; the fields answered (or refused),
        so that their answers go with the next check and can be changed; and the bound
        fields of the answers about the person that neither shows, carried as hidden
        inputs in "About you" so that the browser can remember them.
    """
    asked = []
    for q in questions:
        name = NAME_OF[q["field"]]
        suggestion = q.get("suggestion")
        asked.append(
            {
                "name": name,
                "field": form[name],
                "about": q["about"],
                "suggestion": suggestion_for_page(q["kind"], name, suggestion)
                if suggestion
                else None,
            }
        )
    shown = {q["name"] for q in asked}
    answered = [
        {"name": t.name, "field": form[t.name], "about": t.about, "suggestion": None}
        for t in TOLD
        if t.name not in shown and (form[t.name].value() or form[t.name].errors)
    ]
    shown |= {a["name"] for a in answered}
    remembered = [
        {
            "field": form[name],
            "short": WORDING[name].short,
            "labels": json.dumps(
                {code: str(label) for code, label in WORDING[name].answers}
            ),
        }
        for name in PERSON
        if name not in shown
    ]
    return {"asked": asked, "answered": answered, "remembered": remembered}
