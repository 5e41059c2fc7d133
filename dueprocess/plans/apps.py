from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "dueprocess.plans"
    verbose_name = _("Improvement plans")

    def ready(self) -> None:
        from dueprocess.records.labels import register_event_type

        for event_type, label in EVENT_LABELS.items():
            register_event_type(event_type, label)


EVENT_LABELS = {
    "plans.drafted": _("Improvement plan drafted"),
    "plans.published": _("Improvement plan published"),
    "plans.revised": _("Improvement plan revised"),
    "plans.acknowledged": _("Improvement plan acknowledged by the employee"),
    "plans.responded": _("Employee responded to the improvement plan"),
    "plans.support_added": _("Support action offered"),
    "plans.support_completed": _("Support action completed"),
    "plans.check_in_scheduled": _("Check-in arranged"),
    "plans.check_in_rescheduled": _("Check-in moved"),
    "plans.check_in_cancelled": _("Arranged check-in cancelled"),
    "plans.check_in_recorded": _("Check-in recorded"),
    "plans.check_in_commented": _("Employee commented on a check-in"),
    "plans.extended": _("Improvement plan extended"),
    "plans.closed": _("Improvement plan closed with an outcome"),
}
