from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "dueprocess.letters"
    verbose_name = _("Letters")

    def ready(self) -> None:
        from dueprocess.records.labels import register_event_type

        for event_type, label in EVENT_LABELS.items():
            register_event_type(event_type, label)


EVENT_LABELS = {
    "letters.issued": _("Letter issued"),
    "letters.delivered": _("Letter delivered"),
    "letters.email_failed": _("Letter could not be e-mailed"),
    "letters.acknowledged": _("Letter acknowledged by the employee"),
    "letters.refused": _("Acknowledgement of a letter refused"),
    "letters.template_saved": _("Letter template saved as a new version"),
    "letters.batch_requested": _("Letters for a layoff requested"),
    "letters.batch_finished": _("Letters for a layoff written"),
}
