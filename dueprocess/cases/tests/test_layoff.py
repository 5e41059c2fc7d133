"""A layoff in Beijing: the LCL 41 threshold and steps, the protected people in the list, each
person's figures and the total, and notices served only once everything stands."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.cases import actions
from dueprocess.cases.models import Layoff, SeparationCase, Stage
from dueprocess.cases.tests.conftest import DEMO_TODAY

BEIJING = ["XQ0009", "XQ0010", "XQ0011", "XQ0012", "XQ0013"]
LAST_DAY = DEMO_TODAY + dt.timedelta(days=45)


@pytest.fixture
def layoff(demo_org, persona):
    return actions.create_layoff(
        actor=persona("hr.admin"),
        name="Beijing platform team",
        reason="The platform product is discontinued.",
        employees=[demo_org[n] for n in BEIJING],
        headcount=25,
        last_day=LAST_DAY,
    )


def messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def test_each_person_gets_a_case_on_the_layoff_ground(layoff):
    cases = SeparationCase.objects.filter(layoff=layoff)
    assert sorted(c.employee.number for c in cases) == BEIJING
    assert {c.ground for c in cases} == {"economic_layoff"} and {c.stage for c in cases} == {Stage.DRAFT}


def test_only_the_hr_administrator_plans_a_layoff(demo_org, persona):
    with pytest.raises(PermissionDenied):
        actions.create_layoff(
            actor=persona("hrbp"),
            name="x",
            reason="y",
            employees=[demo_org["XQ0009"]],
            headcount=40,
            last_day=LAST_DAY,
        )
    assert not Layoff.objects.exists()


def test_a_layoff_across_jurisdictions_is_refused(demo_org, persona):
    with pytest.raises(ValidationError) as error:
        actions.create_layoff(
            actor=persona("hr.admin"),
            name="x",
            reason="y",
            headcount=40,
            last_day=LAST_DAY,
            employees=[demo_org["XQ0009"], demo_org["XQ0014"]],
        )
    assert "employees" in error.value.message_dict and not SeparationCase.objects.exists()


def test_the_assessment_shows_missing_steps_protected_people_and_the_total(layoff, persona):
    stored = actions.assess_layoff_now(layoff, actor=persona("hr.admin"))
    result = stored.result
    assert not stored.lawful
    assert {f["code"] for f in result["missing_steps"]} >= {
        "CN.LCL.41.EXPLAIN",
        "CN.LCL.41.REPORT",
        "CN.LCL.43",
    }
    protected = sorted(p["id"] for p in result["persons"] if p["blockers"])
    assert protected == ["XQ0010", "XQ0012"]
    assert Decimal(result["totals"]["total"]) == sum(Decimal(p["total"]) for p in result["persons"])


def test_notices_wait_for_the_steps_and_for_the_protected_to_be_taken_out(layoff, persona, demo_org):
    admin = persona("hr.admin")
    with pytest.raises(ValidationError) as refused:
        actions.serve_layoff_notices(layoff, actor=admin)
    assert "LCL 41" in messages(refused.value) and "XQ0010" in messages(refused.value)
    actions.record_layoff_steps(
        layoff,
        actor=admin,
        staff_explained_on=DEMO_TODAY,
        labour_bureau_reported_on=DEMO_TODAY,
        notice_given_on=DEMO_TODAY,
    )
    actions.notify_union_of_layoff(
        layoff, actor=admin, union="Union", notified_on=DEMO_TODAY, content="The list."
    )
    with pytest.raises(ValidationError) as refused:
        actions.serve_layoff_notices(layoff, actor=admin)
    assert "XQ0010" in messages(refused.value) and "30 days ahead" not in messages(refused.value)
    for number in ("XQ0010", "XQ0012"):
        actions.remove_from_layoff(
            layoff, actor=admin, employee=demo_org[number], reason="Protected by LCL 42."
        )
    served = actions.serve_layoff_notices(layoff, actor=admin)
    assert served.stage == "notices_served"
    cases = SeparationCase.objects.filter(layoff=layoff)
    assert sorted(c.employee.number for c in cases if c.stage == Stage.NOTICE_SERVED) == [
        "XQ0009",
        "XQ0011",
        "XQ0013",
    ]
    assert {c.stage for c in cases if c.employee.number in ("XQ0010", "XQ0012")} == {Stage.WITHDRAWN}
    assert all(c.last_day == LAST_DAY for c in cases if c.stage == Stage.NOTICE_SERVED)
