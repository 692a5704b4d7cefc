"""CSV export of the dashboard, safe to open in a spreadsheet.

The header row and the values are written in the active language (the one the page was
asked in): column names are the model's field names or labels from the catalogue, kind and
state their choice labels, and "overdue" a yes or no.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula by Excel and LibreOffice (CSV/formula injection, OWASP); such cells get a leading
apostrophe so they are shown as text. Headers and labels pass the same check: a
translation is text from outside the code as well.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .models import Inquiry

if TYPE_CHECKING:
    from .queries import DashboardRow

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

#: The model fields exported as columns, in order; then "overdue" and "handlers".
FIELD_COLUMNS = ("number", "subject", "kind", "state", "submitted", "deadline")


def spreadsheet_safe(value: object) -> str:
    """``value`` as text, with a leading ``'`` when a spreadsheet would run it as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def header() -> list[str]:
    """The column names in the active language (field names as the model spells them)."""
    fields = [
        capfirst(Inquiry._meta.get_field(name).verbose_name) for name in FIELD_COLUMNS
    ]
    return [*fields, _("Overdue"), _("Case handlers")]


def dashboard_csv(rows: Iterable[DashboardRow]) -> str:
    """The dashboard rows (from ``queries.dashboard``) as CSV text with a header line.

    Dates are written as YYYY-MM-DD, which every spreadsheet reads as a date in any
    language.
    """
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(spreadsheet_safe(h) for h in header())
    yes, no = _("Yes"), _("No")
    for r in rows:
        writer.writerow(
            spreadsheet_safe(v)
            for v in (
                r.number,
                r.subject,
                r.get_kind_display(),
                r.get_state_display(),
                r.submitted.isoformat() if r.submitted else "",
                r.deadline.isoformat() if r.deadline else "",
                yes if r.overdue else no,
                "; ".join(u.get_full_name() or u.username for u in r.handlers),
            )
        )
    return out.getvalue()
