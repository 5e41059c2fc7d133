"""Each learning gate over every demo role (accounts.policy is the one place that decides)."""

import datetime as dt

import pytest

from dueprocess.accounts import policy
from dueprocess.cases.models import SeparationCase
from dueprocess.learning.models import ImprovementAction, Retrospective

ROLES = ["hr.admin", "hrbp", "manager", "legal", "employee", "auditor", "other.manager"]


@pytest.fixture
def action(demo_org, persona):
    """A closed case for Zhang Wei, its retrospective, and an action owned by his line manager."""
    case = SeparationCase.objects.create(
        employee=demo_org["XQ0007"],
        jurisdiction="CN",
        ground="incompetence",
        summary="Plan failed.",
        opened_by=persona("hrbp"),
        opened_on=dt.date(2026, 9, 1),
        stage="closed",
        closed_on=dt.date(2026, 11, 1),
    )
    retrospective = Retrospective.objects.create(
        case=case, due_on=dt.date(2026, 11, 15), opened_by=persona("hrbp"), opened_on=dt.date(2026, 11, 2)
    )
    return ImprovementAction.objects.create(
        retrospective=retrospective,
        area="performance",
        title="Monthly check",
        changes="the review procedure",
        owner=persona("manager"),
        due_on=dt.date(2026, 12, 1),
        evaluate_every_days=90,
        created_by=persona("hrbp"),
    )


def allowed(persona, rule, *args) -> list[str]:
    return [username for username in ROLES if rule(persona(username), *args)]


def test_analytics_are_read_by_hr_legal_and_the_auditor(persona, demo_org):
    assert allowed(persona, policy.can_view_analytics) == ["hr.admin", "hrbp", "legal", "auditor"]


def test_the_risk_list_is_also_each_line_managers(persona, demo_org):
    assert allowed(persona, policy.can_view_risk_list) == [r for r in ROLES if r != "employee"]


def test_the_hr_partner_counts_their_departments_and_a_manager_their_line(persona, demo_org):
    assert policy.analytics_scope(persona("hrbp")).filter(pk=demo_org["XQ0010"].pk).count() == 0
    assert policy.analytics_scope(persona("manager")).count() == 0
    line = set(policy.risk_scope(persona("manager")).values_list("number", flat=True))
    assert "XQ0007" in line and "XQ0006" not in line and "XQ0010" not in line


def test_the_retrospective_is_run_by_those_who_run_the_case(persona, action):
    case = action.retrospective.case
    assert allowed(persona, policy.can_run_retrospective, case) == ["hr.admin", "hrbp", "legal"]


def test_it_is_read_by_those_who_read_the_case(persona, action):
    readers = [u for u in ROLES if policy.retrospectives_visible_to(persona(u)).exists()]
    assert readers == ["hr.admin", "hrbp", "manager", "legal", "auditor"]


def test_the_owner_updates_an_action_but_never_evaluates_it(persona, action):
    assert allowed(persona, policy.can_update_improvement_action, action) == [
        "hr.admin",
        "hrbp",
        "manager",
        "legal",
    ]
    assert allowed(persona, policy.can_evaluate_improvement_action, action) == ["hr.admin", "hrbp", "legal"]
    assert [u for u in ROLES if policy.improvement_actions_visible_to(persona(u)).filter(pk=action.pk)] == [
        "hr.admin", "hrbp", "manager", "legal", "auditor",
    ]  # fmt: skip
