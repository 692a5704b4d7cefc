"""Suggested answers to the employee's questions, read from their text and details.

A suggestion is never a fact (shared/cases/README.md, "What the employee tells the check":
"the product may infer an answer from the text and show it as a suggestion, never as a
fact"): the check never weighs it; the page shows it as "suggested from your text —
confirm" and only the employee's own answer enters the case. Each suggestion says where
it came from: the signal kind or cue (``basis``), the field (``where``) and the words with
their span, so that the employee sees why it is suggested.

What suggests what:

- ``context.own_area``: a ``portfolio_topic`` signal (the text shares the specific words
  of a topic of the actor's portfolio) suggests yes; with the optional embedder switched
  on (:mod:`zorgvuldig.signals.relatedness`), so does a text whose meaning is close to a
  topic though it shares none of its words (``basis`` ``portfolio_relatedness``, the
  topic as ``text``, no span);
- ``context.work_information``: a ``nonpublic_information`` signal suggests ``not_public``;
- ``context.addressees``: an ``addressee`` signal whose value is one of the contract's
  addressees; until the signal package has that kind, the address forms below (a
  greeting or a sentence opening with "team", "collega's", "colleagues", "journalists",
  "mijn medewerkers", "my staff") and @mentions; an @mention says the post tags someone
  but not who they are, so it points at the question without an answer (``value`` None);
- ``action.links_campaign``: a ``campaign_link`` signal suggests yes; until the signal
  package has that kind, a link in a text that names a party or candidate, takes a stance
  or asks for support suggests yes, any other link points at the question (``value``
  None);
- ``actor.account_shows``: the contract's default from ``actor.account``
  (``personal_identifiable`` -> ``employer``, ``personal_anonymous`` -> ``nothing``).

Whether a post invites giving or links to a campaign is in its words: those two are asked
only when the words point at them (:func:`words_point_at`).

Pure: no Django, no database, no logging.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from zorgvuldig.signals.relatedness import related_topic
from zorgvuldig.signals.types import Signal

from .cases import Case
from .types import ADDRESSEES

#: A suggested answer: ``True``/``False``, an enumerated value, a tuple of addressees, or
#: ``None`` when the text bears on the question without suggesting which answer.
Answer = bool | str | tuple[str, ...] | None


@dataclass(frozen=True)
class Suggestion:
    """An answer the text or the details suggest, and what suggests it.

    Attributes:
        value: the suggested answer (see :data:`Answer`).
        basis: what suggests it: a signal kind (``portfolio_topic``,
            ``nonpublic_information``, ``addressee``, ``campaign_link``) or a cue
            (``portfolio_relatedness``, ``address_form``, ``mention``, ``link``,
            ``account``).
        where: the field: ``text``, ``target.name``, ``target.content[n]``, or ``actor``
            for a suggestion from the details.
        text: the words that suggest it (for ``account``: the account given; for
            ``portfolio_relatedness``: the portfolio topic the text is close to).
        start, end: code-point offsets of ``text`` in ``where``; ``None`` for ``actor``.
    """

    value: Answer
    basis: str
    where: str
    text: str
    start: int | None = None
    end: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """``{value, basis, where, text, start, end}``; a tuple value as a list."""
        value = list(self.value) if isinstance(self.value, tuple) else self.value
        return {
            "value": value,
            "basis": self.basis,
            "where": self.where,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


def _from_signal(signal: Signal, value: Answer, basis: str = "") -> Suggestion:
    return Suggestion(
        value, basis or signal.kind, signal.where, signal.text, signal.start, signal.end
    )


def _spanned(signals: Sequence[Signal], kind: str) -> Signal | None:
    """The first signal of ``kind`` found in the words (not in the situation)."""
    return next((s for s in signals if s.kind == kind and s.start is not None), None)


def _own_area(case: Case, signals: Sequence[Signal]) -> Suggestion | None:
    found = _spanned(signals, "portfolio_topic")
    if found:
        return _from_signal(found, True)
    target = case.action.target
    fields = [("text", case.text), ("target.name", target.name if target else None)]
    for where, text in fields:
        related = related_topic(text, case.actor.portfolio)
        if related is not None:
            return Suggestion(True, "portfolio_relatedness", where, related.topic)
    return None


def _work_information(case: Case, signals: Sequence[Signal]) -> Suggestion | None:
    found = _spanned(signals, "nonpublic_information")
    return _from_signal(found, "not_public") if found else None


def _account_shows(case: Case, signals: Sequence[Signal]) -> Suggestion | None:
    value = _ACCOUNT_DEFAULT.get(case.actor.account or "")
    if value is None:
        return None
    return Suggestion(value, "account", "actor", case.actor.account or "")


#: shared/cases/README.md: ``actor.account_shows`` defaults from ``actor.account``.
_ACCOUNT_DEFAULT = {
    "personal_identifiable": "employer",
    "personal_anonymous": "nothing",
}

# ---- whom a post addresses ------------------------------------------------------------

#: The contract's addressees as a post names them when it speaks to them, in Dutch and
#: English: the categories of shared/cases/README.md put into words, not a list fitted to
#: texts. A possessive makes "staff" the actor's own ("mijn medewerkers", "my staff").
_ADDRESS_WORDS = {
    "subordinates": r"(?:mijn|my)\s+(?:medewerkers|staff|reports|direct\s+reports)",
    "team": r"(?:(?:mijn|ons|my|our)\s+)?(?:team|teamleden|team\s+members)",
    "colleagues": r"(?:(?:mijn|onze|my|our|alle|all)\s+)?"
    r"(?:collega'?s|collega|colleagues|colleague)",
    "journalist": r"(?:journalist|journalisten|journalists|pers|press)",
}
_GREETING = (
    r"(?:beste|lieve|geachte|hoi|hallo|hey|hi|hello|dear|aan|to|attention|let\s+op)"
)
#: An address: at the start of the text or of a sentence, after an optional greeting,
#: followed by a comma, colon or exclamation mark ("Beste collega's,", "Team:", "Dear
#: journalists!").
_ADDRESS = re.compile(
    r"(?:^|(?<=[.!?\n])\s*)(?:" + _GREETING + r"\s+)?(?P<words>"
    + "|".join(f"(?P<{key}>{words})" for key, words in _ADDRESS_WORDS.items())
    + r")\s*[,:!]",
    re.IGNORECASE | re.MULTILINE,
)  # fmt: skip
_MENTION = re.compile(r"(?<![\w@])@(\w{1,50})")


def _addressees(case: Case, signals: Sequence[Signal]) -> Suggestion | None:
    # the ``addressee`` signal, once the signal package finds it, takes precedence
    told = [s for s in signals if s.kind == "addressee" and s.start is not None]
    known = [s for s in told if s.value in ADDRESSEES]
    if known:
        values = tuple(dict.fromkeys(str(s.value) for s in known))
        return _from_signal(known[0], values)
    if told:  # an @mention: someone is tagged, but not who they are to the actor
        first = told[0]
        return Suggestion(
            None, "mention", first.where, first.text, first.start, first.end
        )
    text = case.text or ""
    address = _ADDRESS.search(text)
    if address is not None:
        key = next(k for k in _ADDRESS_WORDS if address.group(k))
        start, end = address.span("words")
        return Suggestion((key,), "address_form", "text", text[start:end], start, end)
    mention = _MENTION.search(text)
    if mention is not None:
        start, end = mention.span()
        return Suggestion(None, "mention", "text", mention.group(), start, end)
    return None


# ---- links ----------------------------------------------------------------------------

_LINK = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)
#: Signal kinds that make a link in the same field likely to lead to a campaign.
_CAMPAIGN_KINDS = frozenset({"party_or_candidate", "partisan_stance", "solicitation"})


def _links_campaign(case: Case, signals: Sequence[Signal]) -> Suggestion | None:
    found = _spanned(signals, "campaign_link")
    if found is not None:
        return _from_signal(found, True)
    target = case.action.target
    fields = [("text", case.text), ("target.name", target.name if target else None)]
    for where, text in fields:
        link = _LINK.search(text or "")
        if link is None:
            continue
        kinds = {s.kind for s in signals if s.where == where}
        value = True if kinds & _CAMPAIGN_KINDS else None
        return Suggestion(value, "link", where, link.group(), *link.span())
    return None


#: Fields whose answer lies in the words the employee writes or shares, with the signal
#: kinds that point at them: whether a post invites giving, whether it links to a campaign
#: (any link points at that, see :func:`_links_campaign`). The questions ask these only
#: when the words point at them; a post about a bike ride is not asked whether it
#: invites donations.
IN_THE_WORDS = {
    "action.invites_giving": frozenset(
        {"solicitation", "party_or_candidate", "partisan_stance"}
    ),
    "action.links_campaign": frozenset({"campaign_link"}),
}


def words_point_at(field: str, case: Case, signals: Sequence[Signal]) -> bool:
    """Whether the words of the case give a reason to ask ``field``: always, for a field
    not in :data:`IN_THE_WORDS`; for those, a signal of one of its kinds in the words
    (not the situation), or for ``action.links_campaign`` a link."""
    kinds = IN_THE_WORDS.get(field)
    if kinds is None:
        return True
    if any(s.kind in kinds and s.start is not None for s in signals):
        return True
    return (
        field == "action.links_campaign" and _links_campaign(case, signals) is not None
    )


#: The field each suggestion is for (``section.name``) and how it is read.
_SUGGESTERS: dict[str, Callable[[Case, Sequence[Signal]], Suggestion | None]] = {
    "actor.account_shows": _account_shows,
    "context.own_area": _own_area,
    "context.work_information": _work_information,
    "context.addressees": _addressees,
    "action.links_campaign": _links_campaign,
}


def suggest(field: str, case: Case, signals: Sequence[Signal]) -> Suggestion | None:
    """What the case's text or details suggest as the answer to ``field``.

    Args:
        field: a told field, ``section.name`` (``"context.own_area"``).
        case: the parsed case.
        signals: its signals (:func:`~zorgvuldig.rulebooks.check.collect_signals`).
    Returns:
        a :class:`Suggestion`, or ``None`` when nothing suggests an answer (and for fields
        that are never suggested).
    """
    read = _SUGGESTERS.get(field)
    return read(case, signals) if read else None
