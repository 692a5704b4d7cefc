"""Text signals: pure functions over text (no Django, no database).

Public surface for the other apps:

- :func:`detect` — every cue in one text field, as :class:`Signal` objects with spans;
- :func:`situation_signals` — signals of the actor's situation (official account,
  sensitive country) without a span;
- :func:`normalise_country`, :func:`guess_language`;
- :class:`Signal`, :class:`Span`, :data:`SIGNAL_KINDS`.

Value judgements on policies, governments and office holders (``political_opinion``,
:mod:`.opinions`) carry a ``target`` too. Attacks (``insult``, ``personal_attack``,
``discrimination_or_conspiracy``, ``incitement``, ``criticism_of_own_organisation``)
carry a ``target`` (:mod:`.attacks`); negation and quotation scope is :mod:`.scope`,
shared with the measure-word analyser.
Word lists live in ``signals/data/`` with their sources and are loaded once, on first use,
so importing this package is cheap (the cue modules it imports read no data at import).
The measure-word analyser (``measures.py``) is a
separate module of this package with its own entry points.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache

from .addressees import ADDRESSEE_GATE, find_addressees, may_address
from .addressees import _patterns as _addressee_patterns
from .agreement import find_agreement
from .agreement import patterns as _agreement_patterns
from .attack_gate import cues_to_run as _may_attack
from .attack_lexicon import GATES as _ATTACK_GATES
from .attack_lexicon import lists as _attack_lists
from .attacks import find_attacks
from .campaigns import SLOGANS_GATE
from .countries import _table as _country_table
from .countries import find_sensitive_countries, normalise_country
from .entities import _lexicon as _entity_lexicon
from .entities import find_campaign_links, find_entities
from .language import guess_language
from .links import LINKS_GATE
from .nonpublic import _patterns as _nonpublic_patterns
from .nonpublic import find_nonpublic
from .official import _for_function as _function_patterns
from .official import _static as _title_patterns
from .official import find_official_titles
from .opinions import GATES as _OPINION_GATES
from .opinions import find_opinions
from .opinions import lexicons as _opinion_lexicons
from .patterns import CuePatterns, may_match_any_text
from .portfolio import find_portfolio_topics
from .propriety import _patterns as _propriety_patterns
from .propriety import find_accounts, find_propriety
from .propriety import may_match as _may_be_propriety
from .refusal import find_refusals, may_refuse
from .refusal import patterns as _refusal_patterns
from .situation import situation_signals
from .solicitation import _party_office as _party_office_patterns
from .solicitation import _patterns as _solicitation_patterns
from .solicitation import find_party_office_candidacies, find_solicitations
from .stance import _cues as _stance_cues
from .stance import find_stances
from .text import Field
from .tone import _flippant as _flippant_patterns
from .tone import find_flippant
from .types import SIGNAL_KINDS, Signal, Span

#: Gates that mark common words; a text marked by these alone runs only their own cues.
_WEAK_GATES = (
    frozenset({SLOGANS_GATE, LINKS_GATE, ADDRESSEE_GATE})
    | _ATTACK_GATES
    | _OPINION_GATES
)

__all__ = [
    "SIGNAL_KINDS",
    "Signal",
    "Span",
    "detect",
    "guess_language",
    "normalise_country",
    "situation_signals",
]


def detect(
    text: str | None,
    *,
    where: str = "text",
    portfolio: Iterable[str] = (),
    language: str | None = None,
    function: str | None = None,
    on: dt.date | None = None,
    organisation: str | None = None,
) -> list[Signal]:
    """Every cue in one text field.

    The text is tokenised once (:class:`~.text.Field`); each cue looks only at the
    words it needs, and regular expressions run only on texts holding their key words.

    Args:
        text: the field's text (``None`` or empty gives no signals).
        where: the name of the field (``text``, ``target.name``, ``target.content[n]``);
            spans are Python ``str`` indices into it.
        portfolio: the actor's portfolio topics, for ``portfolio_topic``.
        language: ``"nl"`` or ``"en"`` when known; guessed from the text otherwise.
        function: the actor's function title, recognised as an ``official_title`` after
            "as"/"als".
        on: the date of the check, for the list of sensitive countries in force that day
            and the campaign slogans and hashtags of that day (``None``: the latest list,
            today's slogans).
        organisation: the actor's organisation, whose name counts as a reference to
            their own organisation (``criticism_of_own_organisation``).
    Returns:
        the signals in text order (by start, then kind); kinds are those of
        :data:`SIGNAL_KINDS` except the situation kinds.
    """
    if not text:
        return []
    field = Field(text, where, language)
    own_title = _prepare(function)
    found: list[Signal] = []
    if portfolio:
        found += find_portfolio_topics(field, portfolio)
    # About half of all texts hold no word that any cue looks for (each cue's gate,
    # text.Gate, marks its words), and most of the rest only a few: skip the lot, or
    # ask each cue's gate before running the cue.
    marked = field.marked
    attack = _may_attack(field, organisation)
    # Words of slogans, links, greetings and attacks are common ones ("America",
    # "Labour", "team", "state" for "deep state"): a text marked by those gates alone
    # needs only their own cues, and only the attack check says whether an attack cue
    # may fire.
    if may_match_any_text(field.text) or not _WEAK_GATES.issuperset(marked):
        found += _cues(field, own_title, function, on, organisation, attack)
    else:  # no other cue can match: only those of these gates run
        found += _party_link_attack_cues(
            field, on, organisation, attack, parties=SLOGANS_GATE in marked
        )
    found += find_accounts(field)  # the target's name only
    if len(found) < 2:
        return found
    unique = dict.fromkeys(found)
    return sorted(unique, key=lambda s: (s.start or 0, s.end or 0, s.kind))


def _cues(
    field: Field,
    own_title: CuePatterns | None,
    function: str | None,
    on: dt.date | None,
    organisation: str | None = None,
    attack: frozenset[str] = frozenset(),
) -> list[Signal]:
    """The signals of every cue whose gate lets ``field`` through (``attack``: the
    attack cues that may fire, from :func:`~.attacks.may_match`)."""
    found = _party_link_attack_cues(
        field,
        on,
        organisation,
        attack,
        parties=_entity_lexicon().may_match(field),
        mentions=True,
    )
    if _flippant_patterns().may_match(field):
        found += find_flippant(field)
    if _nonpublic_patterns().may_match(field):
        found += find_nonpublic(field)
    if _solicitation_patterns().may_match(field):
        found += find_solicitations(field)
    if _party_office_patterns().may_match(field):
        found += find_party_office_candidacies(field)
    if _title_patterns().may_match(field) or (
        own_title is not None and own_title.may_match(field)
    ):
        found += find_official_titles(field, function=function)
    if _country_table().may_match(field):
        found += find_sensitive_countries(field, on=on)
    if _may_be_propriety(field):
        found += find_propriety(field)
    if may_refuse(field):
        found += find_refusals(field)
    if _agreement_patterns().may_match(field):
        found += find_agreement(field)
    return found


def _party_link_attack_cues(
    field: Field,
    on: dt.date | None,
    organisation: str | None,
    attack: frozenset[str],
    *,
    parties: bool,
    mentions: bool = False,
) -> list[Signal]:
    """Parties and candidates with the stances taken on them (when ``parties``), campaign
    links, addressees (an ``@`` counts too when ``mentions``) and the ``attack`` cues, which
    read the parties found to tell an office holder from a person."""
    found: list[Signal] = []
    entities: list[Signal] = []
    if parties:
        entities = find_entities(field, on=on)
        if entities:
            found += entities
            named = [s for s in entities if s.kind == "party_or_candidate"]
            found += find_stances(field, named)
    marked = field.marked
    if LINKS_GATE in marked:
        found += find_campaign_links(field)
    if may_address(field) if mentions else ADDRESSEE_GATE in marked:
        found += find_addressees(field)
    if attack:
        found += find_attacks(
            field, organisation=organisation, entities=entities, run=attack
        )
    if not marked.keys().isdisjoint(_OPINION_GATES):
        found += find_opinions(field, organisation=organisation, entities=entities)
    return found


@cache
def _load_cues() -> None:
    """Read every cue's word lists once; each makes the gates that mark its words."""
    for load in (
        _stance_cues,
        _attack_lists,
        _flippant_patterns,
        _nonpublic_patterns,
        _solicitation_patterns,
        _party_office_patterns,
        _title_patterns,
        _country_table,
        _addressee_patterns,
        _propriety_patterns,
        _opinion_lexicons,
        _refusal_patterns,
        _agreement_patterns,
    ):
        load()


def _prepare(function: str | None) -> CuePatterns | None:
    """Make sure every gate that may mark a word of the field exists before asking.

    The entity lists may be rebuilt (``add_entities``) and the actor's function title
    has patterns of its own, so those two are asked for on every call (both cached).

    Returns:
        the patterns of the function title, when there is one.
    """
    _load_cues()
    _entity_lexicon()
    if function and function.strip():
        return _function_patterns(function)
    return None
