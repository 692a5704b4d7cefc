from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "zorgvuldig.core"
    label = "core"
    verbose_name = _("Core: users, roles, audit trail")

    def ready(self) -> None:
        from . import audit
        from .choices import Confidentiality, Role

        audit.register_choices("core.Role", Role)
        audit.register_choices("core.Confidentiality", Confidentiality)
        audit.register_actions(
            {
                "role.delegated": _("Role delegated"),
                "role.delegation_revoked": _("Delegation revoked"),
                "admin.added": _("Added in the admin"),
                "admin.changed": _("Changed in the admin"),
                "admin.deleted": _("Deleted in the admin"),
            }
        )
