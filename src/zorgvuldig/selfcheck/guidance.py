"""The guidance page's content, generated from the rulebooks the self-check applies.

Per jurisdiction: the version of the rules in force on a day (and the other versions, with
the dates they apply to), what you may not do (the bright lines, most severe first), what
is weighed under an open norm (the factors and how they add up), what you may do (the
rules that explain why something is allowed), each with its plain-language explanation,
citation and precedents, and worked examples. The examples (``guidance_examples.yaml``)
are checked with :func:`~zorgvuldig.rulebooks.check.run_check` when the page is built,
so the guidance and the checker cannot disagree: both read the same rulebook files.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import override

from zorgvuldig.conduct.choices import (
    ACCOUNTS,
    ACTIONS,
    HATCH_CATEGORIES,
    JURISDICTION_LABELS,
    LEVELS,
    POLITICAL_CATEGORIES,
)
from zorgvuldig.conduct.verdicts import VERDICT_LEVEL_LABELS, version_note
from zorgvuldig.rulebooks.check import run_check
from zorgvuldig.rulebooks.loader import Rulebook, load_rulebooks, rulebook_for
from zorgvuldig.rulebooks.schema import Rule
from zorgvuldig.rulebooks.types import Level

from .presenting import decorate

EXAMPLES_FILE = "guidance_examples.yaml"
_ROLE_ORDER = ("substance", "aggravating", "mitigating")


@dataclass
class RuleEntry:
    """One rule as the guidance shows it."""

    anchor: str
    id: str
    kind: str
    level: str
    level_label: str
    weight: int
    role: str
    label: str
    explanation: str
    citation: str
    links: list[tuple[str, str]]
    clearance_required: bool
    would_change: str
    precedents: list[dict[str, Any]]
    examples: list[Example] = field(default_factory=list)


@dataclass
class Example:
    """A worked example: a situation, its words and the verdict the checker gives today."""

    anchor: str
    title: str
    situation: list[str]
    result: dict[str, Any]
    verdict: dict[str, Any]
    rules: list[str]
    links: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class VersionEntry:
    """One version of a jurisdiction's rules."""

    anchor: str
    version: str
    title: str
    note: str
    in_force: bool
    may_not: list[RuleEntry]
    weighed: list[tuple[str, list[RuleEntry]]]
    may: list[RuleEntry]
    weighing: dict[str, Any] | None


@dataclass
class JurisdictionEntry:
    """A jurisdiction: the version in force, the others, and the examples."""

    code: str
    label: str
    current: VersionEntry
    others: list[VersionEntry]
    allowed_examples: list[Example]
    other_examples: list[Example]


def build_guidance(today: dt.date, language: str) -> list[JurisdictionEntry]:
    """The guidance for every loaded jurisdiction, as it applies on ``today``.

    Args:
        today: the day whose rules are "in force" (and the examples' check date).
        language: ``"nl"`` or ``"en"``, for the rulebooks' plain-language texts.
    """
    return _build(today, language)


@lru_cache(maxsize=8)
def _build(today: dt.date, language: str) -> list[JurisdictionEntry]:
    with override(language):
        return [_jurisdiction(code, books, today, language) for code, books in _books()]


def _books() -> list[tuple[str, tuple[Rulebook, ...]]]:
    books = load_rulebooks()
    order = list(JURISDICTION_LABELS)
    return sorted(
        books.items(),
        key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order),
    )


def _jurisdiction(
    code: str, versions: tuple[Rulebook, ...], today: dt.date, lang: str
) -> JurisdictionEntry:
    current_book, _note = rulebook_for(code, today)
    current = _version(current_book, lang, in_force=True)
    examples = [_example(code, i, case, today, lang) for i, case in _examples(code)]
    by_rule: dict[str, list[Example]] = {}
    for ex in examples:
        for rid in ex.rules:
            by_rule.setdefault(rid, []).append(ex)
    targets = {e.id: (e.anchor, e.label or e.citation) for e in _entries(current)}
    if current.weighing:
        targets[current_book.weighing.rule] = (  # type: ignore[union-attr]
            current.weighing["anchor"],
            _("the open norm"),
        )
    for entry in _entries(current):
        entry.examples = by_rule.get(entry.id, [])
    for ex in examples:
        ex.links = list(dict.fromkeys(targets[r] for r in ex.rules if r in targets))
    return JurisdictionEntry(
        code=code,
        label=str(JURISDICTION_LABELS.get(code, code)),
        current=current,
        others=[
            _version(b, lang, in_force=False)
            for b in versions
            if b.version != current_book.version
        ],
        allowed_examples=[e for e in examples if e.verdict["level"] == "ok"],
        other_examples=[e for e in examples if e.verdict["level"] != "ok"],
    )


def _entries(version: VersionEntry) -> list[RuleEntry]:
    return [
        *version.may_not,
        *(e for _role, group in version.weighed for e in group),
        *version.may,
    ]


