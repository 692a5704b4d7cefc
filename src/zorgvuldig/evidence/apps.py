from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "zorgvuldig.evidence"
    label = "evidence"
    verbose_name = _("Evidence")

    def ready(self) -> None:
        from zorgvuldig.core.audit import register_actions
        from zorgvuldig.inquiries.panels import Panel, register_panel

        from .views import panel_context

        register_actions(
            {
                "evidence.added": _("Evidence added"),
                "evidence.downloaded": _("Evidence downloaded (integrity verified)"),
                "evidence.integrity_failed": _("Evidence integrity check failed"),
            }
        )
        register_panel(
            Panel(
                key="evidence",
                template="evidence/panel.html",
                context=panel_context,
                order=10,
            )
        )
