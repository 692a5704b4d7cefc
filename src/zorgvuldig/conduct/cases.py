"""A case of online conduct built from a form, and the shape in which one is stored.

The self-check form and the inquiry's conduct form ask for the same act with the same
fields (the action, the day a kept like or follow was placed, the target's name and posts,
the own text, and the actor's account, position, function and topics) and turn them into
a self-check case (shared/cases/README.md, "Self-check"), the shape
:func:`zorgvuldig.rulebooks.check.run_check` reads. :func:`build_case` does that once
for both; each form adds what only it knows (the self-check the employee's jurisdiction and
situation, the conduct form the organisation and the parts of a recorded conduct it does
not show) and keeps its own wording ("you" or "the employee").

Public surface: :data:`WRITTEN`, :data:`CASE_KEYS`, :func:`target_fields`,
:func:`target_lines`, :func:`act_problems`, :func:`build_case`, :func:`normalised`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from zorgvuldig.rulebooks.cases import (
    NEEDS_TARGET,
    TARGETED,
    CaseError,
    DatedLineError,
    parse_case,
    parse_dated_lines,
)

#: Actions whose own words are the conduct, so that a form asks for the text.
WRITTEN = ("post", "comment")
#: The parts of a self-check case that make up the conduct; ``id``, ``source`` and
#: ``expect`` of a test case are not part of it.
CASE_KEYS = ("actor", "context", "action", "text")


def target_fields(max_length: int) -> tuple[forms.CharField, forms.CharField]:
    """The form fields of a liked, shared or followed target as both the self-check and the
    conduct form ask for it: ``(target_name, target_content)``, the content one post per
    line, optionally dated (read with :func:`target_lines`), at most ``max_length``
    characters. Made in this order, so a form lists them in this order."""
    return (
        forms.CharField(
            label=_("Name of that page, post or account"),
            required=False,
            max_length=300,
        ),
        forms.CharField(
            label=_("What that page or post says"),
            required=False,
            max_length=max_length,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=_(
                "One post per line, newest first. Start a line with its date "
                "(YYYY-MM-DD) if you know it."
            ),
        ),
    )


def target_lines(text: str) -> list[tuple[str, dt.date | None]]:
    """The target's posts as typed in ``target_content``: ``[(text, date or None)]`` in the
    order given, a line optionally starting with its date (``"2010-06-20: ..."``); blank
    lines are skipped. A form's ``clean_target_content`` returns this.

    Raises:
        forms.ValidationError: code ``"bad_date"``, a line starts with a date that does not
            exist; the message names the line and the date.
    """
    try:
        return parse_dated_lines(text)
    except DatedLineError as exc:
        raise forms.ValidationError(
            _("Line %(n)s: %(date)s is not a valid date (YYYY-MM-DD)."),
            params={"n": exc.line, "date": exc.raw_date},
            code="bad_date",
        ) from None


def act_problems(values: Mapping[str, Any], judged_on: dt.date | None) -> list[str]:
    """What keeps the act a form describes from being judged, as the fields to correct.

    Args:
        values: the form's cleaned values (see :func:`build_case`; any may be missing
            when its own field was refused).
        judged_on: the day the act is judged on, or ``None`` when not (yet) known.
    Returns:
        in this order, those of: ``"target_name"``, a like, share or follow that names no
        page, post or account; ``"text"``, a post or comment without words (a check of
        nothing would answer "no objection"); ``"since"``, placed after ``judged_on``.
        Each form words the refusal for its reader.
    """
    problems = []
    action = values.get("action")
    if action in NEEDS_TARGET and not (
        values.get("target_name") or values.get("target_content")
    ):
        problems.append("target_name")
    if action in WRITTEN and not (values.get("text") or "").strip():
        problems.append("text")
    since = values.get("since")
    if since and judged_on and since > judged_on:
        problems.append("since")
    return problems


def build_case(
    values: Mapping[str, Any],
    *,
    actor: Mapping[str, Any],
    context: Mapping[str, Any],
) -> dict[str, Any]:
    """The case of conduct a form describes, in the shape the rulebooks read.

    Args:
        values: the form's cleaned values of the fields both forms have: ``action`` (an
            action code), ``since`` (a date or ``None``), ``target_kind``, ``target_name``,
            ``target_content`` (as :func:`target_lines` gives it), ``text``, ``account``,
            ``level``, ``function`` and ``portfolio`` (topics separated by commas); the
            strings already stripped, ``""`` when not given.
        actor: the actor's other parts, such as ``jurisdiction``, as the form has them.
        context: the case's ``context``, with its ``date`` as ``"YYYY-MM-DD"``.
    Returns:
        ``{"actor", "context", "action", "text"}``: ``actor`` is ``actor`` plus
        ``account``, ``portfolio`` (a list) and ``level`` and ``function`` when given;
        ``action`` has ``type``, ``since`` when given and, for an action about someone
        else's page, post or account that names it, ``target`` (``kind``, by default a
        page for a like or follow and a post otherwise; ``name`` or ``None``; ``content``,
        each post its text or ``{"text", "date"}`` when dated); ``text`` is ``None`` when
        empty. Dates are written as ``"YYYY-MM-DD"``.
    """
    whom = dict(actor)
    whom["account"] = values["account"]
    whom["portfolio"] = [p.strip() for p in values["portfolio"].split(",") if p.strip()]
    if values["level"]:
        whom["level"] = values["level"]
    if values["function"]:
        whom["function"] = values["function"]
    kind = values["action"]
    action: dict[str, Any] = {"type": kind}
    if values["since"]:
        action["since"] = values["since"].isoformat()
    content = values.get("target_content") or []
    if kind in TARGETED and (values["target_name"] or content):
        action["target"] = {
            "kind": values["target_kind"] or _default_target_kind(kind),
            "name": values["target_name"] or None,
            "content": [
                {"text": text, "date": day.isoformat()} if day else text
                for text, day in content
            ],
        }
    return {
        "actor": whom,
        "context": dict(context),
        "action": action,
        "text": values["text"] or None,
    }


def _default_target_kind(action: str) -> str:
    # a like or follow is usually of a page; a share or comment of a post
    return "page" if action in ("like", "follow") else "post"


def normalised(conduct: Mapping[str, Any]) -> dict[str, Any]:
    """``conduct`` checked by the rulebooks' parser and made ready to store as JSON.

    Args:
        conduct: a self-check case; dates may be ``date`` objects or ``"YYYY-MM-DD"``.
    Returns:
        the case's ``actor``, ``context``, ``action`` and ``text`` (``None`` when absent),
        with dates written as ``"YYYY-MM-DD"`` and the jurisdiction as its code.
    Raises:
        CaseError: the rulebooks cannot read the case; the message names the field.
    """
    if not isinstance(conduct, Mapping):
        raise CaseError("case: expected a mapping with actor, context, action and text")
    parsed = parse_case(conduct)
    try:
        stored = json.loads(
            json.dumps({k: conduct.get(k) for k in CASE_KEYS}, default=_json_date)
        )
    except (TypeError, ValueError) as exc:
        raise CaseError(f"case: cannot be stored ({exc})") from None
    # every other page reads the jurisdiction's code, not a spelling such as "GB"
    stored["actor"]["jurisdiction"] = parsed.actor.jurisdiction
    return stored


def _json_date(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")
