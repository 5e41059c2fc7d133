from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    name = "dueprocess.reminders"
    verbose_name = _("Reminders")

    def ready(self) -> None:
        from dueprocess.records.labels import register_event_type
        from dueprocess.reminders import finders  # noqa: F401 - registers the built-in finders

        for event_type, label in EVENT_LABELS.items():
            register_event_type(event_type, label)


EVENT_LABELS = {
    "reminders.sent": _("Reminder sent"),
    "reminders.escalated": _("Overdue: escalated to HR"),
    "reminders.invitation_sent": _("Calendar invitation sent"),
}
