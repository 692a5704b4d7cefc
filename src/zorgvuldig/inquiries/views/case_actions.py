"""The forms posted on the case page: one service call each (``case_form.case_action``)."""

from __future__ import annotations

from typing import Protocol

from django.contrib import messages
from django.utils.translation import gettext as _

from zorgvuldig.core.http import AuthenticatedHttpRequest
from zorgvuldig.core.models import User
from zorgvuldig.inquiries import forms, services
from zorgvuldig.inquiries.choices import State
from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.inquiries.queries import correctable

from .case_form import case_action, person_form, posted, posted_for_case


@case_action(posted(forms.FactsForm), "facts_form", part="facts")
def save_facts(
    request: AuthenticatedHttpRequest, inquiry: Inquiry, form: forms.FactsForm
) -> str:
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


@case_action(posted_for_case(forms.ConductForm), "conduct_form", part="conduct")
def save_conduct(
    request: AuthenticatedHttpRequest, inquiry: Inquiry, form: forms.ConductForm
) -> str:
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


@case_action(
    lambda request, inquiry: forms.AdviceForm(
        request.POST, auto_id=f"id_{request.POST.get('kind', '')}_%s"
    ),
    lambda form: f"advice_form:{form.data.get('kind', '')}",
    part=lambda form: f"advice:{form.data.get('kind', '')}",
)
def save_advice(
    request: AuthenticatedHttpRequest, inquiry: Inquiry, form: forms.AdviceForm
) -> str | tuple[int, str]:
    """Give the advice of one advisor (HR, Legal or one the organisation added), on the
    record version of the page it was written on."""
    advice = services.record_advice(
        actor=request.user,
        inquiry=inquiry,
        kind=form.cleaned_data["kind"],
        text=form.cleaned_data["text"],
        reason=form.cleaned_data["reason"],
        on_record_version=form.cleaned_data["on_record_version"],
    )
    if advice.on_record_version != inquiry.record_version:
        return messages.WARNING, _(
            "Advice saved, but the facts or the hearing changed after you opened the "
            "page: it is outdated. Read them and save the advice again to confirm it."
        )
    return _("Advice saved.")


@case_action(
    person_form(forms.HearingForm),
    lambda form: f"hearing_form:{form.person_pk}",
    part=lambda form: f"hearing:{form.person_pk}",
)
def save_hearing(
    request: AuthenticatedHttpRequest, inquiry: Inquiry, form: forms.HearingForm
) -> str:
    """Record the hearing of one employee concerned."""
    services.record_hearing(actor=request.user, inquiry=inquiry, **form.values())
    return _("Hearing recorded.")


@case_action(
    person_form(forms.MeasureForm),
    lambda form: f"measure_form:{form.person_pk}",
    part=lambda form: f"measure:{form.person_pk}",
)
def save_measure(
    request: AuthenticatedHttpRequest, inquiry: Inquiry, form: forms.MeasureForm
) -> str:
    """Record the measure towards one employee concerned."""
    services.record_measure(actor=request.user, inquiry=inquiry, **form.values())
    return _("Measure recorded.")


def _history_form(
    request: AuthenticatedHttpRequest, inquiry: Inquiry
) -> forms.MeasureEntryForm:
    """The posted stage, offering the posted employee's entries to correct."""
    form = person_form(forms.MeasureEntryForm)(request, inquiry)
    person = next((p for p in inquiry.persons.all() if p.pk == form.person_pk), None)
    if person is not None:
        form.offer(correctable(person))
    return form


@case_action(
    _history_form,
    lambda form: f"history_form:{form.person_pk}",
    part=lambda form: f"measure_history:{form.person_pk}",
)
def add_measure_entry(
    request: AuthenticatedHttpRequest, inquiry: Inquiry, form: forms.MeasureEntryForm
) -> str:
    """Add a stage to the measure history of one employee concerned."""
    services.add_measure_entry(actor=request.user, inquiry=inquiry, **form.values())
    return _("Added to the measure history.")


@case_action(posted_for_case(forms.AnswersForm), "answers_form", part="answers")
def save_answers(
    request: AuthenticatedHttpRequest, inquiry: Inquiry, form: forms.AnswersForm
) -> str:
    """Save the answer per question."""
    services.save_answers(
        actor=request.user,
        inquiry=inquiry,
        answers=form.cleaned_answers(),
        groups=form.cleaned_groups(),
        reason=form.cleaned_data["reason"],
    )
    return _("Answer saved.")


@case_action(posted(forms.OverrideForm), "override_form")
def override_check(
    request: AuthenticatedHttpRequest, inquiry: Inquiry, form: forms.OverrideForm
) -> str:
    """Keep flagged words with a recorded reason."""
    services.override_answer_check(
        actor=request.user, inquiry=inquiry, reason=form.cleaned_data["reason"]
    )
    return _("Override recorded.")


@case_action(posted_for_case(forms.AssignForm), "assign_form")
def assign(
    request: AuthenticatedHttpRequest, inquiry: Inquiry, form: forms.AssignForm
) -> str:
    """Give more people of the organisation access to the case."""
    services.assign_to_case(
        actor=request.user, inquiry=inquiry, users=form.cleaned_data["users"]
    )
    return _("People added to the case.")


@case_action(posted(forms.PostponeForm), "postpone_form")
def postpone(
    request: AuthenticatedHttpRequest, inquiry: Inquiry, form: forms.PostponeForm
) -> str:
    """Record the postponement notice: the answer is due in the assembly's term after a
    postponement, or on the day the notice names."""
    services.postpone_answer(
        actor=request.user,
        inquiry=inquiry,
        reason=form.cleaned_data["reason"],
        sent_on=form.cleaned_data["sent_on"],
        due_on=form.cleaned_data["due_on"],
    )
    return _("Postponement notice recorded; the answer deadline has moved.")


class _StepService(Protocol):
    """A service that fires one transition (``services.send_answer`` and the like)."""

    def __call__(self, *, actor: User, inquiry: Inquiry, reason: str) -> Inquiry: ...


_TRANSITIONS: dict[str, _StepService] = {
    "establish_facts": services.establish_facts,
    "complete_advice": services.complete_advice,
    "decide_measure": services.decide_measure,
    "draft_answer": services.submit_draft_answer,
    "return_for_rework": services.return_for_rework,
    "approve": services.approve_answer,
    "send": services.send_answer,
}


@case_action(posted(forms.ReasonForm), "reason_form")
def fire_transition(
    request: AuthenticatedHttpRequest,
    inquiry: Inquiry,
    form: forms.ReasonForm,
    name: str,
) -> str:
    """Move the case on by one step of the procedure."""
    service = _TRANSITIONS.get(name)
    if service is None:
        raise services.ProcedureError(_("Unknown step."))
    after = service(
        actor=request.user, inquiry=inquiry, reason=form.cleaned_data["reason"]
    )
    return _("The case is now: %(state)s.") % {"state": after.get_state_display()}
