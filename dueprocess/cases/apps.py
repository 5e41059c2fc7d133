from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "dueprocess.cases"
    verbose_name = _("Separation cases")

    def ready(self) -> None:
        from dueprocess.cases.labels import EVENT_LABELS
        from dueprocess.records.labels import register_event_type

        for event_type, label in EVENT_LABELS.items():
            register_event_type(event_type, label)
