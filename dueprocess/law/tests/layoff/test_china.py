"""CN economic layoff in a batch: the LCL 41 threshold and procedure, N per employee, LCL 42."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dueprocess.law import FactsError, assess
from dueprocess.law.base import ProtectedSituation
from dueprocess.law.layoff import assess_layoff
from dueprocess.law.tests.layoff.plans import CN_PLAN, PREGNANT, people, person, plan

D = dt.date


def articles(findings: tuple) -> list[str]:
    return sorted(f.article for f in findings)


@pytest.mark.parametrize(
    ("cut", "headcount", "triggered"),
    [(19, 1000, False), (20, 1000, True), (14, 150, False), (15, 150, True), (3, 30, True), (2, 30, False)],
)
def test_lcl41_applies_from_twenty_or_from_ten_percent(cut: int, headcount: int, triggered: bool) -> None:
    result = assess_layoff(plan(CN_PLAN, headcount=headcount), people("CN", cut))
    assert result.thresholds[0].triggered is triggered and result.thresholds[0].article == "LCL 41"
    assert articles(result.blockers) == ([] if triggered else ["LCL 41"])
    assert result.lawful is triggered


def test_people_outside_the_list_count_towards_the_threshold() -> None:
    result = assess_layoff(plan(CN_PLAN, others_in_period=15), people("CN", 5))
    assert result.cut == 20 and result.thresholds[0].triggered


def test_a_cut_with_no_procedure_misses_the_explanation_the_report_and_the_union() -> None:
    bare = plan(CN_PLAN, staff_explained_on=None, union_notified_on=None, labour_bureau_reported_on=None)
    result = assess_layoff(bare, people("CN", 20))
    assert articles(result.missing_steps) == ["LCL 41", "LCL 41", "LCL 43"]
    assert all(p.exposure == 2 * p.severance for p in result.persons)  # 2N, service from 2015


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"staff_explained_on": D(2025, 9, 1)}, "CN.LCL.41.EXPLAIN"),  # 29 days ahead
        ({"labour_bureau_reported_on": D(2025, 10, 1)}, "CN.LCL.41.REPORT"),
        ({"union_notified_on": D(2025, 9, 2)}, "CN.LCL.43"),  # after the notices
    ],
)
def test_a_step_taken_too_late_is_still_missing(changes: dict, code: str) -> None:
    result = assess_layoff(plan(CN_PLAN, **changes), people("CN", 20))
    assert [f.code for f in result.missing_steps] == [code]


def test_thirty_days_explanation_is_enough() -> None:
    result = assess_layoff(plan(CN_PLAN, staff_explained_on=D(2025, 8, 31)), people("CN", 20))
    assert not result.missing_steps and result.lawful
    assert {d.article for d in result.deadlines} == {"LCL 41", "LCL 50"}


def test_each_employee_gets_n_from_the_china_rules() -> None:
    result = assess_layoff(
        plan(CN_PLAN, headcount=20), [person("CN", 0), person("CN", 1, pay=Decimal("50000.00"))]
    )
    normal, high = result.persons
    assert (normal.service_months, normal.units, normal.base, normal.severance) == (
        127,
        Decimal(11),
        Decimal("15000.00"),
        Decimal("165000.00"),
    )
    assert high.capped and high.base == Decimal("37302") and high.severance == Decimal("410322.00")
    assert normal.notice_pay == 0 and normal.notice_weeks is None and normal.exposure == 0


def test_a_pregnant_employee_is_blocked_and_the_rest_are_not() -> None:
    result = assess_layoff(CN_PLAN, [*people("CN", 20), person("CN", 20, protected=PREGNANT)])
    blocked = result.persons[-1]
    assert blocked.protected and articles(blocked.blockers) == ["LCL 42(4)"]
    assert blocked.exposure == 2 * blocked.severance
    assert result.totals.blocked == 1 and not result.lawful
    assert not any(p.blockers for p in result.persons[:-1])


def test_a_protected_situation_that_ended_does_not_block() -> None:
    ended = (ProtectedSituation("pregnancy", D(2024, 1, 1), D(2024, 12, 31)),)
    result = assess_layoff(CN_PLAN, [*people("CN", 20), person("CN", 20, protected=ended)])
    assert result.totals.blocked == 0


def test_fifteen_years_and_near_retirement_is_blocked_under_lcl42_5() -> None:
    senior = person("CN", 20, hire_date=D(2005, 1, 1), birth_date=D(1966, 1, 1), sex="male")
    result = assess_layoff(CN_PLAN, [*people("CN", 20), senior])
    assert articles(result.persons[-1].blockers) == ["LCL 42(5)"]
    # The pre-2008 segment goes through the China module, whose review warnings reach the batch.
    assert [w.code for w in result.warnings if w.code != "CN.LCL.41.RETAIN"]


def test_fifteen_years_far_from_retirement_skips_the_full_check() -> None:
    young = person("CN", 20, hire_date=D(2008, 6, 1), birth_date=D(1990, 1, 1))
    assert not assess_layoff(CN_PLAN, [*people("CN", 20), young]).persons[-1].blockers


def test_fifteen_years_without_a_birth_date_names_the_employee() -> None:
    senior = person("CN", 20, hire_date=D(2005, 1, 1), birth_date=None)
    with pytest.raises(FactsError) as error:
        assess_layoff(CN_PLAN, [*people("CN", 20), senior])
    assert error.value.field == "employees[20].birth_date"


def test_an_unknown_protected_kind_names_the_employee() -> None:
    odd = person("CN", 1, protected=(ProtectedSituation("sabbatical", None, None),))
    with pytest.raises(FactsError) as error:
        assess_layoff(CN_PLAN, [person("CN", 0), odd])
    assert error.value.field == "employees[1].protected[0].kind"


def test_the_city_and_each_pay_are_required() -> None:
    with pytest.raises(FactsError) as error:
        assess_layoff(plan(CN_PLAN, locality=None), people("CN", 20))
    assert error.value.field == "locality"
    with pytest.raises(FactsError) as error:
        assess_layoff(CN_PLAN, [person("CN", 0), person("CN", 1, pay=None)])
    assert error.value.field == "employees[1].pay"


def test_figure_warnings_reach_the_batch() -> None:
    result = assess_layoff(plan(CN_PLAN, locality="shenzhen"), people("CN", 20))
    assert any(w.code.startswith("FIGURE.UNCONFIRMED.cn_minimum_wage") for w in result.warnings)
    assert "CN.LCL.41.RETAIN" in [w.code for w in result.warnings]


@settings(max_examples=40, deadline=None)
@given(
    hire=st.dates(D(1996, 1, 1), D(2025, 9, 1)),
    pay=st.decimals(min_value=1000, max_value=80000, places=2, allow_nan=False),
    pregnant=st.booleans(),
)
def test_each_person_matches_the_single_assessment(hire: D, pay: Decimal, pregnant: bool) -> None:
    employee = person(
        "CN", 0, hire_date=hire, pay=pay, birth_date=D(1975, 5, 5), protected=PREGNANT if pregnant else ()
    )
    batch = assess_layoff(CN_PLAN, [employee, *people("CN", 20)]).persons[0]
    single = assess(
        {
            "jurisdiction": "CN",
            "locality": "shanghai",
            "ground": "economic_layoff",
            "employee": {"hire_date": hire.isoformat(), "birth_date": "1975-05-05", "sex": "female"},
            "last_day": "2025-09-30",
            "notice": {"given_on": "2025-09-01"},
            "pay": {"average_monthly": str(pay)},
            "protected": [{"kind": "pregnancy", "from": "2025-05-01", "to": None}] if pregnant else [],
            "procedure": {"union_notified_on": "2025-08-29"},
        }
    )
    assert single.severance is not None
    assert (batch.severance, batch.units, batch.base) == (
        single.severance.amount,
        single.severance.units,
        single.severance.monthly_base,
    )
    assert articles(batch.blockers) == articles(single.blockers)
