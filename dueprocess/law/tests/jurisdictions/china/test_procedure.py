"""Grounds that do not fit the facts, and the steps the employer must still take."""

from __future__ import annotations

import pytest

from dueprocess.law import FactsError
from dueprocess.law.tests.jurisdictions.china.facts import articles, codes, run

PROBATION = {
    "ground": "probation_unqualified",
    "employee": {"hire_date": "2025-03-01"},
    "contract": {"type": "open_ended", "probation_end": "2025-08-31"},
    "notice": None,
}


def test_a_probation_dismissal_within_probation_fits() -> None:
    result = run(**PROBATION)
    assert result.blockers == () and result.lawful
    assert result.notice is not None and result.notice.required_days == 0


def test_a_probation_dismissal_without_a_probation_period_is_blocked() -> None:
    result = run(**{**PROBATION, "contract": {"type": "open_ended", "probation_end": None}})
    assert articles(result.blockers) == ["LCL 39(1)"]
    assert result.blockers[0].code == "CN.LCL.39.1"


def test_a_probation_dismissal_after_probation_ended_is_blocked() -> None:
    result = run(**{**PROBATION, "last_day": "2025-09-01"})
    assert articles(result.blockers) == ["LCL 39(1)"]
    assert "2025-08-31" in result.blockers[0].message.en


def test_a_probation_longer_than_lcl_19_allows_ends_at_the_lawful_limit() -> None:
    # A 2-year contract allows 2 months' probation (to 2025-04-30), whatever the contract says.
    contract = {"type": "fixed_term", "end_date": "2027-02-28", "probation_end": "2025-08-31"}
    result = run(**{**PROBATION, "contract": contract, "last_day": "2025-05-15"})
    assert articles(result.blockers) == ["LCL 19"]
    assert "2025-04-30" in result.blockers[0].message.en


def test_a_task_based_contract_allows_no_probation() -> None:
    contract = {"type": "task_based", "probation_end": "2025-04-30"}
    result = run(**{**PROBATION, "contract": contract, "last_day": "2025-04-15"})
    assert articles(result.blockers) == ["LCL 19"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        (
            {"contract": {"type": "fixed_term", "probation_end": "2025-04-30"}, "last_day": "2025-04-15"},
            "contract.end_date",
        ),
        ({"employee": {"hire_date": None}}, "employee.hire_date"),
    ],
)
def test_the_probation_check_needs_the_contract_term_and_hire_date(changes: dict, field: str) -> None:
    with pytest.raises(FactsError) as error:
        run(**{**PROBATION, **changes})
    assert error.value.field == field


@pytest.mark.parametrize("ground", ["changed_circumstances", "economic_layoff"])
def test_in_probation_only_lcl_39_and_40_1_2_are_open(ground: str) -> None:
    result = run(ground=ground, contract={"probation_end": "2025-06-15"})
    assert "LCL 21" in articles(result.blockers)


EXPIRY = {
    "ground": "fixed_term_expiry",
    "contract": {"type": "fixed_term", "end_date": "2025-06-30"},
    "procedure": {"renewal_offered_on_same_or_better_terms": False},
    "notice": None,
}


def test_an_open_ended_contract_does_not_expire() -> None:
    result = run(**{**EXPIRY, "contract": {"type": "open_ended"}})
    assert articles(result.blockers) == ["LCL 44(1)"]


def test_a_contract_cannot_expire_before_its_end_date() -> None:
    result = run(**{**EXPIRY, "contract": {"type": "fixed_term", "end_date": "2025-12-31"}})
    assert articles(result.blockers) == ["LCL 44(1)"]


def test_ending_after_the_end_date_warns_that_the_contract_ran_on() -> None:
    result = run(**{**EXPIRY, "contract": {"type": "fixed_term", "end_date": "2025-05-31"}})
    assert result.blockers == () and "CN.LCL.44.1.LATE" in codes(result.warnings)


def test_a_task_based_contract_ends_with_its_task_and_pays_n() -> None:
    result = run(**{**EXPIRY, "contract": {"type": "task_based"}, "procedure": {}})
    assert result.lawful and result.severance is not None and result.severance.amount > 0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"contract": {"type": "fixed_term", "end_date": None}}, "contract.end_date"),
        ({"procedure": {}}, "procedure.renewal_offered_on_same_or_better_terms"),
    ],
)
def test_an_expiry_needs_the_end_date_and_whether_renewal_was_offered(changes: dict, field: str) -> None:
    with pytest.raises(FactsError) as error:
        run(**{**EXPIRY, **changes})
    assert error.value.field == field


def test_the_union_must_be_notified_before_a_unilateral_termination() -> None:
    result = run(procedure={"union_notified_on": None})
    assert articles(result.missing_steps) == ["LCL 43"]
    assert result.missing_steps[0].code == "CN.LCL.43"


def test_notifying_the_union_after_the_decision_is_too_late() -> None:
    result = run(procedure={"union_notified_on": "2025-06-01"})
    assert articles(result.missing_steps) == ["LCL 43"]
    assert "after the decision on 2025-05-31" in result.missing_steps[0].message.en


def test_notifying_the_union_on_the_day_of_the_decision_is_in_time() -> None:
    assert run(procedure={"union_notified_on": "2025-05-31"}).lawful


@pytest.mark.parametrize("flag", [False, None])
def test_incompetence_needs_training_or_a_job_adjustment_first(flag: bool | None) -> None:
    result = run(procedure={"training_or_job_adjustment": flag})
    assert articles(result.missing_steps) == ["LCL 40(2)"]
    assert result.blockers == ()


@pytest.mark.parametrize(
    ("notice", "shown"),
    [
        ({"given_on": "2025-06-01"}, "only 29 days ahead"),
        (None, "no written notice"),
        ({"given_on": None}, "no written notice"),
    ],
)
def test_notice_shorter_than_30_days_without_pay_in_lieu_is_a_missing_step(
    notice: dict | None, shown: str
) -> None:
    result = run(notice=notice)
    assert articles(result.missing_steps) == ["LCL 40"]
    assert shown in result.missing_steps[0].message.en


def test_pay_in_lieu_replaces_the_30_days() -> None:
    result = run(notice={"given_on": "2025-06-30", "pay_in_lieu": True})
    assert result.lawful


LAYOFF = {"ground": "economic_layoff", "notice": None}


def test_a_layoff_needs_the_explanation_30_days_ahead() -> None:
    result = run(**LAYOFF, procedure={"union_notified_on": "2025-06-10"})
    assert articles(result.missing_steps) == ["LCL 41"]
    assert "CN.LCL.41.REPORT" in codes(result.warnings)


def test_a_layoff_without_any_explanation_misses_the_union_and_the_explanation() -> None:
    result = run(**LAYOFF, procedure={"union_notified_on": None})
    assert articles(result.missing_steps) == ["LCL 41", "LCL 43"]


def test_a_layoff_explained_31_days_ahead_is_in_order() -> None:
    assert run(**LAYOFF, procedure={"union_notified_on": "2025-05-30"}).lawful
