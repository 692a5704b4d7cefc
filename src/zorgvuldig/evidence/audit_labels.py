"""What the evidence app's audit entries are called, for people; registered with
:mod:`zorgvuldig.core.audit` from ``EvidenceConfig.ready``. Their summaries use only
choices that ``core`` registers (``Confidentiality``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from zorgvuldig.core.audit import register_actions

#: ``{action code: label}`` for every ``record_audit`` in ``services.py``,
#: ``platform_exports.py``, ``fact_finding.py``, ``timestamping.py`` and ``capture/jobs.py``.
ACTIONS = {
    "evidence.added": _("Evidence added"),
    "evidence.downloaded": _("Evidence downloaded (integrity verified)"),
    "evidence.viewed": _("Evidence viewed"),
    "evidence.exported": _("Evidence exported (WACZ)"),
    "evidence.integrity_failed": _("Evidence integrity check failed"),
    "evidence.export_imported": _("Platform export imported (entries kept)"),
    "evidence.target_post_recorded": _("Contested post put on the timeline"),
    "evidence.capture_requested": _("URL capture requested"),
    "evidence.capture_failed": _("URL capture failed"),
    "evidence.seen_recorded": _("Note of what was seen put on the timeline"),
    "evidence.fact_answered": _("Fact question answered"),
    "evidence.timestamps_requested": _("Timestamps requested again"),
}

#: Summaries earlier versions wrote, kept in the catalogue so that their entries still
#: read in Dutch (a summary is translated when shown).
EARLIER_SUMMARIES = (
    gettext_noop("WACZ export: an artefact no longer matches its hash; not served"),
)


def register() -> None:
    """Register :data:`ACTIONS`."""
    register_actions(ACTIONS)
