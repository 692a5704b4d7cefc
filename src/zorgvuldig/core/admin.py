from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import AuditEntry, Organisation, User


@admin.register(User)
class ZorgvuldigUserAdmin(UserAdmin):
    fieldsets = (
        *UserAdmin.fieldsets,
        ("Zorgvuldig", {"fields": ("organisation", "role")}),
    )
    list_display = ("username", "first_name", "last_name", "role", "organisation")
    list_filter = ("role", "organisation", "is_active")


admin.site.register(Organisation)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("at", "actor", "action", "summary")
    list_filter = ("action",)
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
