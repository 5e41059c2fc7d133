"""China passes the contract every jurisdiction passes."""

from __future__ import annotations

from typing import Any

from dueprocess.law.tests.jurisdiction_base import JurisdictionContract

BASE: dict[str, Any] = {
    "jurisdiction": "CN",
    "locality": "shanghai",
    "employee": {"birth_date": "1990-01-01", "sex": "female", "hire_date": "2020-01-01"},
    "contract": {"type": "open_ended"},
    "last_day": "2025-06-30",
    "notice": {"given_on": "2025-05-30", "pay_in_lieu": False},
    "pay": {"average_monthly": "15000.00", "previous_month": "15000.00"},
    "procedure": {
        "union_notified_on": "2025-05-20",
        "training_or_job_adjustment": True,
        "renewal_offered_on_same_or_better_terms": False,
    },
}


class TestChinaContract(JurisdictionContract):
    code = "CN"

    def minimal_facts(self, ground: str) -> dict:
        facts = {**BASE, "ground": ground}
        if ground == "fixed_term_expiry":
            facts["contract"] = {"type": "fixed_term", "end_date": "2025-06-30"}
        if ground == "probation_unqualified":
            facts["employee"] = {**BASE["employee"], "hire_date": "2025-03-01"}
            facts["contract"] = {"type": "open_ended", "probation_end": "2025-08-31"}
        return facts
