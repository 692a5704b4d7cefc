"""The case page: procedure, facts, conduct, advice, hearing, measure, answer, panels, audit.

Shown after a refused submission too, with the submitted forms (``bound``), so that nothing
typed is lost.
"""

from __future__ import annotations

from collections.abc import Collection

from django.db.models import Model
from django.forms.models import model_to_dict
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from zorgvuldig.core.http import AuthenticatedHttpRequest
from zorgvuldig.core.languages import ui_language
from zorgvuldig.core.services import audit_trail_for
from zorgvuldig.inquiries import conduct_card, forms, services, versions
from zorgvuldig.inquiries.answers.check import open_findings
from zorgvuldig.inquiries.answers.documents import available_documents
from zorgvuldig.inquiries.answers.grouping import answer_blocks, leaders_of
from zorgvuldig.inquiries.choices import MeasureStage, State
from zorgvuldig.inquiries.measure_timeline import timeline
from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.inquiries.panels import panels
from zorgvuldig.inquiries.presenters import (
    approval_overview,
    milestone_overview,
    step_overview,
)
from zorgvuldig.inquiries.procedure.advisors import advisor_kinds
from zorgvuldig.inquiries.procedure.diagram import template_name as diagram_template
from zorgvuldig.inquiries.procedure.permissions import may_advise, permitted
from zorgvuldig.inquiries.queries import (
    correctable,
    get_inquiry_for,
    measure_in_force,
)
from zorgvuldig.signals.marking import split_marked

#: Reads recorded but not listed in the case page's trail (every visit would add a line).
QUIET_READS = ("inquiry.viewed", "inquiries.exported")


def inquiry_detail(
    request: AuthenticatedHttpRequest, inquiry_pk: int, bound: dict | None = None
) -> HttpResponse:
    """The case page: procedure, facts, advice, hearing, measure, answer, panels, audit.

    ``bound`` holds submitted forms to show again (with their errors and input) after a
    refusal, keyed like the context (``facts_form``, ``hr_form``, ``answers_form``, ...),
    and ``conflict``, the :class:`versions.Conflict` of a save refused as stale. Each fresh
    form carries the version of the part it edits (``_versioned``).
    """
    inquiry = get_inquiry_for(request.user, inquiry_pk)
    services.record_case_view(actor=request.user, inquiry=inquiry)
    bound = bound or {}
    findings = open_findings(inquiry)
    by_question: dict[int, list] = {}
    for f in findings:
        by_question.setdefault(f.question, []).append(f)
    answers_form = bound.get("answers_form") or _versioned(
        forms.AnswersForm(inquiry=inquiry), inquiry, "answers"
    )
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
        or _versioned(
            forms.FactsForm(initial={"facts": inquiry.facts}), inquiry, "facts"
        ),
        "conduct_form": bound.get("conduct_form")
        or _versioned(forms.ConductForm(inquiry=inquiry), inquiry, "conduct"),
        # Filled from the timeline (evidence's conduct_from_timeline): shown open, unsaved.
        "conduct_prefilled": bound.get("conduct_prefilled", False),
        # What the rulebooks say about the recorded conduct, in the page's language.
        "conduct": conduct_card.assessment(inquiry.conduct),
        "person_rows": _person_rows(inquiry, bound),
        "override_form": bound.get("override_form") or forms.OverrideForm(),
        "assign_form": bound.get("assign_form") or forms.AssignForm(inquiry=inquiry),
        "panels": [
            (p.template, p.context(request, inquiry, bound.get(f"panel:{p.key}")))
            for p in panels()
        ],
        "facts_panels": [
            (p.template, p.context(request, inquiry, bound.get(f"panel:{p.key}")))
            for p in panels("facts")
        ],
        # Page views and exports are on record too, but listed they would bury the changes.
        "audit": audit_trail_for(inquiry).exclude(action__in=QUIET_READS)[:200],
        "can": permitted(request.user, inquiry),
        "is_closed": inquiry.state in (State.APPROVED, State.SENT),
        "documents": available_documents(inquiry.state),
        # After a refused POST the page is shown at the form's address; the language switch
        # must return to the case page itself.
        "canonical_url": reverse("inquiries:detail", args=[inquiry.pk]),
        "diagram_template": diagram_template(ui_language()),
        "answers_bound": answers_form.is_bound,
        "answers_reason": answers_form["reason"],
        "answers_version": answers_form["loaded_version"],
        # A save refused because someone saved the same part first: who, when, the diff.
        "conflict": bound.get("conflict"),
    }
    return render(request, "inquiries/detail.html", context)


def _advice_rows(
    request: AuthenticatedHttpRequest, inquiry: Inquiry, bound: dict
) -> list[dict]:
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
                or _versioned(
                    forms.AdviceForm(
                        auto_id=f"id_{kind.code}_%s",
                        initial={
                            "kind": kind.code,
                            "text": advice.text if advice else "",
                            "on_record_version": inquiry.record_version,
                        },
                    ),
                    inquiry,
                    f"advice:{kind.code}",
                ),
            }
        )
    return rows


def _person_rows(inquiry: Inquiry, bound: dict) -> list[dict]:
    """Per person concerned: ``{"person", "hearing", "measure", "hearing_form",
    "measure_form", "history", "history_form"}``; the forms start from what is recorded,
    or are the submitted ones after a refusal (keyed ``hearing_form:<pk>``);
    ``history``, the measure history as :class:`measure_timeline.TimelineRow` (in force:
    today, Europe/Amsterdam), ``lapsed`` (annulled or ended, nothing in force), with
    ``history_form`` to add a stage."""
    rows = []
    today = timezone.localdate()
    for person, hearing, measure in inquiry.persons_steps:
        rows.append(
            {
                "person": person,
                "hearing": hearing,
                "measure": measure,
                "hearing_form": bound.get(f"hearing_form:{person.pk}")
                or _versioned(
                    forms.HearingForm(
                        person_pk=person.pk,
                        initial=_recorded(hearing, forms.HearingForm.base_fields),
                    ),
                    inquiry,
                    f"hearing:{person.pk}",
                ),
                "history": timeline(person.measure_entries.all(), today),
                # Annulled or ended: the measure shown above is no longer in force.
                "lapsed": measure_in_force(person, today) is None
                and any(
                    not MeasureStage.names_a_measure(e.stage)
                    for e in correctable(person)
                ),
                "history_form": bound.get(f"history_form:{person.pk}")
                or _versioned(
                    forms.MeasureEntryForm(
                        person_pk=person.pk, entries=correctable(person)
                    ),
                    inquiry,
                    f"measure_history:{person.pk}",
                ),
                "measure_form": bound.get(f"measure_form:{person.pk}")
                or _versioned(
                    forms.MeasureForm(
                        person_pk=person.pk,
                        initial=_recorded(measure, forms.MeasureForm.base_fields),
                    ),
                    inquiry,
                    f"measure:{person.pk}",
                ),
            }
        )
    return rows


def _versioned(form, inquiry: Inquiry, part: str):
    """``form`` (unbound) carrying the version of ``part`` as it is now (``versions``), so
    that its save is refused when someone else saves the part first."""
    form.initial["loaded_version"] = versions.fingerprint(inquiry, part)
    return form


def _recorded(step: Model | None, fields: Collection[str]) -> dict:
    """The values the recorded ``step`` (a hearing or a measure) holds for those of the
    form ``fields`` it has; ``{}`` when nothing is recorded."""
    return model_to_dict(step, fields=fields) if step else {}


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
