"""Conditions of rulebook rules: validating them at load time and matching them to facts.

A condition (the ``when`` of a rule) is a mapping; every key must hold:

- ``actor``, ``context``, ``action``: field -> expected value. A bool field takes
  ``true``/``false``; an enumerated field a value or a list of values (``null`` matches a
  missing value); a set field (``context.addressees``) a value or a list of values, any of
  which the set holds; a text field a list of values (compared case-insensitively),
  ``{contains: [...]}`` or ``{present: true|false}``. ``action`` knows ``type``,
  ``target_kind`` and ``since``. The fields the employee tells the check (``supervises``,
  ``own_area`` …, shared/cases/README.md) are bool or enumerated; an unanswered one is
  ``None``, so ``true`` never matches it and ``false`` matches "no" and "not answered"
  alike.
- ``signals``: ``all`` (every kind present), ``any`` (at least one), ``none`` (none of
  them), among the signals ``from`` the actor's ``own`` text, the ``target`` (its name and
  content), the ``target_name`` alone (who the page, account or post is of: "a
  candidate's campaign page"), the ``situation`` (actor/context) or ``any`` (the
  default).
- ``any_of``, ``all_of``: lists of conditions; ``not``: a condition.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from operator import attrgetter
from typing import Any

from zorgvuldig.signals.types import SIGNAL_KINDS, Signal

from .types import (
    ACCOUNT_SHOWS,
    ACCOUNTS,
    ACTION_TYPES,
    ADDRESSEES,
    EXEMPLARY_FUNCTIONS,
    HATCH_CATEGORIES,
    NL_LEVELS,
    POLITICAL_CATEGORIES,
    TARGET_KINDS,
    WORK_INFORMATION,
    Action,
    Actor,
    Context,
)

SIGNAL_ORIGINS = ("own", "target", "target_name", "situation", "any")

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
        "supervises": ("bool",),
        "exemplary_function": ("enum", EXEMPLARY_FUNCTIONS),
        "account_shows": ("enum", ACCOUNT_SHOWS),
        "earlier_warnings": ("bool",),
    },
    "context": {
        "on_duty": ("bool",),
        "in_workplace": ("bool",),
        "election_period": ("bool",),
        "official_travel": ("text",),
        "own_area": ("bool",),
        "work_information": ("enum", WORK_INFORMATION),
        "addressees": ("set", ADDRESSEES),
        "series": ("bool",),
        "internal_route": ("bool",),
        "reacts_to_political_event": ("bool",),
        "nonpartisan_election": ("bool",),
    },
    "action": {
        "type": ("enum", ACTION_TYPES),
        "target_kind": ("enum", TARGET_KINDS),
        "since": ("text",),
        "invites_giving": ("bool",),
        "links_campaign": ("bool",),
    },
}


class ConditionError(ValueError):
    """A malformed condition; the message starts with the field it concerns."""


def _fail(field: str, problem: str) -> ConditionError:
    return ConditionError(f"{field}: {problem}")


def str_list(value: Any, problem: Callable[[str], Exception]) -> tuple[str, ...]:
    """``value`` (a string, a list of strings or ``None``) as a tuple of strings.

    Raises:
        the exception ``problem`` makes of the message, for any other value.
    """
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise problem(f"expected a list of strings, got {value!r}")
    return tuple(value)


def _str_list(field: str, value: Any) -> tuple[str, ...]:
    return str_list(value, lambda problem: _fail(field, problem))


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
    elif spec[0] in ("enum", "set"):
        values = expected if isinstance(expected, list) else [expected]
        bad = [
            v
            for v in values
            if (v is not None or spec[0] == "set") and v not in spec[1]
        ]
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


class Facts:
    """What a condition is matched against: the situation and the signals that count.

    The signal kinds per origin are worked out once, when the facts are made, because
    every rule of every rulebook asks for them.
    """

    __slots__ = ("action", "actor", "context", "kinds_key", "signals")

    def __init__(
        self,
        actor: Actor,
        context: Context,
        action: Action,
        signals: tuple[Signal, ...],
    ) -> None:
        self.actor = actor
        self.context = context
        self.action = action
        self.signals = signals
        if not signals:  # many checks find nothing: share the empty answer
            self.kinds_key = _NO_KINDS_KEY
            return
        own: set[str] = set()
        target: set[str] = set()
        target_name: set[str] = set()
        situation: set[str] = set()
        for s in signals:
            if s.where == "text":
                own.add(s.kind)
            elif s.where.startswith("target"):
                target.add(s.kind)
                if s.where == "target.name":
                    target_name.add(s.kind)
            elif s.where in ("actor", "context"):
                situation.add(s.kind)
        #: the signal kinds of each of :data:`SIGNAL_ORIGINS`, in that order: all that a
        #: ``signals`` condition depends on
        self.kinds_key = (
            frozenset(own),
            frozenset(target),
            frozenset(target_name),
            frozenset(situation),
            frozenset(map(_KIND, signals)),
        )

    def kinds(self, origin: str = "any") -> frozenset[str]:
        """Signal kinds present among the signals from ``origin`` (see SIGNAL_ORIGINS)."""
        return self.kinds_key[_ORIGIN_INDEX[origin]]

    @property
    def target_kind(self) -> str | None:
        """The kind of the action's target, or ``None``."""
        return self.action.target.kind if self.action.target else None

    @property
    def since(self) -> str | None:
        """The day a kept like or follow was placed, ISO, or ``None``."""
        return self.action.since.isoformat() if self.action.since else None


_NO_KINDS_KEY: tuple[frozenset[str], ...] = (frozenset(),) * len(SIGNAL_ORIGINS)
_ORIGIN_INDEX = {origin: i for i, origin in enumerate(SIGNAL_ORIGINS)}
_KIND = attrgetter("kind")

