"""A claim after the dismissal: its limitation computed from the end of the employment, a warning
when it was filed after it, its hearings and its outcome, all on the case's chain."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.offboarding import actions
from dueprocess.offboarding.tests.conftest import DEMO_TODAY, day


def at(when: dt.date):
    return time_machine.travel(f"{when} 12:00 +08:00", tick=False)


def test_prc_arbitration_is_limited_to_one_year_from_the_last_day(offboarding, persona, events):
    with at(day(30)):
        dispute = actions.file_dispute(
            offboarding,
            actor=persona("legal"),
            forum="cn_arbitration",
            filed_on=day(28),
            claims="2N",
            reference="沪劳仲(2026)1",
        )
    assert dispute.limitation_ends_on == dt.date(2027, 11, 24) and dispute.limitation_article == "LDAL 27"
    assert not dispute.filed_after_limitation
    (data,) = events.of("offboarding.dispute_filed")
    assert data["limitation"]["ends_on"] == "2027-11-24" and data["on"] == day(28).isoformat()
    assert "flk.npc.gov.cn" in data["limitation"]["source"]


def test_a_claim_filed_after_the_limitation_is_recorded_with_a_warning(offboarding, persona):
    with at(day(400)):
        dispute = actions.file_dispute(
            offboarding, actor=persona("legal"), forum="cn_arbitration", filed_on=day(370), claims="2N"
        )
    assert dispute.filed_after_limitation


def test_a_court_claim_is_not_modelled_and_says_so(offboarding, persona):
    dispute = actions.file_dispute(
        offboarding,
        actor=persona("hrbp"),
        forum="cn_court",
        filed_on=DEMO_TODAY,
        claims="Appeal of the award",
    )
    assert dispute.limitation_ends_on is None and "15 days" in dispute.limitation_note


def test_the_forum_must_fit_the_case_s_law(offboarding, persona):
    with pytest.raises(ValidationError) as refused:
        actions.file_dispute(
            offboarding, actor=persona("hrbp"), forum="uk_tribunal", filed_on=day(1), claims=" "
        )
    assert {"forum", "filed_on", "claims"} <= set(refused.value.message_dict)


def test_early_conciliation_only_for_a_tribunal_and_with_both_days(offboarding, persona):
    with pytest.raises(ValidationError) as refused:
        actions.file_dispute(
            offboarding,
            actor=persona("hrbp"),
            forum="cn_arbitration",
            filed_on=DEMO_TODAY,
            claims="2N",
            acas_day_a=DEMO_TODAY,
        )
    assert {"acas_day_a", "acas_day_b"} <= set(refused.value.message_dict)


def test_a_uk_claim_with_early_conciliation(served_abroad, persona):
    case = served_abroad("XQ0014", "capability", dt.date(2026, 6, 20))
    dispute = actions.file_dispute(
        case,
        actor=persona("hr.admin"),
        forum="uk_tribunal",
        filed_on=dt.date(2026, 10, 18),
        claims="Unfair dismissal",
        acas_day_a=dt.date(2026, 7, 22),
        acas_day_b=dt.date(2026, 8, 22),
    )
    assert dispute.limitation_ends_on == dt.date(2026, 10, 20) and not dispute.filed_after_limitation


def test_hearings_then_the_outcome(offboarding, persona, events):
    legal = persona("legal")
    dispute = actions.file_dispute(
        offboarding, actor=legal, forum="cn_arbitration", filed_on=DEMO_TODAY, claims="2N"
    )
    actions.record_dispute_hearing(dispute, actor=legal, on=day(40), place="Shanghai arbitration commission")
    with pytest.raises(ValidationError) as no_amount:
        actions.record_dispute_outcome(dispute, actor=legal, outcome="settled", decided_on=DEMO_TODAY)
    assert "amount" in no_amount.value.message_dict
    decided = actions.record_dispute_outcome(
        dispute, actor=legal, outcome="settled", decided_on=DEMO_TODAY, amount="20000.00", note="Mediated."
    )
    assert (decided.outcome, decided.amount) == ("settled", Decimal("20000.00"))
    assert events.of("offboarding.dispute_outcome_recorded")[0]["amount"] == "20000.00"
    with pytest.raises(ValidationError):
        actions.record_dispute_hearing(dispute, actor=legal, on=day(50), place="Again")


def test_disputes_may_come_after_the_case_closed(served_abroad, persona):
    case = served_abroad("XQ0016", "discharge", dt.date(2026, 9, 1), stage="closed")
    dispute = actions.file_dispute(
        case, actor=persona("hr.admin"), forum="ca_crd", filed_on=DEMO_TODAY, claims="FEHA"
    )
    assert dispute.limitation_ends_on == dt.date(2029, 9, 1)


def test_the_line_manager_does_not_record_disputes(offboarding, persona):
    with pytest.raises(PermissionDenied):
        actions.file_dispute(
            offboarding, actor=persona("manager"), forum="cn_arbitration", filed_on=DEMO_TODAY, claims="x"
        )
