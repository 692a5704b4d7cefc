"""Removing characters that a person cannot see but that break matching and documents.

Zero-width characters (U+200B-U+200D, U+2060, U+FEFF) and bidirectional controls (U+061C,
U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) hide in text copied from web pages and PDFs:
they split a name into two for every search, and bidirectional overrides can make text
read differently from what it holds (CVE-2021-42574, "Trojan Source"). Control characters
(C0 except tab and newline, C1, DEL) are not allowed in a Word document's XML at all
(XML 1.0 §2.2): python-docx refuses a subject holding ``\\x0b``. Lone surrogates cannot be
encoded. The soft hyphen (U+00AD) is invisible and is dropped too.
"""

from __future__ import annotations

import re

_INVISIBLE = (
    "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff\ufff9\ufffa\ufffb"
)
_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_REMOVE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f" + _INVISIBLE + "\ud800-\udfff\ufffe\uffff]"
)
_SPACES = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """``text`` with line breaks made ``\\n`` and invisible and control characters removed.

    Line and page breaks (CR, CR LF, vertical tab, form feed, U+2028/2029, NEL) become
    ``\\n``; tabs stay. Nothing visible is removed or changed. Idempotent.
    """
    return _REMOVE.sub("", _LINE_BREAKS.sub("\n", text))


def clean_line(text: str) -> str:
    """``text`` cleaned as :func:`clean_text` and made one line: a name, a subject.

    Runs of white space (line breaks included) become one space; the ends are trimmed.
    """
    return _SPACES.sub(" ", clean_text(text)).strip()
