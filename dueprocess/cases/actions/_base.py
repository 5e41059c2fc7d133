"""What every case action shares: the case locked for the write, and its events in its own chain."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from dueprocess.cases.models import CaseAssessment, SeparationCase
from dueprocess.records import case_chain, record_event
from dueprocess.reviews.actions._common import Errors, require, today  # noqa: F401 - re-exported


def locked(case: SeparationCase) -> SeparationCase:
    """The case row, locked until the transaction ends, so two moves never race each other."""
    return (
        SeparationCase.objects.select_for_update()
        .select_related("employee", "employee__location")
        .get(pk=case.pk)
    )


def case_event(case: SeparationCase, type: str, *, actor, data: dict[str, Any], documents: Iterable = ()):
    return record_event(
        case,
        type,
        actor=actor,
        # "on": the day the step happened, which the timeline orders by (the demo and late entries
        # record past days; the event's own timestamp stays the real time of entry).
        data={"case": str(case.public_id), "on": today(), **data},
        chain=case_chain(case.public_id),
        documents=documents,
    )


def store_evaluation(case: SeparationCase, evaluation, *, actor, purpose: str) -> CaseAssessment:
    """Keep the assessment a move acted on, and put it in the record."""
    number = (case.assessments.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    stored = CaseAssessment.objects.create(
        case=case,
        number=number,
        purpose=purpose,
        facts=evaluation.facts,
        result=evaluation.result,
        result_zh=evaluation.result_zh,
        lawful=evaluation.lawful,
        assessed_by=actor,
    )
    case_event(
        case,
        "cases.assessed",
        actor=actor,
        data={
            "assessment": number,
            "purpose": purpose,
            "lawful": evaluation.lawful,
            "facts": evaluation.facts,
            "result": evaluation.result,
            "findings": [
                {"code": f.code, "article": f.article, "overridden": f.overridden}
                for f in evaluation.findings
            ],
        },
    )
    return stored


def ensure_open(case: SeparationCase) -> None:
    if not case.is_open:
        raise_on("case", _("This case is %(stage)s.") % {"stage": case.get_stage_display()})


def ensure_before_decision(case: SeparationCase) -> None:
    if not case.is_before_decision:
        raise_on(
            "case",
            _("The decision in this case has been taken (it is %(stage)s): record a new step instead.")
            % {"stage": case.get_stage_display()},
        )


def raise_on(field: str, message: str) -> None:
    errors = Errors()
    errors.add(field, message)
    errors.raise_any()
