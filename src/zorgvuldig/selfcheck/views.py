"""The employee's self-check page: no login, nothing stored, nothing logged.

The page neither reads nor writes the session, uses no messages and writes no rows; a test
holds it to that (``tests/test_privacy.py``).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .checking import CaseError, run_check
from .forms import SelfCheckForm


@login_not_required
@never_cache
def page(request: HttpRequest) -> HttpResponse:
    """Show the self-check form and, after a POST, the verdict with its reasons."""
    form = SelfCheckForm(request.POST or None)
    result, error = None, None
    if request.method == "POST" and form.is_valid():
        case = form.to_case()
        try:
            result = run_check(case)
        except CaseError as exc:
            error = str(exc)
        else:
            result["highlighted"] = _highlight(
                case.get("text") or "", result["signals"]
            )
    return render(
        request, "selfcheck/page.html", {"form": form, "result": result, "error": error}
    )


def _highlight(text: str, signals: list[dict]) -> list[tuple[str, str | None]]:
    """``text`` in pieces, each with the signal kind that covers it (or ``None``)."""
    spans = sorted(
        (s["start"], s["end"], s["kind"])
        for s in signals
        if s.get("where") == "text" and s.get("start") is not None
    )
    pieces, pos = [], 0
    for start, end, kind in spans:
        if start < pos:
            continue
        pieces.append((text[pos:start], None))
        pieces.append((text[start:end], kind))
        pos = end
    pieces.append((text[pos:], None))
    return [p for p in pieces if p[0]]
