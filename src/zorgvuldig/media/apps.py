from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "zorgvuldig.media"
    label = "media"
    verbose_name = _("Media watch")

    def ready(self) -> None:
        from zorgvuldig.inquiries.panels import Panel, register_panel

        from . import audit_labels
        from .views import panel_context

        audit_labels.register()
        register_panel(
            Panel(
                key="media",
                template="media/panel.html",
                context=panel_context,
                order=20,
            )
        )
