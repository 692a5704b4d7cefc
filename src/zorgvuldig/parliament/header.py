"""The header of a set of written questions: who asks whom, about what.

"Vragen van het lid X (Partij) aan de minister van … over … (ingezonden 28 februari 2012)."
and its variants (several askers, "mede namens", several ministers). Private helper of
:mod:`.parsing`; no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .types import Asker

HEADER_START = re.compile(
    r"(?<![Oo]p\s)\bVragen\s+van\s+(?:het\s+(?:kamer)?lid|de\s+(?:kamer)?leden)\s+",
    re.I,
)
_OFFICE = (
    r"(?:minister-president|ministers|minister|staatssecretarissen|staatssecretaris"
    r"|premier|regering|bewindspersonen)\b"
)
_TO = re.compile(rf"\s+aan\s+(?=(?:de\s+|het\s+)?{_OFFICE})", re.I)
_ABOUT = re.compile(
    r"\s+(?:over|betreffende|inzake|omtrent|aangaande|naar\s+aanleiding\s+van"
    r"|met\s+betrekking\s+tot)\s+",
    re.I,
)
_DATE_PARENS = re.compile(r"\(\s*(?:ingezonden|ontvangen)\b[^)]*\)", re.I)
_OFFICE_SPLIT = re.compile(
    rf"\s*(?:,|\s+en|\s+alsmede)\s+(?:de\s+|het\s+)?(?={_OFFICE})", re.I
)
_DEPARTMENT_SPLIT = re.compile(r"\s*(?:,|\s+en)\s+(?=(?:van|voor)\s)", re.I)
_PLURAL_OFFICES = {"ministers": "minister", "staatssecretarissen": "staatssecretaris"}
_NAME_PREFIX = re.compile(
    r"^(?:,|en\b|mede\s+namens\b|namens\b|het\s+(?:kamer)?lid\b|de\s+(?:kamer)?leden\b"
    r"|(?:kamer)?leden\b|(?:kamer)?lid\b)\s*",
    re.I,
)
_PARTY_PREFIX = re.compile(
    r"^(?:beiden|beide|allebei|allen|alle(?:\s+(?:drie|vier|vijf|zes))?)\s+", re.I
)


@dataclass(frozen=True)
class Header:
    askers: tuple[Asker, ...]
    addressees: tuple[str, ...]
    subject: str | None


def _clean_names(part: str) -> list[str]:
    names = []
    for piece in re.split(r"\s*,\s*|\s+en\s+", part):
        name = piece.strip(" .;:")
        for _ in range(4):  # "en het lid X", "mede namens het lid X"
            stripped = _NAME_PREFIX.sub("", name).strip(" .;:")
            if stripped == name:
                break
            name = stripped
        if any(ch.isalpha() for ch in name):
            names.append(name)
    return names


def _parse_askers(text: str) -> tuple[Asker, ...]:
    """'Bakker en Smit (beiden PVV)', 'X (VVD), Y (CDA) en Z (D66)' → askers."""
    askers: list[Asker] = []
    pos = 0
    for m in re.finditer(r"\(([^()]*)\)", text):
        party = _PARTY_PREFIX.sub("", m.group(1).strip()).strip() or None
        askers.extend(Asker(n, party) for n in _clean_names(text[pos : m.start()]))
        pos = m.end()
    askers.extend(Asker(n, None) for n in _clean_names(text[pos:]))
    return tuple(askers)


def _parse_addressees(text: str) -> tuple[str, ...]:
    """'de ministers van X, van Y en van Z' → ('minister van X', …)."""
    text = re.sub(r"^(?:de|het)\s+", "", text.strip(), flags=re.I)
    result: list[str] = []
    for part in _OFFICE_SPLIT.split(text):
        office, _, rest = part.strip().partition(" ")
        singular = _PLURAL_OFFICES.get(office.lower())
        if singular and rest:
            result.extend(
                f"{singular} {dept.strip(' .,')}"
                for dept in _DEPARTMENT_SPLIT.split(rest)
                if dept.strip(" .,")
            )
        elif re.fullmatch(r"minister van algemene zaken", part.strip(" .,"), re.I) and (
            result and result[-1].lower() == "minister-president"
        ):  # one office: "de minister-president, minister van Algemene Zaken"
            result[-1] += ", " + part.strip(" .,")
        elif part.strip(" .,"):
            result.append(part.strip(" .,"))
    return tuple(result)


def parse_header(paragraphs: list[str]) -> Header | None:
    """Find and read the "Vragen van … aan … over …" sentence."""
    for paragraph in paragraphs:
        m = HEADER_START.search(paragraph)
        if m is None:
            continue
        body = paragraph[m.end() :]
        dated = _DATE_PARENS.search(body)
        body = (body[: dated.start()] if dated else body).strip().rstrip(".").strip()
        to = _TO.search(body)
        askers_text, rest = (body[: to.start()], body[to.end() :]) if to else (body, "")
        about = _ABOUT.search(rest if to else askers_text)
        subject = None
        if about:
            if to:
                rest, subject = rest[: about.start()], rest[about.end() :]
            else:
                askers_text, subject = (
                    askers_text[: about.start()],
                    askers_text[about.end() :],
                )
        return Header(
            askers=_parse_askers(askers_text),
            addressees=_parse_addressees(rest) if rest else (),
            subject=(subject or "").strip(" .") or None,
        )
    return None


# --- other facts: number, reference, kind, postponement
