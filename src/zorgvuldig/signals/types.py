"""Value types of the text-signal package (pure Python, no Django).

A :class:`Signal` is one cue found in a piece of text (or in the situation of the actor),
with the span of the words that triggered it. Spans are Python ``str`` indices (Unicode
code points) into the field named by ``where``; see shared/cases/README.md ("Self-check").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: Every signal kind the product knows (shared/cases/README.md, "Signal kinds").
SIGNAL_KINDS: frozenset[str] = frozenset(
    {
        "party_or_candidate",
        "partisan_stance",
        "solicitation",
        "portfolio_topic",
        "sensitive_country",
        "flippant_tone",
        "insult",
        "nonpublic_information",
        "official_title",
        "official_account",
        "personal_attack",
        "discrimination_or_conspiracy",
        "incitement",
        "criticism_of_own_organisation",
        "addressee",
        "campaign_link",
        # propriety of official communication (signals/propriety.py; UK sources)
        "announcement",
        "announcement_before_parliament",
        "unconfirmed_information",
        "partisan_account",
        # the actor's own candidacy for an office within a political party (US: soliciting
        # for it is allowed off duty; OSC Hatch Act FAQs); not in the shared contract's list
        "party_office_candidacy",
        # a product extension beyond the shared contract's list (docs/cli.md)
        "political_opinion",
        # a public refusal to carry out a decision (signals/refusal.py); an extension too
        "refusal_of_duty",
        # agreement with what a reply answers (signals/agreement.py); an extension too
        "agreement",
    }
)


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of code points in one text field."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span {self.start}..{self.end}")


@dataclass(frozen=True, slots=True)
class Signal:
    """One cue found in a text field or in the actor's situation.

    Attributes:
        kind: one of :data:`SIGNAL_KINDS`.
        text: the words that triggered it, exactly as in the field (``text[start:end]``);
            for situation signals a short description (``"official"``, ``"Syria"``).
        where: ``text``, ``target.name``, ``target.content[n]``, or ``actor``/``context``
            for signals that come from the situation rather than the words.
        start, end: code-point offsets into that field; ``None`` for situation signals.
        value: the normalised thing found (party short name, topic, country, polarity;
            for an attack what it is: insult, slur, accusation, derision ...).
        target: for an attack, whom it is aimed at: ``own_superior``,
            ``own_organisation``, ``office_holder``, ``group`` or ``person``
            (:data:`~.attacks.TARGETS`); for a ``political_opinion`` also
            ``government`` or ``policy`` (:data:`~.opinions.TARGETS`); ``None`` for
            other signals.
    """

    kind: str
    text: str
    where: str = "text"
    start: int | None = None
    end: int | None = None
    value: str | None = None
    target: str | None = None

    @property
    def span(self) -> Span | None:
        """The span as a :class:`Span`, or ``None`` for situation signals."""
        if self.start is None or self.end is None:
            return None
        return Span(self.start, self.end)

    def as_dict(self) -> dict[str, Any]:
        """The contract shape ``{kind, text, where, start, end}`` plus ``value``, and
        ``target`` for an attack."""
        out: dict[str, Any] = {
            "kind": self.kind,
            "text": self.text,
            "where": self.where,
            "start": self.start,
            "end": self.end,
            "value": self.value,
        }
        if self.target is not None:
            out["target"] = self.target
        return out
