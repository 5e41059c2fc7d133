from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "dueprocess.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from dueprocess.records.labels import register_event_type

        for event_type, label in EVENT_LABELS.items():
            register_event_type(event_type, label)


EVENT_LABELS = {
    "accounts.login_locked": _("Logging in locked after repeated failures"),
    "accounts.two_factor_enrolled": _("Two-factor authentication enrolled"),
    "accounts.two_factor_reset": _("Two-factor authentication reset"),
}
