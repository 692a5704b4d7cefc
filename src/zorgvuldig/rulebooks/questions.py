"""Questions to the employee: which facts that only they know would change the verdict.

Some facts the law turns on are not in the words of a post: whether it touches one's own
work area, whether one knows it through work and it is not public yet, whom it addresses,
whether one supervises the people it addresses, whether one was warned before
(shared/cases/README.md, "What the employee tells the check"). The check asks for them only
where they decide: a told field that is not answered yet is a question when some answer
to it would give some jurisdiction's verdict another level.

How that is found, for one case and the jurisdictions checked:

1. only the fields that some rule in force reads can matter (the rulebooks' ``rule_fields``,
   from :func:`~.rule_conditions.referenced_fields`), and only for the jurisdictions whose
   rules read them;
2. each answer (yes and no; each value of an enumerated field; each addressee) is tried
   with the other facts as given: a field whose answer changes a level is decisive;
3. a rule may need two answers together (a supervisor's message to subordinates: 5 U.S.C.
   7323(a)(1)), which no answer alone changes: so each answer of a field that does not
   decide alone is also tried with each answer of every other such field that a rule
   reads together with it; when both decide only together, both are asked.

Whether a post invites giving or links to a campaign is in its own words: those are asked
only when the words point at them (a request for support, a party or a stance; a link),
not of every post (:func:`~.suggestions.words_point_at`).

A field that matters only once another, decisive one is answered (whether an election is
nonpartisan matters once a post invites giving) is not asked yet; nor are combinations of
three answers, or factors that only add up past a threshold together. Those are found one
step later: once the employee answers, the page checks again and asks what then decides.

The signals are found once per check; they do not depend on the answers
(:func:`~.check.collect_signals` reads none of them) and each trial only re-weighs them
(:func:`~.evaluator.judge_level`, remembered per combination of facts), so asking costs a
fraction of the check.

Pure: no Django, no database, no logging; nothing here stores the text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from zorgvuldig.signals.types import Signal

from .cases import Case, parse_case
from .check import (
    check_language,
    check_parsed,
    collect_signals,
    jurisdictions_for,
)
from .evaluator import judge_level
from .loader import rulebook_for
from .rule_conditions import FIELDS
from .suggestions import Suggestion, suggest, words_point_at
from .types import Action, Actor, Context, Level

#: What a told field is about: the person (remembered in the browser with the other
#: details) or this one post (never remembered).
PERSON, POST = "person", "post"


@dataclass(frozen=True)
class Told:
    """A field the employee tells the check (shared/cases/README.md)."""

    section: str
    name: str
    about: str

    @property
    def path(self) -> str:
        """``section.name``, e.g. ``context.own_area``."""
        return f"{self.section}.{self.name}"

    @property
    def kind(self) -> str:
        """``bool``, ``choice`` (one of :attr:`answers`) or ``multiple`` (any of them)."""
        return _KINDS[FIELDS[self.section][self.name][0]]

    @property
    def answers(self) -> tuple[bool | str, ...]:
        """The answers allowed: ``(True, False)`` or the contract's values."""
        spec = FIELDS[self.section][self.name]
        return (True, False) if spec[0] == "bool" else tuple(spec[1])

    @property
    def trials(self) -> tuple[Any, ...]:
        """The values tried: each answer, a single addressee as a one-item tuple."""
        if self.kind == "multiple":
            return tuple((a,) for a in self.answers)
        return self.answers


_KINDS = {"bool": "bool", "enum": "choice", "set": "multiple"}

#: Every told field, in the order the contract lists them (the order of the questions).
TOLD: tuple[Told, ...] = (
    Told("actor", "supervises", PERSON),
    Told("actor", "exemplary_function", PERSON),
    Told("actor", "account_shows", PERSON),
    Told("actor", "earlier_warnings", PERSON),
    Told("context", "own_area", POST),
    Told("context", "work_information", POST),
    Told("context", "addressees", POST),
    Told("context", "series", POST),
    Told("context", "internal_route", POST),
    Told("context", "reacts_to_political_event", POST),
    Told("context", "nonpartisan_election", POST),
    Told("action", "invites_giving", POST),
    Told("action", "links_campaign", POST),
)
TOLD_BY_PATH = {t.path: t for t in TOLD}
#: The told fields as ``section.name``, in the order of :data:`TOLD`.
TOLD_PATHS = tuple(TOLD_BY_PATH)


@dataclass(frozen=True)
class Question:
    """A told field whose answer would change a verdict's level.

    Attributes:
        field: ``section.name`` (``context.own_area``).
        about: :data:`PERSON` or :data:`POST`.
        kind: ``bool``, ``choice`` or ``multiple`` (a list of any of ``answers``).
        answers: the allowed answers.
        suggestion: what the text or the details suggest, or ``None``; never a fact.
    """

    field: str
    about: str
    kind: str
    answers: tuple[bool | str, ...]
    suggestion: Suggestion | None = None

    def as_dict(self) -> dict[str, Any]:
        """``{field, about, kind, answers, suggestion}`` (suggestion a dict or null)."""
        return {
            "field": self.field,
            "about": self.about,
            "kind": self.kind,
            "answers": list(self.answers),
            "suggestion": self.suggestion.as_dict() if self.suggestion else None,
        }


