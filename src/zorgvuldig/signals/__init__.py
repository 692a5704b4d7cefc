"""Text signals: pure functions over text (no Django, no database).

Public surface for the other apps:

- :func:`detect` — every cue in one text field, as :class:`Signal` objects with spans;
- :func:`situation_signals` — signals of the actor's situation (official account,
  sensitive country) without a span;
- :func:`normalise_country`, :func:`guess_language`;
- :class:`Signal`, :class:`Span`, :data:`SIGNAL_KINDS`.

Word lists live in ``signals/data/`` with their sources and are loaded once, on first use,
so importing this package is cheap. The measure-word analyser (``measures.py``) is a
separate module of this package with its own entry points.
"""

from __future__ import annotations

from collections.abc import Iterable

from .countries import normalise_country
from .language import guess_language
from .situation import situation_signals
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
) -> list[Signal]:
    """Every cue in one text field.

    Args:
        text: the field's text (``None`` or empty gives no signals).
        where: the name of the field (``text``, ``target.name``, ``target.content[n]``);
            spans are Python ``str`` indices into it.
        portfolio: the actor's portfolio topics, for ``portfolio_topic``.
        language: ``"nl"`` or ``"en"`` when known; guessed from the text otherwise.
        function: the actor's function title, recognised as an ``official_title`` after
            "as"/"als".
    Returns:
        the signals in text order (by start, then kind); kinds are those of
        :data:`SIGNAL_KINDS` except the situation kinds.
    """
    from .entities import find_entities
    from .nonpublic import find_nonpublic
    from .official import find_official_titles
    from .portfolio import find_portfolio_topics
    from .solicitation import find_solicitations
    from .stance import find_stances
    from .tone import find_flippant, find_insults

    if not text:
        return []
    lang = language or guess_language(text)
    entities = find_entities(text, where=where)
    found = [
        *entities,
        *find_stances(text, entities, where=where),
        *find_portfolio_topics(text, tuple(portfolio), where=where, language=lang),
        *find_insults(text, where=where, language=lang),
        *find_flippant(text, where=where),
        *find_nonpublic(text, where=where),
        *find_solicitations(text, where=where),
        *find_official_titles(text, where=where, function=function),
    ]
    from .countries import find_sensitive_countries

    found.extend(find_sensitive_countries(text, where=where))
    unique = dict.fromkeys(found)
    return sorted(unique, key=lambda s: (s.start or 0, s.end or 0, s.kind))
