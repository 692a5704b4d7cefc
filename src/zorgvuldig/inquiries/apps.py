from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InquiriesConfig(AppConfig):
    name = "zorgvuldig.inquiries"
    label = "inquiries"
    verbose_name = _("Inquiries")

    def ready(self) -> None:
        from .audit_labels import register

        register()
