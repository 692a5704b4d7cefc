"""The actor presenting a personal text as official (``official_title``).

"As Deputy Assistant Secretary of Commerce, I urge ..." lends the office to a message; in
political activity that is barred outright (5 U.S.C. 7323(a)(1), 5 CFR 734.302) and it
always weighs under the Dutch norm (manner; rank). A title counts when introduced by "as",
"als", "in my capacity as" or "speaking as"; "on behalf of the Department" / "namens het
ministerie" counts on its own. The actor's own function title, when known, is a title too.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .lexicon import load_data, non_overlapping
from .types import Signal

#: "of Commerce", "at the Department of State", "van Buitenlandse Zaken" after the title.
_OF_OFFICE = (
    r"(?:\s+(?:of|at|for|to|van|bij|voor)\s+(?:the\s+|de\s+|het\s+)?"
    r"(?-i:[A-Z])[\w.-]*(?:\s+(?:of\s+|and\s+|en\s+)?(?-i:[A-Z])[\w.-]*){0,4})?"
)


@cache
def _data() -> tuple[tuple[str, ...], str, tuple[re.Pattern[str], ...]]:
    data = load_data("titles.yaml")
    return (
        tuple(data["titles"]),
        "|".join(f"(?:{p})" for p in data["capacity_lead"]),
        tuple(re.compile(p) for p in data["on_behalf"]),
    )


@lru_cache(maxsize=256)
def _capacity_pattern(function: str | None) -> re.Pattern[str]:
    titles, lead, _ = _data()
    names = list(titles)
    if function and function.strip():
        names.append(" ".join(function.split()))
    body = "|".join(
        re.escape(t).replace(r"\ ", r"\s+")
        for t in sorted(names, key=len, reverse=True)
    )
    return re.compile(
        rf"(?:{lead})(?:[\w-]+\s+){{0,3}}?(?:{body})(?!\w){_OF_OFFICE}", re.IGNORECASE
    )


def find_official_titles(
    text: str, *, where: str = "text", function: str | None = None
) -> list[Signal]:
    """Phrases of ``text`` that speak in an official capacity.

    Args:
        text: the field's text.
        where: the field name the spans refer to.
        function: the actor's function title (``"deputy assistant secretary"``), if known.
    Returns:
        ``official_title`` signals in text order.
    """
    patterns = [_capacity_pattern(function), *_data()[2]]
    matches = (
        (m.start(), m.start() + len(m.group().rstrip()), m.group().rstrip())
        for pattern in patterns
        for m in pattern.finditer(text)
    )
    return [
        Signal("official_title", found, where, start, end)
        for start, end, found in non_overlapping(matches)
    ]
