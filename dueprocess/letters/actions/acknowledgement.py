"""The employee's answer to a delivered letter: an acknowledgement of receipt of exactly this
document (its SHA-256, the time, the client's address and user agent), or a refusal to give one —
recorded by the employee in the portal or by HR, who saw it happen."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.accounts.models import User
from dueprocess.letters.actions._common import Errors, client_ip, letter_event, locked, require
from dueprocess.letters.models import Acknowledgement, Letter, LetterStatus


@transaction.atomic
def acknowledge_letter(
    letter: Letter, *, actor: User, sha256: str, ip: str | None = None, user_agent: str = ""
) -> Acknowledgement:
    letter = locked(letter)  # read again: the caller's copy may predate its delivery
    require(policy.can_acknowledge_letter(actor, letter), _("acknowledge this letter"))
    errors = Errors()
    if letter.status == LetterStatus.ACKNOWLEDGED:
        errors.add("letter", _("You have already acknowledged this letter."))
    if (sha256 or "").strip().lower() != letter.sha256:
        errors.add(
            "sha256", _("This is not the document you were shown: open the letter again and check it.")
        )
    errors.raise_any()
    acknowledgement = Acknowledgement.objects.create(
        letter=letter,
        at=timezone.now(),
        sha256=letter.sha256,
        ip=client_ip(ip),
        user_agent=(user_agent or "")[:300],
        by=actor,
    )
    letter.status = LetterStatus.ACKNOWLEDGED
    letter.save(update_fields=["status"])
    letter_event(
        letter,
        "letters.acknowledged",
        actor=actor,
        data={
            "sha256": acknowledgement.sha256,
            "at": acknowledgement.at,
            "ip": acknowledgement.ip or "",
            "user_agent": acknowledgement.user_agent,
        },
    )
    return acknowledgement


@transaction.atomic
def refuse_letter(
    letter: Letter, *, actor: User, note: str = "", ip: str | None = None, user_agent: str = ""
) -> Acknowledgement:
    """The employee declines to acknowledge. HR records a refusal they witnessed, saying how it went."""
    letter = locked(letter)
    by_employee = policy.can_acknowledge_letter(actor, letter)
    require(by_employee or policy.can_manage_letter(actor, letter), _("record a refusal for this letter"))
    errors = Errors()
    if letter.status == LetterStatus.ACKNOWLEDGED:
        errors.add("letter", _("The employee has acknowledged this letter."))
    elif letter.status == LetterStatus.REFUSED:
        errors.add("letter", _("A refusal is already recorded for this letter."))
    elif letter.status == LetterStatus.ISSUED:
        errors.add("letter", _("The letter has not been delivered yet."))
    if not by_employee:
        errors.blank("note", note, _("Say how the employee refused (when, where, who was present)."))
    errors.raise_any()
    refusal = Acknowledgement.objects.create(
        letter=letter,
        at=timezone.now(),
        sha256=letter.sha256,
        refused=True,
        note=note.strip(),
        ip=client_ip(ip),
        user_agent=(user_agent or "")[:300],
        by=actor,
    )
    letter.status = LetterStatus.REFUSED
    letter.save(update_fields=["status"])
    letter_event(
        letter,
        "letters.refused",
        actor=actor,
        data={
            "sha256": refusal.sha256,
            "at": refusal.at,
            "by_employee": by_employee,
            "note": refusal.note,
            "ip": refusal.ip or "",
            "user_agent": refusal.user_agent,
        },
    )
    return refusal
