from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Delegation, Organisation, User
from .settings_checks import settings_problems


@admin.register(User)
class ZorgvuldigUserAdmin(UserAdmin):
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        (
            "Zorgvuldig",
            {
                "fields": (
                    "organisation",
                    "role",
                    "clearance",
                    "approval_layer",
                    "manager",
                )
            },
        ),
    )
    list_display = ("username", "first_name", "last_name", "role", "organisation")
    list_filter = ("role", "organisation", "is_active")


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
class OrganisationAdmin(admin.ModelAdmin):
    form = OrganisationForm


# AuditEntry is deliberately not in the admin: its ``changes`` hold case content (facts,
# advice, hearing accounts) that only people assigned to the case may read. The case page
# shows each case's trail to them.


@admin.register(Delegation)
class DelegationAdmin(admin.ModelAdmin):
    """Read-only: delegations are made on the delegation page, where they are audited."""

    list_display = ("from_user", "to_user", "role", "starts", "ends", "revoked_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
