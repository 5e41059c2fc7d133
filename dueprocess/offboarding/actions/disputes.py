"""A claim brought after the dismissal: filed (with its limitation computed from the end of the
employment, and a warning when it was filed after it), its hearings, and its outcome."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.accounts.models import User
from dueprocess.cases.models import SeparationCase, Stage
from dueprocess.offboarding.actions._common import AFTER_NOTICE, Errors, case_event, require, today
from dueprocess.offboarding.limitation import FORUMS, Forum, limitation_for
from dueprocess.offboarding.models import Dispute, DisputeHearing, DisputeOutcome

ENDED = (*AFTER_NOTICE, Stage.CLOSED)


def _filing_errors(case, forum, filed_on, claims, acas_day_a, acas_day_b) -> Errors:
    errors = Errors()
    if case.stage not in ENDED or not case.last_day:
        errors.add("case", _("A dispute about the dismissal is recorded once notice is served."))
    if forum not in FORUMS.get(case.jurisdiction, ()):
        errors.add("forum", _("Choose a forum under the case's law (%(law)s).") % {"law": case.jurisdiction})
    if filed_on > today():
        errors.add("filed_on", _("Record the claim once it is filed."))
    if case.notice_given_on and filed_on < case.notice_given_on:
        errors.add("filed_on", _("A claim about the dismissal cannot be filed before the notice."))
    errors.blank("claims", claims, _("Say what is claimed."))
    if (acas_day_a or acas_day_b) and forum != Forum.UK_TRIBUNAL:
        errors.add("acas_day_a", _("ACAS early conciliation applies to an employment tribunal claim only."))
    if bool(acas_day_a) != bool(acas_day_b):
        errors.add("acas_day_b", _("Enter both days of early conciliation, or neither."))
    if acas_day_a and acas_day_b and acas_day_b < acas_day_a:
        errors.add("acas_day_b", _("The certificate cannot come before conciliation began."))
    return errors


@transaction.atomic
def file_dispute(
    case: SeparationCase,
    *,
    actor: User,
    forum: str,
    filed_on: dt.date,
    claims: str,
    reference: str = "",
    counted_from: dt.date | None = None,
    acas_day_a: dt.date | None = None,
    acas_day_b: dt.date | None = None,
) -> Dispute:
    """``counted_from``: the day the limitation runs from, the last day of employment unless the
    claimant learnt of the infringement later."""
    require(policy.can_manage_offboarding(actor, case), _("record disputes about this case"))
    case = SeparationCase.objects.get(pk=case.pk)
    _filing_errors(case, forum, filed_on, claims, acas_day_a, acas_day_b).raise_any()
    start = counted_from or case.ended_on or case.last_day
    assert start is not None
    limitation = limitation_for(forum, start, acas_day_a=acas_day_a, acas_day_b=acas_day_b)
    dispute = Dispute.objects.create(
        case=case,
        forum=forum,
        filed_on=filed_on,
        reference=reference.strip(),
        claims=claims.strip(),
        counted_from=start,
        acas_day_a=acas_day_a,
        acas_day_b=acas_day_b,
        limitation_ends_on=limitation.ends_on,
        limitation_article=limitation.article,
        limitation_source=limitation.source,
        limitation_note=limitation.note,
        filed_after_limitation=limitation.missed_by(filed_on),
        recorded_by=actor,
    )
    case_event(
        case,
        "offboarding.dispute_filed",
        actor=actor,
        data={
            "on": filed_on,
            "dispute": str(dispute.public_id),
            "forum": forum,
            "reference": dispute.reference,
            "summary": dispute.claims,
            "limitation": {
                "counted_from": start,
                "ends_on": limitation.ends_on,
                "article": limitation.article,
                "source": limitation.source,
                "extended_by_conciliation": limitation.extended_by_conciliation,
            },
            "filed_after_limitation": dispute.filed_after_limitation,
        },
    )
    return dispute


@transaction.atomic
def record_dispute_hearing(
    dispute: Dispute, *, actor: User, on: dt.date, place: str = "", note: str = ""
) -> DisputeHearing:
    """A hearing held, or one set down for a coming day."""
    require(policy.can_manage_offboarding(actor, dispute.case), _("record disputes about this case"))
    dispute = Dispute.objects.select_for_update().select_related("case").get(pk=dispute.pk)
    errors = Errors()
    if dispute.is_decided:
        errors.add("dispute", _("This dispute is decided."))
    if on < dispute.filed_on:
        errors.add("on", _("A hearing cannot be before the claim was filed."))
    errors.blank("note", (place or "") + (note or ""), _("Say where it is or what happened."))
    errors.raise_any()
    hearing = DisputeHearing.objects.create(
        dispute=dispute, on=on, place=place.strip(), note=note.strip(), recorded_by=actor
    )
    case_event(
        dispute.case,
        "offboarding.dispute_hearing_recorded",
        actor=actor,
        data={"on": on, "dispute": str(dispute.public_id), "place": hearing.place, "summary": hearing.note},
    )
    return hearing


def _money(errors: Errors, amount) -> Decimal | None:
    if amount in (None, ""):
        return None
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        errors.add("amount", _("Enter the amount as a number, e.g. 1234.50."))
        return None
    if not value.is_finite() or value < 0 or value != value.quantize(Decimal("0.01")):
        errors.add("amount", _("The amount is zero or more, with at most two decimals."))
    return value


@transaction.atomic
def record_dispute_outcome(
    dispute: Dispute, *, actor: User, outcome: str, decided_on: dt.date, amount=None, note: str = ""
) -> Dispute:
    require(policy.can_manage_offboarding(actor, dispute.case), _("record disputes about this case"))
    dispute = Dispute.objects.select_for_update().select_related("case").get(pk=dispute.pk)
    errors = Errors()
    if dispute.is_decided:
        errors.add("dispute", _("This dispute is decided."))
    if outcome not in DisputeOutcome.values:
        errors.add("outcome", _("Choose won, lost, settled or withdrawn."))
    if decided_on > today():
        errors.add("decided_on", _("Record the outcome once it is known."))
    if decided_on < dispute.filed_on:
        errors.add("decided_on", _("The outcome cannot come before the claim."))
    value = _money(errors, amount)
    if outcome in (DisputeOutcome.LOST, DisputeOutcome.SETTLED) and value is None:
        errors.add("amount", _("Enter the amount awarded or agreed (0 if none)."))
    errors.raise_any()
    dispute.outcome, dispute.outcome_on, dispute.amount, dispute.outcome_note = (
        outcome,
        decided_on,
        value,
        note.strip(),
    )
    dispute.save(update_fields=["outcome", "outcome_on", "amount", "outcome_note"])
    case_event(
        dispute.case,
        "offboarding.dispute_outcome_recorded",
        actor=actor,
        data={
            "on": decided_on,
            "dispute": str(dispute.public_id),
            "outcome": outcome,
            "amount": value,
            "note": dispute.outcome_note,
        },
    )
    return dispute
