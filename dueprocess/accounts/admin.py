from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from dueprocess.accounts import actions
from dueprocess.accounts.forms import AdminLoginForm
from dueprocess.accounts.models import User

# The admin's own login form is throttled like the main one (and the two-factor step follows it).
admin.site.login_form = AdminLoginForm


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
    actions = ["reset_two_factor"]

    @admin.action(description=_("Reset two-factor authentication (lost phone)"))
    def reset_two_factor(self, request, queryset) -> None:  # type: ignore[no-untyped-def]
        try:
            reset = sum(actions.reset_two_factor(account, actor=request.user) for account in queryset)
        except PermissionDenied as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
            return
        self.message_user(
            request,
            ngettext(
                "%(count)d account will set up two-factor authentication again at its next login.",
                "%(count)d accounts will set up two-factor authentication again at their next login.",
                reset,
            )
            % {"count": reset},
        )
