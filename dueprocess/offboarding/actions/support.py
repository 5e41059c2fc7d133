"""Support offered on leaving (outplacement, training, a reference letter) and whether it was taken up."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.accounts.models import User
from dueprocess.cases.models import SeparationCase, Stage
from dueprocess.offboarding.actions._common import (
    AFTER_NOTICE,
    Errors,
    case_event,
    issue_letter_to_employee,
    require,
    today,
)
from dueprocess.offboarding.models import SupportKind, SupportOffer, Uptake


@transaction.atomic
def offer_support(
    case: SeparationCase, *, actor: User, kind: str, description: str, offered_on: dt.date, provider: str = ""
) -> SupportOffer:
    require(policy.can_manage_offboarding(actor, case), _("manage this case's offboarding"))
    case = SeparationCase.objects.get(pk=case.pk)
    errors = Errors()
    if case.stage not in (*AFTER_NOTICE, Stage.CLOSED):
        errors.add("case", _("Support on leaving is offered once notice is served."))
    if kind not in SupportKind.values:
        errors.add("kind", _("Choose outplacement, training, a reference letter or other."))
    errors.blank("description", description, _("Describe what is offered."))
    if offered_on > today():
        errors.add("offered_on", _("Record the offer once it is made."))
    if case.notice_served_on and offered_on < case.notice_served_on:
        errors.add("offered_on", _("The offer cannot be before the notice."))
    errors.raise_any()
    offer = SupportOffer.objects.create(
        case=case,
        kind=kind,
        description=description.strip(),
        provider=provider.strip(),
        offered_on=offered_on,
        offered_by=actor,
    )
    case_event(
        case,
        "offboarding.support_offered",
        actor=actor,
        data={"on": offered_on, "offer": str(offer.public_id), "support": kind, "summary": offer.description},
    )
    return offer


@transaction.atomic
def record_support_uptake(
    offer: SupportOffer, *, actor: User, taken_up: str, on: dt.date | None = None, note: str = "", letter=None
) -> SupportOffer:
    case = offer.case
    require(policy.can_manage_offboarding(actor, case), _("manage this case's offboarding"))
    offer = SupportOffer.objects.select_for_update().get(pk=offer.pk)
    on = on or today()
    errors = Errors()
    if offer.taken_up != Uptake.UNKNOWN:
        errors.add("taken_up", _("Whether it was taken up is already recorded."))
    if taken_up not in (Uptake.YES, Uptake.NO):
        errors.add("taken_up", _("Say whether it was taken up."))
    if on > today():
        errors.add("on", _("Record this once it is known."))
    if on < offer.offered_on:
        errors.add("on", _("This is before the offer was made."))
    errors.raise_any()
    offer.taken_up, offer.uptake_on, offer.note = taken_up, on, note.strip()
    if letter is not None:
        offer.letter_public_id, offer.letter_reference = letter.public_id, letter.reference
    offer.save()
    case_event(
        case,
        "offboarding.support_uptake_recorded",
        actor=actor,
        data={
            "on": on,
            "offer": str(offer.public_id),
            "support": offer.kind,
            "taken_up": taken_up,
            "note": offer.note,
            "letter": offer.letter_reference,
        },
    )
    return offer


@transaction.atomic
def give_reference_letter(
    offer: SupportOffer, *, actor: User, language: str = "zh-hans", email: bool = True
) -> SupportOffer:
    """A reference letter offered and accepted: the letters app writes it (no ground, no reason:
    only the employment), and the offer is recorded as taken up with the letter."""
    errors = Errors()
    if offer.kind != SupportKind.REFERENCE_LETTER:
        errors.add("offer", _("This offer is not a reference letter."))
    if offer.taken_up != Uptake.UNKNOWN:
        errors.add("taken_up", _("Whether it was taken up is already recorded."))
    errors.raise_any()
    require(policy.can_manage_offboarding(actor, offer.case), _("manage this case's offboarding"))
    letter = issue_letter_to_employee(
        "reference_letter", offer.case, actor=actor, language=language, email=email
    )
    return record_support_uptake(offer, actor=actor, taken_up=Uptake.YES, letter=letter)
