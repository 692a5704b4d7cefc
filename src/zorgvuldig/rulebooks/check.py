"""The self-check of one case: validate it, find the signals, weigh them per jurisdiction.

Input and output follow the contract in shared/cases/README.md ("Self-check"): a case has
``actor``, ``context``, ``action`` and ``text`` (validated by
:func:`~zorgvuldig.rulebooks.cases.parse_case`); the result is ``{id, verdicts, signals}``.

This module is pure: no Django, no database, no logging. What an employee types into the
self-check is advice to them alone (DESIGN.md §3, "Trust first"), so nothing here stores
or logs any of the text; the employee's page, the command line and the advisors' view of
an inquiry's established conduct all call :func:`run_check`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from zorgvuldig.rulebooks.cases import (
    Case,
    CaseError,
    normalise_jurisdiction,
    parse_case,
)
from zorgvuldig.rulebooks.evaluator import content_in_view, evaluate_all
from zorgvuldig.rulebooks.types import Actor
from zorgvuldig.signals import Signal, detect, situation_signals


def collect_signals(case: Case) -> list[Signal]:
    """The signals of the case's text, the target's name and the target content that
    existed on ``context.date``, plus those of the situation. Dated word lists (campaign
    slogans and hashtags, sensitive countries) are those of ``context.date``.

    Returns:
        signals in field order (text, target.name, target.content[0..]), situation last.
    """
    actor = case.actor
    fields: list[tuple[str, str | None]] = [("text", case.text)]
    target = case.action.target
    if target is not None:
        fields.append(("target.name", target.name))
        visible, _ = content_in_view(case.action, case.context)
        fields += [(f"target.content[{i}]", target.content[i].text) for i in visible]
    found: list[Signal] = []
    for where, text in fields:
        found += detect(
            text,
            where=where,
            portfolio=actor.portfolio,
            function=actor.function or None,
            on=case.context.date,
            organisation=actor.organisation or None,
        )
    # what the employee tells the check is not read here: the questions to the employee
    # (questions.py) find these signals once and try every answer against them
    found += situation_signals(
        account=actor.account,
        official_travel=case.context.official_travel,
        posted_in=actor.posted_in,
    )
    return found


def jurisdictions_for(actor: Actor, extra: Iterable[str] | None) -> list[str]:
    """The actor's jurisdiction first, then each of ``extra`` once, normalised."""
    out = [actor.jurisdiction]
    for j in extra or ():
        code = normalise_jurisdiction(j, "jurisdictions")
        if code not in out:
            out.append(code)
    return out


#: Languages the explanations are available in.
LANGUAGES = ("nl", "en")


def run_check(
    case: dict[str, Any],
    jurisdictions: list[str] | None = None,
    language: str | None = None,
) -> dict[str, Any]:
    """Check one self-check case.

    Args:
        case: the case as parsed from YAML/JSON (see :func:`parse_case`).
        jurisdictions: extra jurisdictions to check (``["US", "UK"]``); the actor's own
            is always checked, first.
        language: ``"nl"`` or ``"en"``: the language of every verdict's reason texts,
            what would change it, its advice and its precedents (the page passes the
            language of the interface). ``None``: each rulebook's own language (Dutch
            for the Netherlands, English for the US and the UK). ``text_en`` of a reason
            is always English.
    Returns:
        ``{"id", "verdicts": [{"jurisdiction", "level", "clearance_required", "reasons",
        "precedents", "would_change", ...}], "signals": [{"kind", "text", "where",
        "start", "end", ...}]}`` (shared/cases/README.md).
    Raises:
        CaseError: the case is invalid, or ``language`` is not one of :data:`LANGUAGES`;
            the message names the field and what was expected.
    """
    check_language(language)
    parsed = parse_case(case)
    return check_parsed(
        parsed,
        collect_signals(parsed),
        jurisdictions_for(parsed.actor, jurisdictions),
        language,
    )


def check_language(language: str | None) -> None:
    """Raise :class:`CaseError` unless ``language`` is ``None`` or one of
    :data:`LANGUAGES`."""
    if language is not None and language not in LANGUAGES:
        raise CaseError(
            f"language: unknown value {language!r} (expected one of {', '.join(LANGUAGES)})"
        )


def check_parsed(
    parsed: Case,
    signals: list[Signal],
    jurisdictions: list[str],
    language: str | None = None,
) -> dict[str, Any]:
    """:func:`run_check`'s result for a case already parsed, with its signals found
    (:func:`collect_signals`) and every jurisdiction to check listed, the actor's first
    (:func:`jurisdictions_for`)."""
    verdicts = evaluate_all(
        parsed.actor,
        parsed.context,
        parsed.action,
        signals,
        jurisdictions,
        language=language,
    )
    return {
        "id": parsed.id,
        "verdicts": [v.as_dict() for v in verdicts],
        "signals": [s.as_dict() for s in signals],
    }
