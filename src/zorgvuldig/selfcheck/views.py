"""The employee's self-check page and the guidance page: no login, nothing stored or logged.

The self-check page neither reads nor writes the session, uses no messages and writes no
rows; a test holds it to that (``tests/test_privacy.py``). Details the employee asks to be
remembered are kept by a small script in the browser's ``localStorage`` only. The guidance
page is generated from the same rulebooks the check applies (:mod:`.guidance`).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from zorgvuldig.core.languages import ui_language
from zorgvuldig.rulebooks.cases import CaseError
from zorgvuldig.rulebooks.questions import check_with_questions

from . import questions
from .forms import SelfCheckForm
from .guidance import build_guidance
from .presenting import decorate


@login_not_required
@never_cache
def page(request: HttpRequest) -> HttpResponse:
    """Show the self-check form and, after a POST, the verdict with its reasons and the
    questions whose answer would change it (answering them checks again)."""
    form = SelfCheckForm(request.POST or None)
    result, error = None, None
    if request.method == "POST" and form.is_valid():
        case = form.to_case()
        try:
            result = check_with_questions(
                case,
                form.jurisdictions(),
                language=ui_language(),
                answered=form.answered(),
            )
        except CaseError as exc:
            error = str(exc)
        else:
            decorate(result, case)
    asked = result["questions"] if result else []
    return render(
        request,
        "selfcheck/page.html",
        {
            "form": form,
            "result": result,
            "error": error,
            "questions": questions.present(form, asked),
            "person_fields": questions.PERSON,
        },
    )


@login_not_required
def guidance(request: HttpRequest) -> HttpResponse:
    """What each jurisdiction's rules in force today allow and forbid, with examples."""
    today = timezone.localdate()
    return render(
        request,
        "selfcheck/guidance.html",
        {"jurisdictions": build_guidance(today, ui_language()), "today": today},
    )