#: A compiled condition: facts -> whether the condition holds.
Test = Callable[[Facts], bool]


def _always(_facts: Facts) -> bool:
    return True


def compile_condition(cond: Mapping[str, Any] | None) -> Test:
    """The (validated) condition ``cond`` as a function of the facts.

    Rules are compiled once, when a rulebook is loaded, so a check does not interpret the
    condition trees again for every case.
    """
    if not cond:
        return _always
    tests: list[Test] = []
    for key, value in cond.items():
        if key in ("any_of", "all_of"):
            subs = tuple(compile_condition(sub) for sub in value)
            tests.append(_any_of(subs) if key == "any_of" else _all_of(subs))
        elif key == "not":
            tests.append(_not(compile_condition(value)))
        elif key == "signals":
            tests.append(_signals_test(value))
        else:
            tests.extend(_field_test(key, name, exp) for name, exp in value.items())
    return tests[0] if len(tests) == 1 else _all_of(tuple(tests))


def _any_of(subs: tuple[Test, ...]) -> Test:
    if len(subs) == 2:
        first, second = subs
        return lambda facts: first(facts) or second(facts)
    return lambda facts: any(sub(facts) for sub in subs)


def _all_of(subs: tuple[Test, ...]) -> Test:
    if len(subs) == 2:
        first, second = subs
        return lambda facts: first(facts) and second(facts)
    return lambda facts: all(sub(facts) for sub in subs)


def _not(sub: Test) -> Test:
    return lambda facts: not sub(facts)


def _signals_test(spec: Mapping[str, Any]) -> Test:
    index = _ORIGIN_INDEX[spec.get("from", "any")]
    wanted_all = frozenset(_str_list("all", spec.get("all")))
    wanted_any = frozenset(_str_list("any", spec.get("any")))
    unwanted = frozenset(_str_list("none", spec.get("none")))

    def test(facts: Facts) -> bool:
        present = facts.kinds_key[index]
        return (
            wanted_all <= present
            and (not wanted_any or not wanted_any.isdisjoint(present))
            and unwanted.isdisjoint(present)
        )

    return test


def _getter(section: str, name: str) -> Callable[[Facts], Any]:
    """The fact ``section.name`` (``action.target_kind``, ``action.since`` included) as a
    C-level getter."""
    return attrgetter(_path(section, name))


def _path(section: str, name: str) -> str:
    """The attribute path of the fact ``section.name`` on :class:`Facts`."""
    if section == "action" and name in ("target_kind", "since"):
        return name  # the properties of Facts
    return f"{section}.{name}"


def _field_test(section: str, name: str, expected: Any) -> Test:
    kind = FIELDS[section][name][0]
    get = _getter(section, name)
    if kind == "bool":
        return lambda facts: bool(get(facts)) is expected
    if kind == "enum":
        values = frozenset(expected if isinstance(expected, list) else [expected])
        return lambda facts: get(facts) in values
    if kind == "set":
        wanted = frozenset(expected if isinstance(expected, list) else [expected])
        return lambda facts: not wanted.isdisjoint(get(facts) or ())
    if isinstance(expected, Mapping) and "present" in expected:
        present = expected["present"]
        return lambda facts: (_text(get(facts)).strip() != "") is present
    if isinstance(expected, Mapping):
        parts = tuple(p.casefold() for p in _str_list(name, expected["contains"]))
        return lambda facts: any(p in _text(get(facts)) for p in parts)
    options = frozenset(v.casefold() for v in _str_list(name, expected))
    return lambda facts: _text(get(facts)) in options


def _text(value: Any) -> str:
    return "" if value is None else str(value).casefold()


def needed_kinds(cond: Mapping[str, Any] | None) -> frozenset[str] | None:
    """Signal kinds at least one of which must be present for ``cond`` to hold.

    ``None`` when the condition can hold without any signal. The evaluator skips a rule
    at once when none of these kinds was found (most texts have few signals).
    """
    if not cond:
        return None
    for key, value in cond.items():
        if key == "signals":  # kinds among some signals are kinds among all of them
            wanted = _str_list("all", value.get("all")) or _str_list(
                "any", value.get("any")
            )
            if wanted:
                return frozenset(wanted)
        elif key == "any_of":
            subs = [needed_kinds(sub) for sub in value]
            if all(sub is not None for sub in subs):
                return frozenset().union(*(sub for sub in subs if sub is not None))
        elif key == "all_of":
            for sub in value:
                found = needed_kinds(sub)
                if found is not None:
                    return found
    return None


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


def referenced_fields(cond: Mapping[str, Any] | None) -> tuple[tuple[str, str], ...]:
    """The ``(section, field)`` facts that ``cond`` reads anywhere (``not`` included).

    With the signal kinds per origin, these are all a condition depends on, so equal
    values give an equal outcome (the evaluator remembers outcomes by them).
    """
    found: list[tuple[str, str]] = []

    def walk(node: Any) -> None:
        if not isinstance(node, Mapping):
            return
        for key, value in node.items():
            if key in FIELDS:
                found.extend((key, name) for name in value)
            elif key in ("any_of", "all_of"):
                for sub in value:
                    walk(sub)
            elif key == "not":
                walk(value)

    walk(cond)
    return tuple(dict.fromkeys(found))


def fact_getter(
    fields: Iterable[tuple[str, str]],
) -> Callable[[Facts], tuple[Any, ...]]:
    """One C-level getter returning the values of ``fields`` of a :class:`Facts` as a tuple."""
    paths = [_path(section, name) for section, name in fields]
    if not paths:
        return lambda _facts: ()
    get = attrgetter(*paths)
    if len(paths) == 1:  # attrgetter of one name returns the value, not a tuple
        return lambda facts: (get(facts),)
    return get
