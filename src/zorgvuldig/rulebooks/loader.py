"""Loading the rulebooks: every file under ``data/``, each version's ``extends`` resolved.

The file format and its validation are in :mod:`~zorgvuldig.rulebooks.schema`. Here the
files of a folder are read (:func:`load_rulebooks`, the package's own ``data/`` read once
and cached), a version that ``extends`` an earlier one or the jurisdiction's base inherits
its rules, citations, precedents and texts, the citation and precedent keys each rule names
are checked against the resolved version, and :func:`rulebook_for` picks the version in
force on a day. A base is never a version of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .rule_conditions import Facts, fact_getter, referenced_fields
from .schema import Rule, Weighing, fail, parse_weighing, read_file
from .types import Citation, Precedent, Texts


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
    #: the ``(section, field)`` facts each rule reads, in the order of ``rules`` (which
    #: of the employee's answers a rule turns on: :mod:`~zorgvuldig.rulebooks.questions`)
    rule_fields: tuple[tuple[tuple[str, str], ...], ...] = field(
        init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        per_rule = tuple(referenced_fields(r.when) for r in self.rules)
        object.__setattr__(self, "rule_fields", per_rule)
        fields = (f for read in per_rule for f in read)
        object.__setattr__(self, "fact_values", fact_getter(dict.fromkeys(fields)))

    def cite(self, keys: tuple[str, ...]) -> str:
        """The citation text for ``keys``, joined with ``"; "`` (duplicates dropped)."""
        return "; ".join(dict.fromkeys(self.citations[k].text for k in keys))


DATA_ROOT = "data"


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
            raise fail(path, where, f"unknown {what} {key!r}")


def _build(raw: dict[str, Any]) -> Rulebook:
    path = raw["path"]
    rules = tuple(raw["rules"])
    default = raw.get("default")
    if default is None:
        raise fail(
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
    weighing = parse_weighing(path, raw.get("weighing"))
    if weighing is None and any(r.kind == "factor" for r in rules):
        raise fail(
            path, "field 'weighing'", "missing, but the rulebook has factor rules"
        )
    if weighing is not None:
        _known(path, "field 'weighing.cite'", weighing.cite, citations, "citation key")
    language = raw.get("language", "en")
    if language not in ("nl", "en"):
        raise fail(path, "field 'language'", "expected nl or en")
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
        ``{"NL": (oldest, ..., newest), ...}`` sorted by ``effective_from``; a base
        (``version: base``) is not among them.
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
            raise fail(
                str(path),
                "field 'jurisdiction'",
                f"does not match the folder {path.parent.name!r}",
            )
        raws[(raw["jurisdiction"], raw["version"])] = raw
    books: dict[str, list[Rulebook]] = {}
    for (jur, _version), raw in raws.items():
        if raw["effective_from"] is None:  # a base: applied only through its versions
            continue
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
        raise fail(
            raw["path"], "field 'extends'", f"unknown version {parent!r} of {jur}"
        )
    if base["effective_from"] is not None and (
        base["effective_from"] >= raw["effective_from"]
    ):
        raise fail(raw["path"], "field 'extends'", "must name an earlier version")
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
