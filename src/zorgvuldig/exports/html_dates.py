"""Dates as the Facebook HTML export writes them: text, in the account's language, mostly
without a time zone.

Forms read (each seen in public parsers; the Dutch one built from the CLDR month
abbreviations, see ``tests/data/README.md``):

- 2019 on: ``Mar 01, 2010 10:15:30 am``, ``Nov 19, 2024 7:07 am``, ``May 31, 2026 at 7:57
  am`` (Meta's DYI HTML; parsers for it in public code, e.g. the Instagram HTML readers that
  share the template); localised month names in the same order (``maj 06, 2025 1:15:11 pm``,
  Danish, a public parser's comment);
- day first: ``1 mrt 2010 10:15``, ``1 maart 2010 om 10:15`` (Dutch);
- until about 2017 (``html/timeline.htm``): ``Wednesday, November 12, 2008 at 8:53pm UTC+01``,
  German ``… um 20:53 UTC+01`` with the German month names of CLDR (jakubvalenta/automatic-diary
  ``automatic_diary/providers/facebook/main.py``). These carry their offset.

A time without an offset is local time of a zone the export does not name: it is read in the
zone the caller gives (:func:`parse`) and flagged, never silently taken as UTC.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "jan january januari januar jän jänner",
        "feb february februari februar",
        "mar march mrt maart mär märz",
        "apr april",
        "may mei maj mai",
        "jun june juni",
        "jul july juli",
        "aug august augustus",
        "sep sept september",
        "oct october okt oktober",
        "nov november",
        "dec december dez dezember",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_TIME = (
    r"(?:,?\s*(?:at|om|um|à)\s+|,?\s+)"
    r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ap>[ap]\.?\s?m\.?)?"
    r"(?:\s*(?:UTC|GMT)(?P<off>[+-]\d{1,2}(?::?\d{2})?)?)?"
)
_MONTH_FIRST = re.compile(
    r"(?P<mon>[^\W\d_]+)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + _TIME,
    re.IGNORECASE,
)
_DAY_FIRST = re.compile(
    r"(?P<d>\d{1,2})\.?\s+(?P<mon>[^\W\d_]+)\.?,?\s+(?P<y>\d{4})" + _TIME, re.IGNORECASE
)


@dataclass(frozen=True)
class Parsed:
    """A date read from the export: ``when`` in UTC; ``zone_known`` false when the text gave
    no offset and ``when`` rests on the zone the caller named."""

    when: dt.datetime
    zone_known: bool


def parse(text: str, zone: ZoneInfo) -> Parsed | None:
    """The moment ``text`` names, or ``None`` when it is not a date of a known form.

    ``zone`` is used only when the text carries no ``UTC±hh`` offset; a local time that
    does not exist or exists twice in ``zone`` (the change to or from summer time) is read
    with ``fold=0``, as :mod:`zoneinfo` does. Never raises.
    """
    text = " ".join(text.split())
    for pattern in (_MONTH_FIRST, _DAY_FIRST):
        for match in pattern.finditer(text):
            month = _MONTHS.get(match["mon"].casefold())
            if month is not None:
                return _build(match, month, zone)
    return None


def _build(match: re.Match[str], month: int, zone: ZoneInfo) -> Parsed | None:
    hour = int(match["h"])
    if match["ap"]:
        if not 1 <= hour <= 12:
            return None
        pm = match["ap"].lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    offset = match["off"]
    known = offset is not None or bool(re.search(r"UTC|GMT", match[0], re.IGNORECASE))
    try:
        tz = dt.timezone(_offset(offset or "+0")) if known else zone
        moment = dt.datetime(
            int(match["y"]),
            month,
            int(match["d"]),
            hour,
            int(match["mi"]),
            int(match["s"] or 0),
            tzinfo=tz,
        )
        return Parsed(moment.astimezone(dt.UTC), known)
    except (ValueError, OverflowError):
        return None


def _offset(text: str) -> dt.timedelta:
    sign = -1 if text.startswith("-") else 1
    digits = text[1:].replace(":", "")
    hours, minutes = (digits, "0") if len(digits) <= 2 else (digits[:-2], digits[-2:])
    return sign * dt.timedelta(hours=int(hours), minutes=int(minutes))
