"""An organisation's procedure settings, read safely, and its holiday calendar.

``Organisation.procedure_settings`` is a JSON object edited in the admin (checked key by key
when saved, see ``inquiries.settings_checks``); the procedure reads it through
:func:`procedure_settings` so that a mistake never takes a case page down.
"""

from __future__ import annotations

import logging
from typing import Any

from zorgvuldig.parliament.assemblies import assembly_terms
from zorgvuldig.parliament.calendars import HolidayCalendar, holiday_calendar
from zorgvuldig.parliament.terms import AnswerTerm

logger = logging.getLogger(__name__)


def procedure_settings(organisation) -> dict:
    """The organisation's procedure settings, or ``{}`` when they are not a JSON object (a
    settings mistake must not take the case pages down)."""
    value = organisation.procedure_settings
    return value if isinstance(value, dict) else {}


def organisation_terms(organisation: Any) -> dict[str, AnswerTerm]:
    """The answer terms of the assemblies ``organisation`` answers to, by assembly code,
    its usual assembly first (``procedure_settings["assemblies"]``; every shipped term when
    not set, see :func:`zorgvuldig.parliament.assemblies.assembly_terms`). A wrong entry is
    left out and logged."""
    terms, problems = assembly_terms(procedure_settings(organisation).get("assemblies"))
    for problem in problems:
        logger.warning(
            "organisation %s: procedure_settings assemblies%s (entry ignored)",
            organisation.pk,
            problem,
        )
    return terms


def organisation_calendar(organisation: Any) -> HolidayCalendar:
    """The holiday calendar of ``organisation``: its country's public holidays, adjusted by
    its ``procedure_settings["holidays"]`` (see
    :func:`zorgvuldig.parliament.calendars.holiday_calendar`)."""
    return holiday_calendar(
        organisation.country, procedure_settings(organisation).get("holidays")
    )
