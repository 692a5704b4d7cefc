"""Request and response shapes of ``POST /api/selfcheck`` (shared/cases/README.md, "Self-check").

The request is a case (``actor``, ``context``, ``action``, ``text``) plus an optional list of
extra ``jurisdictions``; the response is the contract output of
:func:`~zorgvuldig.rulebooks.check.run_check`. Allowed values come from
:mod:`zorgvuldig.rulebooks.types`, so the schema, the OpenAPI description and the checker
accept the same values. Unknown fields are refused, naming the field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from ninja import Schema
from pydantic import ConfigDict, Field

from zorgvuldig.rulebooks import types as rb
from zorgvuldig.rulebooks.questions import TOLD_PATHS

Jurisdiction = Literal[rb.JURISDICTIONS]  # type: ignore[valid-type]
NlLevel = Literal[rb.NL_LEVELS]  # type: ignore[valid-type]
HatchCategory = Literal[rb.HATCH_CATEGORIES]  # type: ignore[valid-type]
PoliticalCategory = Literal[rb.POLITICAL_CATEGORIES]  # type: ignore[valid-type]
Account = Literal[rb.ACCOUNTS]  # type: ignore[valid-type]
ExemplaryFunction = Literal[rb.EXEMPLARY_FUNCTIONS]  # type: ignore[valid-type]
AccountShows = Literal[rb.ACCOUNT_SHOWS]  # type: ignore[valid-type]
WorkInformation = Literal[rb.WORK_INFORMATION]  # type: ignore[valid-type]
Addressee = Literal[rb.ADDRESSEES]  # type: ignore[valid-type]
_TOLD = "Told by the employee; null: not answered."
ActionType = Literal[rb.ACTION_TYPES]  # type: ignore[valid-type]
TargetKind = Literal[rb.TARGET_KINDS]  # type: ignore[valid-type]
ToldField = Literal[TOLD_PATHS]  # type: ignore[valid-type]
Level = Literal["ok", "caution", "high_risk", "prohibited"]


class _In(Schema):
    model_config = ConfigDict(extra="forbid")


class ActorIn(_In):
    """The civil servant who expresses something."""

    jurisdiction: str = Field(
        description="NL, US or UK (GB, USA and NLD are accepted too); its rules are "
        "always checked, first.",
        examples=["NL"],
    )
    level: NlLevel | None = Field(None, description="Dutch rank.")
    spokesperson: bool = False
    hatch_category: HatchCategory | None = Field(
        None, description="US Hatch Act group."
    )
    political_category: PoliticalCategory | None = Field(
        None, description="UK Civil Service Management Code 4.4 group."
    )
    organisation: str | None = None
    function: str | None = None
    portfolio: list[str] = Field(default_factory=list, description="Topics.")
    posted_in: str | None = Field(None, description="Country (English, Dutch or ISO).")
    account: Account | None = None
    profile_picture_partisan: bool = False
    cover_photo_partisan: bool = False
    supervises: bool | None = Field(
        None, description=f"Has people reporting to them. {_TOLD}"
    )
    exemplary_function: ExemplaryFunction | None = Field(
        None, description=f"A function that asks more reticence. {_TOLD}"
    )
    account_shows: AccountShows | None = Field(
        None, description=f"What a personal account shows. {_TOLD}"
    )
    earlier_warnings: bool | None = Field(
        None, description=f"Spoken to or warned about posts before. {_TOLD}"
    )


class ContextIn(_In):
    """When and where; the rules in force on ``date`` apply."""

    date: dt.date = Field(description="The day of the action or of the check.")
    on_duty: bool = False
    in_workplace: bool = False
    official_travel: str | None = Field(None, description="Country, or null.")
    election_period: bool = False
    own_area: bool | None = Field(
        None,
        description="It touches one's own work area, the organisation's policy or "
        f"decisions, colleagues, or people one deals with at work. {_TOLD}",
    )
    work_information: WorkInformation | None = Field(
        None, description=f"What of it one knows through work. {_TOLD}"
    )
    addressees: list[Addressee] | None = Field(
        None, description=f"Whom it addresses or tags. {_TOLD}"
    )
    series: bool | None = Field(None, description=f"One of a series. {_TOLD}")
    internal_route: bool | None = Field(
        None,
        description="Raised first inside the organisation or through an integrity or "
        f"whistleblowing channel. {_TOLD}",
    )
    reacts_to_political_event: bool | None = Field(
        None,
        description="A reaction to an election, a cabinet formation or a party's "
        f"decision. {_TOLD}",
    )
    nonpartisan_election: bool | None = Field(
        None, description=f"US: the election is nonpartisan. {_TOLD}"
    )


class ContentItemIn(_In):
    """One post a target shows, with its date when known."""

    text: str
    date: dt.date | None = None


class TargetIn(_In):
    """What is liked, shared, followed or commented on."""

    kind: TargetKind
    name: str | None = None
    content: list[str | ContentItemIn] = Field(
        default_factory=list, description="The texts the target shows, newest first."
    )


class ActionIn(_In):
    """What the actor does."""

    type: ActionType
    since: dt.date | None = Field(
        None, description="For a like or follow kept over time: the day it was placed."
    )
    target: TargetIn | None = None
    invites_giving: bool | None = Field(
        None,
        description=f"US: asks others to give to a party, candidate or group. {_TOLD}",
    )
    links_campaign: bool | None = Field(
        None,
        description=f"Links to a campaign, party or candidate page or material. {_TOLD}",
    )


class CaseIn(_In):
    """A self-check case; ``id`` is echoed back. Nothing of it is stored or logged."""

    id: str | int | None = None
    actor: ActorIn
    context: ContextIn
    action: ActionIn
    text: str | None = Field(None, description="What the actor writes, or null.")
    jurisdictions: list[str] = Field(
        default_factory=list,
        description="Extra jurisdictions to check besides the actor's own.",
        examples=[["US", "UK"]],
    )
    answered: list[ToldField] = Field(
        default_factory=list,
        description="Told fields the employee answered though the case has no value "
        "for the answer (e.g. `actor.exemplary_function` answered 'none of these'): "
        "they are not asked again in `questions`.",
    )

    def to_case(self) -> dict[str, Any]:
        """The case as the checker takes it (dates as ``YYYY-MM-DD``)."""
        return self.model_dump(mode="json", exclude={"jurisdictions", "answered"})


class ReasonOut(Schema):
    rule: str
    text: str
    citation: str
    signals: list[str]
    text_en: str | None = None
    weight: int | None = None


class PrecedentOut(Schema):
    id: str
    title: str
    date: str | None
    outcome: str
    citation: str


class WeighedContentOut(Schema):
    where: str
    date: str | None
    text: str
    signals: list[str]
    after_since: bool = False


class VerdictOut(Schema):
    jurisdiction: str
    level: Level
    clearance_required: bool
    reasons: list[ReasonOut]
    precedents: list[PrecedentOut]
    would_change: list[str]
    rulebook: str | None = None
    effective_from: str | None = None
    score: int | None = None
    weighed_content: list[WeighedContentOut] = Field(
        default_factory=list,
        description="For likes, follows and shares: the target's posts that weighed, "
        "newest first.",
    )
    not_yet_published: list[str] = Field(default_factory=list)
    advice: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


class SignalOut(Schema):
    kind: str
    text: str
    where: str = Field(
        description="text, target.name, target.content[n], or actor/context for "
        "signals of the situation (these have no span)."
    )
    start: int | None
    end: int | None
    value: str | None = None
    target: str | None = Field(
        default=None,
        description="For an attack: own_superior, own_organisation, office_holder, "
        "group or person.",
    )


class SuggestionOut(Schema):
    """An answer the text or the details suggest: shown to the employee to confirm,
    never used as a fact."""

    value: bool | str | list[str] | None = Field(
        description="The suggested answer; null when the text bears on the question "
        "without suggesting which answer (a post that tags @someone, a link)."
    )
    basis: str = Field(
        description="What suggests it: a signal kind (portfolio_topic, "
        "nonpublic_information, addressee, campaign_link) or a cue "
        "(portfolio_relatedness: close in meaning to a portfolio topic, with the "
        "optional embedder; address_form, mention, link, account).",
        examples=["portfolio_topic"],
    )
    where: str = Field(
        description="text, target.name, target.content[n], or actor for a suggestion "
        "from the details."
    )
    text: str = Field(description="The words that suggest it (or the account given).")
    start: int | None = None
    end: int | None = None


class QuestionOut(Schema):
    """A question to the employee whose answer would change a verdict's level."""

    field: ToldField = Field(description="The told field it asks for.")
    text: str = Field(description="The question, in the language of the response.")
    about: Literal["person", "post"] = Field(
        description="person: remembered with the employee's details; post: this post only."
    )
    kind: Literal["bool", "choice", "multiple"] = Field(
        description="bool: true or false; choice: one of `answers`; multiple: a list "
        "of any of `answers` (an empty list: none of them)."
    )
    answers: list[bool | str]
    suggestion: SuggestionOut | None = None


class ResultOut(Schema):
    """The contract output for one case (shared/cases/README.md)."""

    id: str | int | None
    verdicts: list[VerdictOut]
    signals: list[SignalOut]
    questions: list[QuestionOut] = Field(
        default_factory=list,
        description="The told fields not answered yet whose answer would change some "
        "verdict's level, in the contract's order, each with what the text suggests. "
        "Send the answers in the case and check again.",
    )


class ErrorOut(Schema):
    """A case that cannot be checked: ``detail`` names the field and what was expected."""

    detail: str = Field(examples=["actor.jurisdiction: unknown jurisdiction 'FR'"])


class FieldErrorOut(Schema):
    """One schema error: ``loc`` is the path to the field (``["body", "case", "actor",
    "level"]``), ``msg`` what was expected."""

    type: str
    loc: list[str | int]
    msg: str


class ValidationErrorOut(Schema):
    """A request that does not match the schema; each entry names a field."""

    detail: list[FieldErrorOut]
