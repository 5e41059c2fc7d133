"""A task that does not apply is set aside with the reason; a task the law requires only by legal
counsel."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from dueprocess.offboarding import actions
from dueprocess.offboarding.models import TaskStatus
from dueprocess.offboarding.tests.conftest import task


def test_hr_sets_aside_an_optional_task_with_its_reason(checklist, persona, events):
    aside = actions.mark_not_applicable(
        task(checklist, "access"), actor=persona("hrbp"), reason="No accounts."
    )
    assert (aside.status, aside.reason) == (TaskStatus.NOT_APPLICABLE, "No accounts.")
    assert events.of("offboarding.task_not_applicable")[0]["reason"] == "No accounts."


def test_a_required_task_only_by_legal_counsel(checklist, persona):
    certificate = task(checklist, "termination_certificate")
    with pytest.raises(ValidationError) as refused:
        actions.mark_not_applicable(certificate, actor=persona("hrbp"), reason="Not needed.")
    assert "legal counsel" in refused.value.message_dict["task"][0]
    aside = actions.mark_not_applicable(
        certificate, actor=persona("legal"), reason="Issued on paper by the branch."
    )
    assert aside.status == TaskStatus.NOT_APPLICABLE


def test_the_reason_is_required(checklist, persona):
    with pytest.raises(ValidationError) as refused:
        actions.mark_not_applicable(task(checklist, "access"), actor=persona("hrbp"), reason="  ")
    assert "reason" in refused.value.message_dict
