"""The procedure's steps as people name them: the case page's buttons and the diagram's edges.

The transitions themselves are declared on ``Inquiry.state`` (``models/inquiry.py``).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

#: Button labels of the transitions, in procedure order.
STEP_LABELS = {
    "establish_facts": _("Facts are established"),
    "complete_advice": _("Advice is complete"),
    "decide_measure": _("Measure is decided"),
    "draft_answer": _("Submit answer for approval"),
    "return_for_rework": _("Return for rework"),
    "approve": _("Approve answer"),
    "send": _("Answer sent"),
    "revise_facts": _("Revise the facts"),
}


#: Transitions fired from a form of their own (the facts card), not from a step button.
FORM_TRANSITIONS = frozenset({"revise_facts"})
