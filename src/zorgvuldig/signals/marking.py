"""Cutting a text into pieces around marked spans, for showing findings in place."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")


def split_marked(
    text: str, marks: Iterable[tuple[int, int, T]]
) -> list[tuple[str, T | None]]:
    """``text`` cut into ``(piece, mark-or-None)`` around the ``(start, end, mark)`` spans.

    Spans are ``str`` indices; overlapping spans after the first are skipped, spans outside
    the text are clipped, and empty pieces are left out. Joining the pieces gives ``text``.
    """
    pieces: list[tuple[str, T | None]] = []
    pos = 0
    for start, end, mark in sorted(marks, key=lambda m: (m[0], m[1])):
        start, end = max(start, 0), min(end, len(text))
        if start < pos or end <= start:
            continue
        pieces.append((text[pos:start], None))
        pieces.append((text[start:end], mark))
        pos = end
    pieces.append((text[pos:], None))
    return [p for p in pieces if p[0]]
