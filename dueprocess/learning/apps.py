from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "dueprocess.learning"
    verbose_name = _("Learning")

    def ready(self) -> None:
        from dueprocess.records.labels import register_event_type

        for event_type, label in EVENT_LABELS.items():
            register_event_type(event_type, label)
        if apps.is_installed("dueprocess.reminders"):
            from dueprocess.learning import reminders  # noqa: F401 - registers the learning finders


EVENT_LABELS = {
    "learning.retrospective_opened": _("Retrospective opened"),
    "learning.finding_recorded": _("Retrospective finding recorded"),
    "learning.retrospective_completed": _("Retrospective completed"),
    "learning.action_added": _("Improvement action added"),
    "learning.action_updated": _("Improvement action status changed"),
    "learning.action_evaluated": _("Improvement action evaluated"),
}
