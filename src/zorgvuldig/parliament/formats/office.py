"""PDF (pypdf) and Word .docx (python-docx) documents as plain text.

pypdf is pure Python, so reading a PDF needs no system package (issue 10). A PDF is read
page by page from its text layer; a scan has none, and is refused with "no text in this
PDF; paste the text". A PDF that needs a password to open is refused; one encrypted only
against changes (an owner password, common for government PDFs) opens with the empty user
password and is read.

A .docx is read paragraph by paragraph and table row by table row in document order.
Word's automatic list numbering is not in the paragraph's text: it is counted here per list
and level, so "1. Bent u bekend …" keeps its number. Footnote references become their
number in the text and the notes follow the text as lines "1 Source, date", as in the
printed Kamervragen.
"""

from __future__ import annotations

import io
import logging
import re
import time
import zipfile
from typing import Any

from .errors import FormatError

#: Pages read from one PDF; Kamervragen and answers are a few pages.
MAX_PDF_PAGES = 50
#: Characters read from one document: more than any inquiry (the intake takes 500,000);
#: reading stops there, so that a small file cannot keep a worker busy for long.
MAX_TEXT_CHARS = 500_000
#: Seconds spent reading one PDF's pages before the rest is left unread (with a warning).
MAX_PDF_SECONDS = 10.0
#: Uncompressed size of all parts of a .docx, against ZIP bombs (bytes).
MAX_DOCX_UNPACKED = 25 * 1024 * 1024
#: Uncompressed size of the document's own text part (word/document.xml), in bytes.
MAX_DOCX_DOCUMENT = 10 * 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_pdf(data: bytes) -> tuple[str, list[str]]:
    """The text layer of a PDF, pages separated by blank lines.

    Returns:
        ``(text, warnings)``.

    Raises:
        FormatError: ``encrypted`` (a password is needed), ``no_text_layer`` (a scan), or
            ``unreadable`` (not a PDF pypdf can read).
    """
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise FormatError(
                "found a PDF protected with a password: expected a PDF that opens "
                "without one; remove the password or paste the text",
                "encrypted",
            )
        warnings: list[str] = []
        pages = reader.pages
        count = len(pages)
        if count > MAX_PDF_PAGES:
            warnings.append(
                f"the PDF has {count} pages: only the first {MAX_PDF_PAGES} were read"
            )
        texts = _pages_text(pages, min(count, MAX_PDF_PAGES), warnings)
    except FormatError:
        raise
    except Exception as exc:  # pypdf raises many kinds on a damaged file
        if "password" in str(exc).lower() or "decrypt" in str(exc).lower():
            raise FormatError(
                "found an encrypted PDF that cannot be opened: expected a PDF without a "
                "password; paste the text",
                "encrypted",
            ) from None
        raise FormatError(
            f"found a damaged or unsupported PDF ({type(exc).__name__}): expected a PDF "
            "with text; paste the text instead",
            "unreadable",
        ) from None
    text = "\n\n".join(t for t in texts if t)
    if not text.strip():
        raise FormatError(
            "no text in this PDF; paste the text (it holds only images, e.g. a scan)",
            "no_text_layer",
        )
    return text, warnings


def _pages_text(pages: Any, count: int, warnings: list[str]) -> list[str]:
    """The text of the first ``count`` pages, stopping (with a warning) once
    :data:`MAX_TEXT_CHARS` characters are read or :data:`MAX_PDF_SECONDS` have passed."""
    texts: list[str] = []
    read = 0
    started = time.monotonic()
    for i in range(count):
        if read > MAX_TEXT_CHARS or time.monotonic() - started > MAX_PDF_SECONDS:
            warnings.append(
                f"only the first {i} pages were read: the PDF holds more text than an "
                "inquiry, or takes too long to read"
            )
            break
        texts.append(_page_text(pages[i]))
        read += len(texts[-1])
    return texts


