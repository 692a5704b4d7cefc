"""Rulebooks as data: ``rulebooks/data/<jurisdiction>/<version>.yaml``.

Each file holds one version of one jurisdiction's rules: ``effective_from`` (the first day it
applies), the citations and precedents it refers to, and the rules. A version may
``extends`` an earlier one of the same jurisdiction: it inherits the rules, citations,
precedents and texts and overrides those it redefines (by id or key). The loader validates
everything when it reads a file, so a malformed file or an unknown signal kind fails loudly,
naming the file, the rule and the field.

A rule has an ``id``, a ``kind`` and a condition ``when``:

- ``line``: a bright-line rule; when it holds the verdict is at least its ``level``;
- ``factor``: a weighing factor of an open norm (the Dutch one); it adds ``weight`` to the
  score. Its ``role`` is ``substance`` (what is expressed), ``aggravating`` or
  ``mitigating`` (how, by whom, when); the latter two count only when some substance does.
  The rulebook's ``weighing`` maps the score to a level, at most ``max_level``;
- ``allow``: a rule that explains why something is allowed (level ``ok``).

Conditions: ``actor``/``context``/``action`` map fields to a value, a list of values, or
``{contains: [...]}`` / ``{present: bool}``; ``signals`` has ``all``/``any``/``none`` lists of
signal kinds and ``from`` (``own`` text, ``target``, ``situation`` or ``any``); ``any_of``,
``all_of`` and ``not`` combine conditions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .conditions import (
    ConditionError,
    Facts,
    Test,
    compile_condition,
    fact_getter,
    needed_kinds,
    referenced_fields,
    referenced_kinds,
    validate_condition,
)
from .types import (
    JURISDICTIONS,
    Citation,
    Level,
    Precedent,
    Texts,
)

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
    #: the condition compiled (:func:`~.conditions.compile_condition`), set by the loader
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


@dataclass(frozen=True)
class Rulebook:
    """One version of one jurisdiction's rules."""

    jurisdiction: str
    version: str
    effective_from: dt.date
    language: str
    title: str
    path: str
    citations: Mapping[str, Citation]
    precedents: Mapping[str, Precedent]
    rules: tuple[Rule, ...]
    default: Rule
    weighing: Weighing | None
    texts: Mapping[str, Texts]
    #: what the evaluator worked out for given facts, kept with the book it belongs to
    #: (see ``evaluator.evaluate``); not part of the rulebook's value
    memo: dict[Any, Any] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    #: the values of every fact a rule of this book reads (``Facts`` -> tuple)
    fact_values: Callable[[Facts], tuple[Any, ...]] = field(
        init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        fields = (f for r in self.rules for f in referenced_fields(r.when))
        object.__setattr__(self, "fact_values", fact_getter(dict.fromkeys(fields)))

    def cite(self, keys: tuple[str, ...]) -> str:
        """The citation text for ``keys``, joined with ``"; "`` (duplicates dropped)."""
        return "; ".join(dict.fromkeys(self.citations[k].text for k in keys))


DATA_ROOT = "data"
TOP_LEVEL_KEYS = frozenset(
    {
        "jurisdiction", "version", "effective_from", "extends", "remove_rules", "language",
        "title", "citations", "precedents", "weighing", "texts", "default", "rules",
    }
)  # fmt: skip


def _fail(path: str, where: str, problem: str) -> RulebookError:
    parts = [p for p in (path, where, problem) if p]
    return RulebookError(": ".join(parts))


def _texts(path: str, where: str, value: Any, *, required: bool = True) -> Texts | None:
    if value is None and not required:
        return None
    if not isinstance(value, Mapping) or not all(
        isinstance(value.get(k), str) and value.get(k).strip() for k in ("nl", "en")
    ):
        raise _fail(
            path, where, "expected a mapping with non-empty 'nl' and 'en' texts"
        )
    return Texts(nl=value["nl"].strip(), en=value["en"].strip())


def _date(path: str, where: str, value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise _fail(path, where, f"expected a date YYYY-MM-DD, got {value!r}") from None


def _str_list(path: str, where: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, where, f"expected a list of strings, got {value!r}")
    return tuple(value)


def _rule(path: str, raw: Any, index: int, *, default: bool = False) -> Rule:
    if not isinstance(raw, Mapping):
        raise _fail(path, f"rules[{index}]", "expected a mapping")
    rid = raw.get("id")
    if not isinstance(rid, str) or not rid.strip():
        raise _fail(path, f"rules[{index}]", "field 'id': expected a non-empty string")
    where = f"rule {rid!r}"
    known = {
        "id", "kind", "when", "explanation", "cite", "level", "weight", "role", "label",
        "clearance_required", "would_change", "precedents",
    }  # fmt: skip
    for key in raw:
        if key not in known:
            raise _fail(path, f"{where}: field {key!r}", "unknown field")
    kind = raw.get("kind", "line")
    if kind not in RULE_KINDS:
        raise _fail(
            path, f"{where}: field 'kind'", f"expected one of {', '.join(RULE_KINDS)}"
        )
    try:
        validate_condition("when", raw.get("when"))
    except ConditionError as exc:
        raise _fail(path, f"{where}: field {exc}", "") from None
    level = Level.OK
    if kind == "line" and not default:
        try:
            level = Level.parse(str(raw.get("level")))
        except KeyError:
            raise _fail(
                path,
                f"{where}: field 'level'",
                "expected ok, caution, high_risk or prohibited",
            ) from None
    weight, role = 0, None
    if kind == "factor":
        weight, role = raw.get("weight"), raw.get("role")
        if not isinstance(weight, int) or isinstance(weight, bool):
            raise _fail(path, f"{where}: field 'weight'", "expected an integer")
        if role not in FACTOR_ROLES:
            raise _fail(
                path,
                f"{where}: field 'role'",
                f"expected one of {', '.join(FACTOR_ROLES)}",
            )
    clearance = raw.get("clearance_required", False)
    if not isinstance(clearance, bool):
        raise _fail(
            path, f"{where}: field 'clearance_required'", "expected true or false"
        )
    cite = _str_list(path, f"{where}: field 'cite'", raw.get("cite"))
    if not cite:
        raise _fail(
            path, f"{where}: field 'cite'", "expected at least one citation key"
        )
    return Rule(
        id=rid,
        kind=kind,
        when=raw.get("when") or {},
        explanation=_texts(
            path, f"{where}: field 'explanation'", raw.get("explanation")
        ),  # type: ignore[arg-type]
        cite=cite,
        level=level,
        weight=weight,
        role=role,
        label=_texts(
            path, f"{where}: field 'label'", raw.get("label"), required=kind == "factor"
        ),
        clearance_required=clearance,
        would_change=_texts(
            path,
            f"{where}: field 'would_change'",
            raw.get("would_change"),
            required=False,
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
        the raw mapping with ``rules`` replaced by :class:`Rule` objects.
    Raises:
        RulebookError: the file cannot be read or is malformed.
    """
    import yaml

    name = str(path)
    try:
        raw = yaml.safe_load(Path(path).read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise _fail(name, "", f"cannot be read as YAML ({exc})") from None
    if not isinstance(raw, Mapping):
        raise _fail(name, "", "expected a mapping at the top level")
    for key in ("jurisdiction", "version", "effective_from"):
        if key not in raw:
            raise _fail(name, f"field {key!r}", "missing")
    for key in raw:
        if key not in TOP_LEVEL_KEYS:
            raise _fail(name, f"field {key!r}", "unknown field")
    if raw["jurisdiction"] not in JURISDICTIONS:
        raise _fail(
            name, "field 'jurisdiction'", f"expected one of {', '.join(JURISDICTIONS)}"
        )
    out = dict(raw)
    out["version"] = str(raw["version"])
    out["effective_from"] = _date(name, "field 'effective_from'", raw["effective_from"])
    rules = raw.get("rules") or []
    if not isinstance(rules, list):
        raise _fail(name, "field 'rules'", "expected a list")
    out["rules"] = [_rule(name, r, i) for i, r in enumerate(rules)]
    seen: set[str] = set()
    for r in out["rules"]:
        if r.id in seen:
            raise _fail(name, f"rule {r.id!r}", "duplicate id")
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
    raise _fail(path, f"citation {key!r}", "expected a string or {text, url}")


def _precedent(path: str, index: int, value: Any, language: str) -> Precedent:
    if not isinstance(value, Mapping):
        raise _fail(path, f"precedents[{index}]", "expected a mapping")
    for key in ("id", "citation"):
        if not isinstance(value.get(key), str):
            raise _fail(
                path,
                f"precedent {value.get('id', index)!r}: field {key!r}",
                "expected a string",
            )
    where = f"precedent {value['id']!r}"
    texts = {}
    for key in ("title", "outcome"):
        raw = value.get(key)
        if isinstance(raw, str):
            texts[key] = (raw, None)
        else:
            both = _texts(path, f"{where}: field {key!r}", raw)
            assert both is not None  # noqa: S101 - required
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


def _weighing(path: str, raw: Any) -> Weighing | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise _fail(path, "field 'weighing'", "expected a mapping")
    thresholds = raw.get("thresholds")
    if not isinstance(thresholds, Mapping) or not thresholds:
        raise _fail(
            path,
            "field 'weighing.thresholds'",
            "expected a mapping level -> minimum score",
        )
    parsed = []
    for name, score in thresholds.items():
        try:
            level = Level.parse(str(name))
        except KeyError:
            raise _fail(
                path, f"field 'weighing.thresholds.{name}'", "unknown level"
            ) from None
        if not isinstance(score, int) or isinstance(score, bool):
            raise _fail(
                path, f"field 'weighing.thresholds.{name}'", "expected an integer"
            )
        parsed.append((level, score))
    try:
        max_level = Level.parse(str(raw.get("max_level", "high_risk")))
    except KeyError:
        raise _fail(path, "field 'weighing.max_level'", "unknown level") from None
    return Weighing(
        rule=str(raw.get("rule", "norm")),
        cite=_str_list(path, "field 'weighing.cite'", raw.get("cite")),
        thresholds=tuple(sorted(parsed, key=lambda p: p[1])),
        max_level=max_level,
        summary=_texts(path, "field 'weighing.summary'", raw.get("summary")),  # type: ignore[arg-type]
        nothing=_texts(path, "field 'weighing.nothing'", raw.get("nothing")),  # type: ignore[arg-type]
    )


def _merge(base: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    rules = {r.id: r for r in base["rules"]}
    for rule_id in child.get("remove_rules") or ():
        rules.pop(rule_id, None)
    for rule in child["rules"]:
        rules[rule.id] = rule
    merged = {**base, **{k: v for k, v in child.items() if v is not None}}
    merged["rules"] = list(rules.values())
    for key in ("citations", "precedents", "texts"):
        merged[key] = {**base.get(key, {}), **child.get(key, {})}
    return merged


def _known(
    path: str, where: str, keys: tuple[str, ...], known: Mapping[str, Any], what: str
) -> None:
    """Fail on the first of ``keys`` that the rulebook does not define."""
    for key in keys:
        if key not in known:
            raise _fail(path, where, f"unknown {what} {key!r}")


def _build(raw: dict[str, Any]) -> Rulebook:
    path = raw["path"]
    rules = tuple(raw["rules"])
    default = raw.get("default")
    if default is None:
        raise _fail(
            path, "field 'default'", "missing (the reason given when no rule applies)"
        )
    citations, precedents = raw["citations"], raw["precedents"]
    for rule in (*rules, default):
        where = f"rule {rule.id!r}: field"
        _known(rule.source, f"{where} 'cite'", rule.cite, citations, "citation key")
        _known(
            rule.source,
            f"{where} 'precedents'",
            rule.precedents,
            precedents,
            "precedent",
        )
    weighing = _weighing(path, raw.get("weighing"))
    if weighing is None and any(r.kind == "factor" for r in rules):
        raise _fail(
            path, "field 'weighing'", "missing, but the rulebook has factor rules"
        )
    if weighing is not None:
        _known(path, "field 'weighing.cite'", weighing.cite, citations, "citation key")
    language = raw.get("language", "en")
    if language not in ("nl", "en"):
        raise _fail(path, "field 'language'", "expected nl or en")
    return Rulebook(
        jurisdiction=raw["jurisdiction"],
        version=raw["version"],
        effective_from=raw["effective_from"],
        language=language,
        title=str(raw.get("title", "")),
        path=path,
        citations=raw["citations"],
        precedents=raw["precedents"],
        rules=rules,
        default=default,
        weighing=weighing,
        texts=raw["texts"],
    )


def load_rulebooks(root: Path | str | None = None) -> dict[str, tuple[Rulebook, ...]]:
    """Every rulebook under ``root`` (default: the package's ``data/``), per jurisdiction.

    Args:
        root: a folder holding ``<jurisdiction>/<version>.yaml`` files.
    Returns:
        ``{"NL": (oldest, ..., newest), ...}`` sorted by ``effective_from``.
    Raises:
        RulebookError: a file is malformed, extends an unknown version, or refers to an
            unknown citation, precedent or signal kind.
    """
    if root is None:
        return _packaged()
    raws: dict[tuple[str, str], dict[str, Any]] = {}
    for path in sorted(Path(root).glob("*/*.yaml")):
        raw = read_file(path)
        if raw["jurisdiction"].lower() != path.parent.name.lower():
            raise _fail(
                str(path),
                "field 'jurisdiction'",
                f"does not match the folder {path.parent.name!r}",
            )
        raws[(raw["jurisdiction"], raw["version"])] = raw
    books: dict[str, list[Rulebook]] = {}
    for (jur, _version), raw in raws.items():
        resolved = _resolve(raws, raw, jur)
        books.setdefault(jur, []).append(_build(resolved))
    return {
        j: tuple(sorted(bs, key=lambda b: b.effective_from)) for j, bs in books.items()
    }


def _resolve(
    raws: dict[tuple[str, str], dict[str, Any]], raw: dict[str, Any], jur: str
) -> dict[str, Any]:
    parent = raw.get("extends")
    if parent is None:
        return raw
    base = raws.get((jur, str(parent)))
    if base is None:
        raise _fail(
            raw["path"], "field 'extends'", f"unknown version {parent!r} of {jur}"
        )
    if base["effective_from"] >= raw["effective_from"]:
        raise _fail(raw["path"], "field 'extends'", "must name an earlier version")
    return _merge(_resolve(raws, base, jur), raw)


@cache
def _packaged() -> dict[str, tuple[Rulebook, ...]]:
    root = resources.files("zorgvuldig.rulebooks").joinpath(DATA_ROOT)
    return load_rulebooks(Path(str(root)))


def rulebook_for(
    jurisdiction: str,
    on: dt.date,
    books: Mapping[str, tuple[Rulebook, ...]] | None = None,
) -> tuple[Rulebook, str | None]:
    """The version of ``jurisdiction``'s rules in force on ``on``.

    Returns:
        ``(rulebook, note)``; ``note`` is ``None`` normally, and says so when ``on`` is
        before the earliest encoded version (which is then applied).
    Raises:
        KeyError: no rulebook for this jurisdiction.
    """
    if books is None:
        return _packaged_for(jurisdiction, on)
    return _in_force(books[jurisdiction], jurisdiction, on)


@lru_cache(maxsize=4096)
def _packaged_for(jurisdiction: str, on: dt.date) -> tuple[Rulebook, str | None]:
    return _in_force(load_rulebooks()[jurisdiction], jurisdiction, on)


def _in_force(
    versions: tuple[Rulebook, ...], jurisdiction: str, on: dt.date
) -> tuple[Rulebook, str | None]:
    in_force = [b for b in versions if b.effective_from <= on]
    if in_force:
        return in_force[-1], None
    first = versions[0]
    return first, (
        f"{on.isoformat()} is before the earliest encoded {jurisdiction} rules "
        f"({first.effective_from.isoformat()}); those are applied."
    )
