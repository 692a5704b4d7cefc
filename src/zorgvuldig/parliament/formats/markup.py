"""HTML pages and officielebekendmakingen XML as plain text, block by block (lxml).

Both are turned into the text a person would copy from the page: every block element
(paragraph, heading, list item, table row; in the publication XML ``al``, ``nr``,
``vraag``, ``antwoord``, ``kamervraagomschrijving`` …) on its own line, white space inside
a block collapsed, nothing dropped but scripts, styles and page furniture (navigation,
header, footer, forms).

The publication XML (zoek.officielebekendmakingen.nl/kv-tk-2021Z06403.xml, ah-tk-….xml,
kst-….xml; the element names as the publisher's own XSLT and public readers of it use them:
``officiele-publicatie``, ``kamervragen`` with ``kamervraagkop``, ``kamervraagnummer``,
``kamervraagomschrijving`` (with ``naam/achternaam``, ``kamervraagonderwerp`` and
``datum/@isodatum``), ``vraag`` and ``antwoord`` each with ``nr`` and ``al``; older
documents ``vragen`` with ``omschr``) keeps footnotes inline as ``<noot><noot.nr>1</noot.nr>
<noot.al>…</noot.al></noot>`` (or refers to them with ``<nootref refid="…"/>``): the
number stays where the note was, and the notes follow the text as lines "1 Source, date",
as in the printed publication the parser reads.
"""

from __future__ import annotations

import re
from typing import Any

from .errors import FormatError

_PUBLICATION = re.compile(
    r"<\s*(?:[A-Za-z][\w.-]*:)?(?:officiele-publicatie|kamervragen|vragen|kamerstuk"
    r"|handelingen|kamervraagomschrijving)\b",
)
_SPACE = re.compile(r"[ \t\r\n\f]+")
_HTML = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|article|main|section|div|p|h[1-6]|table"
    r"|ul|ol|li|br|title|meta)\b[^>]*>",
    re.I,
)
#: HTML elements whose text is never the document's.
_HTML_SKIP = {
    "head", "script", "style", "noscript", "template", "nav", "header", "footer",
    "form", "button", "select", "svg", "iframe", "object",
}  # fmt: skip
_HTML_BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "tfoot", "thead", "tr", "ul", "caption",
}  # fmt: skip
#: Publication XML elements that are inline; every other element is a block.
_XML_INLINE = {
    "naam", "voornaam", "voorletters", "achternaam", "tussenvoegsel", "functie",
    "kamervraagonderwerp", "datum", "nadruk", "extref", "intref", "sup", "inf",
    "onderwerp", "organisatie", "partij", "term", "citaat", "a", "i", "b", "u", "br",
}  # fmt: skip


def looks_like_html(text: str) -> bool:
    """Does ``text`` hold HTML markup in its first 64 kB?"""
    return bool(_HTML.search(text[:65536]))


def looks_like_publication(text: str) -> bool:
    """Is ``text`` XML of the kind officielebekendmakingen publishes?"""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    return head.startswith("<") and bool(_PUBLICATION.search(head))


def _ws(text: str) -> str:
    """Source white space (line breaks included) as the browser shows it: one space."""
    return _SPACE.sub(" ", text)


def _squash(parts: list[str]) -> str:
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def read_html(text: str) -> str:
    """The visible text of an HTML page, a block per paragraph.

    Raises:
        FormatError: ``unreadable`` when lxml finds no document in it.
    """
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"))
    except (etree.ParserError, ValueError) as exc:
        raise FormatError(
            f"expected an HTML page, found markup that cannot be read ({exc})",
            "unreadable",
        ) from None
    mains = root.xpath("//main")
    top = mains[0] if len(mains) == 1 else root
    parts: list[str] = []
    _walk_html(top, parts)
    return _squash(parts)


def _walk_html(el: Any, parts: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    tag = tag.lower()
    if tag in _HTML_SKIP or not isinstance(el.tag, str):
        if el.tail:
            parts.append(_ws(el.tail))
        return
    block = tag in _HTML_BLOCKS
    if block:
        parts.append("\n\n" if tag in {"p", "h1", "h2", "h3", "h4", "li"} else "\n")
    if tag == "br":
        parts.append("\n")
    if el.text:
        parts.append(_ws(el.text))
    for child in el:
        _walk_html(child, parts)
        if tag == "tr" and child.tag in {"td", "th"}:
            parts.append("\t")
    if block:
        parts.append("\n")
    if el.tail:
        parts.append(_ws(el.tail))


def read_xml(data: bytes) -> str:
    """The text of an officielebekendmakingen publication (see the module docstring).

    Entities are not resolved and nothing is loaded from the network (no DTD, no
    XInclude), so a crafted file cannot read local files or expand without end.

    Raises:
        FormatError: ``unreadable`` when the bytes are not well-formed XML.
    """
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise FormatError(
            "expected officielebekendmakingen XML, found XML that is not well-formed "
            f"({exc})",
            "unreadable",
        ) from None
    if root is None:
        raise FormatError(
            "expected officielebekendmakingen XML, found none", "unreadable"
        )
    notes: dict[str, str] = {}
    for note in root.iter("{*}noot", "noot"):
        if note.get("id"):
            notes[note.get("id")] = _note_number(note, len(notes) + 1)
    parts: list[str] = []
    footnotes: list[tuple[str, str]] = []
    _walk_xml(root, parts, footnotes, notes)
    text = _squash(parts)
    if footnotes:
        text += "\n\n" + "\n".join(
            f"{nr} {' '.join(body.split())}" for nr, body in footnotes
        )
    return text


def _local(el: Any) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def _note_number(note: Any, fallback: int) -> str:
    for child in note:
        if _local(child) in {"noot.nr", "nootnr"}:
            nr = "".join(child.itertext()).strip()
            if nr:
                return nr
    return note.get("nr") or str(fallback)


def _walk_xml(
    el: Any, parts: list[str], footnotes: list[tuple[str, str]], notes: dict[str, str]
) -> None:
    tag = _local(el)
    if tag == "noot":
        nr = _note_number(el, len(footnotes) + 1)
        body = " ".join(
            "".join(c.itertext()) for c in el if _local(c) not in {"noot.nr", "nootnr"}
        )
        footnotes.append((nr, body))
        parts.append(nr)
        if el.tail:
            parts.append(_ws(el.tail))
        return
    if tag == "nootref":
        parts.append(notes.get(el.get("refid") or "", ""))
        if el.tail:
            parts.append(_ws(el.tail))
        return
    block = bool(tag) and tag not in _XML_INLINE
    if block:
        parts.append("\n\n" if tag in {"al", "nr", "vraag", "antwoord"} else "\n")
    if tag == "br":
        parts.append("\n")
    if el.text:
        parts.append(_ws(el.text))
    for child in el:
        _walk_xml(child, parts, footnotes, notes)
        if tag in {"row", "tr"}:
            parts.append("\t")
    if block:
        parts.append("\n")
    if el.tail:
        parts.append(_ws(el.tail))