def _page_text(page: Any) -> str:
    """A page's text with its paragraph gaps as blank lines (pypdf's layout mode keeps the
    vertical spacing; the horizontal padding it adds is taken out again). The plain mode
    is the fallback for pages the layout mode cannot place."""
    try:
        text = page.extract_text(extraction_mode="layout") or ""
    except (
        Exception
    ):  # layout mode fails on some fonts; the plain mode still reads them
        text = page.extract_text() or ""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def read_docx(data: bytes) -> tuple[str, list[str]]:
    """The text of a Word .docx document.

    Returns:
        ``(text, warnings)``.

    Raises:
        FormatError: ``unreadable`` when the ZIP archive is not a Word document, is
            damaged, or unpacks to more than :data:`MAX_DOCX_UNPACKED` bytes (its text
            part to more than :data:`MAX_DOCX_DOCUMENT`).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
            unpacked = sum(i.file_size for i in infos)
            document_size = sum(
                i.file_size for i in infos if i.filename == "word/document.xml"
            )
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise FormatError(
            "found a damaged ZIP archive: expected a Word .docx document", "unreadable"
        ) from None
    if "word/document.xml" not in names:
        kind = "a spreadsheet" if "xl/workbook.xml" in names else "a ZIP archive"
        raise FormatError(
            f"found {kind} that is not a Word document: expected .docx", "unreadable"
        )
    if unpacked > MAX_DOCX_UNPACKED or document_size > MAX_DOCX_DOCUMENT:
        raise FormatError(
            "found a .docx that unpacks to more than "
            f"{MAX_DOCX_UNPACKED // 1_048_576} MB: expected a document of questions",
            "unreadable",
        )
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        numbering = _Numbering(_style_lists(document))
        lines = [_block_text(block, numbering) for block in body.iterchildren()]
        notes = _footnotes(document)
    except FormatError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on a damaged file
        raise FormatError(
            f"found a damaged Word document ({type(exc).__name__}): expected a .docx "
            "that Word opens; paste the text instead",
            "unreadable",
        ) from None
    text = "\n\n".join(line for line in lines if line.strip())
    if notes:
        text += "\n\n" + "\n".join(f"{nr} {body}" for nr, body in notes)
    return text, []


class _Numbering:
    """Counts Word's automatic list numbers per list (``numId``) and level."""

    def __init__(self, style_lists: dict[str, str]) -> None:
        self.counters: dict[tuple[str, int], int] = {}
        #: paragraph style id -> the list (``numId``) the style numbers its paragraphs in
        self.style_lists = style_lists

    def next(self, num_id: str, level: int) -> str:
        key = (num_id, level)
        self.counters[key] = self.counters.get(key, 0) + 1
        for deeper in [k for k in self.counters if k[0] == num_id and k[1] > level]:
            del self.counters[deeper]
        return ".".join(
            str(self.counters.get((num_id, lv), 1)) for lv in range(level + 1)
        )


def _paragraph_text(p: Any) -> str:
    parts: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == f"{_W}t":
            parts.append(el.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in {f"{_W}br", f"{_W}cr"}:
            parts.append("\n")
        elif tag == f"{_W}footnoteReference":
            parts.append(el.get(f"{_W}id") or "")
    return "".join(parts)


def _list_number(p: Any, numbering: _Numbering) -> str:
    num_pr = p.find(f"{_W}pPr/{_W}numPr")
    nid: str | None = None
    ilvl = None
    if num_pr is not None:
        num_id = num_pr.find(f"{_W}numId")
        ilvl = num_pr.find(f"{_W}ilvl")
        nid = num_id.get(f"{_W}val") if num_id is not None else None
    else:
        style = p.find(f"{_W}pPr/{_W}pStyle")
        if style is not None:
            nid = numbering.style_lists.get(style.get(f"{_W}val") or "")
    if not nid or nid == "0":
        return ""
    try:
        level = int(ilvl.get(f"{_W}val")) if ilvl is not None else 0
    except (TypeError, ValueError):
        level = 0
    return numbering.next(nid, max(0, min(level, 8))) + ". "


def _block_text(block: Any, numbering: _Numbering) -> str:
    if block.tag == f"{_W}p":
        text = _paragraph_text(block)
        return (_list_number(block, numbering) + text) if text.strip() else text
    if block.tag == f"{_W}tbl":
        rows = []
        for row in block.iter(f"{_W}tr"):
            cells = [
                " ".join(_paragraph_text(p) for p in cell.iter(f"{_W}p")).strip()
                for cell in row.iter(f"{_W}tc")
            ]
            rows.append("\t".join(cells))
        return "\n".join(rows)
    return ""


def _style_lists(document: Any) -> dict[str, str]:
    """Paragraph styles that number their paragraphs ("List Number"): style id -> numId."""
    lists = {}
    for style in document.styles.element.iter(f"{_W}style"):
        num_id = style.find(f"{_W}pPr/{_W}numPr/{_W}numId")
        style_id = style.get(f"{_W}styleId")
        if num_id is not None and style_id and num_id.get(f"{_W}val"):
            lists[style_id] = num_id.get(f"{_W}val")
    return lists


def _footnotes(document: Any) -> list[tuple[str, str]]:
    """``[(number, text)]`` of the document's footnotes (Word's ids 1, 2 …)."""
    from lxml import etree

    for part in document.part.package.iter_parts():
        if str(part.partname) != "/word/footnotes.xml":
            continue
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        root = etree.fromstring(part.blob, parser=parser)
        notes = []
        for note in root.iter(f"{_W}footnote"):
            nid = note.get(f"{_W}id") or ""
            if not nid.isdigit() or int(nid) < 1:
                continue  # the separator notes
            body = " ".join(_paragraph_text(p) for p in note.iter(f"{_W}p"))
            notes.append((nid, " ".join(body.split())))
        return notes
    return []
