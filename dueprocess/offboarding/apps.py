from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffboardingConfig(AppConfig):
    name = "dueprocess.offboarding"
    verbose_name = _("Offboarding")

    def ready(self) -> None:
        from dueprocess.cases.actions import CLOSING_CHECKS
        from dueprocess.offboarding.closing import open_required_tasks
        from dueprocess.records.labels import register_event_type

        for event_type, label in EVENT_LABELS.items():
            register_event_type(event_type, label)
        # A case cannot close while a task the law requires is still open (e.g. PRC LCL 50).
        if open_required_tasks not in CLOSING_CHECKS:
            CLOSING_CHECKS.append(open_required_tasks)


EVENT_LABELS = {
    "offboarding.checklist_created": _("Offboarding checklist created"),
    "offboarding.task_assigned": _("Offboarding task assigned"),
    "offboarding.task_completed": _("Offboarding task done"),
    "offboarding.task_not_applicable": _("Offboarding task set aside as not applicable"),
    "offboarding.exit_interview_recorded": _("Exit interview recorded"),
    "offboarding.settlement_created": _("Settlement drawn up from the assessment"),
    "offboarding.settlement_line_added": _("Settlement line added"),
    "offboarding.settlement_line_withdrawn": _("Settlement line withdrawn"),
    "offboarding.settlement_approved": _("Settlement approved"),
    "offboarding.settlement_paid": _("Settlement paid"),
    "offboarding.support_offered": _("Support offered"),
    "offboarding.support_uptake_recorded": _("Whether support was taken up recorded"),
    "offboarding.dispute_filed": _("Dispute filed"),
    "offboarding.dispute_hearing_recorded": _("Dispute hearing recorded"),
    "offboarding.dispute_outcome_recorded": _("Dispute outcome recorded"),
}
