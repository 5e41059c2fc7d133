"""The settlement equals the assessment's figures plus the lines added by hand; each line is approved
by someone other than who entered it, then paid with the day."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.accounts import policy
from dueprocess.offboarding import actions
from dueprocess.offboarding.models import LineKind, LineStatus
from dueprocess.offboarding.tests.conftest import DEMO_TODAY, day


@pytest.fixture
def settlement(offboarding, persona):
    return actions.create_settlement(offboarding, actor=persona("hrbp"))


def test_it_starts_from_the_assessment_the_notice_was_served_on(settlement, offboarding):
    result = offboarding.latest_assessment.result
    lines = {line.kind: line for line in settlement.lines.all()}
    assert set(lines) == {LineKind.SEVERANCE, LineKind.PAY_IN_LIEU}, "N + a month's wage in lieu: N+1"
    assert lines[LineKind.SEVERANCE].amount == Decimal(result["severance"]["amount"])
    assert lines[LineKind.PAY_IN_LIEU].amount == Decimal(result["notice"]["pay_in_lieu"])
    assert lines[LineKind.PAY_IN_LIEU].article == "IR 20"
    assert settlement.total() == Decimal(result["total"]) and settlement.currency == "CNY"
    assert all(line.from_assessment for line in lines.values())


def test_manual_lines_add_to_the_assessment(settlement, offboarding, persona, events):
    actions.add_settlement_line(
        settlement, actor=persona("hrbp"), kind="unused_leave", amount="6727.59", reason="5 days at 1345.52"
    )
    bonus = actions.add_settlement_line(
        settlement, actor=persona("hrbp"), kind="bonus", amount="1000", reason="Q3"
    )
    expected = Decimal(offboarding.latest_assessment.result["total"]) + Decimal("7727.59")
    assert settlement.total() == expected
    actions.withdraw_settlement_line(bonus, actor=persona("hrbp"), reason="Entered twice.")
    assert settlement.total() == expected - Decimal("1000.00")
    assert events.of("offboarding.settlement_line_withdrawn")[0]["reason"] == "Entered twice."


def test_bad_lines_are_named(settlement, persona):
    for kind, amount, reason, field in [
        ("severance", "10", "x", "kind"),
        ("bonus", "-5", "x", "amount"),
        ("bonus", "1.234", "x", "amount"),
        ("bonus", "lots", "x", "amount"),
        ("bonus", "10", " ", "reason"),
    ]:
        with pytest.raises(ValidationError) as refused:
            actions.add_settlement_line(
                settlement, actor=persona("hrbp"), kind=kind, amount=amount, reason=reason
            )
        assert field in refused.value.message_dict, (kind, amount, reason)


def test_a_second_person_approves_then_it_is_paid_with_the_day(settlement, persona, events):
    with pytest.raises(PermissionDenied):
        actions.approve_settlement(settlement, actor=persona("hrbp"))
    approved = actions.approve_settlement(settlement, actor=persona("hr.admin"))
    assert {line.status for line in approved} == {LineStatus.APPROVED}
    paid = actions.mark_settlement_paid(
        settlement, actor=persona("hrbp"), paid_on=DEMO_TODAY, reference="PAY-1"
    )
    assert {(line.status, line.paid_on) for line in paid} == {(LineStatus.PAID, DEMO_TODAY)}
    assert settlement.is_paid()
    (data,) = events.of("offboarding.settlement_paid")
    assert Decimal(data["total"]) == settlement.total() and data["on"] == DEMO_TODAY.isoformat()


def test_nobody_approves_a_line_they_entered(settlement, persona):
    actions.add_settlement_line(
        settlement, actor=persona("hr.admin"), kind="other", amount="50", reason="Travel"
    )
    with pytest.raises(ValidationError) as refused:
        actions.approve_settlement(settlement, actor=persona("hr.admin"))
    assert "lines" in refused.value.message_dict
    assert actions.approve_settlement(settlement, actor=persona("legal"))


def test_a_line_is_paid_only_once_approved_and_never_on_a_day_to_come(settlement, persona):
    line = settlement.lines.first()
    with pytest.raises(ValidationError) as unapproved:
        actions.mark_settlement_paid(settlement, actor=persona("hrbp"), paid_on=DEMO_TODAY, lines=[line])
    assert "lines" in unapproved.value.message_dict
    actions.approve_settlement(settlement, actor=persona("hr.admin"))
    with pytest.raises(ValidationError) as future:
        actions.mark_settlement_paid(settlement, actor=persona("hrbp"), paid_on=day(1))
    assert "paid_on" in future.value.message_dict


def test_only_one_settlement_and_only_after_notice(settlement, offboarding, persona):
    with pytest.raises(ValidationError):
        actions.create_settlement(offboarding, actor=persona("hrbp"))


@pytest.mark.parametrize(
    ("username", "sees"),
    [("hrbp", True), ("hr.admin", True), ("legal", True), ("auditor", True), ("manager", False),
     ("other.manager", False), ("employee", False)],
)  # fmt: skip
def test_the_figures_follow_wages(offboarding, persona, username, sees):
    assert policy.can_view_settlement(persona(username), offboarding) is sees
