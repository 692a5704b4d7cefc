"""Signals that come from the situation rather than the words (``where`` = actor/context).

An official account speaks for the organisation (Gedragscode Integriteit Rijk 2019 §5.3;
OSC: official accounts may not engage in political activity; GCS propriety guidance), and
official travel to, or a posting in, a sensitive country makes any post a political signal
(DESIGN.md §1, the 2010 Syria tweets). These signals have no span.
"""

from __future__ import annotations

import datetime as dt

from .countries import lookup_country
from .types import Signal


def situation_signals(
    *,
    account: str | None = None,
    official_travel: str | None = None,
    posted_in: str | None = None,
    on: dt.date | None = None,
) -> list[Signal]:
    """Signals of the actor's situation.

    Args:
        account: ``official`` | ``personal_identifiable`` | ``personal_anonymous``.
        official_travel: the country of an official trip (any known form), or ``None``.
        posted_in: the country the actor is posted in, or ``None``.
        on: the date of the check: the list of sensitive countries of that day applies
            (``None``: the latest list).
    Returns:
        ``official_account`` (where ``actor``) and ``sensitive_country`` (where ``context``
        for official travel, ``actor`` for a posting) signals, with ``start``/``end`` ``None``.
    """
    found = []
    if account == "official":
        found.append(
            Signal("official_account", "official", "actor", None, None, "official")
        )
    for where, name in (("context", official_travel), ("actor", posted_in)):
        country = lookup_country(name)
        if country is not None and country.sensitive_on(on):
            found.append(
                Signal(
                    "sensitive_country",
                    name or country.en,
                    where,
                    None,
                    None,
                    country.en,
                )
            )
    return found
