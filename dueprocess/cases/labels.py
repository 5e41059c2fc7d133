"""What the case's event types are called in the timeline."""

from django.utils.translation import gettext_lazy as _

EVENT_LABELS = {
    "cases.opened": _("Case opened"),
    "cases.evidence_linked": _("Evidence linked to the case"),
    "cases.gathering_started": _("Evidence gathering started"),
    "cases.termination_planned": _("Termination dates planned"),
    "cases.assessed": _("Law assessment recorded"),
    "cases.finding_overridden": _("Finding overridden by legal counsel"),
    "cases.hearing_invited": _("Employee invited to a hearing"),
    "cases.hearing_held": _("Hearing held"),
    "cases.hearing_cancelled": _("Hearing cancelled"),
    "cases.statement_submitted": _("Employee's statement submitted"),
    "cases.union_notified": _("Union notified"),
    "cases.union_replied": _("Union replied"),
    "cases.union_answered": _("Employer answered the union"),
    "cases.decision_requested": _("Decision requested"),
    "cases.approval_decided": _("Approval decided"),
    "cases.approved": _("Decision approved"),
    "cases.notice_served": _("Notice served"),
    "cases.appeal_lodged": _("Appeal lodged"),
    "cases.appeal_decided": _("Appeal decided"),
    "cases.employment_ended": _("Employment ended"),
    "cases.offboarding_started": _("Offboarding started"),
    "cases.closed": _("Case closed"),
    "cases.withdrawn": _("Case withdrawn"),
    "cases.layoff_created": _("Layoff planned"),
    "cases.layoff_steps_recorded": _("Layoff steps recorded"),
    "cases.layoff_assessed": _("Layoff assessed"),
    "cases.layoff_notices_served": _("Layoff notices served"),
}
