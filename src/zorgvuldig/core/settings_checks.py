"""Checks of an organisation's ``procedure_settings`` JSON, run when an administrator saves it.

The pages read the settings leniently (a mistake leaves a part out rather than taking case
pages down); this is where the administrator is told what is wrong, key by key. The apps
that read a key register its check (``register_settings_check`` from their
``AppConfig.ready``), so that core does not need to know them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

#: ``{key: check(value, country) -> [problem, ...]}``
_CHECKS: dict[str, Callable[[Any, str], list[str]]] = {}


def register_settings_check(key: str, check: Callable[[Any, str], list[str]]) -> None:
    """Register ``check`` for ``procedure_settings[key]``.

    Args:
        key: the top-level key, e.g. ``"holidays"``.
        check: ``check(value, country)`` returns the problems of ``value`` for an
            organisation of ``country`` (ISO 3166-1 alpha-2) as sentences for people;
            ``[]`` when the value is fine. It must not raise.
    """
    _CHECKS[key] = check


def settings_problems(value: Any, country: str = "NL") -> list[str]:
    """What is wrong with a whole ``procedure_settings`` value, each problem prefixed with
    its key (``[]``: nothing). Unknown keys are problems too: a typo would otherwise be
    silently ignored."""
    if value in (None, ""):
        return []
    if not isinstance(value, dict):
        return [_("The procedure settings must be a JSON object ({...}).")]
    problems: list[str] = []
    for key, item in value.items():
        check = _CHECKS.get(key)
        if check is None:
            problems.append(
                _("Unknown key %(key)r (known: %(known)s).")
                % {"key": key, "known": ", ".join(sorted(_CHECKS))}
            )
            continue
        problems += [
            problem if problem.startswith(f"{key}.") else f"{key}: {problem}"
            for problem in check(item, country)
        ]
    return problems
