"""The admin: users, organisations and delegations, for the administrator role.

An administrator (role ``administrator``; :mod:`zorgvuldig.core.admin_site`) manages the
accounts and the settings of their own organisation, and nothing else:

- no case, document or evidence model is registered here, and assignment to a case is not
  an admin field, so the admin gives no way to a case;
- nobody sets or changes another person's password in the web admin, a superuser included:
  an administrator who knows a case handler's password could sign in as them and read the
  case (issue 11). New accounts get no usable password; the person signs in through single
  sign-on, or the operator sets a first password on the command line
  (``zorgvuldig changepassword <username>``); everyone changes their own;
- superuser and staff status, groups and permissions are not editable on the web: a
  superuser is made only on the command line (``zorgvuldig createsuperuser``);
- an administrator does not change their own role, clearance or organisation;
- every addition, change and deletion made here is written to the audit trail
  (``admin.added``, ``admin.changed``, ``admin.deleted``) on the object, naming the fields
  changed, never their values (the record holds those).
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from .admin_site import is_administrator
from .models import AuditEntry, Delegation, Organisation, User
from .services import Summary, record_audit
from .settings_checks import settings_problems

#: What an administrator may not change about their own account.
OWN_LOCKED_FIELDS = ("role", "clearance", "organisation", "is_active")
#: Never editable on the web: made on the command line (``zorgvuldig createsuperuser``).
COMMAND_LINE_FIELDS = ("is_staff", "is_superuser", "groups", "user_permissions")


def _changed_fields(message: Any) -> list[str]:
    """The field names in an admin change message (``[{"changed": {"fields": [...]}}]``)."""
    if isinstance(message, str):
        try:
            message = json.loads(message) if message else []
        except ValueError:
            return []
    fields: list[str] = []
    for part in message or []:
        for kind in ("changed", "added"):
            fields += [str(f) for f in part.get(kind, {}).get("fields", [])]
    return fields


class AuditedAdmin(admin.ModelAdmin):
    """A model admin open to administrators, whose every write is on the audit trail."""

    def has_module_permission(self, request) -> bool:
        return is_administrator(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        return is_administrator(request.user)

    def has_add_permission(self, request) -> bool:
        return is_administrator(request.user)

    def has_change_permission(self, request, obj=None) -> bool:
        return is_administrator(request.user)

    def has_delete_permission(self, request, obj=None) -> bool:
        return is_administrator(request.user)

    @staticmethod
    def _summary(obj: Model, fields: list[str]) -> Summary:
        return Summary(
            gettext_noop("%(model)s #%(pk)s in the admin; fields: %(fields)s"),
            {
                "model": obj._meta.model_name,
                "pk": str(obj.pk),
                "fields": fields or ["-"],
            },
        )

    def construct_change_message(self, request, form, formsets, add=False):
        # The field names, not their labels (which are in the writer's language).
        request.audit_changed_fields = list(getattr(form, "changed_data", []))
        return super().construct_change_message(request, form, formsets, add)

    def _fields(self, request, message: Any) -> list[str]:
        return getattr(request, "audit_changed_fields", None) or _changed_fields(
            message
        )

    def log_addition(self, request, obj, message):
        record_audit(
            actor=request.user,
            action="admin.added",
            target=obj,
            summary=self._summary(obj, self._fields(request, message)),
        )
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        record_audit(
            actor=request.user,
            action="admin.changed",
            target=obj,
            summary=self._summary(obj, self._fields(request, message)),
        )
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            record_audit(
                actor=request.user,
                action="admin.deleted",
                target=obj,
                summary=self._summary(obj, []),
            )
        return super().log_deletions(request, queryset)


class AccountCreationForm(forms.ModelForm):
    """A new account without a usable password (see the module docstring)."""

    class Meta:
        model = User
        fields = ("username", "first_name", "last_name", "email")

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=False)
        user.set_unusable_password()
        if commit:
            user.save()
        return user


@admin.register(User)
class ZorgvuldigUserAdmin(AuditedAdmin, UserAdmin):
    add_form = AccountCreationForm
    add_fieldsets = (
        (None, {"fields": ("username", "first_name", "last_name", "email")}),
    )
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (
            "Zorgvuldig",
            {
                "fields": (
                    "is_active",
                    "organisation",
                    "role",
                    "clearance",
                    "approval_layer",
                    "manager",
                )
            },
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    readonly_fields = ("last_login", "date_joined")
    list_display = ("username", "first_name", "last_name", "role", "organisation")
    list_filter = ("role", "organisation", "is_active")

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or obj.pk == request.user.pk:
            return fieldsets
        # Another person's password: not shown, no link to set it.
        return [
            (name, {**opts, "fields": [f for f in opts["fields"] if f != "password"]})
            for name, opts in fieldsets
        ]

    def get_queryset(self, request) -> QuerySet[User]:
        users = super().get_queryset(request)
        if request.user.is_superuser:
            return users
        return users.filter(organisation_id=request.user.organisation_id)

    def get_readonly_fields(self, request, obj=None) -> tuple[str, ...]:
        locked = tuple(self.readonly_fields)
        if obj is not None:
            # a user name is how single sign-on finds an unbound account: renaming
            # accounts must not hand one person's account to another
            locked += ("username",)
        if obj is not None and obj.pk == request.user.pk:
            locked += OWN_LOCKED_FIELDS
        if not request.user.is_superuser:
            locked += ("organisation",)  # their own organisation only
        return locked

    def save_model(self, request, obj, form, change) -> None:
        if not change and not request.user.is_superuser:
            obj.organisation = request.user.organisation
        super().save_model(request, obj, form, change)

    def user_change_password(self, request, id, form_url=""):
        """Only one's own password; another person's is set on the command line."""
        if str(id) != str(request.user.pk):
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)


class OrganisationForm(forms.ModelForm):
    """The organisation, with its procedure settings checked key by key on saving."""

    class Meta:
        model = Organisation
        fields = ("name", "country", "procedure_settings")

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        problems = settings_problems(
            data.get("procedure_settings"), (data.get("country") or "NL").upper()
        )
        if problems:
            self.add_error("procedure_settings", problems)
        return data


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    """An administrator sees and changes their own organisation's settings only."""

    form = OrganisationForm

    def get_queryset(self, request) -> QuerySet[Organisation]:
        organisations = super().get_queryset(request)
        if request.user.is_superuser:
            return organisations
        return organisations.filter(pk=request.user.organisation_id)

    def has_add_permission(self, request) -> bool:
        return bool(request.user.is_superuser)

    def has_delete_permission(self, request, obj=None) -> bool:
        return bool(request.user.is_superuser)


