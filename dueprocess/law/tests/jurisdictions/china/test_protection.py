"""LCL 42 situations bar LCL 40/41 terminations; LCL 45 extends an expiring contract."""

from __future__ import annotations

import pytest

from dueprocess.law import FactsError
from dueprocess.law.jurisdictions.china import protected_blockers
from dueprocess.law.tests.jurisdictions.china.facts import articles, codes, parsed, run


@pytest.mark.parametrize(
    ("kind", "article"),
    [
        ("occupational_disease_exam", "LCL 42(1)"),
        ("suspected_occupational_disease", "LCL 42(1)"),
        ("occupational_disease", "LCL 42(2)"),
        ("work_injury", "LCL 42(2)"),
        ("medical_treatment", "LCL 42(3)"),
        ("pregnancy", "LCL 42(4)"),
        ("maternity", "LCL 42(4)"),
        ("nursing", "LCL 42(4)"),
        ("other_statutory", "LCL 42(6)"),
    ],
)
def test_each_protected_situation_blocks_a_no_fault_dismissal(kind: str, article: str) -> None:
    result = run(protected=[{"kind": kind, "from": "2025-01-01", "to": None}])
    assert articles(result.blockers) == [article]
    assert not result.lawful
    assert result.blockers[0].code == "CN." + article.replace(" ", ".").replace("(", ".").replace(")", "")


def test_it_blocks_a_layoff_during_pregnancy_too() -> None:
    result = run(
        ground="economic_layoff", protected=[{"kind": "pregnancy", "from": "2025-03-01", "to": None}]
    )
    assert "LCL 42(4)" in articles(result.blockers)


def test_a_situation_that_ended_before_notice_was_given_does_not_block() -> None:
    result = run(protected=[{"kind": "nursing", "from": "2024-01-01", "to": "2025-05-30"}])
    assert result.blockers == ()


def test_a_situation_that_starts_during_the_notice_period_blocks() -> None:
    result = run(protected=[{"kind": "pregnancy", "from": "2025-06-10", "to": None}])
    assert articles(result.blockers) == ["LCL 42(4)"]


def test_a_summary_dismissal_is_not_barred_but_warns_about_pregnancy() -> None:
    result = run(
        ground="serious_misconduct", protected=[{"kind": "pregnancy", "from": "2025-03-01", "to": None}]
    )
    assert result.blockers == ()
    assert "CN.FEM.5" in codes(result.warnings)


def test_an_unknown_protected_kind_is_refused_naming_the_entry() -> None:
    with pytest.raises(FactsError) as error:
        run(protected=[{"kind": "pregnancy"}, {"kind": "holiday", "from": "2025-01-01"}])
    assert error.value.field == "protected[1].kind"


def test_an_open_medical_period_runs_for_the_months_the_1994_table_gives() -> None:
    # 5-6 years with the employer (and 10+ total assumed): 9 months from 2024-10-01, to 2025-06-30.
    # Any day of the period between the notice (2025-05-31) and the last day blocks.
    facts = dict(protected=[{"kind": "medical_treatment", "from": "2025-10-01", "to": None}])
    still = run(protected=[{"kind": "medical_treatment", "from": "2024-10-01", "to": None}])
    assert articles(still.blockers) == ["LCL 42(3)"]
    assert "CN.MED.PERIOD" in codes(still.warnings)
    assert "ending 2025-06-30" in still.warnings[0].message.en
    over = run(protected=[{"kind": "medical_treatment", "from": "2024-08-31", "to": None}])
    assert over.blockers == ()
    assert run(**facts).blockers == ()


def test_an_open_medical_period_at_a_band_boundary_takes_the_longer_band_and_says_so() -> None:
    result = run(protected=[{"kind": "medical_treatment", "from": "2024-04-01", "to": None}])
    warning = next(w for w in result.warnings if w.code == "CN.MED.PERIOD")
    assert "longer band" in warning.message.en and "较长档" in warning.message.zh


def test_a_recorded_medical_period_end_is_used_as_given() -> None:
    result = run(protected=[{"kind": "medical_treatment", "from": "2025-01-01", "to": "2025-05-30"}])
    assert result.blockers == ()
    assert "CN.MED.PERIOD" not in codes(result.warnings)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"protected": [{"kind": "medical_treatment", "to": None}]}, "protected[0].from"),
        (
            {
                "employee": {"hire_date": None},
                "protected": [{"kind": "medical_treatment", "from": "2025-01-01"}],
            },
            "employee.hire_date",
        ),
    ],
)
def test_an_open_medical_period_needs_its_start_and_the_hire_date(changes: dict, field: str) -> None:
    with pytest.raises(FactsError) as error:
        protected_blockers(parsed(**changes))
    assert error.value.field == field


