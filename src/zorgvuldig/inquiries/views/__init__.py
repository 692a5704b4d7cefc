"""Pages of the inquiry procedure, one module per page area. Thin: parse input, check access,
call one service, render. The views are re-exported here for ``urls.py``.

:mod:`.dashboard` (list and CSV), :mod:`.intake`, :mod:`.case` (the case page),
:mod:`.case_actions` (the forms posted on it), :mod:`.case_form` (the one wrapper of those
forms and the panels' forms), :mod:`.documents` (Word and PDF), :mod:`.record` (the
employee's own page), :mod:`.parameters` (numbers read from requests).
"""

from .case import inquiry_detail
from .case_actions import (
    add_measure_entry,
    assign,
    fire_transition,
    override_check,
    postpone,
    save_advice,
    save_answers,
    save_conduct,
    save_facts,
    save_hearing,
    save_measure,
)
from .dashboard import export_csv, inquiry_list
from .documents import download_document
from .intake import intake
from .record import record_about_me

__all__ = [
    "add_measure_entry",
    "assign",
    "download_document",
    "export_csv",
    "fire_transition",
    "inquiry_detail",
    "inquiry_list",
    "intake",
    "override_check",
    "postpone",
    "record_about_me",
    "save_advice",
    "save_answers",
    "save_conduct",
    "save_facts",
    "save_hearing",
    "save_measure",
]
