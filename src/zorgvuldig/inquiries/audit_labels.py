"""What the inquiry's audit entries are called, for people, and the choices their summaries
use; registered with :mod:`zorgvuldig.core.audit` from ``InquiriesConfig.ready``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from zorgvuldig.core.audit import register_actions, register_choices

from .choices import (
    AdviceKind,
    HearingResponse,
    InquiryKind,
    MeasureCategory,
    MeasureStage,
    State,
)

#: ``{action code: label}`` for every ``record_audit`` in ``services.py``.
ACTIONS = {
    "inquiry.registered": _("Case registered"),
    "case.assigned": _("People assigned to the case"),
    "facts.recorded": _("Facts recorded"),
    "facts.revised": _("Facts revised"),
    "conduct.recorded": _("Established conduct recorded"),
    "answer.postponed": _("Answer postponed"),
    "answer.layer_approved": _("Approved for one layer"),
    "answer.approvals_voided": _("Approvals voided"),
    "advice.recorded": _("Advice recorded"),
    "hearing.recorded": _("Hearing recorded"),
    "measure.recorded": _("Measure recorded"),
    "measure.history_added": _("Stage added to the measure history"),
    "hearing.responded": _("Employee responded to the hearing record"),
    "answer.changed": _("Answer changed"),
    "answer_check.overridden": _("Answer check overridden"),
    "document.read": _("Document read"),
    "inquiry.viewed": _("Case page viewed"),
    "record.viewed": _("Employee read their own record"),
    "inquiries.exported": _("Case exported with the dashboard"),
    # One per transition of ``Inquiry.state`` (``_fire`` writes ``transition.<name>``).
    "transition.establish_facts": _("Facts declared established"),
    "transition.revise_facts": _("Back to facts established"),
    "transition.complete_advice": _("Advice round completed"),
    "transition.decide_measure": _("Measure declared decided"),
    "transition.draft_answer": _("Draft answer submitted for approval"),
    "transition.return_for_rework": _("Returned for rework"),
    "transition.approve": _("Answer approved"),
    "transition.send": _("Answer sent"),
}


def register() -> None:
    """Register :data:`ACTIONS` and the choices the summaries keep as codes."""
    register_actions(ACTIONS)
    register_choices("inquiries.State", State)
    register_choices("inquiries.AdviceKind", AdviceKind)
    register_choices("inquiries.HearingResponse", HearingResponse)
    register_choices("inquiries.MeasureCategory", MeasureCategory)
    register_choices("inquiries.InquiryKind", InquiryKind)
    register_choices("inquiries.MeasureStage", MeasureStage)
