"""Platform exports a person supplies → a timeline of what their account did.

Pure Python, no Django (an import-linter contract). Public surface: :func:`read_export`,
:data:`Limits`, and the shapes in :mod:`zorgvuldig.exports.types` (re-exported here). The
evidence app decides which entries a case keeps; this package only reads.

Formats: the Facebook "Download your information" ZIP in its JSON form
(:mod:`.facebook`), its HTML form (:mod:`.facebook_html`, chosen by each file's name, so
a ZIP of either form or of both is read), and the X/Twitter archive ZIP (:mod:`.twitter`),
or a single file of any of these. The HTML form writes local times without a zone: they are
read in the zone the caller names, each such entry keeps the time as written
(``Entry.local_time``) and the reading's ``notes`` say so.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import posixpath
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import facebook, facebook_html, twitter
from .types import Entry, Kind, Platform, Problem, Reading

__all__ = ["Entry", "Kind", "Limits", "Platform", "Problem", "Reading", "read_export"]

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Limits:
    """Memory bounds of one reading: no file in the archive is decompressed beyond
    ``member_bytes`` (default 32 MiB; the likes and posts files of a decade of use are a few
    MiB), and no more than ``entries`` entries are collected (default 200 000); an export
    beyond the latter is refused whole rather than cut off."""

    member_bytes: int = 32 << 20
    entries: int = 200_000


def read_export(
    stream: IO[bytes],
    name: str = "",
    limits: Limits | None = None,
    local_zone: str = "UTC",
) -> Reading:
    """Read the export in ``stream`` (a seekable binary file: a ZIP, or one ``.json``,
    ``.js`` or ``.html`` file named ``name``).

    ``local_zone`` (an IANA name such as ``Europe/Amsterdam``) is the zone in which the
    zone-less local times of Facebook's HTML form are read; an unknown name is read as UTC,
    and either way the reading's ``notes`` name the zone used.

    Returns:
        A :class:`Reading`; never raises for bad input. Its ``sha256`` is over the bytes
        as supplied, streamed in 1 MiB chunks. ``readable`` is false (and ``entries``
        empty) when the input is no archive, is truncated, holds no Facebook or X file, or
        exceeds ``limits.entries``; files and items that could not be read are listed in
        ``problems`` with the reason.
    """
    limits = limits or Limits()
    digest, size = _hash(stream)
    head = stream.read(4)
    stream.seek(0)
    if head.startswith(b"PK"):
        try:
            archive = zipfile.ZipFile(stream)
            members = archive.infolist()
        except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError):
            return _refused(
                digest, size, "not a readable ZIP archive (truncated or damaged)"
            )
        files: Iterable[tuple[str, int, Any]] = (
            (m.filename, m.file_size, _opener(archive, m))
            for m in members
            if not m.is_dir()
        )
    else:
        files = [(name or "export.json", size, lambda: stream)]
    try:
        zone = ZoneInfo(local_zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    notes: list[str] = []
    reading = _collect(_read_files(files, limits, zone, notes), digest, size, limits)
    if notes and reading.readable:
        note = (
            "Facebook's HTML export writes local times without saying which zone; "
            f"these were read as {zone.key}, so a time may be off by hours and a date "
            "near midnight by a day; each entry keeps the time as written "
            f"(entries per file: {'; '.join(notes)})"
        )
        return dataclasses.replace(reading, notes=(note,))
    return reading


def _hash(stream: IO[bytes]) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    for chunk in iter(lambda: stream.read(_CHUNK), b""):
        digest.update(chunk)
        size += len(chunk)
    stream.seek(0)
    return digest.hexdigest(), size


def _opener(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> Any:
    return lambda: archive.open(member)


def _refused(digest: str, size: int, reason: str) -> Reading:
    return Reading(
        Platform.UNKNOWN, digest, size, problems=(Problem("", reason),), readable=False
    )


def _read_files(
    files: Iterable[tuple[str, int, Any]],
    limits: Limits,
    zone: ZoneInfo,
    notes: list[str],
) -> Iterator[tuple[str, Platform | None, Entry | Problem | None]]:
    """``(file, platform, item)`` per entry or problem; ``item`` ``None`` marks a file read
    whole; ``platform`` ``None`` a file skipped unopened. Appends to ``notes``."""
    for path, declared, open_member in files:
        base = posixpath.basename(path)
        fb = facebook.kind_of(base)
        x = twitter.kind_of(base)
        html = facebook_html.kind_of(base)
        if html is not None:
            yield from _read_html(
                path, declared, open_member, html, limits, zone, notes
            )
            continue
        if fb is None and x is None:
            yield path, None, None
            continue
        platform = Platform.X if x is not None else Platform.FACEBOOK
        if declared > limits.member_bytes:
            yield (
                path,
                platform,
                Problem(
                    path,
                    f"file of {declared} bytes is above the limit of {limits.member_bytes}",
                ),
            )
            continue
        try:
            with open_member() as fh:
                raw = fh.read(limits.member_bytes + 1)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:
            yield path, platform, Problem(path, f"file damaged ({type(exc).__name__})")
            continue
        if len(raw) > limits.member_bytes:
            yield path, platform, Problem(path, "file is above the size limit")
            continue
        try:
            payload = twitter.decode(raw) if x is not None else json.loads(raw)
        except UnicodeDecodeError:
            yield path, platform, Problem(path, "file is not in UTF-8; not read")
            continue
        except (ValueError, RecursionError) as exc:
            yield (
                path,
                platform,
                Problem(path, f"not valid JSON ({type(exc).__name__})"),
            )
            continue
        items: Iterable[Entry | Problem] = (
            twitter.read_file(path, payload, x)
            if x is not None
            else facebook.read_file(path, payload, *fb)  # type: ignore[misc]
        )
        for item in items:
            yield path, platform, item
        yield path, platform, None


def _read_html(
    path: str,
    declared: int,
    open_member: Any,
    kind: Kind,
    limits: Limits,
    zone: ZoneInfo,
    notes: list[str],
) -> Iterator[tuple[str, Platform | None, Entry | Problem | None]]:
    platform = Platform.FACEBOOK
    if declared > limits.member_bytes:
        reason = f"file of {declared} bytes is above the limit of {limits.member_bytes}"
        yield path, platform, Problem(path, reason)
        return
    read = facebook_html.read_file(path, open_member, kind, limits.member_bytes, zone)
    if read.failure:
        yield path, platform, Problem(path, read.failure)
        return
    for item in read.items:
        yield path, platform, item
    if read.unzoned:
        notes.append(f"{path}: {read.unzoned}")
    yield path, platform, None


def _collect(
    items: Iterable[tuple[str, Platform | None, Entry | Problem | None]],
    digest: str,
    size: int,
    limits: Limits,
) -> Reading:
    entries: list[Entry] = []
    problems: list[Problem] = []
    read: list[str] = []
    platforms: set[Platform] = set()
    skipped = 0
    for path, platform, item in items:
        if platform is None:
            skipped += 1
            continue
        platforms.add(platform)
        if item is None:
            read.append(path)
        elif isinstance(item, Problem):
            problems.append(item)
        else:
            entries.append(item)
            if len(entries) > limits.entries:
                return _refused(
                    digest,
                    size,
                    f"more than {limits.entries} entries; nothing imported",
                )
    platform = platforms.pop() if len(platforms) == 1 else Platform.UNKNOWN
    if not read:
        reason = "no Facebook or X export file could be read"
        return Reading(
            platform,
            digest,
            size,
            problems=(*problems, Problem("", reason)),
            skipped=skipped,
            readable=False,
        )
    entries.sort(key=lambda e: (e.when is None, e.when or _EPOCH, e.ref))
    return Reading(
        platform, digest, size, tuple(entries), tuple(problems), tuple(read), skipped
    )


_EPOCH = dt.datetime.fromtimestamp(0, tz=dt.UTC)
