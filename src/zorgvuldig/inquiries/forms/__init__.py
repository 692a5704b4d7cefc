"""Forms of the inquiry pages, one module per page area; they validate input and name the
field that is wrong. Re-exported here (``forms.FactsForm``) for the views.

:mod:`.intake` (paste or upload, confirm), :mod:`.case` (the case page's facts, advice,
hearing, measure, answers, people and steps), :mod:`.conduct` (the established conduct),
:mod:`.dashboard` (filters), :mod:`.record` (the employee's response), and :mod:`.fields`,
the fields they share.
"""

from .case import (
    AdviceForm,
    AnswersForm,
    AssignForm,
    FactsForm,
    HearingForm,
    MeasureEntryForm,
    MeasureForm,
    OverrideForm,
    PostponeForm,
    ReasonForm,
)
from .conduct import MAX_CONDUCT_TEXT, ConductForm
from .dashboard import DashboardFilterForm
from .intake import MAX_QUESTION_TEXT, ConfirmInquiryForm, IntakeForm, question_numbers
from .record import RecordResponseForm

__all__ = [
    "MAX_CONDUCT_TEXT",
    "MAX_QUESTION_TEXT",
    "AdviceForm",
    "AnswersForm",
    "AssignForm",
    "ConductForm",
    "ConfirmInquiryForm",
    "DashboardFilterForm",
    "FactsForm",
    "HearingForm",
    "IntakeForm",
    "MeasureEntryForm",
    "MeasureForm",
    "OverrideForm",
    "PostponeForm",
    "ReasonForm",
    "RecordResponseForm",
    "question_numbers",
]
