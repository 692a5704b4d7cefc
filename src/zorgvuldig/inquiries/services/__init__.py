"""Every write of the inquiry procedure, one function per use case, one module per part.

Views, the CLI, the demo loader and tests all call these, so there is one correct way to change
an inquiry. Each runs in a transaction, checks the acting user's role and assignment, and writes
an audit entry (and a ``ProcedureEvent`` for transitions). Refusals raise ``ProcedureError``
with messages a person can act on; nothing is half-written.

The public surface is re-exported here (``services.record_advice``); the modules are:
:mod:`.intake` (register, case team), :mod:`.intake_reading` (what the intake
reads; stores nothing), :mod:`.facts` (facts and conduct), :mod:`.advice`,
:mod:`.hearing` (and the employee's response), :mod:`.measure`, :mod:`.postponement`,
:mod:`.answers` (texts, draft, override), :mod:`.approval` (layers, rework, sending),
:mod:`.reads` (audited reads of personnel data), and :mod:`.steps`, what they all share.
"""

from .advice import complete_advice, record_advice
from .answers import override_answer_check, save_answers, submit_draft_answer
from .approval import approve_answer, return_for_rework, send_answer
from .facts import establish_facts, record_conduct, record_facts, revise_facts
from .hearing import record_hearing, respond_to_record
from .intake import (
    AlreadyRegisteredError,
    DuplicateInquiryError,
    assign_to_case,
    inquiry_with_number,
    read_by_number,
    register_inquiry,
)
from .intake_reading import MAX_QUESTION_TEXT, ReadError, Reading, read_inquiry
from .measure import decide_measure, record_measure
from .measure_history import add_measure_entry
from .postponement import postpone_answer
from .reads import (
    READ_ACTIONS,
    record_case_view,
    record_document_read,
    record_export,
    record_own_record_read,
)
from .steps import ProcedureError

__all__ = [
    "MAX_QUESTION_TEXT",
    "READ_ACTIONS",
    "AlreadyRegisteredError",
    "DuplicateInquiryError",
    "ProcedureError",
    "ReadError",
    "Reading",
    "add_measure_entry",
    "approve_answer",
    "assign_to_case",
    "complete_advice",
    "decide_measure",
    "establish_facts",
    "inquiry_with_number",
    "override_answer_check",
    "postpone_answer",
    "read_by_number",
    "read_inquiry",
    "record_advice",
    "record_case_view",
    "record_conduct",
    "record_document_read",
    "record_export",
    "record_facts",
    "record_hearing",
    "record_measure",
    "record_own_record_read",
    "register_inquiry",
    "respond_to_record",
    "return_for_rework",
    "revise_facts",
    "save_answers",
    "send_answer",
    "submit_draft_answer",
]
