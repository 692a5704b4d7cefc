"""The checks of the procedure settings the inquiries read, registered with
:mod:`zorgvuldig.core.settings_checks` so that the admin names a mistake when it is saved.

Each check returns sentences for people (``[]``: fine) and never raises; the keys and their
meaning are documented in docs/configuration.md.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from zorgvuldig.core.settings_checks import register_settings_check
from zorgvuldig.parliament.assemblies import assembly_terms
from zorgvuldig.parliament.calendars import parse_holiday_settings

from .procedure.advisors import advisor_settings_problems
from .procedure.milestones import milestone_config
from .reminders import DEFAULT_SETTINGS as REMINDER_DEFAULTS
from .reminders import MAX_REMINDER_DAYS, is_reminder_term


def _milestones(value: Any, _country: str) -> list[str]:
    if not isinstance(value, dict):
        return [_('expected an object like {"facts": [3, 5]}')]
    try:
        milestone_config(value)
    except (ValueError, TypeError, AttributeError) as exc:
        return [str(exc)]
    return []


def _reminders(value: Any, _country: str) -> list[str]:
    if not isinstance(value, dict):
        return [_('expected an object like {"due_soon_days": 2}')]
    problems = []
    for key, days in value.items():
        if key not in REMINDER_DEFAULTS:
            problems.append(
                _("unknown key %(key)r (known: %(known)s)")
                % {"key": key, "known": ", ".join(REMINDER_DEFAULTS)}
            )
        elif not is_reminder_term(days):
            problems.append(
                _("%(key)s: expected a whole number of business days from 0 to %(max)d")
                % {"key": key, "max": MAX_REMINDER_DAYS}
            )
    return problems


def _approval_layers(value: Any, _country: str) -> list[str]:
    if isinstance(value, str) and value.strip():
        return []
    if isinstance(value, list) and all(
        isinstance(layer, str) and layer.strip() for layer in value
    ):
        return []
    return [_('expected a list of layer names, e.g. ["director", "secretary-general"]')]


def _holidays(value: Any, country: str) -> list[str]:
    return parse_holiday_settings(value, country)[1]


def _advisors(value: Any, _country: str) -> list[str]:
    return advisor_settings_problems(value)


def _assemblies(value: Any, _country: str) -> list[str]:
    # Each problem names its entry ("[1]: unknown assembly code …"); the pure package
    # says it in English, like the other checks' details.
    return assembly_terms(value)[1]


def register() -> None:
    """Register the checks of ``milestones``, ``reminders``, ``approval_layers``,
    ``holidays``, ``advisors`` and ``assemblies`` (called from ``InquiriesConfig.ready``)."""
    register_settings_check("milestones", _milestones)
    register_settings_check("reminders", _reminders)
    register_settings_check("approval_layers", _approval_layers)
    register_settings_check("holidays", _holidays)
    register_settings_check("advisors", _advisors)
    register_settings_check("assemblies", _assemblies)
