from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "zorgvuldig.core"
    label = "core"
    verbose_name = _("Core: users, roles, audit trail")
