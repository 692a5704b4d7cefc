"""What a postponement notice (uitstelbericht) says: the day it was sent and its reasons.

Reglement van Orde van de Tweede Kamer, art. 12.3 (written questions): a minister who cannot
answer within three weeks says so, with the reasons, in a notice ("Mededeling (uitstel
antwoord)"); the answer is then due six weeks after submission
(:func:`.terms.answer_deadline`). :func:`.parsing.parse_inquiry` recognises a notice (kind
``postponement``, with the Zaak number it names); this module reads the two facts a case
handler records with it, so that the intake can offer them pre-filled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .families import POSTPONEMENT_NOTICE
from .layout import find_date

#: A sentence that gives a reason: "De reden van het uitstel is …", "… in verband met …",
#: "… omdat …", "… vanwege …", "… nog niet alle informatie …", "… afstemming …".
_REASON = re.compile(
    r"\b(?:reden|redenen|omdat|vanwege|in\s+verband\s+met|wegens|afstemming|"
    r"nog\s+niet|meer\s+tijd|zorgvuldig)\b",
    re.I,
)
#: The place-and-date line of a letter: "Den Haag, 18 september 2020".
_DATELINE = re.compile(
    r"^\s*(?:'s-Gravenhage|Den\s+Haag)\s*,\s*(?P<rest>.+)$", re.I | re.M
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")


@dataclass(frozen=True)
class NoticeFacts:
    """What a postponement notice states.

    Attributes:
        sent_on: the letter's date (calendar date, Europe/Amsterdam), or ``None`` when
            the text has no dateline.
        reason: the sentences that give the reasons, joined with spaces (at most 1,000
            characters), or ``""`` when none is found.
    """

    sent_on: date | None
    reason: str


def notice_facts(text: str) -> NoticeFacts:
    """The date and reasons of the postponement notice ``text``.

    Args:
        text: the notice as pasted or uploaded (any layout).

    Returns:
        :class:`NoticeFacts`; the reason is taken from the notice's sentence onwards (the
        sentence that says the answer is late, and the sentences after it that give a
        reason), so that the case handler checks it instead of typing it.
    """
    dateline = _DATELINE.search(text)
    sent_on = find_date(dateline.group("rest"))[0] if dateline else None
    notice = POSTPONEMENT_NOTICE.search(text)
    tail = " ".join(text[notice.start() if notice else 0 :].split())
    sentences = _SENTENCE_END.split(tail)
    # the notice's own sentence often carries the reason ("…, omdat …"): from the words
    # after the notice; the sentences after it when they give one
    first = sentences[0][notice.end() - notice.start() :] if notice else ""
    reasons = [sentences[0]] if first and _REASON.search(first) else []
    reasons += [s for s in sentences[1:] if _REASON.search(s)]
    return NoticeFacts(sent_on=sent_on, reason=" ".join(reasons)[:1000])
