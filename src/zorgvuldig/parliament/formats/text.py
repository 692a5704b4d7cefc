"""Decoding the bytes of a text file: UTF-8, UTF-16 or Windows-1252."""

from __future__ import annotations

import codecs

from .errors import FormatError

#: Share of control characters (besides tab, newline, CR, form feed) above which decoded
#: bytes are taken for binary data rather than text.
_MAX_CONTROL_SHARE = 0.01

_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive",
    b"%PDF-": "a PDF",
    b"\xd0\xcf\x11\xe0": "a Word 97-2003 document (.doc)",
    b"{\\rtf": "an RTF document",
}


def describe(data: bytes) -> str:
    """A short phrase for what ``data`` looks like ("a PNG image", "text", "binary data")."""
    for magic, what in _SIGNATURES.items():
        if data.startswith(magic):
            return what
    try:
        decode_text(data)
    except FormatError:
        return "binary data"
    return "text"


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when the zero bytes fall on one side, as they do in
    UTF-16 text of Latin script; ``None`` otherwise."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Decode text bytes, trying UTF-8, UTF-16 and Windows-1252 in that order.

    Returns:
        ``(text, warnings)``; a warning says when the text was not UTF-8.

    Raises:
        FormatError: ``not_text`` when the bytes are binary data (zero bytes that are not
            UTF-16, or more than 1 % control characters).
    """
    warnings: list[str] = []
    encoding: str | None = None
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = _utf16_without_bom(data)
    text: str | None = None
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            text = None
        if text is not None and encoding.startswith("utf-16"):
            warnings.append("read as UTF-16 text")
    if text is None:
        if b"\x00" in data:
            raise FormatError(_not_text(data), "not_text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # Windows-1252 leaves five bytes undefined; Latin-1 reads them as C1 controls,
            # which the control-character check below counts.
            text = data.decode("cp1252", errors="ignore")
            if len(text) < len(data):
                text = data.decode("latin-1")
            warnings.append("the file is not UTF-8: read as Windows-1252 text")
    controls = sum(
        1
        for ch in text
        if (ord(ch) < 32 and ch not in "\n\r\t\f") or 0x7F <= ord(ch) < 0xA0
    )
    if controls > len(text) * _MAX_CONTROL_SHARE:
        raise FormatError(_not_text(data), "not_text")
    return text, warnings


def _not_text(data: bytes) -> str:
    for magic, what in _SIGNATURES.items():
        if data.startswith(magic):
            return f"found {what}: expected text, HTML, PDF, Word (.docx) or XML"
    return (
        "found binary data: expected text (UTF-8, UTF-16 or Windows-1252), HTML, PDF, "
        "Word (.docx) or XML"
    )
