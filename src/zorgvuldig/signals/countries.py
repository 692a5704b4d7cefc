"""Countries: normalising names and finding sensitive ones (``sensitive_country``).

Countries may be given as English or Dutch names or ISO 3166-1 alpha-2 codes (``Syria``,
``Syrië``, ``SY``; shared/cases/README.md). Which countries are sensitive, since when and
on which list (US State Sponsors of Terrorism, EU and UN sanctions regimes) is in
``data/countries.yaml``, a dated list with its sources: a country is sensitive on the
dates one of its listings is in force, so a check of a 2012 post applies the 2012 list.

A text mentions a country by its English or Dutch name, an alias, a capital or large city
("Damascus" -> Syria), an adjective ("Syrian", "Syrische"), or a Dutch compound that
starts with a name ("Ruslandbeleid", "Syriëgangers").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache, lru_cache

from .names import NameTrie
from .text import Field, as_field, fold, gate, load_data, non_overlapping
from .types import Signal

#: A name must be at least this long to be matched at the start of a compound ...
MIN_COMPOUND_NAME = 4
#: ... and the rest of the compound at least this long ("Rusland|beleid", "Iran|beleid";
#: not "Cuba|ture").
MIN_COMPOUND_REST = 5
#: The gate marking the words that start with the name of a sensitive country.
COMPOUND_GATE = "country-compounds"


@dataclass(frozen=True, slots=True)
class Listing:
    """One period on one list: from ``start`` (inclusive) to ``end`` (exclusive)."""

    list: str
    start: dt.date | None = None
    end: dt.date | None = None

    def in_force(self, on: dt.date | None) -> bool:
        """Whether the listing holds on ``on`` (``None``: as of the list's date)."""
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (
            self.end is None or on < self.end
        )


@dataclass(frozen=True, slots=True)
class Country:
    """A known country: ISO code, English and Dutch name, and its listings (if any)."""

    code: str
    en: str
    nl: str
    listings: tuple[Listing, ...] = ()

    def sensitive_on(self, on: dt.date | None) -> bool:
        """Whether one of its listings is in force on ``on`` (``None``: the latest)."""
        return any(listing.in_force(on) for listing in self.listings)


@dataclass(frozen=True, slots=True)
class _Table:
    by_name: dict[str, Country]
    by_code: dict[str, Country]
    mentions: NameTrie
    compound_names: dict[str, Country]
    as_of: dt.date

    def may_match(self, field: Field) -> bool:
        """Whether a sensitive country may be named in ``field``."""
        return self.mentions.may_match(field) or COMPOUND_GATE in field.marked


def _date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@cache
def _table() -> _Table:
    data = load_data("countries.yaml")
    by_name: dict[str, Country] = {}
    by_code: dict[str, Country] = {}
    mentions = NameTrie()
    mentioned: list[tuple[str, str, bool]] = []
    compound: dict[str, Country] = {}
    for row in data["countries"]:
        listings = tuple(
            Listing(li["list"], _date(li.get("from")), _date(li.get("to")))
            for li in row.get("listings") or ()
        )
        unknown = [li.list for li in listings if li.list not in data["lists"]]
        if unknown:
            raise ValueError(
                f"countries.yaml: {row['code']}: unknown list {unknown[0]!r}"
            )
        country = Country(row["code"], row["en"], row["nl"], listings)
        names = [row["en"], row["nl"], *(row.get("aliases") or ())]
        places = [*(row.get("cities") or ()), *(row.get("adjectives") or ())]
        for name in [*names, *places]:
            by_name[_key(name)] = country
        by_code[row["code"].upper()] = country
        if listings:
            mentioned += [(name, row["code"], False) for name in [*names, *places]]
            for name in names:
                folded = fold(name)
                if len(folded) >= MIN_COMPOUND_NAME and folded.isalpha():
                    compound[folded] = country
    mentions.add_all(mentioned)
    compounds = gate(COMPOUND_GATE)
    compounds.clear()
    compounds.add(parts=compound)
    as_of = _date(data["as_of"])
    if as_of is None:
        raise ValueError("countries.yaml: as_of: expected the date of the listings")
    return _Table(by_name, by_code, mentions, compound, as_of)


def _key(name: str) -> str:
    return fold(" ".join(name.split()))


@lru_cache(maxsize=4096)  # every check looks up the countries of its actor and context
def lookup_country(name: str | None) -> Country | None:
    """The country named ``name`` (English, Dutch, alias, city or ISO code), or ``None``."""
    if not name or not name.strip():
        return None
    table = _table()
    stripped = name.strip()
    if len(stripped) == 2 and stripped.isalpha():
        found = table.by_code.get(stripped.upper())
        if found is not None:
            return found
    return table.by_name.get(_key(stripped))


@lru_cache(maxsize=4096)
def normalise_country(name: str | None) -> str | None:
    """The English name of a country given in any known form; unknown names unchanged.

    Returns:
        e.g. ``"Syria"`` for ``"Syrië"`` or ``"SY"``; ``None`` for an empty value.
    """
    if name is None or not str(name).strip():
        return None
    country = lookup_country(str(name))
    return country.en if country else " ".join(str(name).split())


def sensitive_countries(on: dt.date | None = None) -> list[Country]:
    """The countries sensitive on ``on`` (``None``: as of the list's date)."""
    table = _table()
    unique = {c.code: c for c in table.by_code.values()}
    return [c for c in unique.values() if c.sensitive_on(on)]


def list_date() -> dt.date:
    """The date the list of sensitive countries is as of."""
    return _table().as_of


@lru_cache(maxsize=65536)
def _compound_country(run: str) -> Country | None:
    names = _table().compound_names
    for size in range(MIN_COMPOUND_NAME, len(run) - MIN_COMPOUND_REST + 1):
        country = names.get(run[:size])
        if country is not None:
            return country
    return None


def find_sensitive_countries(
    text: str | Field, *, where: str = "text", on: dt.date | None = None
) -> list[Signal]:
    """Mentions of countries sensitive on ``on`` (names, cities, adjectives, compounds).

    Args:
        text: the field's text (or the field, already analysed).
        where: the field name the spans refer to (when ``text`` is a string).
        on: the date of the check (``None``: as of the list's date).
    Returns:
        ``sensitive_country`` signals with ``value`` = the country's English name.
    """
    field = as_field(text, where)
    table = _table()
    mentions = table.mentions.find(field)
    marked = field.marked.get(COMPOUND_GATE)
    if not mentions and not marked:  # most texts name no country at all
        return []
    found: list[tuple[int, int, Country]] = []
    for start, end, name in mentions:
        country = table.by_code[name.value]
        if country.sensitive_on(on):
            found.append((start, end, country))
    min_len = MIN_COMPOUND_NAME + MIN_COMPOUND_REST
    if marked and any(
        _compound_country(r) for w in marked for r in w.runs if len(r) >= min_len
    ):
        for start, end, run, _w in field.runs:
            compound = _compound_country(run) if len(run) >= min_len else None
            if compound is not None and compound.sensitive_on(on):
                found.append((start, end, compound))
    return [
        Signal(
            "sensitive_country",
            field.text[start:end],
            field.where,
            start,
            end,
            country.en,
        )
        for start, end, country in non_overlapping(found)
    ]
