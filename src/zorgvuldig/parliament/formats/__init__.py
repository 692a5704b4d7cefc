"""Turning an uploaded or fetched document into the text the inquiry parser reads.

Pure Python, no Django. One entry point, :func:`read_document`, behind the command line
(``zorgvuldig questions parse``, ``questions fetch``), the web intake (paste or upload) and
the API: bytes plus an optional file name or content type in, an :class:`Extracted` (text,
the format found, warnings) out. The text parser (:mod:`..parsing`) then reads the text.

Formats (issue 10, step 2):

- text: UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one when the zero bytes
  show it), and Windows-1252 (what Word's "Save as text" and older Windows tools write);
- HTML: the page's visible text, block by block (:mod:`.markup`, lxml);
- the XML that officielebekendmakingen.nl publishes for Kamervragen, answers and
  Kamerstukken (``<kamervragen>``, ``<vraag>``, ``<antwoord>``, ``<noot>``; :mod:`.markup`);
- PDF with a text layer (:mod:`.office`, pypdf: pure Python, no system package);
- Word .docx (:mod:`.office`, python-docx), with automatic list numbering and footnotes.

Refused, with a :class:`FormatError` naming what was expected and what was found: files over
the size limit, PDFs that need a password, PDFs without a text layer (scans: "no text in this
PDF; paste the text"), Word 97-2003 ``.doc`` files, other binary data, and documents whose
structure cannot be read. Every text returned has gone through :func:`clean_text`:
zero-width and bidirectional control characters and other control characters removed.
"""

from __future__ import annotations

from dataclasses import dataclass

from .cleaning import clean_line, clean_text
from .errors import FormatError
from .text import decode_text, describe

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "Extracted",
    "FormatError",
    "clean_line",
    "clean_text",
    "read_document",
]

#: Largest document read when the caller gives no limit: 20 MiB (the upload limit's default).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: The formats :func:`read_document` reports, in the order it recognises them.
FORMATS = ("pdf", "docx", "xml", "html", "text")

_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc, old .xls
_EXPECTED = "text, HTML, PDF, Word (.docx) or officielebekendmakingen XML"


@dataclass(frozen=True)
class Extracted:
    """What a document holds as text.

    ``format`` is one of :data:`FORMATS`; ``warnings`` are sentences for a person to check
    (e.g. "read as Windows-1252 text"), in English like the parser's.
    """

    text: str
    format: str
    warnings: tuple[str, ...] = ()


def _suffix(filename: str) -> str:
    name = filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1].lower()
    return name.rsplit(".", 1)[-1] if "." in name else ""


def _claimed(filename: str, content_type: str) -> str:
    """The format the name or content type promises ("" when they promise nothing)."""
    suffix = _suffix(filename)
    ctype = content_type.split(";", 1)[0].strip().lower()
    if suffix == "pdf" or ctype == "application/pdf":
        return "pdf"
    if suffix == "docx" or ctype.endswith("wordprocessingml.document"):
        return "docx"
    if suffix == "doc" or ctype == "application/msword":
        return "doc"
    if suffix in {"html", "htm", "xhtml"} or ctype in {"text/html"}:
        return "html"
    if suffix == "xml" or ctype in {"application/xml", "text/xml"}:
        return "xml"
    return ""


def read_document(
    data: bytes,
    filename: str = "",
    content_type: str = "",
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Extracted:
    """Read a document of any supported format into clean text.

    The bytes decide the format (a PDF starts with ``%PDF-``, a .docx is a ZIP archive
    holding ``word/document.xml``); the name and content type only sharpen the message when
    the bytes are not what they promise.

    Args:
        data: the document as uploaded or fetched.
        filename: its name (``vragen.pdf``), or ``""``.
        content_type: its media type (``application/pdf``), or ``""``.
        max_bytes: the size limit in bytes; larger documents are refused unread.

    Returns:
        An :class:`Extracted` whose ``text`` is non-empty after :func:`clean_text`.

    Raises:
        FormatError: with ``code`` one of ``too_large``, ``empty``, ``encrypted``,
            ``no_text_layer``, ``unreadable`` (a PDF, .docx or XML whose structure cannot
            be read), ``old_word`` or ``not_text``; the message names what was expected
            and what was found. No other exception is raised.
    """
    if len(data) > max_bytes:
        raise FormatError(
            f"the file is {len(data) / 1_048_576:.1f} MB; at most "
            f"{max_bytes / 1_048_576:.0f} MB is read",
            "too_large",
        )
    if not data.strip():
        raise FormatError(f"the file is empty: expected {_EXPECTED}", "empty")
    claimed = _claimed(filename, content_type)
    head = data[:1024]
    if _PDF_MAGIC in head:
        from .office import read_pdf

        return _finish(*read_pdf(data), "pdf")
    if data.startswith(_ZIP_MAGIC):
        from .office import read_docx

        return _finish(*read_docx(data), "docx")
    if data.startswith(_OLE_MAGIC):
        raise FormatError(
            "found a Word 97-2003 document (.doc): expected .docx; save it as .docx "
            "in Word, or paste its text",
            "old_word",
        )
    if claimed in {"pdf", "docx", "doc"}:
        label = {"pdf": "a PDF (starting %PDF-)", "docx": "a Word .docx file"}.get(
            claimed, "a Word .docx file"
        )
        raise FormatError(
            f"expected {label}, as the name says, but found {describe(data)}",
            "unreadable",
        )
    text, warnings = decode_text(data)
    from .markup import looks_like_html, looks_like_publication, read_html, read_xml

    if claimed == "xml" or looks_like_publication(text):
        return _finish(read_xml(data), warnings, "xml")
    if claimed == "html" or looks_like_html(text):
        return _finish(read_html(text), warnings, "html")
    return _finish(text, warnings, "text")


def _finish(text: str, warnings: list[str] | tuple[str, ...], fmt: str) -> Extracted:
    cleaned = clean_text(text)
    if not cleaned.strip():
        raise FormatError(
            f"found a {fmt.upper() if fmt != 'text' else 'text'} document with no text "
            "in it: expected the questions",
            "empty",
        )
    return Extracted(cleaned, fmt, tuple(warnings))
