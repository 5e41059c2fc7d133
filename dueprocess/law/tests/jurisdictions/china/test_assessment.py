"""The PRC assessment end to end: what each ground owes, notice, deadlines and the working."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from dueprocess.law import FactsError
from dueprocess.law.tests.jurisdictions.china.facts import articles, run

D = dt.date


def test_a_lawful_incompetence_dismissal_owes_n_and_nothing_is_missing() -> None:
    result = run()
    assert result.lawful and result.blockers == () and result.missing_steps == ()
    assert result.severance is not None and result.severance.amount == Decimal("130000.00")
    assert result.total == Decimal("130000.00") and result.unlawful_damages == Decimal("260000.00")


def test_pay_in_lieu_is_the_previous_months_wage_and_is_added_to_the_total() -> None:
    result = run(notice={"given_on": "2025-06-30", "pay_in_lieu": True})
    assert result.notice is not None and result.notice.pay_in_lieu == Decimal("21000.00")
    assert result.total == Decimal("151000.00")
    assert [d.article for d in result.deadlines].count("IR 20") == 1


def test_pay_in_lieu_needs_the_previous_months_wage() -> None:
    with pytest.raises(FactsError) as error:
        run(notice={"given_on": "2025-06-30", "pay_in_lieu": True}, pay={"previous_month": None})
    assert error.value.field == "pay.previous_month"


@pytest.mark.parametrize(
    "ground",
    ["mutual_agreement_employee_proposed", "resignation", "serious_misconduct", "criminal_liability"],
)
def test_grounds_without_statutory_compensation_owe_nothing(ground: str) -> None:
    result = run(ground=ground)
    assert result.severance is None and result.total == Decimal(0)


def test_a_resignation_needs_neither_a_wage_nor_a_city() -> None:
    result = run(ground="resignation", pay={}, locality=None, employee={"hire_date": None})
    assert result.notice is not None and result.notice.required_days == 30
    assert result.service is None and result.unlawful_damages is None
    assert result.lines[0].amount == "0.00"


def test_a_resignation_in_probation_needs_3_days() -> None:
    result = run(ground="resignation", contract={"probation_end": "2025-07-31"})
    assert result.notice is not None and result.notice.required_days == 3


def test_a_summary_dismissal_shows_what_2n_would_cost() -> None:
    result = run(ground="serious_misconduct", notice=None)
    assert result.notice is not None and result.notice.required_days == 0
    assert result.unlawful_damages == Decimal("260000.00") and result.total == Decimal(0)


def test_a_dismissal_needs_the_hire_date() -> None:
    with pytest.raises(FactsError) as error:
        run(employee={"hire_date": None})
    assert error.value.field == "employee.hire_date"


@pytest.mark.parametrize(
    ("ground", "article"),
    [
        ("mutual_agreement_employer_proposed", "LCL 46(2)"),
        ("resignation_employer_fault", "LCL 46(1)"),
        ("illness_incapacity", "LCL 46(3)"),
        ("changed_circumstances", "LCL 46(3)"),
        ("economic_layoff", "LCL 46(4)"),
        ("employer_closure", "LCL 46(6)"),
    ],
)
def test_each_ground_with_n_names_the_article_that_makes_it_due(ground: str, article: str) -> None:
    result = run(ground=ground)
    assert result.severance is not None and result.severance.lines[-1].article == article


def test_an_expiry_after_a_refused_renewal_offer_owes_no_n() -> None:
    result = run(
        ground="fixed_term_expiry",
        notice=None,
        contract={"type": "fixed_term", "end_date": "2025-06-30"},
        procedure={"renewal_offered_on_same_or_better_terms": True},
    )
    assert result.severance is None and result.total == Decimal(0) and result.lawful
    assert result.unlawful_damages == Decimal("260000.00")


def test_the_lcl_50_deadlines_follow_the_last_day() -> None:
    result = run()
    due = {d.what.en: (d.due_on, d.article) for d in result.deadlines}
    assert due["Issue the termination certificate (IR 24 contents)"] == (D(2025, 6, 30), "LCL 50")
    assert due["Transfer the personnel file and social insurance"] == (D(2025, 7, 15), "LCL 50")
    assert due["Pay N when the handover is completed"] == (D(2025, 6, 30), "LCL 50")
    assert due["Keep the terminated contract text at least until"] == (D(2027, 6, 30), "LCL 50")


def test_no_n_means_no_n_deadline() -> None:
    result = run(ground="serious_misconduct")
    assert "Pay N when the handover is completed" not in [d.what.en for d in result.deadlines]


def test_the_working_runs_from_the_wage_to_the_total_with_an_article_on_every_line() -> None:
    result = run()
    assert result.lines[0].what.en.startswith("Average monthly wage")
    assert result.lines[-1].what.en == "Total owed on the lawful path"
    assert all(line.article for line in result.lines)
    assert {"LCL 47", "IR 27", "LCL 87", "LCL 40"} <= {line.article for line in result.lines}


def test_blockers_and_missing_steps_come_together_when_both_apply() -> None:
    result = run(
        protected=[{"kind": "pregnancy", "from": "2025-01-01"}], procedure={"union_notified_on": None}
    )
    assert articles(result.blockers) == ["LCL 42(4)"] and articles(result.missing_steps) == ["LCL 43"]
    assert result.severance is not None  # both paths stay visible