def rule_anchor(book: Rulebook, rule_id: str) -> str:
    """The HTML id of a rule on the guidance page: ``nl-2020-nl-partisan-stance``."""
    return _slug(f"{book.jurisdiction}-{book.version}-{rule_id}")


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


def _version(book: Rulebook, lang: str, *, in_force: bool) -> VersionEntry:
    rules = [_rule(book, r, lang) for r in book.rules]
    lines = sorted(
        (e for e, r in zip(rules, book.rules, strict=True) if r.kind == "line"),
        key=lambda e: Level.parse(e.level),
        reverse=True,
    )
    factors = [e for e in rules if e.kind == "factor"]
    roles = {
        "substance": _("What is expressed"),
        "aggravating": _("What makes it weigh more"),
        "mitigating": _("What makes it weigh less"),
    }
    weighed = [
        (
            roles[role],
            sorted(
                (e for e in factors if e.role == role),
                key=lambda e: -abs(e.weight),
            ),
        )
        for role in _ROLE_ORDER
        if any(e.role == role for e in factors)
    ]
    allowed = [e for e in rules if e.kind == "allow"]
    allowed.append(_rule(book, book.default, lang))
    return VersionEntry(
        anchor=_slug(f"{book.jurisdiction}-{book.version}"),
        version=book.version,
        title=book.title,
        note=version_note(book),
        in_force=in_force,
        may_not=lines,
        weighed=weighed,
        may=allowed,
        weighing=_weighing(book),
    )


def _rule(book: Rulebook, rule: Rule, lang: str) -> RuleEntry:
    level = rule.level.label
    return RuleEntry(
        anchor=rule_anchor(book, rule.id),
        id=rule.id,
        kind=rule.kind,
        level=level,
        level_label=str(VERDICT_LEVEL_LABELS.get(level, level)),
        weight=rule.weight,
        role=rule.role or "",
        label=rule.label.get(lang) if rule.label else "",
        explanation=rule.explanation.get(lang),
        citation=book.cite(rule.cite),
        links=[
            (c.text, c.url) for c in (book.citations[k] for k in rule.cite) if c.url
        ],
        clearance_required=rule.clearance_required,
        would_change=rule.would_change.get(lang) if rule.would_change else "",
        precedents=[book.precedents[p].as_dict(lang) for p in rule.precedents],
    )


def _weighing(book: Rulebook) -> dict[str, Any] | None:
    w = book.weighing
    if w is None:
        return None
    thresholds = [
        {
            "level": lvl.label,
            "label": str(VERDICT_LEVEL_LABELS[lvl.label]),
            "score": score,
        }
        for lvl, score in w.thresholds
    ]
    return {
        "anchor": rule_anchor(book, w.rule),
        "citation": book.cite(w.cite),
        "thresholds": thresholds,
        "max_label": str(VERDICT_LEVEL_LABELS[w.max_level.label]),
    }


@cache
def _examples_data() -> dict[str, list[dict[str, Any]]]:
    import yaml

    text = (
        resources.files("zorgvuldig.selfcheck")
        .joinpath(EXAMPLES_FILE)
        .read_text("utf-8")
    )
    return yaml.safe_load(text) or {}


def _examples(code: str) -> list[tuple[int, dict[str, Any]]]:
    return list(enumerate(_examples_data().get(code, [])))


def _example(
    code: str, index: int, raw: dict[str, Any], today: dt.date, lang: str
) -> Example:
    case = {**raw, "context": {**raw.get("context", {}), "date": today.isoformat()}}
    result = decorate(run_check(case, language=lang), case)
    verdict = result["verdicts"][0]
    action = str(dict(ACTIONS).get(case["action"]["type"], case["action"]["type"]))
    words = case.get("text") or (case["action"].get("target") or {}).get("name") or ""
    return Example(
        anchor=_slug(f"example-{raw.get('id') or f'{code}-{index}'}"),
        title=f"{action}: “{words[:40]}{'…' if len(words) > 40 else ''}”"
        if words
        else action,
        situation=_situation(case),
        result=result,
        verdict=verdict,
        rules=[r["rule"] for r in verdict["reasons"]],
    )


def _situation(case: dict[str, Any]) -> list[str]:
    """Short translated tags describing the example's actor, context and action."""
    actor, context, action = case["actor"], case["context"], case["action"]
    choices = {
        **dict(LEVELS),
        **dict(HATCH_CATEGORIES),
        **dict(POLITICAL_CATEGORIES),
        **dict(ACCOUNTS),
    }
    tags = [
        str(choices[actor[k]])
        for k in ("level", "hatch_category", "political_category", "account")
        if actor.get(k) in choices
    ]
    tags += [actor[key] for key in ("function", "organisation") if actor.get(key)]
    if context.get("on_duty") or context.get("in_workplace"):
        tags.append(_("on duty"))
    if context.get("election_period"):
        tags.append(_("election period"))
    if context.get("official_travel"):
        tags.append(
            _("on official travel to %(country)s")
            % {"country": context["official_travel"]}
        )
    tags.append(str(dict(ACTIONS).get(action["type"], action["type"])))
    return tags
