"""California passes the contract every jurisdiction passes."""

from __future__ import annotations

from dueprocess.law.tests.jurisdiction_base import JurisdictionContract
from dueprocess.law.tests.jurisdictions.united_states.facts import ca


class TestCaliforniaContract(JurisdictionContract):
    code = "US-CA"

    def minimal_facts(self, ground: str) -> dict:
        return ca(ground=ground)
