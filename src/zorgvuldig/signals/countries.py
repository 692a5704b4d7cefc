"""Countries: normalising names and finding sensitive ones (``sensitive_country``).

Countries may be given as English or Dutch names or ISO 3166-1 alpha-2 codes (``Syria``,
``Syrië``, ``SY``; shared/cases/README.md). Which countries are sensitive, and why, is in
``data/countries.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import compile_alternation, fold, load_data
from .types import Signal


@dataclass(frozen=True, slots=True)
class Country:
    """A known country: ISO code, English and Dutch name, whether it is sensitive."""

    code: str
    en: str
    nl: str
    sensitive: bool


@dataclass(frozen=True, slots=True)
class _Table:
    by_name: dict[str, Country]
    mention: re.Pattern[str] | None


@cache
def _table() -> _Table:
    by_name: dict[str, Country] = {}
    sensitive_names: list[str] = []
    for row in load_data("countries.yaml")["countries"]:
        country = Country(row["code"], row["en"], row["nl"], bool(row.get("sensitive")))
        names = [row["en"], row["nl"], *(row.get("aliases") or ())]
        for name in [*names, *(row.get("cities") or ())]:
            by_name[fold(name)] = country
        by_name[fold(row["code"])] = country
        if country.sensitive:
            sensitive_names += names + list(row.get("cities") or ())
    return _Table(by_name, compile_alternation(sensitive_names, ignore_case=True))


def lookup_country(name: str | None) -> Country | None:
    """The country named ``name`` (English, Dutch, alias or ISO code), or ``None``."""
    if not name or not name.strip():
        return None
    return _table().by_name.get(fold(" ".join(name.split())))


def normalise_country(name: str | None) -> str | None:
    """The English name of a country given in any known form; unknown names unchanged.

    Returns:
        e.g. ``"Syria"`` for ``"Syrië"`` or ``"SY"``; ``None`` for an empty value.
    """
    if name is None or not str(name).strip():
        return None
    country = lookup_country(str(name))
    return country.en if country else " ".join(str(name).split())


def find_sensitive_countries(text: str, *, where: str = "text") -> list[Signal]:
    """Mentions of sensitive countries (or their capitals) in ``text``.

    Returns:
        ``sensitive_country`` signals with ``value`` = the country's English name.
    """
    pattern = _table().mention
    if pattern is None:
        return []
    found = []
    for m in pattern.finditer(text):
        country = lookup_country(m.group())
        found.append(
            Signal(
                "sensitive_country",
                m.group(),
                where,
                m.start(),
                m.end(),
                country.en if country else None,
            )
        )
    return found
