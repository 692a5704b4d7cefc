"""The case page's conduct card: what the rulebooks say about an inquiry's established conduct.

The case handler records the conduct the inquiry is about (``Inquiry.conduct``) in the shape
of a self-check case (shared/cases/README.md, "Self-check"): who acted, on which day the
conduct is judged, what was done and what was written. Everyone on the case then sees what
the employee's self-check would say about it: per jurisdiction the verdict, the reasons with
their citations, what would change the verdict and the precedents. Both use the one pure
checker, :func:`zorgvuldig.rulebooks.check.run_check`, and the one verdict presenter,
:func:`zorgvuldig.conduct.verdicts.label_verdicts`.

Nothing here writes: ``services.record_conduct`` stores the conduct (in the shape
:func:`zorgvuldig.conduct.cases.normalised` gives), the case page calls :func:`assessment`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zorgvuldig.conduct.choices import (
    ACCOUNTS_OF_EMPLOYEE,
    ACTIONS_OF_EMPLOYEE,
    LEVELS,
    TARGET_KINDS,
)
from zorgvuldig.conduct.verdicts import label_verdicts
from zorgvuldig.core.languages import ui_language
from zorgvuldig.rulebooks.check import run_check

_LABELS = {
    "action": dict(ACTIONS_OF_EMPLOYEE),
    "account": dict(ACCOUNTS_OF_EMPLOYEE),
    "level": dict(LEVELS),
    "target_kind": dict(TARGET_KINDS),
}


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
        (``None`` when nothing is recorded), each verdict as ``run_check`` gives it with
        the labels of :func:`~zorgvuldig.conduct.verdicts.label_verdicts` (the card shows
        ``level_label``, ``jurisdiction_label`` and ``rules_title``). When the rulebooks
        cannot judge the stored conduct (e.g. they changed since it was recorded)
        ``verdicts`` is empty and ``error`` says why; nothing is raised.
    """
    out: dict[str, Any] = {"conduct": None, "verdicts": [], "error": ""}
    if not conduct:
        return out
    try:
        out["conduct"] = described(conduct)
        result = run_check(dict(conduct), language=language or ui_language())
    except (ValueError, LookupError, TypeError, AttributeError) as exc:
        # CaseError and RulebookError are ValueErrors: the rules cannot judge what is stored
        return {**out, "error": str(exc)}
    return {**out, "verdicts": label_verdicts(result["verdicts"], conduct)}
