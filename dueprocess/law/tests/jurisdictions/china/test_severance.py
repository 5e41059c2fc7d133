"""N (LCL 47) with its floor and cap, service before 2008 (LCL 97), and 2N (LCL 87, IR 25)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from dueprocess.law import FactsError
from dueprocess.law.jurisdictions.china import monthly_base
from dueprocess.law.tests.jurisdictions.china.facts import codes, run

D = dt.date


def test_the_monthly_base_is_the_average_between_the_floor_and_the_cap() -> None:
    assert monthly_base(Decimal("20000"), "shanghai", D(2025, 6, 30))[:2] == (Decimal("20000"), False)


def test_a_wage_below_the_minimum_is_raised_to_it() -> None:
    assert monthly_base(Decimal("2000"), "shanghai", D(2025, 7, 1))[:2] == (Decimal("2740"), False)
    assert monthly_base(Decimal("2000"), "shanghai", D(2025, 6, 30))[:2] == (Decimal("2690"), False)


def test_a_wage_higher_than_three_times_the_average_is_capped() -> None:
    base, capped, warnings = monthly_base(Decimal("50000"), "shenzhen", D(2025, 12, 31))
    assert (base, capped) == (Decimal("44265"), True)
    assert codes(warnings) == ["FIGURE.UNCONFIRMED.cn_minimum_wage.shenzhen.minimum_monthly_wage"]


def test_a_wage_equal_to_the_cap_is_not_capped_but_flagged() -> None:
    result = run(
        pay={"average_monthly": "37302.00"}, last_day="2025-10-31", notice={"given_on": "2025-09-30"}
    )
    assert result.severance is not None and not result.severance.capped
    assert "CN.LCL.47.EQUAL_TO_CAP" in codes(result.warnings)


def test_the_floor_shows_as_a_line_of_the_working() -> None:
    result = run(pay={"average_monthly": "2000.00"})
    assert result.severance is not None and result.severance.monthly_base == Decimal("2690")
    assert [line.article for line in result.severance.lines].count("IR 27") == 2


def test_the_average_of_the_months_worked_is_used_when_no_average_is_given() -> None:
    result = run(pay={"average_monthly": None, "monthly": ["10000.00", "11000.00", "12000.00"]})
    assert result.severance is not None and result.severance.monthly_base == Decimal("11000")
    assert result.severance.lines[0].article == "IR 27"


def test_a_full_year_of_monthly_wages_is_the_lcl_47_average() -> None:
    result = run(pay={"average_monthly": None, "monthly": ["10000.00"] * 11 + ["22000.00"]})
    assert result.severance is not None and result.severance.monthly_base == Decimal("11000")
    assert result.severance.lines[0].article == "LCL 47"


def test_an_average_that_disagrees_with_the_months_is_used_with_a_warning() -> None:
    result = run(pay={"average_monthly": "20000.00", "monthly": ["10000.00"]})
    assert result.severance is not None and result.severance.monthly_base == Decimal("20000")
    assert "CN.PAY.AVERAGE_DIFFERS" in codes(result.warnings)


def test_the_average_stays_exact_until_the_end() -> None:
    result = run(pay={"average_monthly": None, "monthly": ["10000.00", "10000.00", "10000.01"]})
    # 6.5 units x 10000.003333... = 65000.021666... -> 65000.02, rounded once
    assert result.severance is not None and result.severance.amount == Decimal("65000.02")


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"pay": {"average_monthly": None}}, "pay.average_monthly"), ({"locality": None}, "locality")],
)
def test_n_needs_a_wage_and_a_city(changes: dict, field: str) -> None:
    with pytest.raises(FactsError) as error:
        run(**changes)
    assert error.value.field == field


def test_a_high_earner_gets_at_most_12_units_and_2n_is_flagged_for_review() -> None:
    employee = {"hire_date": "2010-04-01", "birth_date": "1985-05-20"}
    result = run(
        locality="shenzhen",
        employee=employee,
        last_day="2025-12-31",
        notice={"given_on": "2025-12-01"},
        pay={"average_monthly": "80000.00"},
    )
    assert result.severance is not None
    assert (result.severance.units, result.severance.amount) == (Decimal(12), Decimal("531180.00"))
    assert "12" in [line.amount for line in result.severance.lines if line.article == "LCL 47"]
    assert result.unlawful_damages == Decimal("1062360.00")
    assert "CN.LCL.87.TWELVE_YEARS" in codes(result.warnings)


def test_a_stale_city_figure_is_used_with_a_warning() -> None:
    result = run(
        locality="beijing",
        last_day="2025-10-31",
        notice={"given_on": "2025-09-30"},
        procedure={"union_notified_on": "2025-09-20"},
    )
    assert "FIGURE.STALE.cn_average_monthly_wage.beijing.average_monthly_wage" in codes(result.warnings)


PRE_2008 = {"employee": {"hire_date": "2004-12-01", "birth_date": "1980-01-01"}, "last_day": "2026-01-31"}


def test_service_before_2008_is_paid_under_the_1994_rules_and_the_merged_figure_is_shown() -> None:
    result = run(**PRE_2008, ground="mutual_agreement_employer_proposed", pay={"average_monthly": "10000.00"})
    assert result.severance is not None
    assert result.severance.units == Decimal("22.5") and result.severance.amount == Decimal("225000.00")
    assert result.severance.merged_amount == Decimal("215000.00")
    assert "CN.LCL.97.SEGMENTED" in codes(result.warnings)
    assert "M1994 Art. 5" in [line.article for line in result.severance.lines]


def test_the_1994_cap_of_12_months_limits_the_pre_2008_years_of_an_incompetence_dismissal() -> None:
    employee = {"hire_date": "1990-03-01", "birth_date": "1972-01-01", "sex": "male"}
    result = run(employee=employee, last_day="2025-06-30")
    assert result.severance is not None
    lines = {line.article: line.amount for line in result.severance.lines}
    assert lines["M1994 Art. 7"] == "12"


def test_expiry_counts_only_service_from_2008() -> None:
    result = run(
        **PRE_2008,
        ground="fixed_term_expiry",
        notice=None,
        contract={"type": "fixed_term", "end_date": "2026-01-31"},
        procedure={"renewal_offered_on_same_or_better_terms": False},
    )
    assert result.severance is not None and result.severance.units == Decimal("18.5")
    assert result.severance.merged_amount == Decimal("430000.00")
    assert "CN.LCL.97.NO_RULE_FOUND" not in codes(result.warnings)


def test_a_resignation_for_employer_fault_asks_for_review_of_pre_2008_years() -> None:
    result = run(**PRE_2008, ground="resignation_employer_fault", notice=None)
    assert "CN.LCL.97.NO_RULE_FOUND" in codes(result.warnings)


def test_a_high_earner_with_pre_2008_service_is_capped_after_2008_only_and_flagged() -> None:
    result = run(**PRE_2008, ground="mutual_agreement_employer_proposed", pay={"average_monthly": "50000.00"})
    assert result.severance is not None
    # 4 units x 50,000 (uncapped, 1994 rules) + 12 units x 37,302 (LCL 47 cap and limit)
    assert result.severance.amount == Decimal("647624.00")
    assert "CN.LCL.97.CAP" in codes(result.warnings)


def test_segmenting_that_changes_nothing_shows_no_merged_figure() -> None:
    employee = {"hire_date": "2006-03-01", "birth_date": "1982-08-08", "sex": "male"}
    result = run(
        employee=employee,
        last_day="2025-08-31",
        notice={"given_on": "2025-08-01"},
        pay={"average_monthly": "10000.00"},
        procedure={"union_notified_on": "2025-07-25"},
    )
    assert result.severance is not None and result.severance.merged_amount is None
    assert result.unlawful_damages == Decimal("400000.00")


@pytest.mark.parametrize(("ground", "subsidy"), [("illness_incapacity", True), ("economic_layoff", False)])
def test_pre_2008_years_under_arts_6_8_9_ask_for_the_enterprise_average(ground: str, subsidy: bool) -> None:
    result = run(**PRE_2008, ground=ground, procedure={"union_notified_on": "2025-01-01"})
    warning = next(w for w in result.warnings if w.code == "CN.M1994.REVIEW")
    assert "enterprise" in warning.message.en
    assert ("medical subsidy" in warning.message.en) is subsidy
