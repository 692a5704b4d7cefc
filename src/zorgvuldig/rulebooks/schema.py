"""The rulebook file format: one ``data/<jurisdiction>/<version>.yaml`` read and validated.

Each file holds one version of one jurisdiction's rules: ``effective_from`` (the first day it
applies), the citations and precedents it refers to, and the rules. A version may
``extends`` an earlier one of the same jurisdiction, or the jurisdiction's base (a file
with ``version: base`` and no ``effective_from``, never applied by itself, holding what the
dated versions share): it inherits the rules, citations, precedents and texts and overrides
those it redefines (by id or key; resolved by :mod:`~zorgvuldig.rulebooks.loader`).
Everything is validated when a file is read (:func:`read_file`), so a malformed file or an
unknown signal kind fails loudly, naming the file, the rule and the field.

A rule has an ``id``, a ``kind`` and a condition ``when``:

- ``line``: a bright-line rule; when it holds the verdict is at least its ``level``;
- ``factor``: a weighing factor of an open norm (the Dutch one); it adds ``weight`` to the
  score. Its ``role`` is ``substance`` (what is expressed), ``aggravating`` or
  ``mitigating`` (how, by whom, when); the latter two count only when some substance does.
  The rulebook's ``weighing`` maps the score to a level, at most ``max_level``;
- ``allow``: a rule that explains why something is allowed (level ``ok``).

Conditions: ``actor``/``context``/``action`` map fields to a value, a list of values, or
``{contains: [...]}`` / ``{present: bool}``; ``signals`` has ``all``/``any``/``none`` lists of
signal kinds and ``from`` (``own`` text, ``target``, ``situation``, ``any`` or the
``target_name`` alone); ``any_of``,
``all_of`` and ``not`` combine conditions (:mod:`~zorgvuldig.rulebooks.rule_conditions`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .rule_conditions import (
    ConditionError,
    Test,
    compile_condition,
    needed_kinds,
    referenced_kinds,
    str_list,
    validate_condition,
)
from .types import JURISDICTIONS, Citation, Level, Precedent, Texts

RULE_KINDS = ("line", "factor", "allow")
FACTOR_ROLES = ("substance", "aggravating", "mitigating")


class RulebookError(ValueError):
    """A rulebook file that cannot be used; the message names the file, rule and field."""


@dataclass(frozen=True)
class Rule:
    """One rule of a rulebook; see the module docstring for the kinds and conditions."""

    id: str
    kind: str
    when: Mapping[str, Any]
    explanation: Texts
    cite: tuple[str, ...]
    level: Level = Level.OK
    weight: int = 0
    role: str | None = None
    label: Texts | None = None
    clearance_required: bool = False
    would_change: Texts | None = None
    precedents: tuple[str, ...] = ()
    source: str = ""
    #: the condition compiled (:func:`~.rule_conditions.compile_condition`) when read
    test: Test = field(default=compile_condition(None), compare=False, repr=False)
    #: the signal kinds the condition asks for (all/any), for the reasons
    kinds: tuple[str, ...] = ()
    #: signal kinds one of which the condition needs (``None``: none needed)
    needs: frozenset[str] | None = None


@dataclass(frozen=True)
class Weighing:
    """How an open norm's factor score maps to a level (thresholds ascending)."""

    rule: str
    cite: tuple[str, ...]
    thresholds: tuple[tuple[Level, int], ...]
    max_level: Level
    summary: Texts
    nothing: Texts


#: The ``version`` of a base file: what the dated versions of a jurisdiction share. A base
#: has no ``effective_from`` and is never applied by itself, only through the versions
#: that ``extends`` it.
BASE_VERSION = "base"
TOP_LEVEL_KEYS = frozenset(
    {
        "jurisdiction", "version", "effective_from", "extends", "remove_rules", "language",
        "title", "citations", "precedents", "weighing", "texts", "default", "rules",
    }
)  # fmt: skip


def fail(path: str, where: str, problem: str) -> RulebookError:
    """The error for ``problem`` at ``where`` in the file ``path`` (empty parts left out)."""
    parts = [p for p in (path, where, problem) if p]
    return RulebookError(": ".join(parts))


def _texts(path: str, where: str, value: Any) -> Texts:
    if not isinstance(value, Mapping) or not all(
        isinstance(text, str) and text.strip()
        for text in (value.get("nl"), value.get("en"))
    ):
        raise fail(path, where, "expected a mapping with non-empty 'nl' and 'en' texts")
    return Texts(nl=value["nl"].strip(), en=value["en"].strip())


