"""The employee's self-check page: no login, nothing stored, nothing logged.

The page neither reads nor writes the session, uses no messages and writes no rows; a test
holds it to that (``tests/test_privacy.py``).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from zorgvuldig.signals.marking import split_marked

from .checking import CaseError, run_check
from .forms import JURISDICTIONS, SelfCheckForm

LEVEL_LABELS = {
    "ok": _("No objection"),
    "caution": _("Take care"),
    "high_risk": _("High risk"),
    "prohibited": _("Not allowed"),
}
SIGNAL_LABELS = {
    "party_or_candidate": _("party or candidate"),
    "partisan_stance": _("partisan stance"),
    "solicitation": _("request for money or support"),
    "portfolio_topic": _("your own policy area"),
    "sensitive_country": _("sensitive country"),
    "flippant_tone": _("flippant tone"),
    "insult": _("insult or personal attack"),
    "nonpublic_information": _("non-public information"),
    "official_title": _("official title"),
    "official_account": _("official account"),
}


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
            _label(result)
            result["highlighted"] = split_marked(
                case.get("text") or "",
                [
                    (sig["start"], sig["end"], sig["kind_label"])
                    for sig in result["signals"]
                    if sig.get("where") == "text" and sig.get("start") is not None
                ],
            )
    return render(
        request, "selfcheck/page.html", {"form": form, "result": result, "error": error}
    )


def _label(result: dict) -> None:
    """Add translated labels for levels, jurisdictions and signal kinds to ``result``."""
    names = dict(JURISDICTIONS)
    english = get_language() == "en"
    for v in result["verdicts"]:
        if english:
            for r in v["reasons"]:
                r["text"] = r.get("text_en") or r["text"]
        v["level_label"] = LEVEL_LABELS.get(v["level"], v["level"])
        v["jurisdiction_label"] = names.get(v["jurisdiction"], v["jurisdiction"])
    for sig in result["signals"]:
        sig["kind_label"] = SIGNAL_LABELS.get(sig["kind"], sig["kind"])
