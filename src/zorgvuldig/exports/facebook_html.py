"""Facebook "Download your information" in its HTML form → the same entries as the JSON form.

The files carry the JSON form's names with ``.html`` (``likes_and_reactions/pages.html``,
``likes_and_reactions_1.html``, ``your_posts_1.html`` or
``your_posts__check_ins__photos_and_videos_1.html``, ``comments.html``, ``following.html``),
so :func:`kind_of` asks :func:`.facebook.kind_of`. Each entry is one box:

- 2022 on: ``<div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder">`` holding a title
  (class ``_a6-h``), the content (``_a6-p``) and the date (``<div class="_3-94 _a6-o">``);
- 2019-2021: ``<div class="pam _3-95 _2pi0 _2lej uiBoxWhite noborder">`` with title
  ``_2lel``, content ``_2let`` and date ``_2lem``;
- until about 2017, ``html/timeline.htm`` (or ``wall.htm``): ``<p><span class="meta">date
  </span>title<div class="comment">text</div></p>``, posts only.

Sources: public parsers of these files (the class names in BeautifulSoup and regex readers of
``posts_and_comments.html`` and message files, and of Meta's Instagram HTML which shares the
2022 template; jakubvalenta/automatic-diary ``automatic_diary/providers/facebook/main.py``
for ``timeline.htm``). Dates are text: :mod:`.html_dates`.

The file is parsed as it streams (lxml's pull parser, no network, HTML's own entities only),
each box dropped once read, so memory holds one box and the entries; a file that turns out
damaged, above ``max_bytes`` or not UTF-8, or that holds no box of a known layout, gives one
problem and none of its entries.
"""

from __future__ import annotations

import codecs
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import IO, Any
from zoneinfo import ZoneInfo

from lxml import etree

from . import facebook, html_dates
from .mojibake import fix_text
from .types import Entry, Kind, Platform, Problem

_CHUNK = 1 << 16
_BOX = {"_a6-g", "_2lej"}
_TITLE = {"_a6-h", "_2lel"}
_CONTENT = {"_a6-p", "_2let"}
_DATE = {"_a6-o", "_2lem"}
_OLD = re.compile(r"^(timeline|wall)\.html?$")
_REACTIONS = {"like", "love", "haha", "wow", "sorry", "sad", "anger", "angry", "care"}
_SHARED = ("shared", "deelde", "gedeeld")


def kind_of(basename: str) -> Kind | None:
    """The kind of entries a Facebook HTML file of that name holds, or ``None``."""
    if _OLD.match(basename):
        return Kind.POST
    stem, ext = posixpath.splitext(basename)
    if ext not in (".html", ".htm"):
        return None
    found = facebook.kind_of(stem + ".json")
    return found[0] if found else None


@dataclass
class FileReading:
    """What one HTML file gave. ``failure`` set: the file was not read (its ``items`` are
    then empty). ``unzoned`` counts the entries whose time named no zone."""

    items: list[Entry | Problem] = field(default_factory=list)
    failure: str = ""
    unzoned: int = 0


def read_file(
    name: str,
    open_member: Callable[[], IO[bytes]],
    kind: Kind,
    max_bytes: int,
    zone: ZoneInfo,
) -> FileReading:
    """Stream the file ``name`` and read its boxes as entries of ``kind``. Never raises."""
    reader = _Reader(name, kind, zone)
    parser = etree.HTMLPullParser(
        events=("end",), encoding="utf-8", no_network=True, remove_comments=True
    )
    utf8 = codecs.getincrementaldecoder("utf-8")()
    seen = 0
    try:
        with open_member() as fh:
            for chunk in iter(lambda: fh.read(_CHUNK), b""):
                seen += len(chunk)
                if seen > max_bytes:
                    return FileReading(failure="file is above the size limit")
                utf8.decode(chunk)
                parser.feed(chunk)
                reader.take(parser.read_events())
        utf8.decode(b"", final=True)
        parser.close()
        reader.take(parser.read_events())
    except UnicodeDecodeError:
        return FileReading(failure="file is not in UTF-8; not read")
    except (
        etree.LxmlError,
        zipfile.BadZipFile,
        zlib.error,
        ValueError,
        OSError,
        EOFError,
        RecursionError,
    ) as exc:
        return FileReading(failure=f"file damaged ({type(exc).__name__})")
    reader.finish()
    if not reader.items:
        return FileReading(failure="no entry in a layout this reader knows; not read")
    return FileReading(reader.items, unzoned=reader.unzoned)


def _classes(element: etree._Element) -> set[str]:
    value = element.get("class")
    return set(value.split()) if isinstance(value, str) else set()


