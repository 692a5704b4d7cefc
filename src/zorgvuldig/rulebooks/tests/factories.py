"""Build situations for evaluator tests from plain values (no database, no selfcheck).

``judge(...)`` starts from the situation of the 2012 Foreign Affairs case (a head of mission
who keeps a like of a page that later campaigned against a party) and lets a test change
one factor at a time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from zorgvuldig.rulebooks.cases import Case
from zorgvuldig.rulebooks.check import collect_signals
from zorgvuldig.rulebooks.evaluator import evaluate
from zorgvuldig.rulebooks.types import (
    Action,
    Actor,
    ContentItem,
    Context,
    Target,
    Verdict,
)

D = dt.date.fromisoformat

PARTISAN_POST = ContentItem("Geen kabinet met steun van de PVV", D("2010-06-20"))
NEUTRAL_POST = ContentItem("Samen tegen racisme. Iedereen telt mee.", D("2010-02-15"))

AMBASSADOR = Actor(
    jurisdiction="NL",
    level="head_of_mission",
    organisation="Ministerie van Buitenlandse Zaken",
    function="ambassadeur",
    portfolio=("bilaterale betrekkingen Zuid-Afrika",),
    posted_in="South Africa",
    account="personal_identifiable",
)
OFF_DUTY_2012 = Context(date=D("2012-02-01"))
PAGE_LIKE = Action(
    type="like",
    since=D("2010-03-01"),
    target=Target(
        kind="page", name="Samen tegen racisme", content=(PARTISAN_POST, NEUTRAL_POST)
    ),
)


def signals_for(actor: Actor, context: Context, action: Action, text: str | None):
    """The signals of the text, the target and the situation, as the self-check finds them."""
    return collect_signals(Case(None, actor, context, action, text))


def judge(
    text: str | None = None,
    *,
    jurisdiction: str = "NL",
    actor: Actor = AMBASSADOR,
    context: Context = OFF_DUTY_2012,
    action: Action = PAGE_LIKE,
    **changes,
) -> Verdict:
    """Evaluate the base situation with ``changes`` applied to actor/context fields.

    ``changes`` names fields of :class:`Actor` or :class:`Context` (``level="staff"``,
    ``date=D("2019-01-01")``, ``election_period=True``).
    """
    actor_fields = {k: v for k, v in changes.items() if hasattr(actor, k)}
    context_fields = {
        k: v
        for k, v in changes.items()
        if hasattr(context, k) and k not in actor_fields
    }
    unknown = set(changes) - set(actor_fields) - set(context_fields)
    assert not unknown, unknown
    actor = replace(actor, **actor_fields)
    context = replace(context, **context_fields)
    return evaluate(
        actor, context, action, signals_for(actor, context, action, text), jurisdiction
    )


def post(text: str, **changes) -> Verdict:
    """Evaluate an own post with ``text`` in the base situation (see :func:`judge`)."""
    return judge(text, action=Action(type="post"), **changes)


def rules(verdict: Verdict) -> list[str]:
    """The rule ids of the verdict's reasons."""
    return [r.rule for r in verdict.reasons]


def citations(verdict: Verdict) -> str:
    """All citations of the verdict's reasons, joined."""
    return " | ".join(r.citation for r in verdict.reasons)
