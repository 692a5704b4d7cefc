"""The evaluator: actor + context + action + signals -> one :class:`Verdict` per jurisdiction.

The version of a jurisdiction's rules in force on ``context.date`` applies (for the
Netherlands: ``Ambtenarenwet art. 125a lid 1`` before 2020-01-01, ``Ambtenarenwet 2017 art.
10 lid 1`` from then on). Bright-line rules set a minimum level; an open norm (the Dutch
one, DESIGN.md §6.1) weighs its factors: the substance of what is expressed (a partisan
stance, a personal attack, the actor's own policy area) and, only when there is some, the
circumstances that make it weigh more or less (rank and representative role, an
identifiable employer, the election period, a like rather than an own post). The score maps
to a level no higher than the norm's ``max_level`` (``high_risk``): under an open norm only a
bright line such as disclosing secrets is ``prohibited``.

Likes and follows are judged by what the target shows. A page like follows the page's later
posts, so a post published after ``action.since`` (the day of the like) counts when the
check date is later; a post dated after ``context.date`` did not exist yet and is ignored.
The verdict lists the target posts that weighed, newest first.

Nothing here decides about a person (GDPR art. 22): the verdict is advice that explains
which rule and which words weighed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from zorgvuldig.signals.types import Signal

from .loader import Rulebook, rulebook_for
from .rule_conditions import Facts
from .schema import Rule
from .types import (
    Action,
    Actor,
    ContentItem,
    Context,
    Level,
    Precedent,
    Reason,
    Verdict,
    WeighedContent,
)

#: How many precedents a verdict lists at most.
MAX_PRECEDENTS = 3
_CONTENT_RE = re.compile(r"^target\.content\[(\d+)\]$")


@dataclass(frozen=True)
class _Outcome:
    level: Level
    score: int | None
    contributing: tuple[Rule, ...]


def content_in_view(action: Action, context: Context) -> tuple[list[int], list[int]]:
    """Which of the target's texts existed on ``context.date``.

    Returns:
        ``(visible, not_yet)``: indexes into ``action.target.content`` of the items dated
        on or before the check date (or undated), and of those dated after it.
    """
    visible: list[int] = []
    not_yet: list[int] = []
    items: Sequence[ContentItem] = action.target.content if action.target else ()
    for i, item in enumerate(items):
        (not_yet if item.date and item.date > context.date else visible).append(i)
    return visible, not_yet


def content_index(where: str) -> int | None:
    """``3`` for ``"target.content[3]"``, ``None`` for any other field name."""
    m = _CONTENT_RE.match(where)
    return int(m.group(1)) if m else None


def evaluate(
    actor: Actor,
    context: Context,
    action: Action,
    signals: Iterable[Signal],
    jurisdiction: str,
    *,
    books: Mapping[str, tuple[Rulebook, ...]] | None = None,
    language: str | None = None,
) -> Verdict:
    """The verdict of ``jurisdiction``'s rules in force on ``context.date``.

    Args:
        actor, context, action: the situation (see :mod:`.types`).
        signals: the signals of the text, the target's name and content, and the
            situation; signals of target content dated after ``context.date`` are ignored.
        jurisdiction: ``"NL"``, ``"US"`` or ``"UK"``.
        books: rulebooks to use instead of the packaged ones (tests).
        language: ``"nl"`` or ``"en"``: the language of the explanations, what would
            change, the advice and the precedents; ``None``: the rulebook's own language.
    Returns:
        a :class:`Verdict` with level, reasons (rule, text, citation, signal kinds),
        precedents, what would change it, and the target posts that weighed.
    Raises:
        KeyError: no rulebook for ``jurisdiction``.
    """
    book, note = rulebook_for(jurisdiction, context.date, books)
    _visible, not_yet = content_in_view(action, context)
    counted = tuple(signals)
    if not_yet:
        counted = tuple(s for s in counted if content_index(s.where) not in not_yet)
    facts = Facts(actor, context, action, counted)
    lang = language or book.language
    judged = _judge(book, facts, lang)
    if action.target is None and note is None:
        # with no target to weigh, the verdict is the judgement's: make it once
        plain = judged.plain.get(jurisdiction)
        if plain is None:
            plain = judged.plain[jurisdiction] = _verdict(
                book, judged, jurisdiction, action, [], (), lang, note
            )
        return plain
    weighed = _weighed_content(action, counted, judged.reasons)
    reasons = _later_content_reasons(book, action, weighed, lang)
    reasons += _share_reasons(book, action, weighed, lang)
    return _verdict(
        book, judged, jurisdiction, action, reasons, weighed, lang, note, not_yet
    )


def judge_level(
    actor: Actor,
    context: Context,
    action: Action,
    signals: Sequence[Signal],
    jurisdiction: str,
) -> Level:
    """The level :func:`evaluate` gives (packaged rulebooks), without making the verdict.

    For trying many answers to the employee's questions in one check
    (:mod:`.questions`): the same rules and the same remembered judgements, none of the
    texts. Raises ``KeyError`` for an unknown ``jurisdiction``.
    """
    book, _note = rulebook_for(jurisdiction, context.date)
    _visible, not_yet = content_in_view(action, context)
    counted = tuple(signals)
    if not_yet:
        counted = tuple(s for s in counted if content_index(s.where) not in not_yet)
    return _judge(book, Facts(actor, context, action, counted), book.language).level


def _verdict(
    book: Rulebook,
    judged: _Judgement,
    jurisdiction: str,
    action: Action,
    reasons: Sequence[Reason],
    weighed: Sequence[WeighedContent],
    lang: str,
    note: str | None,
    not_yet: Sequence[int] = (),
) -> Verdict:
    return Verdict(
        jurisdiction=jurisdiction,
        level=judged.level,
        clearance_required=judged.clearance_required,
        reasons=(*judged.reasons, *reasons),
        precedents=judged.precedents,
        would_change=judged.would_change,
        language=lang,
        rulebook=f"{book.jurisdiction} {book.version}",
        effective_from=book.effective_from,
        score=judged.score,
        weighed_content=tuple(weighed),
        not_yet_published=tuple(f"target.content[{i}]" for i in not_yet),
        advice=_advice(book, action, lang),
        notes=(note,) if note else (),
    )


@dataclass(frozen=True)
class _Judgement:
    """What follows from a set of applied rules alone: level, reasons, precedents."""

    level: Level
    score: int | None
    clearance_required: bool
    reasons: tuple[Reason, ...]
    precedents: tuple[Precedent, ...]
    would_change: tuple[str, ...]
    #: the whole verdict per jurisdiction, for an action without a target
    plain: dict[str, Verdict] = field(default_factory=dict, compare=False)


#: How many judgements a rulebook remembers before it starts afresh.
MEMO_SIZE = 8192


def _judge(book: Rulebook, facts: Facts, lang: str) -> _Judgement:
    """The level, reasons, precedents and what would change, for ``facts``.

    The rules read only some fields of the actor, context and action and the signal
    kinds per origin, and a few hundred combinations of those cover nearly every
    check. So the outcome is worked out once per combination (and language) and
    remembered on the rulebook: testing the rules, the texts and citations of the
    reasons, and the re-weighing behind "what would change" are most of a verdict's cost.
    """
    key = (book.fact_values(facts), facts.kinds_key, lang)
    found: _Judgement | None = book.memo.get(key)
    if found is not None:
        return found
    present = facts.kinds()
    applied = tuple(
        r
        for r in book.rules
        if (r.needs is None or not r.needs.isdisjoint(present)) and r.test(facts)
    )
    outcome = _outcome(book, applied)
    judged = _Judgement(
        level=outcome.level,
        score=outcome.score,
        clearance_required=any(r.clearance_required for r in outcome.contributing),
        reasons=tuple(_reasons(book, outcome, applied, present, lang)),
        precedents=_precedents(book, outcome.contributing or applied),
        would_change=_would_change(book, applied, outcome, lang),
    )
    if len(book.memo) >= MEMO_SIZE:
        book.memo.clear()
    book.memo[key] = judged
    return judged


def _outcome(book: Rulebook, applied: Sequence[Rule]) -> _Outcome:
    lines = [r for r in applied if r.kind == "line"]
    level = max((r.level for r in lines), default=Level.OK)
    if book.weighing is None:
        return _Outcome(level, None, tuple(lines))
    substance = [r for r in applied if r.kind == "factor" and r.role == "substance"]
    # aggravating and mitigating circumstances count only when something is expressed
    others = [r for r in applied if r.kind == "factor" and r.role != "substance"]
    factors = substance + others if substance else []
    score = sum(r.weight for r in factors)
    weighed = Level.OK
    for threshold_level, minimum in book.weighing.thresholds:
        if score >= minimum:
            weighed = threshold_level
    weighed = min(weighed, book.weighing.max_level)
    return _Outcome(max(level, weighed), score, tuple(lines + factors))


def _reason(rule: Rule, rb: Rulebook, present: frozenset[str], lang: str) -> Reason:
    kinds = tuple(k for k in rule.kinds if k in present)
    return Reason(
        rule=rule.id,
        text=rule.explanation.get(lang),
        citation=rb.cite(rule.cite),
        signals=kinds,
        text_en=rule.explanation.en,
        weight=rule.weight if rule.kind == "factor" else None,
    )


def _reasons(
    book: Rulebook,
    outcome: _Outcome,
    applied: Sequence[Rule],
    present: frozenset[str],
    lang: str,
) -> list[Reason]:
    lines = sorted(
        (r for r in outcome.contributing if r.kind == "line"),
        key=lambda r: r.level,
        reverse=True,
    )
    factors = sorted(
        (r for r in outcome.contributing if r.kind == "factor"),
        key=lambda r: abs(r.weight),
        reverse=True,
    )
    reasons = [_reason(r, book, present, lang) for r in lines]
    weighing = book.weighing
    if weighing is not None and (factors or not lines):
        factor_reasons = [_reason(r, book, present, lang) for r in factors]
        labels = [r.label.get(lang) for r in factors if r.label]
        labels_en = [r.label.en for r in factors if r.label]
        template = weighing.summary if factors else weighing.nothing
        level_name = _level_name(book, outcome.level, lang)
        reasons.append(
            Reason(
                rule=weighing.rule,
                text=template.get(lang).format(
                    factors="; ".join(labels), level=level_name, score=outcome.score
                ),
                citation=book.cite(weighing.cite),
                signals=tuple(
                    dict.fromkeys(k for fr in factor_reasons for k in fr.signals)
                ),
                text_en=template.en.format(
                    factors="; ".join(labels_en),
                    level=_level_name(book, outcome.level, "en"),
                    score=outcome.score,
                ),
                weight=outcome.score,
            )
        )
        reasons += factor_reasons
    if outcome.level == Level.OK:
        reasons += [
            _reason(r, book, present, lang) for r in applied if r.kind == "allow"
        ]
    if not reasons:
        reasons.append(_reason(book.default, book, present, lang))
    return reasons


def _level_name(book: Rulebook, level: Level, lang: str) -> str:
    texts = book.texts.get(f"level.{level.label}")
    return texts.get(lang) if texts else level.label


def _weighed_content(
    action: Action, counted: Sequence[Signal], reasons: Sequence[Reason]
) -> list[WeighedContent]:
    target = action.target
    if target is None:
        return []
    # the kinds found in each target text, in order of first appearance, in one pass
    found: dict[str, dict[str, None]] = {}
    for s in counted:
        if s.where.startswith("target.content["):
            found.setdefault(s.where, {})[s.kind] = None
    if not found:
        return []
    weighing_kinds = {k for r in reasons for k in r.signals}
    rows: list[tuple[int, WeighedContent]] = []
    for i, item in enumerate(target.content):
        where = f"target.content[{i}]"
        kinds = tuple(k for k in found.get(where, ()) if k in weighing_kinds)
        if not kinds:
            continue
        after = bool(action.since and item.date and item.date > action.since)
        rows.append(
            (i, WeighedContent(where, item.date, item.text[:280], kinds, after))
        )
    if all(w.date for _, w in rows):
        rows.sort(key=lambda r: (r[1].date, -r[0]), reverse=True)
    return [w for _, w in rows]


def _later_content_reasons(
    book: Rulebook, action: Action, weighed: Sequence[WeighedContent], lang: str
) -> list[Reason]:
    template = book.texts.get("later_content")
    if (
        template is None
        or action.type not in ("like", "follow")
        or action.since is None
    ):
        return []
    cite = book.weighing.cite if book.weighing else book.default.cite
    out = []
    for item in weighed:
        if not item.after_since or item.date is None:
            continue
        values = {"date": item.date.isoformat(), "since": action.since.isoformat()}
        out.append(
            Reason(
                rule="later_content",
                text=template.get(lang).format(**values),
                citation=book.cite(cite),
                signals=item.signals,
                text_en=template.en.format(**values),
            )
        )
    return out


def _share_reasons(
    book: Rulebook, action: Action, weighed: Sequence[WeighedContent], lang: str
) -> list[Reason]:
    """A share without own text still spreads the target's message: say so."""
    template = book.texts.get("share_without_text")
    if template is None or action.type != "share" or action.with_text or not weighed:
        return []
    cite = book.weighing.cite if book.weighing else book.default.cite
    return [
        Reason(
            rule="share_without_text",
            text=template.get(lang),
            citation=book.cite(cite),
            signals=tuple(dict.fromkeys(k for w in weighed for k in w.signals)),
            text_en=template.en,
        )
    ]


