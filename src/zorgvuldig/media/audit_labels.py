"""What the media app's audit entries are called, for people, and the choices their
summaries use; registered with :mod:`zorgvuldig.core.audit` from ``MediaConfig.ready``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from zorgvuldig.core.audit import register_actions, register_choices

from .choices import Verdict

#: ``{action code: label}`` for every ``record_audit`` in ``services.py``.
ACTIONS = {"media.checked": _("Article checked")}


def register() -> None:
    """Register :data:`ACTIONS` and the choices the summaries keep as codes."""
    register_actions(ACTIONS)
    register_choices("media.Verdict", Verdict)
