"""Getting a letter to the employee: into their portal, by e-mail with the PDF attached, or by other
means recorded with their proof (in person before witnesses, by courier with a tracking number) —
what a PRC arbitration commission asks for as proof of delivery (送达)."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import smtplib

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.accounts.models import User
from dueprocess.letters.actions._common import Errors, letter_event, locked, require
from dueprocess.letters.models import Channel, Delivery, Letter, LetterStatus
from dueprocess.records import open_document

logger = logging.getLogger(__name__)
OTHER_CHANNELS = (Channel.IN_PERSON, Channel.COURIER)


@transaction.atomic
def deliver_letter(letter: Letter, *, actor: User, email: bool = True) -> Letter:
    """Put the letter in the employee's portal now and, once this commits, e-mail it to them."""
    require(policy.can_manage_letter(actor, letter), _("deliver this letter"))
    letter = locked(letter)
    errors = Errors()
    if not letter.for_employee:
        errors.add("channel", _("This letter is addressed to the union: record how it was handed over."))
    elif letter.delivered_at is not None:
        errors.add("channel", _("This letter is already in the employee's portal."))
    errors.raise_any()
    now = timezone.now()
    Delivery.objects.create(letter=letter, channel=Channel.PORTAL, at=now, recorded_by=actor)
    letter.delivered_at = now
    if letter.status == LetterStatus.ISSUED:
        letter.status = LetterStatus.DELIVERED
    letter.save(update_fields=["delivered_at", "status"])
    letter_event(
        letter, "letters.delivered", actor=actor, data={"channel": Channel.PORTAL, "sha256": letter.sha256}
    )
    if email and letter.employee.email:
        transaction.on_commit(functools.partial(send_letter_email, letter.pk, actor.pk))
    return letter


def send_letter_email(letter_pk: int, actor_pk: int | None) -> None:
    """E-mail the PDF (run after the delivery commits) and record that it went, or that it failed."""
    letter = Letter.objects.select_related("employee").get(pk=letter_pk)
    actor = User.objects.filter(pk=actor_pk).first() if actor_pk else None
    address = letter.employee.email
    with translation.override(letter.language):
        body = render_to_string("letters/email/letter.txt", {"letter": letter})
    message = EmailMessage(subject=letter.subject, body=body, to=[address])
    with open_document(letter.sha256) as handle:
        message.attach(letter.file_name, handle.read(), "application/pdf")
    try:
        message.send()
    except (OSError, smtplib.SMTPException) as error:
        logger.warning("Letter %s could not be e-mailed: %s", letter.public_id, error)
        with transaction.atomic():
            letter_event(
                letter,
                "letters.email_failed",
                actor=actor,
                data={"address": address, "error": str(error)[:300]},
            )
        return
    with transaction.atomic():
        Delivery.objects.create(
            letter=letter, channel=Channel.EMAIL, at=timezone.now(), address=address, recorded_by=actor
        )
        letter_event(
            letter,
            "letters.delivered",
            actor=actor,
            data={"channel": Channel.EMAIL, "address": address, "sha256": letter.sha256},
        )


@transaction.atomic
def record_other_delivery(
    letter: Letter,
    *,
    actor: User,
    channel: str,
    delivered_at: dt.datetime,
    witnesses: str = "",
    courier: str = "",
    tracking_number: str = "",
    note: str = "",
) -> Delivery:
    """Delivery outside the system: in person (with who witnessed it) or by courier (with the
    tracking number), for an employee who will not or cannot acknowledge in the portal."""
    require(policy.can_manage_letter(actor, letter), _("record the delivery of this letter"))
    letter = locked(letter)
    errors = Errors()
    if channel not in OTHER_CHANNELS:
        errors.add("channel", _("Choose in person or courier."))
    if channel == Channel.IN_PERSON:
        errors.blank("witnesses", witnesses, _("Name who witnessed the letter being handed over."))
    if channel == Channel.COURIER:
        errors.blank("courier", courier, _("Name the courier."))
        errors.blank("tracking_number", tracking_number, _("Give the courier's tracking number."))
    if delivered_at is None or timezone.is_naive(delivered_at):
        errors.add("delivered_at", _("Give the date and time of delivery."))
    elif delivered_at > timezone.now():
        errors.add("delivered_at", _("Record a delivery once it has happened."))
    elif timezone.localdate(delivered_at) < letter.issued_on:
        errors.add("delivered_at", _("The letter cannot have been delivered before it was issued."))
    errors.raise_any()
    delivery = Delivery.objects.create(
        letter=letter,
        channel=channel,
        at=delivered_at,
        witnesses=witnesses.strip(),
        courier=courier.strip(),
        tracking_number=tracking_number.strip(),
        note=note.strip(),
        recorded_by=actor,
    )
    if letter.status == LetterStatus.ISSUED:
        letter.status = LetterStatus.DELIVERED
        letter.save(update_fields=["status"])
    letter_event(
        letter,
        "letters.delivered",
        actor=actor,
        data={
            "channel": channel,
            "at": delivered_at,
            "witnesses": delivery.witnesses,
            "courier": delivery.courier,
            "tracking_number": delivery.tracking_number,
            "note": delivery.note,
            "sha256": letter.sha256,
        },
    )
    return delivery
