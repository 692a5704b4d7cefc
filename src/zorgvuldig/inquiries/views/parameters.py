"""Numbers read from query strings and form values, never passed to ``int()`` unchecked."""

from __future__ import annotations


def positive_int(value: str | None) -> int | None:
    """A positive whole number written in ASCII digits (``"12"``), else ``None``: a query
    or form value never reaches ``int()`` unchecked (``"²".isdigit()`` is true)."""
    text = (value or "").strip()
    if not (text.isascii() and text.isdecimal() and len(text) <= 12):
        return None  # also keeps 5,000-digit values away from int()
    return int(text) or None
