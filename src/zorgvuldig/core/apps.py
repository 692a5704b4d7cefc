from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "zorgvuldig.core"
    label = "core"
    verbose_name = _("Core: users, roles, audit trail")

    def ready(self) -> None:
        from . import audit, receivers
        from .choices import Confidentiality, Role

        receivers.connect()

        audit.register_choices("core.Role", Role)
        audit.register_choices("core.Confidentiality", Confidentiality)
        audit.register_actions(
            {
                "role.delegated": _("Role delegated"),
                "role.delegation_revoked": _("Delegation revoked"),
                "admin.added": _("Added in the admin"),
                "admin.changed": _("Changed in the admin"),
                "admin.deleted": _("Deleted in the admin"),
                "delegation.deleted": _("Delegation deleted"),
                "auth.login": _("Signed in"),
                "auth.logout": _("Signed out"),
                "auth.session_expired": _("Session ended"),
                "auth.login_failed": _("Failed login"),
                "auth.locked_out": _("Logins locked out"),
                "auth.otp_enrolled": _("Second factor set up"),
                "auth.otp_failed": _("Wrong one-time code"),
                "access.refused": _("Access refused"),
                "user.created": _("User created"),
                "user.changed": _("User changed"),
                "user.role_changed": _("Role changed"),
                "user.clearance_changed": _("Clearance changed"),
                "user.password_changed": _("Password changed"),
                "user.rights_changed": _("Rights changed"),
                "user.deleted": _("User deleted"),
            }
        )
