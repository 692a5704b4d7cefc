"""Getting the headline and main text out of an article (HTML or plain text).

HTML goes through trafilatura (DESIGN.md §5: best F1 on its benchmark; it needs
lxml_html_clean, which current lxml no longer bundles). Plain text follows the
command-line contract (shared/cases/README.md, "Media"): a first line starting ``# `` is
the headline, the rest is the body. Claim spans are offsets into the strings returned
here.

Public surface: :func:`extract_article`, :func:`looks_like_html`, :class:`ArticleError`.
"""

from __future__ import annotations

import re

#: Markup that makes an input HTML rather than text.
_HTML_RE = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|article|main|section|div|p|h[1-6]|span"
    r"|title|meta|br|a\s)[^>]*>",
    re.IGNORECASE,
)
#: Elements that never hold the article's text (for the fallback extraction).
_NOT_TEXT = ("head", "script", "style", "noscript", "nav", "header", "footer", "aside")


class ArticleError(ValueError):
    """The input holds no article text that can be extracted."""


def looks_like_html(content: str | bytes) -> bool:
    """Does ``content`` contain HTML markup (in its first 64 kB)?"""
    head = content[:65536]
    if isinstance(head, bytes):
        head = head.decode("utf-8", errors="replace")
    return bool(_HTML_RE.search(head))


def extract_article(content: str | bytes) -> tuple[str, str]:
    """Split an article into headline and body.

    Args:
        content: an HTML page (as served; bytes are decoded by trafilatura, which reads
            the page's charset) or text whose first line, if it starts with ``# ``, is
            the headline.
    Returns:
        ``(headline, body)``; the headline is ``""`` when there is none. Paragraphs of
        an HTML body are separated by blank lines.
    Raises:
        ArticleError: no main text could be found.
    """
    if looks_like_html(content):
        return _from_html(content)
    if isinstance(content, bytes):
        content = content.decode("utf-8-sig", errors="replace")
    return _from_text(content)


def _from_text(text: str) -> tuple[str, str]:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    stripped = text.lstrip("\n")
    headline = ""
    if stripped.startswith("# "):
        first, _, rest = stripped.partition("\n")
        headline, text = first[2:].strip(), rest
    body = text.strip()
    if not headline and not body:
        raise ArticleError("not HTML / no main text found: the input is empty")
    return headline, body


def _from_html(content: str | bytes) -> tuple[str, str]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        content, with_metadata=True, include_comments=False, include_images=False
    )
    title = " ".join((getattr(doc, "title", None) or "").split()) if doc else ""
    text = (getattr(doc, "text", None) or "") if doc else ""
    paragraphs = [" ".join(p.split()) for p in text.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        paragraphs = _fallback_paragraphs(content)
    if paragraphs and title and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]  # the headline repeated as the first line
    body = "\n\n".join(paragraphs)
    if not body:
        raise ArticleError("not HTML / no main text found in the page")
    return title, body


def _fallback_paragraphs(content: str | bytes) -> list[str]:
    """The visible text of a small page that trafilatura judges too short to be an
    article (a snippet such as ``<p>...</p>``)."""
    from lxml import etree, html

    try:
        root = html.fromstring(content)
    except (etree.ParserError, ValueError):
        return []
    if root is None or root.tag in _NOT_TEXT:
        return []
    for el in list(root.iter(*_NOT_TEXT)):
        el.drop_tree()
    text = root.text_content()
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]
