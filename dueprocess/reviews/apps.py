from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "dueprocess.reviews"
    verbose_name = _("Reviews and conduct")

    def ready(self) -> None:
        from dueprocess.records.labels import register_event_type

        for event_type, label in EVENT_LABELS.items():
            register_event_type(event_type, label)


EVENT_LABELS = {
    "reviews.cycle_created": _("Review cycle created"),
    "reviews.created": _("Review created"),
    "reviews.opened": _("Review opened"),
    "reviews.self_assessed": _("Self-assessment written"),
    "reviews.assessed": _("Manager assessment written"),
    "reviews.submitted": _("Review submitted and locked"),
    "reviews.corrected": _("Review corrected as a new version"),
    "reviews.feedback_requested": _("360 feedback requested"),
    "reviews.feedback_given": _("360 feedback given"),
    "reviews.incident_reported": _("Incident reported"),
    "reviews.investigation_opened": _("Investigation opened"),
    "reviews.interview_recorded": _("Investigation interview recorded"),
    "reviews.investigation_concluded": _("Investigation concluded"),
    "reviews.warning_issued": _("Warning issued"),
    "reviews.explanation_recorded": _("Employee's written explanation recorded"),
}