def _optional_texts(
    path: str, where: str, value: Any, *, required: bool = False
) -> Texts | None:
    """``None`` for a text that is not given and not ``required``; else :func:`_texts`."""
    if value is None and not required:
        return None
    return _texts(path, where, value)


def _date(path: str, where: str, value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise fail(path, where, f"expected a date YYYY-MM-DD, got {value!r}") from None


def _str_list(path: str, where: str, value: Any) -> tuple[str, ...]:
    return str_list(value, lambda problem: fail(path, where, problem))


def _rule(path: str, raw: Any, index: int, *, default: bool = False) -> Rule:
    if not isinstance(raw, Mapping):
        raise fail(path, f"rules[{index}]", "expected a mapping")
    rid = raw.get("id")
    if not isinstance(rid, str) or not rid.strip():
        raise fail(path, f"rules[{index}]", "field 'id': expected a non-empty string")
    where = f"rule {rid!r}"
    known = {
        "id", "kind", "when", "explanation", "cite", "level", "weight", "role", "label",
        "clearance_required", "would_change", "precedents",
    }  # fmt: skip
    for key in raw:
        if key not in known:
            raise fail(path, f"{where}: field {key!r}", "unknown field")
    kind = raw.get("kind", "line")
    if kind not in RULE_KINDS:
        raise fail(
            path, f"{where}: field 'kind'", f"expected one of {', '.join(RULE_KINDS)}"
        )
    try:
        validate_condition("when", raw.get("when"))
    except ConditionError as exc:
        raise fail(path, f"{where}: field {exc}", "") from None
    level = Level.OK
    if kind == "line" and not default:
        try:
            level = Level.parse(str(raw.get("level")))
        except KeyError:
            raise fail(
                path,
                f"{where}: field 'level'",
                "expected ok, caution, high_risk or prohibited",
            ) from None
    weight: int = 0
    role: str | None = None
    if kind == "factor":
        given, role = raw.get("weight"), raw.get("role")
        if not isinstance(given, int) or isinstance(given, bool):
            raise fail(path, f"{where}: field 'weight'", "expected an integer")
        weight = given
        if role not in FACTOR_ROLES:
            raise fail(
                path,
                f"{where}: field 'role'",
                f"expected one of {', '.join(FACTOR_ROLES)}",
            )
    clearance = raw.get("clearance_required", False)
    if not isinstance(clearance, bool):
        raise fail(
            path, f"{where}: field 'clearance_required'", "expected true or false"
        )
    cite = _str_list(path, f"{where}: field 'cite'", raw.get("cite"))
    if not cite:
        raise fail(path, f"{where}: field 'cite'", "expected at least one citation key")
    return Rule(
        id=rid,
        kind=kind,
        when=raw.get("when") or {},
        explanation=_texts(
            path, f"{where}: field 'explanation'", raw.get("explanation")
        ),
        cite=cite,
        level=level,
        weight=weight,
        role=role,
        label=_optional_texts(
            path, f"{where}: field 'label'", raw.get("label"), required=kind == "factor"
        ),
        clearance_required=clearance,
        would_change=_optional_texts(
            path, f"{where}: field 'would_change'", raw.get("would_change")
        ),
        precedents=_str_list(
            path, f"{where}: field 'precedents'", raw.get("precedents")
        ),
        source=path,
        test=compile_condition(raw.get("when")),
        kinds=referenced_kinds(raw.get("when")),
        needs=needed_kinds(raw.get("when")),
    )


def read_file(path: Path | str) -> dict[str, Any]:
    """Read and structurally validate one rulebook file (before ``extends`` is resolved).

    Returns:
        the raw mapping with ``rules`` replaced by :class:`Rule` objects;
        ``effective_from`` is ``None`` for a base (:data:`BASE_VERSION`).
    Raises:
        RulebookError: the file cannot be read or is malformed.
    """
    import yaml

    name = str(path)
    try:
        raw = yaml.safe_load(Path(path).read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise fail(name, "", f"cannot be read as YAML ({exc})") from None
    if not isinstance(raw, Mapping):
        raise fail(name, "", "expected a mapping at the top level")
    is_base = str(raw.get("version")) == BASE_VERSION
    for key in ("jurisdiction", "version", "effective_from"):
        if key not in raw and not (is_base and key == "effective_from"):
            raise fail(name, f"field {key!r}", "missing")
    for key in raw:
        if key not in TOP_LEVEL_KEYS:
            raise fail(name, f"field {key!r}", "unknown field")
        if is_base and key in ("effective_from", "extends", "remove_rules"):
            raise fail(
                name, f"field {key!r}", "not in a base (it applies only as extended)"
            )
    if raw["jurisdiction"] not in JURISDICTIONS:
        raise fail(
            name, "field 'jurisdiction'", f"expected one of {', '.join(JURISDICTIONS)}"
        )
    out = dict(raw)
    out["version"] = str(raw["version"])
    out["effective_from"] = (
        None
        if is_base
        else _date(name, "field 'effective_from'", raw["effective_from"])
    )
    rules = raw.get("rules") or []
    if not isinstance(rules, list):
        raise fail(name, "field 'rules'", "expected a list")
    out["rules"] = [_rule(name, r, i) for i, r in enumerate(rules)]
    seen: set[str] = set()
    for r in out["rules"]:
        if r.id in seen:
            raise fail(name, f"rule {r.id!r}", "duplicate id")
        seen.add(r.id)
    if raw.get("default") is not None:
        out["default"] = _rule(
            name, {"kind": "allow", **raw["default"]}, -1, default=True
        )
    out["citations"] = {
        k: _citation(name, k, v) for k, v in (raw.get("citations") or {}).items()
    }
    out["precedents"] = {
        p.id: p
        for p in (
            _precedent(name, i, v, str(raw.get("language", "en")))
            for i, v in enumerate(raw.get("precedents") or [])
        )
    }
    out["texts"] = {
        k: _texts(name, f"texts.{k}", v) for k, v in (raw.get("texts") or {}).items()
    }
    out["path"] = name
    return out


def _citation(path: str, key: str, value: Any) -> Citation:
    if isinstance(value, str):
        return Citation(value)
    if isinstance(value, Mapping) and isinstance(value.get("text"), str):
        return Citation(value["text"], value.get("url"))
    raise fail(path, f"citation {key!r}", "expected a string or {text, url}")


def _precedent(path: str, index: int, value: Any, language: str) -> Precedent:
    if not isinstance(value, Mapping):
        raise fail(path, f"precedents[{index}]", "expected a mapping")
    for key in ("id", "citation"):
        if not isinstance(value.get(key), str):
            raise fail(
                path,
                f"precedent {value.get('id', index)!r}: field {key!r}",
                "expected a string",
            )
    where = f"precedent {value['id']!r}"
    texts: dict[str, tuple[str, Texts | None]] = {}
    for key in ("title", "outcome"):
        raw = value.get(key)
        if isinstance(raw, str):
            texts[key] = (raw, None)
        else:
            both = _texts(path, f"{where}: field {key!r}", raw)
            texts[key] = (both.get(language), both)
    date = value.get("date")
    return Precedent(
        id=value["id"],
        title=texts["title"][0],
        titles=texts["title"][1],
        outcomes=texts["outcome"][1],
        date=None
        if date is None
        else _date(path, f"precedent {value['id']!r}: field 'date'", date),
        outcome=texts["outcome"][0],
        citation=value["citation"],
    )


def parse_weighing(path: str, raw: Any) -> Weighing | None:
    """The ``weighing`` of a resolved rulebook (``None`` when it has none).

    Raises:
        RulebookError: a threshold or ``max_level`` that is not a level, or a score that
            is not an integer.
    """
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise fail(path, "field 'weighing'", "expected a mapping")
    thresholds = raw.get("thresholds")
    if not isinstance(thresholds, Mapping) or not thresholds:
        raise fail(
            path,
            "field 'weighing.thresholds'",
            "expected a mapping level -> minimum score",
        )
    parsed = []
    for name, score in thresholds.items():
        try:
            level = Level.parse(str(name))
        except KeyError:
            raise fail(
                path, f"field 'weighing.thresholds.{name}'", "unknown level"
            ) from None
        if not isinstance(score, int) or isinstance(score, bool):
            raise fail(
                path, f"field 'weighing.thresholds.{name}'", "expected an integer"
            )
        parsed.append((level, score))
    try:
        max_level = Level.parse(str(raw.get("max_level", "high_risk")))
    except KeyError:
        raise fail(path, "field 'weighing.max_level'", "unknown level") from None
    return Weighing(
        rule=str(raw.get("rule", "norm")),
        cite=_str_list(path, "field 'weighing.cite'", raw.get("cite")),
        thresholds=tuple(sorted(parsed, key=lambda p: p[1])),
        max_level=max_level,
        summary=_texts(path, "field 'weighing.summary'", raw.get("summary")),
        nothing=_texts(path, "field 'weighing.nothing'", raw.get("nothing")),
    )
