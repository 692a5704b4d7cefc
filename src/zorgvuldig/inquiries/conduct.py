"""What the rulebooks say about an inquiry's established conduct.

The case handler records the conduct the inquiry is about (``Inquiry.conduct``) in the shape
of a self-check case (shared/cases/README.md, "Self-check"): who acted, on which day the
conduct is judged, what was done and what was written. The advisors then see what the
employee's self-check would say about it: per jurisdiction the verdict, the reasons with their
citations, what would change the verdict and the precedents. Both use the one pure checker,
:func:`zorgvuldig.rulebooks.check.run_check`.

Nothing here writes: ``services.record_conduct`` stores the conduct, the case page calls
:func:`assessment`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from zorgvuldig.core.expression_choices import (
    ACCOUNTS_OF_EMPLOYEE as ACCOUNTS,
)
from zorgvuldig.core.expression_choices import (
    ACTIONS_OF_EMPLOYEE as ACTIONS,
)
from zorgvuldig.core.expression_choices import (
    JURISDICTION_LABELS,
    LEVELS,
    TARGET_KINDS,
    VERDICT_LEVEL_LABELS,
)
from zorgvuldig.core.languages import ui_language
from zorgvuldig.rulebooks.cases import CaseError, parse_case
from zorgvuldig.rulebooks.check import run_check
from zorgvuldig.rulebooks.loader import rulebook_for

#: The parts of a self-check case that make up the conduct; ``id``, ``source`` and
#: ``expect`` of a test case are not part of it.
CASE_KEYS = ("actor", "context", "action", "text")
_LABELS = {
    "action": dict(ACTIONS),
    "account": dict(ACCOUNTS),
    "level": dict(LEVELS),
    "target_kind": dict(TARGET_KINDS),
}


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


def described(conduct: Mapping[str, Any]) -> dict[str, Any]:
    """The recorded conduct as the case page lists it, with labels for the codes.

    Returns:
        ``{"action", "since", "judged_on", "target_kind", "target_name", "text", "account",
        "level", "function", "portfolio"}``; absent parts are ``""`` (``[]`` for the
        portfolio).
    """
    actor = conduct.get("actor") or {}
    action = conduct.get("action") or {}
    target = action.get("target") or {}

    def label(kind: str, code: Any) -> Any:
        return _LABELS[kind].get(code, code) if code else ""

    return {
        "action": label("action", action.get("type")),
        "since": action.get("since") or "",
        "judged_on": (conduct.get("context") or {}).get("date") or "",
        "target_kind": label("target_kind", target.get("kind")),
        "target_name": target.get("name") or "",
        "text": conduct.get("text") or "",
        "account": label("account", actor.get("account")),
        "level": label("level", actor.get("level")),
        "function": actor.get("function") or "",
        "portfolio": list(actor.get("portfolio") or []),
    }


def assessment(
    conduct: Mapping[str, Any], language: str | None = None
) -> dict[str, Any]:
    """The verdicts of the rulebooks on the recorded ``conduct``, labelled for the page.

    Args:
        conduct: ``Inquiry.conduct`` (an empty mapping when nothing is recorded).
        language: ``"nl"`` or ``"en"``; by default the language of the page.
    Returns:
        ``{"conduct", "verdicts", "error"}``: the conduct as :func:`described` gives it
        (``None`` when nothing is recorded), each verdict as ``run_check`` gives it plus
        ``level_label``, ``jurisdiction_label`` and ``rules_title``. When the rulebooks cannot
        judge the stored conduct (e.g. they changed since it was recorded) ``verdicts`` is
        empty and ``error`` says why; nothing is raised.
    """
    out: dict[str, Any] = {"conduct": None, "verdicts": [], "error": ""}
    if not conduct:
        return out
    try:
        out["conduct"] = described(conduct)
        result = run_check(dict(conduct), language=language or ui_language())
        judged_on = dt.date.fromisoformat(str(conduct["context"]["date"]))
    except (ValueError, LookupError, TypeError, AttributeError) as exc:
        # CaseError and RulebookError are ValueErrors: the rules cannot judge what is stored
        return {**out, "error": str(exc)}
    for v in result["verdicts"]:
        v["level_label"] = VERDICT_LEVEL_LABELS.get(v["level"], v["level"])
        v["jurisdiction_label"] = JURISDICTION_LABELS.get(
            v["jurisdiction"], v["jurisdiction"]
        )
        v["rules_title"] = _rules_title(v, judged_on)
    return {**out, "verdicts": result["verdicts"]}


def _rules_title(verdict: Mapping[str, Any], judged_on: dt.date) -> str:
    try:
        book, _note = rulebook_for(verdict["jurisdiction"], judged_on)
    except (ValueError, LookupError):
        return str(verdict.get("rulebook", ""))
    return book.title
