"""Models of the inquiry procedure; see each module for its concept."""

from .events import ProcedureEvent
from .inquiry import Inquiry, PersonConcerned, Question
from .measure_history import MeasureEntry
from .reminders import Reminder, ReminderKind
from .steps import Advice, AnswerOverride, ApprovalStep, Hearing, Measure, Postponement

__all__ = [
    "Advice",
    "AnswerOverride",
    "ApprovalStep",
    "Hearing",
    "Inquiry",
    "Measure",
    "MeasureEntry",
    "PersonConcerned",
    "Postponement",
    "ProcedureEvent",
    "Question",
    "Reminder",
    "ReminderKind",
]
