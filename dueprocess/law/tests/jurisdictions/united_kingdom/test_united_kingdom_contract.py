"""The United Kingdom passes the contract every jurisdiction passes."""

from __future__ import annotations

from dueprocess.law.tests.jurisdiction_base import JurisdictionContract
from dueprocess.law.tests.jurisdictions.united_kingdom.facts import ALL_ACAS_STEPS, gb


class TestUnitedKingdomContract(JurisdictionContract):
    code = "GB"

    def minimal_facts(self, ground: str) -> dict:
        return gb(ground=ground, procedure=dict(ALL_ACAS_STEPS))