def _precedents(book: Rulebook, rules: Sequence[Rule]) -> tuple[Precedent, ...]:
    if not any(r.precedents for r in rules):
        return ()
    counts: Counter[str] = Counter(pid for r in rules for pid in r.precedents)
    order = {
        pid: i
        for i, pid in enumerate(dict.fromkeys(p for r in rules for p in r.precedents))
    }
    ranked = sorted(counts, key=lambda pid: (-counts[pid], order[pid]))
    return tuple(book.precedents[pid] for pid in ranked[:MAX_PRECEDENTS])


def _would_change(
    book: Rulebook, applied: Sequence[Rule], outcome: _Outcome, lang: str
) -> tuple[str, ...]:
    """What would change the verdict: the facts without which the level would differ.

    First the rules whose removal alone changes the level; when several factors weigh
    together and no single one decides, the heaviest of them; for an allowed action, the
    conditions under which it is allowed ("off duty this is allowed").
    """
    out: list[str] = []
    for rule in outcome.contributing:
        if rule.would_change is None:
            continue
        without = _outcome(book, [r for r in applied if r is not rule])
        if without.level != outcome.level:
            out.append(rule.would_change.get(lang))
    if not out and outcome.level > Level.OK:
        heaviest = sorted(
            (r for r in outcome.contributing if r.would_change is not None),
            key=lambda r: (r.kind != "line", -r.level, -abs(r.weight)),
        )
        out = [t.get(lang) for r in heaviest[:2] if (t := r.would_change) is not None]
    if outcome.level == Level.OK:
        out += [
            r.would_change.get(lang)
            for r in applied
            if r.kind == "allow" and r.would_change is not None
        ]
    return tuple(dict.fromkeys(out))


def _advice(book: Rulebook, action: Action, lang: str) -> tuple[str, ...]:
    target = action.target
    if (
        action.type in ("like", "follow")
        and target
        and target.kind in ("page", "account")
    ):
        text = book.texts.get("review_likes")
        if text is not None:
            return (text.get(lang),)
    return ()


def evaluate_all(
    actor: Actor,
    context: Context,
    action: Action,
    signals: Iterable[Signal],
    jurisdictions: Iterable[str],
    *,
    language: str | None = None,
) -> list[Verdict]:
    """:func:`evaluate` for each of ``jurisdictions``, in order (packaged rulebooks)."""
    sigs = tuple(signals)
    # no ``books``: the packaged rulebooks, with the version in force looked up per date
    # once (``rulebook_for``) rather than searched for every check
    return [
        evaluate(actor, context, action, sigs, j, language=language)
        for j in jurisdictions
    ]
