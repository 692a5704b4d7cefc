"""The dashboard: the cases a user works on, with filters, pages and a CSV export."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header

from zorgvuldig.core.choices import Role
from zorgvuldig.core.http import AuthenticatedHttpRequest
from zorgvuldig.inquiries import forms, services
from zorgvuldig.inquiries.exports import dashboard_csv
from zorgvuldig.inquiries.queries import dashboard, records_about

from .parameters import positive_int

#: Cases per page of the dashboard.
DASHBOARD_PAGE_SIZE = 50


@dataclass
class _Page:
    """One page of rows without counting them all (a count over a large case load costs
    more than the page itself)."""

    rows: list
    number: int
    has_next: bool

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous


def _page(rows, number: str | None) -> _Page:
    n = positive_int(number) or 1
    n = n if n < 100_000 else 1
    start = (n - 1) * DASHBOARD_PAGE_SIZE
    chunk = list(rows[start : start + DASHBOARD_PAGE_SIZE + 1])
    return _Page(chunk[:DASHBOARD_PAGE_SIZE], n, len(chunk) > DASHBOARD_PAGE_SIZE)


def inquiry_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The dashboard: the cases the user is assigned to, overdue first, with filters."""
    form = forms.DashboardFilterForm(request.GET or None)
    rows = dashboard(request.user, **form.filters(request.user))
    page = _page(rows, request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "inquiries/list.html",
        {
            "inquiries": page,
            "page": page,
            "filter_form": form,
            "query": params.urlencode(),
            "about_me": records_about(request.user),
            # Employees and the works council are never assigned to cases: no case list.
            "works_on_cases": request.user.has_role(*Role.delegable()),
        },
    )


def export_csv(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The filtered dashboard as CSV (spreadsheet-safe); each case in it is audited."""
    form = forms.DashboardFilterForm(request.GET or None)
    rows = list(dashboard(request.user, **form.filters(request.user)))
    services.record_export(actor=request.user, inquiries=rows)
    # The byte-order mark makes spreadsheet programs read the file as UTF-8 (ö, é, €).
    response = HttpResponse(
        "\ufeff" + dashboard_csv(rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"zaken-{timezone.localdate():%Y%m%d}.csv"
    )
    return response
