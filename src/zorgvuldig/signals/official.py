"""The actor presenting a personal text as official (``official_title``).

"As Deputy Assistant Secretary of Commerce, I urge ..." lends the office to a message; in
political activity that is barred outright (5 U.S.C. 7323(a)(1), 5 CFR 734.302) and it
always weighs under the Dutch norm (manner; rank). A title counts when introduced by "as",
"als", "in my capacity as" or "speaking as", and as the signature that closes a text ("...
Sign up with me! -- Deputy Regional Administrator, U.S. Environmental Protection Agency":
a dash, the title and its office, nothing after; 5 CFR 734.302 example 1 is such a
signature); "on behalf of the Department" / "namens het ministerie" counts on its own. The
actor's own function title, when known, is a title too. A courtesy form of address ("The
Honorable Jane Doe") is no title (5 CFR 734.302, example 1).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .patterns import CuePatterns
from .text import RUN_RE, Field, as_field, load_data, non_overlapping
from .types import Signal

#: "of Commerce", "at the Department of State", "van Buitenlandse Zaken" after the title.
_OF_OFFICE = (
    r"(?:\s+(?:of|at|for|to|van|bij|voor)\s+(?:the\s+|de\s+|het\s+)?"
    r"(?-i:[A-Z])[\w.-]*(?:\s+(?:of\s+|and\s+|en\s+)?(?-i:[A-Z])[\w.-]*){0,4})?"
)


#: The office after a signature's title: ", U.S. Environmental Protection Agency", ", EPA".
_COMMA_OFFICE = (
    r",\s*(?:the\s+)?(?-i:[A-Z])[\w.&'\u2019-]*"
    r"(?:\s+(?:of\s+|and\s+|for\s+|on\s+|the\s+){0,2}(?-i:[A-Z])[\w.&'\u2019-]*){0,6}"
)
_SIGNED_OFFICE = rf"(?:{_OF_OFFICE[:-1]}(?:{_COMMA_OFFICE})?|{_COMMA_OFFICE})"


@cache
def _data() -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    data = load_data("titles.yaml")
    return (
        tuple(data["titles"]),
        "|".join(f"(?:{p})" for p in data["capacity_lead"]),
        tuple(data["on_behalf"]),
    )


def _capacity(names: list[str]) -> re.Pattern[str]:
    _titles, lead, _ = _data()
    body = "|".join(
        re.escape(t).replace(r"\ ", r"\s+")
        for t in sorted(names, key=len, reverse=True)
    )
    return re.compile(
        rf"(?:{lead})(?:[\w-]+\s+){{0,3}}?(?:{body})(?!\w){_OF_OFFICE}", re.IGNORECASE
    )


def _signature(names: list[str]) -> re.Pattern[str]:
    """A closing signature: a dash, up to three capitalised words before the title
    ("Deputy Regional"), the title, its office, and the end of the text."""
    body = "|".join(
        re.escape(t).replace(r"\ ", r"\s+")
        for t in sorted(names, key=len, reverse=True)
    )
    return re.compile(
        rf"(?:[\u2013\u2014~]|(?<!\w)--?)\s*(?:(?-i:[A-Z])[\w.-]*\s+){{0,3}}?(?:{body})(?!\w)"
        rf"{_SIGNED_OFFICE}\s*[.!]?\s*$",
        re.IGNORECASE,
    )


def _longest_runs(names: list[str]) -> list[str]:
    """The longest word of each title: a match of the title holds it as a whole word."""
    return [max(RUN_RE.findall(n), key=len) for n in names if RUN_RE.search(n)]


@cache
def _static() -> CuePatterns:
    titles, _lead, on_behalf = _data()
    keys = _longest_runs(list(titles))
    return CuePatterns(
        [
            (_capacity(list(titles)), keys),
            (_signature(list(titles)), keys),
            *on_behalf,
        ]
    )


@lru_cache(maxsize=256)
def _for_function(function: str) -> CuePatterns:
    name = " ".join(function.split())
    keys = _longest_runs([name])
    return CuePatterns(
        [(_capacity([name]), keys), (_signature([name]), keys)],
        gate_name="function-titles",
    )


def find_official_titles(
    text: str | Field, *, where: str = "text", function: str | None = None
) -> list[Signal]:
    """Phrases of ``text`` that speak in an official capacity.

    Args:
        text: the field's text (or the field, already analysed).
        where: the field name the spans refer to (when ``text`` is a string).
        function: the actor's function title (``"deputy assistant secretary"``), if known.
    Returns:
        ``official_title`` signals in text order.
    """
    field = as_field(text, where)
    candidates = _static().candidates(field)
    if function and function.strip():
        candidates += _for_function(function).candidates(field)
    if not candidates:  # most texts: no title word, nothing to run
        return []
    matches = [
        (m.start(), m.start() + len(m.group().rstrip()), m.group().rstrip())
        for pattern in candidates
        for m in pattern.finditer(field.text)
    ]
    if not matches:
        return []
    return [
        Signal("official_title", found, field.where, start, end)
        for start, end, found in non_overlapping(matches)
    ]
