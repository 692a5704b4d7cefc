"""Pages of the inquiry procedure. Thin: parse input, check access, call one service, render."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from django.contrib import messages
from django.db.models import Model
from django.forms.models import model_to_dict
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from zorgvuldig.core.choices import Role
from zorgvuldig.core.languages import ui_language
from zorgvuldig.core.services import audit_trail_for
from zorgvuldig.signals.marking import split_marked

from . import conduct_card, forms, services
from .advisors import advisor_kind, advisor_kinds
from .answer_check import open_findings
from .choices import State
from .diagram import template_name as diagram_template
from .documents import DocumentError, render_docx, render_pdf
from .exports import dashboard_csv
from .grouping import answer_blocks, leaders_of
from .models import Inquiry
from .panels import panels
from .parsing import ParseError, merge_zaak, parse_inquiry
from .permissions import may_advise, permitted
from .procedure import approval_overview, milestone_overview, step_overview
from .queries import dashboard, get_inquiry_for, get_record_about, records_about

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


def _int_or_none(value: str | None) -> int | None:
    """A positive whole number written in ASCII digits (``"12"``), else ``None``: a query
    or form value never reaches ``int()`` unchecked (``"²".isdigit()`` is true)."""
    text = (value or "").strip()
    if not (text.isascii() and text.isdecimal() and len(text) <= 12):
        return None  # also keeps 5,000-digit values away from int()
    return int(text) or None


def _page(rows, number: str | None) -> _Page:
    n = _int_or_none(number) or 1
    n = n if n < 100_000 else 1
    start = (n - 1) * DASHBOARD_PAGE_SIZE
    chunk = list(rows[start : start + DASHBOARD_PAGE_SIZE + 1])
    return _Page(chunk[:DASHBOARD_PAGE_SIZE], n, len(chunk) > DASHBOARD_PAGE_SIZE)


#: What the intake page says, in the page's language, for each kind of ParseError.
PARSE_PROBLEMS = {
    "empty": gettext_lazy("The text is empty: paste or upload the questions."),
    "no_questions": gettext_lazy(
        "No questions found. Expected numbered questions ('Vraag 1', '1.', '1.)') after "
        "a sentence like 'Vragen van het lid X (Partij) aan de minister van … "
        "(ingezonden 28 februari 2012).', or questions ending in '?'."
    ),
}


def inquiry_list(request: HttpRequest) -> HttpResponse:
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


def export_csv(request: HttpRequest) -> HttpResponse:
    """The filtered dashboard as CSV (spreadsheet-safe)."""
    form = forms.DashboardFilterForm(request.GET or None)
    rows = dashboard(request.user, **form.filters(request.user))
    # The byte-order mark makes spreadsheet programs read the file as UTF-8 (ö, é, €).
    response = HttpResponse(
        "\ufeff" + dashboard_csv(rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"zaken-{timezone.localdate():%Y%m%d}.csv"
    )
    return response


def intake(request: HttpRequest) -> HttpResponse:
    """Register an inquiry: paste or upload, check what was read, then save."""
    if not request.user.has_role(Role.CASE_HANDLER):
        messages.error(request, _("Only a case handler may register an inquiry."))
        return redirect("inquiries:list")
    if request.method == "POST" and "confirm" in request.POST:
        form = forms.ConfirmInquiryForm(
            request.POST, organisation=request.user.organisation, user=request.user
        )
        if form.is_valid():
            try:
                inquiry = services.register_inquiry(
                    actor=request.user,
                    organisation=request.user.organisation,
                    kind=form.cleaned_data["kind"],
                    subject=form.cleaned_data["subject"],
                    number=form.cleaned_data["number"],
                    reference=form.cleaned_data["reference"],
                    submitted=form.cleaned_data["submitted"],
                    askers=form.cleaned_askers(),
                    addressees=form.cleaned_addressees(),
                    questions=form.cleaned_questions(),
                    persons=form.cleaned_persons(),
                    assignees=form.cleaned_data["assignees"],
                    confidentiality=form.cleaned_data["confidentiality"],
                    source_text=form.cleaned_data["source_text"],
                )
            except services.ProcedureError as exc:
                for m in exc.messages:
                    messages.error(request, m)
            else:
                messages.success(request, _("Inquiry registered."))
                return redirect("inquiries:detail", inquiry_pk=inquiry.pk)
        return render(request, "inquiries/confirm.html", {"form": form, "warnings": []})

    form = forms.IntakeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            parsed = parse_inquiry(form.cleaned_data["text"]).to_dict()
        except ParseError as exc:
            form.add_error("text", PARSE_PROBLEMS.get(exc.code, str(exc)))
        else:
            if form.cleaned_data.get("zaak"):
                parsed = merge_zaak(parsed, form.cleaned_data["zaak"])
            confirm = forms.ConfirmInquiryForm(
                initial=forms.ConfirmInquiryForm.initial_from(
                    parsed, form.cleaned_data["text"]
                ),
                organisation=request.user.organisation,
                user=request.user,
            )
            return render(
                request,
                "inquiries/confirm.html",
                {
                    "form": confirm,
                    "warnings": parsed.get("warnings", []),
                    "parsed": parsed,
                },
            )
    return render(request, "inquiries/intake.html", {"form": form})


def inquiry_detail(
    request: HttpRequest, inquiry_pk: int, bound: dict | None = None
) -> HttpResponse:
    """The case page: procedure, facts, advice, hearing, measure, answer, panels, audit.

    ``bound`` holds submitted forms to show again (with their errors and input) after a
    refusal, keyed like the context (``facts_form``, ``hr_form``, ``answers_form``, ...).
    """
    inquiry = get_inquiry_for(request.user, inquiry_pk)
    bound = bound or {}
    findings = open_findings(inquiry)
    by_question: dict[int, list] = {}
    for f in findings:
        by_question.setdefault(f.question, []).append(f)
    answers_form = bound.get("answers_form") or forms.AnswersForm(inquiry=inquiry)
    blocks = _answer_blocks(inquiry, answers_form, by_question)
    numbers = {
        b["leader"].number: b["block"].numbers for b in blocks if not b["block"].refers
    }
    context = {
        "inquiry": inquiry,
        "steps": step_overview(inquiry, request.user),
        "milestones": milestone_overview(inquiry),
        "approval_layers": approval_overview(inquiry),
        "postpone_form": bound.get("postpone_form") or forms.PostponeForm(),
        "answer_blocks": blocks,
        "findings": findings,
        # Findings in a grouped answer are shown as "Answer 2, 3 and 4: ...".
        "findings_numbered": [
            (f, numbers.get(f.question, str(f.question))) for f in findings
        ],
        "advice_rows": _advice_rows(request, inquiry, bound),
        "facts_form": bound.get("facts_form")
        or forms.FactsForm(initial={"facts": inquiry.facts}),
        "conduct_form": bound.get("conduct_form") or forms.ConductForm(inquiry=inquiry),
        # What the rulebooks say about the recorded conduct, in the page's language.
        "conduct": conduct_card.assessment(inquiry.conduct),
        "person_rows": _person_rows(inquiry, bound),
        "override_form": bound.get("override_form") or forms.OverrideForm(),
        "assign_form": bound.get("assign_form") or forms.AssignForm(inquiry=inquiry),
        "panels": [
            (p.template, p.context(request, inquiry, bound.get(f"panel:{p.key}")))
            for p in panels()
        ],
        "audit": audit_trail_for(inquiry)[:200],
        "can": permitted(request.user, inquiry),
        "is_closed": inquiry.state in (State.APPROVED, State.SENT),
        # After a refused POST the page is shown at the form's address; the language switch
        # must return to the case page itself.
        "canonical_url": reverse("inquiries:detail", args=[inquiry.pk]),
        "diagram_template": diagram_template(ui_language()),
        "answers_bound": answers_form.is_bound,
        "answers_reason": answers_form["reason"],
    }
    return render(request, "inquiries/detail.html", context)


def _advice_rows(request: HttpRequest, inquiry: Inquiry, bound: dict) -> list[dict]:
    """Per advisor the case needs (HR, Legal, the organisation's own): ``{"kind", "advice",
    "outdated", "can", "form"}``; the form is the submitted one after a refusal (keyed
    ``advice_form:<code>``)."""
    rows = []
    for kind in advisor_kinds(inquiry.organisation):
        advice = inquiry.advice_of(kind.code)
        rows.append(
            {
                "kind": kind,
                "advice": advice,
                "outdated": advice is not None
                and advice.on_record_version != inquiry.record_version,
                # A refused submission is shown again, so that nothing typed is lost.
                "can": may_advise(request.user, inquiry, kind)
                or f"advice_form:{kind.code}" in bound,
                "form": bound.get(f"advice_form:{kind.code}")
                or forms.AdviceForm(
                    auto_id=f"id_{kind.code}_%s",
                    initial={"kind": kind.code, "text": advice.text if advice else ""},
                ),
            }
        )
    return rows


def _person_rows(inquiry: Inquiry, bound: dict) -> list[dict]:
    """Per person concerned: ``{"person", "hearing", "measure", "hearing_form",
    "measure_form"}``; the forms start from what is recorded, or are the submitted ones
    after a refusal (keyed ``hearing_form:<pk>``)."""
    rows = []
    for person, hearing, measure in inquiry.persons_steps:
        rows.append(
            {
                "person": person,
                "hearing": hearing,
                "measure": measure,
                "hearing_form": bound.get(f"hearing_form:{person.pk}")
                or forms.HearingForm(
                    person_pk=person.pk,
                    initial=_recorded(hearing, forms.HearingForm.base_fields),
                ),
                "measure_form": bound.get(f"measure_form:{person.pk}")
                or forms.MeasureForm(
                    person_pk=person.pk,
                    initial=_recorded(measure, forms.MeasureForm.base_fields),
                ),
            }
        )
    return rows


def _recorded(step: Model | None, fields: Collection[str]) -> dict:
    """The values the recorded ``step`` (a hearing or a measure) holds for those of the
    form ``fields`` it has; ``{}`` when nothing is recorded."""
    return model_to_dict(step, fields=fields) if step else {}


def _person_form(form_class: type) -> Callable:
    def make(request: HttpRequest, inquiry: Inquiry):
        raw = str(request.POST.get("person") or "")
        persons = list(inquiry.persons.all())
        only = persons[0].pk if len(persons) == 1 else None
        return form_class(request.POST, person_pk=_int_or_none(raw) or only)

    return make


def _answer_blocks(inquiry: Inquiry, form, by_question: dict[int, list]) -> list[dict]:
    """The answers section: questions in runs that share one answer ("Questions 2, 3 and
    4" / "Answer 2, 3 and 4"), each with its grouping choice, and the answer's text with the
    findings marked (findings carry the number of the question holding the text)."""
    questions = list(inquiry.questions.all())
    by_number = {q.number: q for q in questions}
    blocks = []
    for block in answer_blocks(leaders_of(questions)):
        leader = by_number[block.leader]
        blocks.append(
            {
                "block": block,
                "questions": [
                    (
                        by_number[n],
                        form[f"answered_with_{n}"]
                        if f"answered_with_{n}" in form.fields
                        else None,
                    )
                    for n in block.questions
                ],
                "leader": leader,
                "pieces": split_marked(
                    leader.answer,
                    [(f.start, f.end, f) for f in by_question.get(leader.number, [])],
                ),
                "field": None if block.refers else form[f"answer_{leader.number}"],
            }
        )
    return blocks


def _case_action(
    make_form: Callable[[HttpRequest, object], object],
    key: str | Callable[[object], str],
) -> Callable[[Callable], Callable]:
    """A POST view on one case: access check, form validation, service call, redirect.

    ``make_form(request, inquiry)`` builds the bound form; ``key`` names it in the case page
    context (or computes the name from the form). On an invalid form or a refusal the case
    page is shown again with the form as submitted, so nothing typed is lost.
    """

    def wrap(run: Callable) -> Callable:
        @require_POST
        def view(
            request: HttpRequest, inquiry_pk: int, **kwargs: object
        ) -> HttpResponse:
            inquiry = get_inquiry_for(request.user, inquiry_pk)
            form = make_form(request, inquiry)
            name = key(form) if callable(key) else key
            if not form.is_valid():
                messages.error(request, _("Please correct the fields marked below."))
                return inquiry_detail(request, inquiry.pk, {name: form})
            try:
                note = run(request, inquiry, form, **kwargs)
            except services.ProcedureError as exc:
                for m in exc.messages:
                    messages.error(request, m)
                    # Also on the form itself: a folded section with errors opens, so
                    # the refusal is read next to what was typed.
                    form.add_error(None, m)
                return inquiry_detail(request, inquiry.pk, {name: form})
            messages.success(request, note)
            return redirect(reverse("inquiries:detail", args=[inquiry.pk]))

        view.__name__ = run.__name__
        view.__doc__ = run.__doc__
        return view

    return wrap


def _posted(form_class: type) -> Callable:
    """``make_form`` of :func:`_case_action` for a form that reads only the POST data."""
    return lambda request, inquiry: form_class(request.POST)


def _posted_for_case(form_class: type) -> Callable:
    """``make_form`` of :func:`_case_action` for a form whose fields or checks come from
    the case (made with ``inquiry=``)."""
    return lambda request, inquiry: form_class(request.POST, inquiry=inquiry)


@_case_action(_posted(forms.FactsForm), "facts_form")
def save_facts(request, inquiry, form):
    """Record the facts, or revise them once they are established."""
    first = inquiry.state == State.REGISTERED
    record = services.record_facts if first else services.revise_facts
    record(
        actor=request.user,
        inquiry=inquiry,
        facts=form.cleaned_data["facts"],
        reason=form.cleaned_data["reason"],
    )
    if first:
        return _("Facts saved.")
    return _("Facts revised. Earlier advice must be confirmed by the advisors.")


@_case_action(_posted_for_case(forms.ConductForm), "conduct_form")
def save_conduct(request, inquiry, form):
    """Record the established conduct, for the rules check the advisors see."""
    after = services.record_conduct(
        actor=request.user,
        inquiry=inquiry,
        conduct=form.to_conduct(),
        reason=form.cleaned_data["reason"],
    )
    if after.record_version != inquiry.record_version:
        return _("Conduct saved. Earlier advice must be confirmed by the advisors.")
    return _("Conduct saved.")


@_case_action(
    lambda request, inquiry: forms.AdviceForm(
        request.POST, auto_id=f"id_{request.POST.get('kind', '')}_%s"
    ),
    lambda form: f"advice_form:{form.data.get('kind', '')}",
)
def save_advice(request, inquiry, form):
    """Give the advice of one advisor (HR, Legal or one the organisation added)."""
    services.record_advice(
        actor=request.user,
        inquiry=inquiry,
        kind=form.cleaned_data["kind"],
        text=form.cleaned_data["text"],
        reason=form.cleaned_data["reason"],
    )
    return _("Advice saved.")


@_case_action(
    _person_form(forms.HearingForm), lambda form: f"hearing_form:{form.person_pk}"
)
def save_hearing(request, inquiry, form):
    """Record the hearing of one employee concerned."""
    services.record_hearing(actor=request.user, inquiry=inquiry, **form.cleaned_data)
    return _("Hearing recorded.")


@_case_action(
    _person_form(forms.MeasureForm), lambda form: f"measure_form:{form.person_pk}"
)
def save_measure(request, inquiry, form):
    """Record the measure towards one employee concerned."""
    services.record_measure(actor=request.user, inquiry=inquiry, **form.cleaned_data)
    return _("Measure recorded.")


@_case_action(_posted_for_case(forms.AnswersForm), "answers_form")
def save_answers(request, inquiry, form):
    """Save the answer per question."""
    services.save_answers(
        actor=request.user,
        inquiry=inquiry,
        answers=form.cleaned_answers(),
        groups=form.cleaned_groups(),
        reason=form.cleaned_data["reason"],
    )
    return _("Answer saved.")


@_case_action(_posted(forms.OverrideForm), "override_form")
def override_check(request, inquiry, form):
    """Keep flagged words with a recorded reason."""
    services.override_answer_check(
        actor=request.user, inquiry=inquiry, reason=form.cleaned_data["reason"]
    )
    return _("Override recorded.")


@_case_action(_posted_for_case(forms.AssignForm), "assign_form")
def assign(request, inquiry, form):
    """Give more people of the organisation access to the case."""
    services.assign_to_case(
        actor=request.user, inquiry=inquiry, users=form.cleaned_data["users"]
    )
    return _("People added to the case.")


@_case_action(_posted(forms.PostponeForm), "postpone_form")
def postpone(request, inquiry, form):
    """Record the postponement notice: the answer is due six weeks after submission."""
    services.postpone_answer(
        actor=request.user,
        inquiry=inquiry,
        reason=form.cleaned_data["reason"],
        sent_on=form.cleaned_data["sent_on"],
    )
    return _("Postponement notice recorded; the answer deadline has moved.")


_TRANSITIONS = {
    "establish_facts": services.establish_facts,
    "complete_advice": services.complete_advice,
    "decide_measure": services.decide_measure,
    "draft_answer": services.submit_draft_answer,
    "return_for_rework": services.return_for_rework,
    "approve": services.approve_answer,
    "send": services.send_answer,
}


@_case_action(_posted(forms.ReasonForm), "reason_form")
def fire_transition(request, inquiry, form, name):
    """Move the case on by one step of the procedure."""
    service = _TRANSITIONS.get(name)
    if service is None:
        raise services.ProcedureError(_("Unknown step."))
    after = service(
        actor=request.user, inquiry=inquiry, reason=form.cleaned_data["reason"]
    )
    return _("The case is now: %(state)s.") % {"state": after.get_state_display()}


#: The documents of a case (named as in ``documents.py``) and the states in which each can
#: be made. Advice requests are ``advice-request-<advisor code>``, one per advisor
#: (``advisors.py``).
DOCUMENT_STATES = {
    "answer": (State.APPROVED, State.SENT),
    "postponement": tuple(State.values),
    "hearing": tuple(State.values),
}
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def download_document(
    request: HttpRequest, inquiry_pk: int, kind: str, fmt: str = "docx"
) -> HttpResponse:
    """A document of the case (answer, postponement notice, hearing report, advice request)
    as Word or PDF; reads of confidential cases are audited."""
    inquiry = get_inquiry_for(request.user, inquiry_pk)
    if kind.startswith("advice-request-"):
        to = advisor_kind(inquiry.organisation, kind.removeprefix("advice-request-"))
        if to is None:
            raise Http404("No such advisor.")
        template, advisor, states = "advice_request", to.addressee, tuple(State.values)
    elif kind in DOCUMENT_STATES:
        template, advisor, states = kind, "", DOCUMENT_STATES[kind]
    else:
        raise Http404("No such document.")
    if fmt not in CONTENT_TYPES:
        raise Http404("No such document.")
    if inquiry.state not in states:
        messages.error(request, _("The answer can be downloaded once it is approved."))
        return redirect("inquiries:detail", inquiry_pk=inquiry.pk)
    if template == "advice_request" and inquiry.state == State.REGISTERED:
        messages.error(
            request, _("Advice is requested once the facts are established.")
        )
        return redirect("inquiries:detail", inquiry_pk=inquiry.pk)
    render = render_pdf if fmt == "pdf" else render_docx
    person = request.GET.get("person", "")
    try:
        content = render(inquiry, template, advisor, _int_or_none(person))
    except DocumentError as exc:
        messages.error(request, str(exc))
        return redirect("inquiries:detail", inquiry_pk=inquiry.pk)
    services.record_document_read(
        actor=request.user, inquiry=inquiry, document=f"{kind}.{fmt}"
    )
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{kind}-{inquiry.number or inquiry.pk}.{fmt}"
    )
    return response


def record_about_me(request: HttpRequest, inquiry_pk: int) -> HttpResponse:
    """The employee's view of what is recorded about them, and their response to it."""
    inquiry = get_record_about(request.user, inquiry_pk)
    me = next(p for p in inquiry.persons.all() if p.user_id == request.user.pk)
    form = forms.RecordResponseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.respond_to_record(
                actor=request.user,
                inquiry=inquiry,
                response=form.cleaned_data["response"],
                comment=form.cleaned_data["comment"],
            )
        except services.ProcedureError as exc:
            for m in exc.messages:
                messages.error(request, m)
        else:
            messages.success(request, _("Your response has been added to the record."))
            return redirect("inquiries:record_about_me", inquiry_pk=inquiry.pk)
    return render(
        request,
        "inquiries/record_about_me.html",
        {
            "inquiry": inquiry,
            "form": form,
            "facts_shown": inquiry.state != State.REGISTERED,
            # The facts are written per case: with several employees they describe the
            # others too, so HR goes through them with each employee instead.
            "facts_shared": len(inquiry.persons.all()) > 1,
            # Each employee concerned sees only their own hearing and measure.
            "hearing": inquiry.hearing_of(me),
            "can_respond": inquiry.state not in (State.APPROVED, State.SENT),
            "measure": inquiry.measure_of(me),
        },
    )
