"""CSV export of the dashboard, safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula by Excel and LibreOffice (CSV/formula injection, OWASP); such cells get a leading
apostrophe so they are shown as text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from .models import Inquiry

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = (
    "number",
    "subject",
    "kind",
    "state",
    "submitted",
    "deadline",
    "overdue",
    "handlers",
)


def spreadsheet_safe(value: object) -> str:
    """``value`` as text, with a leading ``'`` when a spreadsheet would run it as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def dashboard_csv(rows: Iterable[Inquiry]) -> str:
    """The dashboard rows (from ``queries.dashboard``) as CSV text with a header line."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow(
            spreadsheet_safe(v)
            for v in (
                r.number,
                r.subject,
                r.kind,
                r.state,
                r.submitted.isoformat() if r.submitted else "",
                r.deadline.isoformat() if r.deadline else "",
                "yes" if r.overdue else "no",
                "; ".join(u.get_full_name() or u.username for u in r.handlers),
            )
        )
    return out.getvalue()