NEAR_RETIREMENT = {"hire_date": "2008-01-01", "birth_date": "1968-06-15", "sex": "male"}


def test_fifteen_years_and_under_five_to_retirement_blocks_a_no_fault_dismissal() -> None:
    result = run(employee=NEAR_RETIREMENT, last_day="2026-06-30", notice={"given_on": "2026-05-31"})
    assert articles(result.blockers) == ["LCL 42(5)"]


def test_fourteen_years_eleven_months_is_not_yet_fifteen() -> None:
    facts = parsed(
        employee={**NEAR_RETIREMENT, "hire_date": "2011-07-01"}, last_day="2026-05-31", notice=None
    )
    assert protected_blockers(facts) == []


def test_five_years_or_more_before_retirement_is_not_protected() -> None:
    # Born June 1968: retires 2029-05-15; five years before is 2024-05-15.
    assert protected_blockers(parsed(employee=NEAR_RETIREMENT, last_day="2024-05-15", notice=None)) == []
    found = protected_blockers(parsed(employee=NEAR_RETIREMENT, last_day="2024-05-16", notice=None))
    assert articles(found) == ["LCL 42(5)"]


def test_a_woman_of_unknown_category_gets_the_favourable_reading_with_a_warning() -> None:
    # Born 1978-03-10: as a worker she retires at 50 + 21 months (2029-12-10), as a cadre at 58 (2036).
    employee = {"hire_date": "2005-01-01", "birth_date": "1978-03-10", "sex": "female"}
    result = run(employee=employee, last_day="2025-06-30")
    assert "LCL 42(5)" in articles(result.blockers)
    assert "CN.RETIREMENT.CATEGORY" in codes(result.warnings)


def test_an_unknown_sex_is_read_in_the_employee_favourable_way_with_a_warning() -> None:
    employee = {"hire_date": "2005-01-01", "birth_date": "1968-03-10", "sex": None}
    result = run(employee=employee, last_day="2025-06-30")
    assert "LCL 42(5)" in articles(result.blockers)
    assert (
        "事实未载明性别" in next(w for w in result.warnings if w.code == "CN.RETIREMENT.CATEGORY").message.zh
    )


def test_an_employee_past_retirement_age_is_flagged_not_protected() -> None:
    employee = {"hire_date": "1990-01-01", "birth_date": "1960-01-01", "sex": "male"}
    result = run(employee=employee, last_day="2025-06-30")
    assert "LCL 42(5)" not in articles(result.blockers)
    assert "CN.IR.21" in codes(result.warnings)


@pytest.mark.parametrize(
    ("employee", "field"),
    [
        ({"birth_date": None}, "employee.birth_date"),
        ({"sex": "unknown"}, "employee.sex"),
    ],
)
def test_fifteen_years_of_service_needs_the_birth_date_and_a_known_sex_value(
    employee: dict, field: str
) -> None:
    with pytest.raises(FactsError) as error:
        run(employee={**NEAR_RETIREMENT, **employee}, last_day="2026-06-30", notice=None)
    assert error.value.field == field


EXPIRY = {
    "ground": "fixed_term_expiry",
    "contract": {"type": "fixed_term", "end_date": "2025-06-30"},
    "procedure": {"renewal_offered_on_same_or_better_terms": False},
    "notice": None,
}


def test_a_fixed_term_contract_expiring_in_pregnancy_is_extended() -> None:
    result = run(**EXPIRY, protected=[{"kind": "pregnancy", "from": "2025-02-01", "to": None}])
    assert articles(result.blockers) == ["LCL 45"]
    assert result.blockers[0].code == "CN.LCL.45" and "LCL 42(4)" in result.blockers[0].message.en


def test_an_expiry_during_a_work_injury_points_to_the_work_injury_rules() -> None:
    result = run(**EXPIRY, protected=[{"kind": "work_injury", "from": "2024-02-01", "to": None}])
    assert "work-injury insurance" in result.blockers[0].message.en
    assert "工伤保险" in result.blockers[0].message.zh


def test_an_unknown_protected_kind_is_refused_on_every_ground() -> None:
    with pytest.raises(FactsError) as error:
        run(ground="serious_misconduct", protected=[{"kind": "holiday", "from": "2025-01-01"}])
    assert error.value.field == "protected[0].kind"
