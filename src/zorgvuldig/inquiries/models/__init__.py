"""Models of the inquiry procedure; see each module for its concept."""

from .events import ProcedureEvent
from .inquiry import Inquiry, PersonConcerned, Question
from .steps import Advice, AnswerOverride, Hearing, Measure

__all__ = [
    "Advice",
    "AnswerOverride",
    "Hearing",
    "Inquiry",
    "Measure",
    "PersonConcerned",
    "ProcedureEvent",
    "Question",
]