@admin.register(Delegation)
class DelegationAdmin(AuditedAdmin):
    """Read-only: delegations are made on the delegation page, where they are audited."""

    list_display = ("from_user", "to_user", "role", "starts", "ends", "revoked_at")

    def get_queryset(self, request) -> QuerySet[Delegation]:
        rows = super().get_queryset(request)
        if request.user.is_superuser:
            return rows
        return rows.filter(from_user__organisation_id=request.user.organisation_id)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


#: The targets of the entries an administrator reads: accounts, organisations,
#: delegations. Entries about cases hold case content (facts, advice, hearing accounts in
#: ``changes``) that only people assigned to the case may read; the case page shows those.
ADMIN_TRAIL_MODELS = ("user", "organisation", "delegation")


@admin.register(AuditEntry)
class AccountTrailAdmin(AuditedAdmin):
    """The audit trail of accounts and settings (the administrators' actions, delegations,
    and the security events written on users), read-only."""

    list_display = ("at", "actor", "action", "summary")
    list_filter = ("action",)
    fields = ("at", "actor", "on_behalf_of", "action", "summary", "reason")
    readonly_fields = fields

    def get_queryset(self, request) -> QuerySet[AuditEntry]:
        rows = (
            super()
            .get_queryset(request)
            .filter(
                target_type__app_label="core",
                target_type__model__in=ADMIN_TRAIL_MODELS,
            )
            .select_related("actor", "on_behalf_of")
        )
        if request.user.is_superuser:
            return rows
        # what was done by someone of the organisation, or to one of its accounts (failed
        # logins and lockouts have no actor)
        org = request.user.organisation_id
        own_users = User.objects.filter(organisation_id=org).values_list(
            "pk", flat=True
        )
        return rows.filter(
            Q(actor__organisation_id=org)
            | Q(
                actor=None,
                target_type__model="user",
                target_id__in=[str(pk) for pk in own_users],
            )
        )

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
