"""The documents a plan's outcome rests on, handed back to those who may read the plan
(policy.can_read_plan_evidence): from the plan page, the employee's portal and the API, by one lookup."""

from __future__ import annotations

from dueprocess.accounts import policy
from dueprocess.plans.models import ImprovementPlan, OutcomeEvidence
from dueprocess.records.downloads import is_sha256


def outcome_file(user, plan: ImprovementPlan | None, sha256: str) -> OutcomeEvidence | None:
    """The document stored under ``sha256`` among those of the plan's outcomes, if the user may read
    the plan; None otherwise, whether the plan or the file is missing or not the user's to read (one
    answer: existence is not leaked). Only the plan given is searched: a document of another plan is
    not found here, even where the user may read that one too."""
    if plan is None or not is_sha256(sha256) or not policy.can_read_plan_evidence(user, plan):
        return None
    return OutcomeEvidence.objects.filter(outcome__plan=plan, sha256=sha256).first()
