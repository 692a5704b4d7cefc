"""``POST /api/selfcheck``: the self-check as JSON, described in the OpenAPI schema.

No login: like the employee's page, the check is advice that anyone may ask for. It stores
nothing and logs no text (DESIGN.md §3, "Trust first"): it reads no session, writes no row,
and its errors name the field, never echo the text into a log. ``tests/test_api.py`` holds
it to that.
"""

from __future__ import annotations

from django.http import HttpRequest

from ninja import Router, Status

from zorgvuldig.core.languages import ui_language
from zorgvuldig.rulebooks.cases import CaseError
from zorgvuldig.rulebooks.questions import check_with_questions

from .questions import for_api
from .schemas import CaseIn, ErrorOut, ResultOut, ValidationErrorOut

router = Router(tags=["self-check"])


# auth=None: no login and no session. Ninja's views are CSRF-exempt, and with no
# cookie-based authentication it does not check a CSRF token either. That is safe only
# because this endpoint writes nothing and acts for no one: a forged request can do no more
# than compute advice the forger cannot read. Keep it so; an endpoint that writes must use
# the API's default (session) authentication, which checks CSRF.
@router.post(
    "",
    auth=None,
    response={200: ResultOut, 400: ErrorOut, 422: ValidationErrorOut},
    url_name="selfcheck",
    summary="Check a post, like, share or follow against the rules",
    description=(
        "Checks one self-check case (the shape of shared/cases/selfcheck/*.yaml) under "
        "the rules of the actor's jurisdiction and of any extra `jurisdictions`, in the "
        "version in force on `context.date`. Each verdict names its reasons (rule, "
        "explanation, citation, signals), precedents and what would change it; `signals` "
        "give the matched words with their field (`where`) and span; `questions` the "
        "facts only the employee knows (what they tell the check) whose answer would "
        "change a verdict's level, with what the text suggests (to be confirmed, never "
        "used as a fact). Advice only: nothing "
        "is stored or logged. Explanations follow the Accept-Language header (nl or en); "
        "without it, each rulebook's own language. A malformed request gives 422 (the "
        "schema's field errors); a case the checker cannot use gives 400 with `detail` "
        "naming the field."
    ),
)
def check(request: HttpRequest, case: CaseIn) -> dict | Status:
    """Return the contract output of :func:`~zorgvuldig.rulebooks.check.run_check` with
    the decisive questions (:mod:`zorgvuldig.rulebooks.questions`)."""
    # Explanations in the language the client asks for; without an Accept-Language header,
    # each rulebook's own language, as on the command line.
    language = ui_language() if request.headers.get("accept-language") else None
    try:
        result = check_with_questions(
            case.to_case(),
            case.jurisdictions,
            language=language,
            answered=case.answered,
        )
    except CaseError as exc:
        return Status(400, {"detail": str(exc)})
    result["questions"] = [for_api(q) for q in result["questions"]]
    return result
