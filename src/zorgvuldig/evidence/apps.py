from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "zorgvuldig.evidence"
    label = "evidence"
    verbose_name = _("Evidence")

    def ready(self) -> None:
        from zorgvuldig.inquiries.panels import Panel, register_panel

        from . import audit_labels
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
