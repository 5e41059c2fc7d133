from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "dueprocess.api"
    verbose_name = _("API")

    def ready(self) -> None:
        from dueprocess.records.labels import register_event_type

        for event_type, label in EVENT_LABELS.items():
            register_event_type(event_type, label)


EVENT_LABELS = {
    "api.token_created": _("API token created"),
    "api.token_revoked": _("API token revoked"),
}
