"""The assembly that put written questions, and the answer terms an organisation sets.

Pure Python, no Django. Public surface: :data:`ASSEMBLIES`, :func:`recognise_assembly`,
:func:`answering_assembly`, :func:`assembly_terms` and :func:`assembly_deadline`.

Written questions reach an organisation from the assembly it answers to: a ministry from the
Tweede Kamer and the Eerste Kamer, a province from Provinciale Staten (statenvragen), a
municipality from its gemeenteraad (raadsvragen). Each assembly has its own answer term
(:data:`.terms.DEFAULT_TERMS`, with sources), which an organisation may set in its
``procedure_settings["assemblies"]`` (docs/configuration.md)::

    [{"code": "gemeenteraad", "days": 30, "postponed_days": null}]

The first listed assembly is the organisation's usual one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any, Literal

from .terms import DEFAULT_TERMS, TWEEDE_KAMER, AnswerTerm, answer_deadline

Assembly = Literal["tweede_kamer", "eerste_kamer", "provinciale_staten", "gemeenteraad"]
#: The assemblies whose questions the intake reads (``inquiries.choices.Assembly`` labels
#: the same codes; a parity test keeps them equal).
ASSEMBLIES: tuple[Assembly, ...] = (
    "tweede_kamer",
    "eerste_kamer",
    "provinciale_staten",
    "gemeenteraad",
)
#: Councils: their questions are numbered 1.1, 1.2 … and dated by a "Datum" line as often
#: as by "ingezonden".
COUNCILS: frozenset[str] = frozenset({"provinciale_staten", "gemeenteraad"})

#: How a text names its assembly: the Chamber's own name, the council's members, its
#: executive (Gedeputeerde Staten, the college van B&W) or its kind of question.
_MARKS: tuple[tuple[Assembly, re.Pattern[str]], ...] = (
    (
        "eerste_kamer",
        re.compile(r"\bEerste\s+Kamer\b|\bsenator(?:en)?\b"),
    ),
    ("tweede_kamer", re.compile(r"\bTweede\s+Kamer\b|\bKamerlid\b")),
    (
        "provinciale_staten",
        re.compile(
            r"\bProvinciale\s+Staten\b|\bGedeputeerde\s+Staten\b|\bStatenlid\b"
            r"|\bstatenvragen\b|\bStatenfractie\b|\bCommissaris\s+van\s+de\s+Koning",
            re.I,
        ),
    ),
    (
        "gemeenteraad",
        re.compile(
            r"\bgemeenteraad\b|\braadslid\b|\braadsleden\b|\braadsvragen\b"
            r"|\braadsfractie\b|\braadsvoorzitter\b|\bcollege\s+van\s+(?:B\s*(?:&|en)\s*W"
            r"|burgemeester\s+en\s+wethouders)\b",
            re.I,
        ),
    ),
)
#: How much of the head is read: an assembly named there is the sender's, one named later
#: is more likely a subject of the questions.
_HEAD = 1500


def recognise_assembly(text: str) -> Assembly | None:
    """The assembly the head of ``text`` names first, or ``None`` when it names none.

    Args:
        text: the document's text (only its first 1,500 characters are read).

    Returns:
        One of :data:`ASSEMBLIES`; ``None`` when no assembly is named.
    """
    head = text[:_HEAD]
    found: list[tuple[int, Assembly]] = []
    for code, pattern in _MARKS:
        if m := pattern.search(head):
            found.append((m.start(), code))
    return min(found)[1] if found else None


def assembly_terms(value: Any) -> tuple[dict[str, AnswerTerm], list[str]]:
    """The answer terms an organisation's ``procedure_settings["assemblies"]`` sets.

    Args:
        value: the settings value: ``None`` (not set) or a list of
            ``{"code": one of ASSEMBLIES, "days": int, "postponed_days": int | None}``;
            ``days`` and ``postponed_days`` are optional and default to the assembly's
            shipped term (:data:`.terms.DEFAULT_TERMS`).

    Returns:
        ``(terms, problems)``: the terms by code in the order listed (every shipped term when
        ``value`` is ``None``), and one English sentence per entry left out.
    """
    if value is None:
        return dict(DEFAULT_TERMS), []
    if not isinstance(value, list):
        return dict(DEFAULT_TERMS), [
            'expected a list like [{"code": "gemeenteraad", "days": 30}]'
        ]
    terms: dict[str, AnswerTerm] = {}
    problems: list[str] = []
    for i, entry in enumerate(value):
        problem = _entry_problem(entry, terms)
        if problem:
            problems.append(f"[{i}]: {problem}")
            continue
        shipped = DEFAULT_TERMS[entry["code"]]
        terms[entry["code"]] = AnswerTerm(
            days=entry.get("days", shipped.days),
            postponed_days=entry.get("postponed_days", shipped.postponed_days),
        )
    return terms, problems


def _entry_problem(entry: Any, seen: dict[str, AnswerTerm]) -> str | None:
    if not isinstance(entry, dict):
        return "expected an object with a code"
    code = entry.get("code")
    if code not in ASSEMBLIES:
        return f"unknown assembly code {code!r} (known: {', '.join(ASSEMBLIES)})"
    if code in seen:
        return f"{code} is listed twice"
    unknown = sorted(set(entry) - {"code", "days", "postponed_days"})
    if unknown:
        return (
            f"unknown key(s) {', '.join(unknown)} (known: code, days, postponed_days)"
        )
    days = entry.get("days", 1)
    if not _is_days(days):
        return f"days: expected a whole number of calendar days from 1 to 366, got {days!r}"
    postponed = entry.get("postponed_days")
    if postponed is not None and not _is_days(postponed):
        return (
            "postponed_days: expected null (the notice names the term) or a whole number "
            f"of calendar days from 1 to 366, got {postponed!r}"
        )
    if postponed is not None and "days" in entry and postponed <= days:
        return "postponed_days: expected more days than days (counted from submission)"
    return None


def _is_days(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 366


_MINISTER = re.compile(r"\b(?:minister|staatssecretaris|premier)", re.I)


def answering_assembly(text: str, addressees: tuple[str, ...] = ()) -> Assembly | None:
    """The assembly whose member put the questions in ``text``.

    Questions addressed to a minister or state secretary come from one of the Chambers:
    the Eerste Kamer when the text names it first, else the Tweede Kamer (whatever council
    the questions are about). Otherwise the assembly the head names first
    (:func:`recognise_assembly`), or ``None``.

    Args:
        text: the document's text.
        addressees: whom the question sentence addresses ("de minister van …").
    """
    named = recognise_assembly(text)
    if any(_MINISTER.search(a) for a in addressees):
        return "eerste_kamer" if named == "eerste_kamer" else "tweede_kamer"
    return named


def assembly_deadline(
    submitted: date,
    postponed: bool,
    assembly: str,
    terms: Mapping[str, AnswerTerm],
) -> tuple[date | None, str | None]:
    """The answer deadline in ``assembly``'s term, and a sentence for a person to check.

    Args:
        submitted: the day the questions were submitted.
        postponed: True when the text holds a postponement notice.
        assembly: the assembly's code.
        terms: the answer terms by assembly code.

    Returns:
        ``(deadline, note)``: ``None`` as deadline when ``terms`` has no term for
        ``assembly``, or when postponed under a term whose notice names its own day; the
        note says why, or that a postponement notice was found (else ``None``).
    """
    term = terms.get(assembly)
    if term is None:
        return None, f"no answer term is set for {assembly}: no deadline is set"
    note = None
    if postponed and term == TWEEDE_KAMER:
        note = (
            "a postponement notice was found: the answer is due six weeks "
            "after submission instead of three"
        )
    elif postponed:
        note = (
            "a postponement notice was found: the answer is due on the day it names "
            "(or the assembly's term after a postponement)"
        )
    return answer_deadline(submitted, postponed, term), note