def _text(element: etree._Element | None) -> str:
    """The element's text, whitespace collapsed, mojibake repaired."""
    if element is None:
        return ""
    return fix_text(" ".join(" ".join(element.itertext()).split()))


class _Reader:
    """Turns the parser's ``end`` events into entries and problems, dropping what it read."""

    def __init__(self, name: str, kind: Kind, zone: ZoneInfo) -> None:
        self.name = name
        self.kind = kind
        self.zone = zone
        self.items: list[Entry | Problem] = []
        self.unzoned = 0
        self.pending: dict[str, str] | None = (
            None  # an old-layout entry awaiting its text
        )

    def take(self, events: Iterable[tuple[str, Any]]) -> None:
        """Read the boxes and old-layout paragraphs that ended, then drop what is done: a
        read box or paragraph is emptied, and the finished siblings before any element
        outside a box are removed, so the tree never holds more than the open path, one
        box and the siblings of a paragraph."""
        for _event, element in events:
            if not isinstance(element.tag, str):
                continue
            classes = _classes(element)
            done = True
            if classes & _BOX:
                self._box(element)
            elif element.tag == "p" and element.find("span[@class='meta']") is not None:
                meta = element.find("span[@class='meta']")
                self.finish()
                self.pending = {
                    "date": _text(meta),
                    "title": fix_text(" ".join((meta.tail or "").split())),
                }
            elif "comment" in classes and self.pending is not None:
                self.pending["text"] = _text(element)
            else:
                done = False
            parent = element.getparent()
            if parent is None or any(
                _classes(a) & _BOX for a in element.iterancestors()
            ):
                continue
            if done:
                element.clear(keep_tail=True)
            if parent.tag != "p":  # a paragraph's parts are read when it ends
                while element.getprevious() is not None:
                    del parent[0]

    def finish(self) -> None:
        """Turn the pending old-layout entry into an entry or a problem."""
        if self.pending is None:
            return
        item, self.pending = self.pending, None
        self._add(item["date"], item["title"], item.get("text", ""), "")

    def _box(self, box: etree._Element) -> None:
        found: dict[str, etree._Element] = {}
        url = ""
        reaction = ""
        for node in box.iter():  # one pass: the three parts, the first link and icon
            tag = node.tag
            if (
                tag == "a"
                and not url
                and str(node.get("href") or "").startswith("http")
            ):
                url = str(node.get("href"))
            elif tag == "img" and not reaction:
                src = posixpath.basename(str(node.get("src") or ""))
                stem = posixpath.splitext(src)[0].lower()
                reaction = stem.upper() if stem in _REACTIONS else ""
            value = node.get("class")
            if node is box or not isinstance(value, str):
                continue
            for part, classes in (
                ("date", _DATE),
                ("title", _TITLE),
                ("content", _CONTENT),
            ):
                if part not in found and classes.intersection(value.split()):
                    found[part] = node
        date = _text(found.get("date"))
        content = _text(found.get("content"))
        inner = found.get("content")
        if date and inner is not None and found.get("date") in inner.iterdescendants():
            content = " ".join(
                content.replace(date, "", 1).split()
            )  # date inside content
        self._add(date, _text(found.get("title")), content, url, reaction)

    def _add(
        self, date: str, title: str, text: str, url: str, reaction: str = ""
    ) -> None:
        ref = f"{self.name}#{len(self.items)}"
        parsed = html_dates.parse(date, self.zone) if date else None
        if parsed is None:
            reason = f"date not readable: {date[:60]!r}" if date else "no date"
            self.items.append(Problem(ref, reason))
            return
        self.unzoned += not parsed.zone_known
        entry = Entry(
            Platform.FACEBOOK,
            self.kind,
            parsed.when,
            ref,
            target=title,
            text=text,
            url=url,
            local_time="" if parsed.zone_known else date,
        )
        if self.kind is Kind.PAGE_LIKE or self.kind is Kind.FOLLOW:
            if not (text or title):
                self.items.append(Problem(ref, "entry not readable (no name)"))
                return
            entry = replace(entry, target=text or title, text="")
        elif self.kind is Kind.REACTION:
            lowered = title.lower()
            liked = "like" in lowered or "leuk" in lowered
            entry = replace(entry, reaction=reaction or ("LIKE" if liked else ""))
        elif self.kind is Kind.POST:
            shared = not text and any(s in title.lower() for s in _SHARED)
            entry = replace(entry, kind=Kind.SHARE if shared else Kind.POST)
        self.items.append(entry)
