"""The account writes that matter: confirming and resetting a second factor (both on the record)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dueprocess.accounts import policy, two_factor
from dueprocess.accounts.models import TwoFactorDevice, User
from dueprocess.records import record_event


@transaction.atomic
def confirm_two_factor(device: TwoFactorDevice, code: str, *, actor: User) -> TwoFactorDevice:
    """The user proves their app holds the secret by entering its current code."""
    if actor.pk != device.user_id:
        raise PermissionDenied(_("You are not allowed to enrol someone else's authenticator."))
    if device.confirmed:
        raise ValidationError({"code": [_("This authenticator is already confirmed.")]})
    if not two_factor.check_code(device, code):
        raise ValidationError({"code": [wrong_code_message()]})
    device.confirmed_at = timezone.now()
    device.save(update_fields=["confirmed_at"])
    record_event(actor, "accounts.two_factor_enrolled", actor=actor, data={"method": "totp"})
    return device


@transaction.atomic
def reset_two_factor(account: User, *, actor: User) -> bool:
    """Remove a lost authenticator; the person enrols a new one at their next login."""
    if not policy.can_reset_two_factor(actor, account):
        raise PermissionDenied(_("You are not allowed to reset this person's two-factor authentication."))
    deleted, _rows = TwoFactorDevice.objects.filter(user=account).delete()
    if deleted:
        record_event(account, "accounts.two_factor_reset", actor=actor, data={"method": "totp"})
    return bool(deleted)


def wrong_code_message() -> str:
    return _("That code is not right, or it was already used. Enter the 6-digit code your app shows now.")
