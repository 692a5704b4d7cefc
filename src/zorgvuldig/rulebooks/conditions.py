"""Conditions of rulebook rules: validating them at load time and matching them to facts.

A condition (the ``when`` of a rule) is a mapping; every key must hold:

- ``actor``, ``context``, ``action``: field -> expected value. A bool field takes
  ``true``/``false``; an enumerated field a value or a list of values (``null`` matches a
  missing value); a text field a list of values (compared case-insensitively),
  ``{contains: [...]}`` or ``{present: true|false}``. ``action`` knows ``type``,
  ``target_kind`` and ``since``.
- ``signals``: ``all`` (every kind present), ``any`` (at least one), ``none`` (none of
  them), among the signals ``from`` the actor's ``own`` text, the ``target``, the
  ``situation`` (actor/context) or ``any`` (the default).
- ``any_of``, ``all_of``: lists of conditions; ``not``: a condition.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from zorgvuldig.signals.types import SIGNAL_KINDS, Signal

from .types import (
    ACCOUNTS,
    ACTION_TYPES,
    HATCH_CATEGORIES,
    NL_LEVELS,
    POLITICAL_CATEGORIES,
    TARGET_KINDS,
    Action,
    Actor,
    Context,
)

SIGNAL_ORIGINS = ("own", "target", "situation", "any")

#: Condition fields: (section, field) -> ("enum", allowed) | ("bool",) | ("text",).
FIELDS: dict[str, dict[str, tuple[Any, ...]]] = {
    "actor": {
        "level": ("enum", NL_LEVELS),
        "spokesperson": ("bool",),
        "hatch_category": ("enum", HATCH_CATEGORIES),
        "political_category": ("enum", POLITICAL_CATEGORIES),
        "account": ("enum", ACCOUNTS),
        "profile_picture_partisan": ("bool",),
        "cover_photo_partisan": ("bool",),
        "organisation": ("text",),
        "function": ("text",),
        "posted_in": ("text",),
    },
    "context": {
        "on_duty": ("bool",),
        "in_workplace": ("bool",),
        "election_period": ("bool",),
        "official_travel": ("text",),
    },
    "action": {
        "type": ("enum", ACTION_TYPES),
        "target_kind": ("enum", TARGET_KINDS),
        "since": ("text",),
    },
}


class ConditionError(ValueError):
    """A malformed condition; the message starts with the field it concerns."""


def _fail(field: str, problem: str) -> ConditionError:
    return ConditionError(f"{field}: {problem}")


def _str_list(field: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(field, f"expected a list of strings, got {value!r}")
    return tuple(value)


def validate_condition(where: str, cond: Any) -> None:
    """Check one ``when`` condition tree.

    Raises:
        ConditionError: naming the field (``where`` + path inside the tree) and the problem.
    """
    if cond is None:
        return
    if not isinstance(cond, Mapping):
        raise _fail(where, f"expected a mapping of conditions, got {cond!r}")
    for key, value in cond.items():
        field = f"{where}.{key}"
        if key in ("any_of", "all_of"):
            if not isinstance(value, list) or not value:
                raise _fail(field, "expected a non-empty list of conditions")
            for i, sub in enumerate(value):
                validate_condition(f"{field}[{i}]", sub)
        elif key == "not":
            validate_condition(field, value)
        elif key == "signals":
            _validate_signals(field, value)
        elif key in FIELDS:
            if not isinstance(value, Mapping):
                raise _fail(field, "expected a mapping of fields")
            for name, expected in value.items():
                _validate_field(f"{field}.{name}", key, name, expected)
        else:
            raise _fail(
                field,
                "unknown condition (expected actor, context, action, signals, any_of, all_of, not)",
            )


def _validate_signals(field: str, value: Any) -> None:
    if not isinstance(value, Mapping):
        raise _fail(field, "expected a mapping with all/any/none/from")
    for key, kinds in value.items():
        if key == "from":
            if kinds not in SIGNAL_ORIGINS:
                raise _fail(
                    f"{field}.from", f"expected one of {', '.join(SIGNAL_ORIGINS)}"
                )
            continue
        if key not in ("all", "any", "none"):
            raise _fail(f"{field}.{key}", "unknown key (expected all, any, none, from)")
        for kind in _str_list(f"{field}.{key}", kinds):
            if kind not in SIGNAL_KINDS:
                raise _fail(
                    f"{field}.{key}",
                    f"unknown signal kind {kind!r} (known: {', '.join(sorted(SIGNAL_KINDS))})",
                )


def _validate_field(field: str, section: str, name: str, expected: Any) -> None:
    spec = FIELDS[section].get(name)
    if spec is None:
        raise _fail(
            field, f"unknown {section} field (known: {', '.join(FIELDS[section])})"
        )
    if spec[0] == "bool":
        if not isinstance(expected, bool):
            raise _fail(field, f"expected true or false, got {expected!r}")
    elif spec[0] == "enum":
        values = expected if isinstance(expected, list) else [expected]
        bad = [v for v in values if v is not None and v not in spec[1]]
        if bad:
            raise _fail(
                field,
                f"unknown value {bad[0]!r} (expected one of {', '.join(spec[1])})",
            )
    elif isinstance(expected, Mapping):
        if set(expected) - {"contains", "present"} or len(expected) != 1:
            raise _fail(field, "expected {contains: [...]} or {present: true|false}")
        if "present" in expected and not isinstance(expected["present"], bool):
            raise _fail(field, "present: expected true or false")
        if "contains" in expected:
            _str_list(f"{field}.contains", expected["contains"])
    else:
        _str_list(field, expected)


@dataclass(frozen=True)
class Facts:
    """What a condition is matched against: the situation and the signals that count."""

    actor: Actor
    context: Context
    action: Action
    signals: tuple[Signal, ...]

    def kinds(self, origin: str = "any") -> frozenset[str]:
        """Signal kinds present among the signals from ``origin`` (see SIGNAL_ORIGINS)."""
        return frozenset(
            s.kind for s in self.signals if _origin_matches(s.where, origin)
        )

    def value(self, section: str, name: str) -> Any:
        """The fact ``section.name`` (``action.target_kind``, ``action.since`` included)."""
        if section == "actor":
            return getattr(self.actor, name)
        if section == "context":
            return getattr(self.context, name)
        if name == "target_kind":
            return self.action.target.kind if self.action.target else None
        if name == "since":
            return self.action.since.isoformat() if self.action.since else None
        return getattr(self.action, name)


def _origin_matches(where: str, origin: str) -> bool:
    if origin == "any":
        return True
    if origin == "own":
        return where == "text"
    if origin == "target":
        return where.startswith("target")
    return where in ("actor", "context")


def matches(cond: Mapping[str, Any] | None, facts: Facts) -> bool:
    """Whether ``facts`` satisfy the (validated) condition ``cond``; empty means always."""
    if not cond:
        return True
    for key, value in cond.items():
        if key == "any_of":
            ok = any(matches(sub, facts) for sub in value)
        elif key == "all_of":
            ok = all(matches(sub, facts) for sub in value)
        elif key == "not":
            ok = not matches(value, facts)
        elif key == "signals":
            ok = _signals_match(value, facts)
        else:
            ok = all(
                _field_matches(key, name, exp, facts) for name, exp in value.items()
            )
        if not ok:
            return False
    return True


def _signals_match(spec: Mapping[str, Any], facts: Facts) -> bool:
    present = facts.kinds(spec.get("from", "any"))
    wanted_all = set(_str_list("all", spec.get("all")))
    wanted_any = set(_str_list("any", spec.get("any")))
    unwanted = set(_str_list("none", spec.get("none")))
    return (
        wanted_all <= present
        and (not wanted_any or bool(wanted_any & present))
        and not (unwanted & present)
    )


def _field_matches(section: str, name: str, expected: Any, facts: Facts) -> bool:
    actual = facts.value(section, name)
    kind = FIELDS[section][name][0]
    if kind == "bool":
        return bool(actual) is expected
    if kind == "enum":
        values = expected if isinstance(expected, list) else [expected]
        return actual in values
    text = "" if actual is None else str(actual).casefold()
    if isinstance(expected, Mapping):
        if "present" in expected:
            return bool(text.strip()) is expected["present"]
        return any(
            part.casefold() in text for part in _str_list(name, expected["contains"])
        )
    return text in {v.casefold() for v in _str_list(name, expected)}


def referenced_kinds(cond: Mapping[str, Any] | None) -> tuple[str, ...]:
    """Signal kinds named in ``all``/``any`` anywhere in ``cond`` (not under ``not``/``none``)."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if not isinstance(node, Mapping):
            return
        for key, value in node.items():
            if key == "signals":
                found.extend(
                    _str_list(key, value.get("all")) + _str_list(key, value.get("any"))
                )
            elif key in ("any_of", "all_of"):
                for sub in value:
                    walk(sub)

    walk(cond)
    return tuple(dict.fromkeys(found))


def kinds_in(signals: Iterable[Signal]) -> tuple[str, ...]:
    """The distinct kinds of ``signals`` in order of first appearance."""
    return tuple(dict.fromkeys(s.kind for s in signals))