def _given(case: Case, told: Told) -> Any:
    return getattr(getattr(case, told.section), told.name)


_Section = TypeVar("_Section", Actor, Context, Action)


def _with(section: _Section, changes: dict[str, Any]) -> _Section:
    """``section`` with ``changes`` (field name -> value); itself when there are none."""
    return dataclasses.replace(section, **changes) if changes else section


class _Trials:
    """The levels of one case under answers tried, remembered per set of answers."""

    def __init__(self, case: Case, signals: Sequence[Signal]) -> None:
        self.case = case
        self.signals = tuple(signals)
        self.levels: dict[tuple[frozenset[tuple[str, Any]], str], Level] = {}

    def level(self, answers: Mapping[Told, Any], jurisdiction: str) -> Level:
        key = (frozenset((t.path, v) for t, v in answers.items()), jurisdiction)
        found = self.levels.get(key)
        if found is None:
            parts: dict[str, dict[str, Any]] = {
                "actor": {},
                "context": {},
                "action": {},
            }
            for told, value in answers.items():
                parts[told.section][told.name] = value
            case = self.case
            # only the sections an answer changes are copied (a copy is most of the cost)
            found = self.levels[key] = judge_level(
                _with(case.actor, parts["actor"]),
                _with(case.context, parts["context"]),
                _with(case.action, parts["action"]),
                self.signals,
                jurisdiction,
            )
        return found

    def changes(
        self, told: Told, given: Mapping[Told, Any], jurisdictions: Iterable[str]
    ) -> bool:
        """Whether some answer to ``told``, with ``given`` answered too, gives one of
        ``jurisdictions`` another level than ``given`` alone."""
        for j in jurisdictions:
            before = self.level(given, j)
            if any(self.level({**given, told: a}, j) != before for a in told.trials):
                return True
        return False


def decisive_questions(
    case: Case,
    signals: Sequence[Signal],
    jurisdictions: Sequence[str],
    answered: Collection[str] = (),
) -> list[Question]:
    """The questions whose answer would change a verdict's level, each with what the
    text suggests.

    Args:
        case: the parsed case (:func:`~.cases.parse_case`).
        signals: its signals (:func:`~.check.collect_signals`).
        jurisdictions: every jurisdiction checked (``["NL", "US"]``).
        answered: told fields (``section.name``) the employee answered though the case
            has no value for them: "none of these" exemplary functions, say.
    Returns:
        in the order of :data:`TOLD`, one :class:`Question` per told field that is not
        answered and decides some verdict; ``[]`` when none does.
    Raises:
        KeyError: an unknown jurisdiction.
    """
    books = [rulebook_for(j, case.context.date)[0] for j in jurisdictions]
    skip = set(answered)
    # a field whose answer is in the words, and the words do not point at, stays as
    # given: not asked, and not tried together with another either
    open_ = [
        t
        for t in TOLD
        if _given(case, t) is None
        and t.path not in skip
        and words_point_at(t.path, case, signals)
    ]
    keys = {(t.section, t.name): t for t in open_}
    readers: dict[Told, list[str]] = {}
    partners: dict[Told, dict[Told, None]] = {}
    for j, book in zip(jurisdictions, books, strict=True):
        for read in book.rule_fields:
            in_rule = [keys[f] for f in read if f in keys]
            for told in in_rule:
                if j not in readers.setdefault(told, []):
                    readers[told].append(j)
                partners.setdefault(told, {}).update(
                    dict.fromkeys(t for t in in_rule if t is not told)
                )
    trials = _Trials(case, signals)
    alone = {t for t in readers if trials.changes(t, {}, readers[t])}
    # a field that decides only together with another is asked when that other does
    # not decide alone either: otherwise it is asked first, and the check asks again
    together = {
        t
        for t in readers
        if t not in alone
        and any(
            trials.changes(t, {p: v}, readers[t])
            for p in partners.get(t, ())
            if p not in alone
            for v in p.trials
        )
    }
    return [
        Question(t.path, t.about, t.kind, t.answers, suggest(t.path, case, signals))
        for t in open_
        if t in alone or t in together
    ]


def check_with_questions(
    case: Any,
    jurisdictions: list[str] | None = None,
    language: str | None = None,
    answered: Collection[str] = (),
) -> dict[str, Any]:
    """:func:`~.check.run_check`'s result with the decisive questions added.

    Args:
        case, jurisdictions, language: as for :func:`~.check.run_check`.
        answered: see :func:`decisive_questions`.
    Returns:
        the contract output plus ``"questions"``: ``[{field, about, kind, answers,
        suggestion}]`` (:meth:`Question.as_dict`).
    Raises:
        CaseError: as :func:`~.check.run_check`.
    """
    check_language(language)
    parsed = parse_case(case)
    signals = collect_signals(parsed)
    checked = jurisdictions_for(parsed.actor, jurisdictions)
    result = check_parsed(parsed, signals, checked, language)
    questions = decisive_questions(parsed, signals, checked, answered)
    result["questions"] = [q.as_dict() for q in questions]
    return result
