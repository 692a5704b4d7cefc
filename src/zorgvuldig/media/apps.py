from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "zorgvuldig.media"
    label = "media"
    verbose_name = _("Media watch")

    def ready(self) -> None:
        from zorgvuldig.core.audit import register_actions, register_choices
        from zorgvuldig.inquiries.panels import Panel, register_panel

        from .choices import Verdict
        from .views import panel_context

        register_actions({"media.checked": _("Article checked")})
        register_choices("media.Verdict", Verdict)
        register_panel(
            Panel(
                key="media",
                template="media/panel.html",
                context=panel_context,
                order=20,
            )
        )
