from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "zorgvuldig.evidence"
    label = "evidence"
    verbose_name = _("Evidence")

    def ready(self) -> None:
        from zorgvuldig.inquiries.panels import Panel, register_panel

        from . import audit_labels
        from .timeline_views import facts_panel_context, record_panel_context
        from .views import panel_context

        audit_labels.register()
        register_panel(
            Panel(
                key="evidence",
                template="evidence/panel.html",
                context=panel_context,
                order=10,
            )
        )
        register_panel(
            Panel(
                key="timeline",
                template="evidence/timeline_panel.html",
                context=facts_panel_context,
                placement="facts",
            )
        )
        register_panel(
            Panel(
                key="own_export",
                template="evidence/own_export_panel.html",
                context=record_panel_context,
                placement="record",
            )
        )
