"""Text signals: pure functions over text (no Django, no database).

Public surface for the other apps:

- :func:`detect` — every cue in one text field, as :class:`Signal` objects with spans;
- :func:`situation_signals` — signals of the actor's situation (official account,
  sensitive country) without a span;
- :func:`normalise_country`, :func:`guess_language`;
- :class:`Signal`, :class:`Span`, :data:`SIGNAL_KINDS`.

Word lists live in ``signals/data/`` with their sources and are loaded once, on first use,
so importing this package is cheap (the cue modules it imports read no data at import).
The measure-word analyser (``measures.py``) is a
separate module of this package with its own entry points.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .countries import find_sensitive_countries, normalise_country
from .entities import find_entities
from .language import guess_language
from .lexicon import Field
from .nonpublic import find_nonpublic
from .official import find_official_titles
from .portfolio import find_portfolio_topics
from .situation import situation_signals
from .solicitation import find_solicitations
from .stance import find_stances
from .tone import find_flippant, find_insults
from .types import SIGNAL_KINDS, Signal, Span

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
) -> list[Signal]:
    """Every cue in one text field.

    The text is tokenised once (:class:`~.lexicon.Field`); each cue looks only at the
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
            (``None``: the latest list).
    Returns:
        the signals in text order (by start, then kind); kinds are those of
        :data:`SIGNAL_KINDS` except the situation kinds.
    """
    if not text:
        return []
    field = Field(text, where, language)
    entities = find_entities(field)
    found: list[Signal] = []
    for signals in (
        entities,
        find_stances(field, entities) if entities else (),
        find_portfolio_topics(field, portfolio) if portfolio else (),
        find_insults(field),
        find_flippant(field),
        find_nonpublic(field),
        find_solicitations(field),
        find_official_titles(field, function=function),
        find_sensitive_countries(field, on=on),
    ):
        if signals:
            found.extend(signals)
    if len(found) < 2:
        return found
    unique = dict.fromkeys(found)
    return sorted(unique, key=lambda s: (s.start or 0, s.end or 0, s.kind))
