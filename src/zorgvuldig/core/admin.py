from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Organisation, User


@admin.register(User)
class ZorgvuldigUserAdmin(UserAdmin):
    fieldsets = (
        *UserAdmin.fieldsets,
        ("Zorgvuldig", {"fields": ("organisation", "role")}),
    )
    list_display = ("username", "first_name", "last_name", "role", "organisation")
    list_filter = ("role", "organisation", "is_active")


admin.site.register(Organisation)

# AuditEntry is deliberately not in the admin: its ``changes`` hold case content (facts,
# advice, hearing accounts) that only people assigned to the case may read. The case page
# shows each case's trail to them.
