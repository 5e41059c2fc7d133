from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from dueprocess.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "email", "role", "employee", "is_active"]
    list_filter = ["role", "is_active"]
    raw_id_fields = ["employee"]
    filter_horizontal = ["departments", "groups", "user_permissions"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("dueprocess"), {"fields": ("role", "employee", "departments", "language")}),
    )
