"""The settlement: drawn up from the assessment the case acted on, completed by hand, approved by a
second person and marked paid, each line on the record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.accounts.models import User
from dueprocess.cases.models import CaseAssessment, SeparationCase
from dueprocess.offboarding.actions._common import AFTER_NOTICE, Errors, case_event, require, today
from dueprocess.offboarding.models import CURRENCIES, MANUAL_KINDS, LineKind, Settlement, SettlementLine

CENT = Decimal("0.01")


def assessed_lines(assessment: CaseAssessment) -> list[tuple[str, Decimal, str]]:
    """(kind, amount, article) for each amount the law engine computed; together they make its total."""
    result = assessment.result or {}
    severance = result.get("severance") or {}
    notice = result.get("notice") or {}
    redundancy = result.get("redundancy_pay") or {}
    final_pay = result.get("final_pay") or {}
    severance_lines = severance.get("lines") or [{}]
    candidates = [
        (LineKind.SEVERANCE, severance.get("amount"), severance_lines[-1].get("article", "")),
        (LineKind.PAY_IN_LIEU, notice.get("pay_in_lieu"), _article(notice, "IR 20")),
        (LineKind.REDUNDANCY_PAY, redundancy.get("amount"), "ERA s.162"),
        (LineKind.WAITING_TIME_PENALTY, final_pay.get("waiting_time_penalty"), "LC 203"),
    ]
    return [
        (kind, Decimal(amount), article)
        for kind, amount, article in candidates
        if amount and Decimal(amount) > 0
    ]


def _article(section: dict, default: str) -> str:
    lines = section.get("lines") or []
    return lines[0].get("article", default) if lines else default


@transaction.atomic
def create_settlement(case: SeparationCase, *, actor: User) -> Settlement:
    require(policy.can_manage_settlement(actor, case), _("draw up this settlement"))
    case = SeparationCase.objects.select_for_update().get(pk=case.pk)
    assessment = case.latest_assessment
    errors = Errors()
    if case.stage not in AFTER_NOTICE:
        errors.add("case", _("The settlement follows the notice: serve it first."))
    if assessment is None:
        errors.add("case", _("The case has no assessment to take the figures from."))
    if Settlement.objects.filter(case=case).exists():
        errors.add("case", _("This case already has its settlement."))
    errors.raise_any()
    assert assessment is not None
    settlement = Settlement.objects.create(
        case=case, assessment=assessment, currency=CURRENCIES.get(case.jurisdiction, ""), created_by=actor
    )
    lines = [
        SettlementLine.objects.create(
            settlement=settlement,
            kind=kind,
            amount=amount,
            article=article,
            from_assessment=True,
            added_by=actor,
        )
        for kind, amount, article in assessed_lines(assessment)
    ]
    case_event(
        case,
        "offboarding.settlement_created",
        actor=actor,
        data={
            "assessment": assessment.number,
            "currency": settlement.currency,
            "lines": [_line_data(line) for line in lines],
            "total": settlement.total(),
        },
    )
    return settlement


def _line_data(line: SettlementLine) -> dict:
    return {"line": str(line.public_id), "kind": line.kind, "amount": line.amount, "article": line.article}


def _amount(errors: Errors, value) -> Decimal:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        errors.add("amount", _("Enter the amount as a number, e.g. 1234.50."))
        return Decimal(0)
    if not amount.is_finite() or amount <= 0:
        errors.add("amount", _("The amount must be more than zero."))
    elif amount != amount.quantize(CENT):
        errors.add("amount", _("The amount has at most two decimals."))
    return amount


@transaction.atomic
def add_settlement_line(
    settlement: Settlement, *, actor: User, kind: str, amount, reason: str, article: str = ""
) -> SettlementLine:
    """A line the law engine does not compute: unused leave, a bonus, the final wages, other."""
    case = settlement.case
    require(policy.can_manage_settlement(actor, case), _("change this settlement"))
    errors = Errors()
    if kind not in MANUAL_KINDS:
        errors.add(
            "kind",
            _("Choose final wages, unused leave, a bonus or other; the rest come from the assessment."),
        )
    value = _amount(errors, amount)
    errors.blank("reason", reason, _("Say what the amount is for and how it was worked out."))
    errors.raise_any()
    line = SettlementLine.objects.create(
        settlement=settlement,
        kind=kind,
        amount=value,
        article=article.strip(),
        reason=reason.strip(),
        added_by=actor,
    )
    case_event(
        case,
        "offboarding.settlement_line_added",
        actor=actor,
        data={**_line_data(line), "reason": line.reason, "total": settlement.total()},
    )
    return line


@transaction.atomic
def withdraw_settlement_line(line: SettlementLine, *, actor: User, reason: str) -> SettlementLine:
    case = line.settlement.case
    require(policy.can_manage_settlement(actor, case), _("change this settlement"))
    line = SettlementLine.objects.select_for_update().get(pk=line.pk)
    errors = Errors()
    if line.is_withdrawn or line.paid_on:
        errors.add("line", _("A line already paid or withdrawn stays as it is."))
    errors.blank("reason", reason, _("Say why the line is withdrawn."))
    errors.raise_any()
    line.withdrawn_on, line.withdrawn_reason = today(), reason.strip()
    line.save(update_fields=["withdrawn_on", "withdrawn_reason"])
    case_event(
        case,
        "offboarding.settlement_line_withdrawn",
        actor=actor,
        data={**_line_data(line), "reason": line.withdrawn_reason, "total": line.settlement.total()},
    )
    return line


def _chosen(settlement: Settlement, lines: Iterable[SettlementLine] | None) -> list[SettlementLine]:
    ids = [line.pk for line in lines] if lines is not None else None
    rows = settlement.lines.select_for_update().filter(withdrawn_on__isnull=True)
    return list(rows.filter(pk__in=ids) if ids is not None else rows)


@transaction.atomic
def approve_settlement(
    settlement: Settlement, *, actor: User, lines: Iterable[SettlementLine] | None = None
) -> list[SettlementLine]:
    """Approve the given lines, or every line awaiting approval. Nobody approves a line they entered."""
    case = settlement.case
    require(policy.can_approve_settlement(actor, case), _("approve this settlement"))
    chosen = [line for line in _chosen(settlement, lines) if not line.approved_on]
    errors = Errors()
    if not chosen:
        errors.add("lines", _("No line is awaiting approval."))
    if any(line.added_by_id == actor.pk for line in chosen):
        errors.add("lines", _("A line is approved by someone other than who entered it."))
    errors.raise_any()
    for line in chosen:
        line.approved_by, line.approved_on = actor, today()
        line.save(update_fields=["approved_by", "approved_on"])
    case_event(
        case,
        "offboarding.settlement_approved",
        actor=actor,
        data={"lines": [_line_data(line) for line in chosen], "total": sum(line.amount for line in chosen)},
    )
    return chosen


@transaction.atomic
def mark_settlement_paid(
    settlement: Settlement,
    *,
    actor: User,
    paid_on: dt.date,
    lines: Iterable[SettlementLine] | None = None,
    reference: str = "",
) -> list[SettlementLine]:
    """Mark the given approved lines paid (every approved unpaid line if none are given)."""
    case = settlement.case
    require(policy.can_manage_settlement(actor, case), _("record this payment"))
    candidates = [line for line in _chosen(settlement, lines) if not line.paid_on]
    errors = Errors()
    if any(not line.approved_on for line in candidates if lines is not None):
        errors.add("lines", _("A line is paid only once it is approved."))
    chosen = [line for line in candidates if line.approved_on]
    if not chosen:
        errors.add("lines", _("No approved line is waiting to be paid."))
    if paid_on > today():
        errors.add("paid_on", _("Record the payment once it is made."))
    if any(line.approved_on and paid_on < line.approved_on for line in chosen):
        errors.add("paid_on", _("A line cannot be paid before it was approved."))
    errors.raise_any()
    for line in chosen:
        line.paid_on, line.paid_by, line.payment_reference = paid_on, actor, reference.strip()
        line.save(update_fields=["paid_on", "paid_by", "payment_reference"])
    case_event(
        case,
        "offboarding.settlement_paid",
        actor=actor,
        data={
            "on": paid_on,
            "lines": [_line_data(line) for line in chosen],
            "total": sum(line.amount for line in chosen),
            "reference": reference.strip(),
        },
    )
    return chosen
